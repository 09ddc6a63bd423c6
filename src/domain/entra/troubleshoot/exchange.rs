//! The errors Exchange Online prints, which carry no AADSTS code: the app
//! refused, or its directory role not accepted.

use super::account::AccountFacts;
use super::account_ids::application_line;
use super::diagnose::{Action, Finding};
use super::scan::ErrorText;
use crate::domain::links::Provider;

/// A finding for each Exchange Online error in the message; an Azure
/// account is pointed to Microsoft 365, which is where Exchange is reached.
pub(super) fn exchange_findings(e: &ErrorText, f: &AccountFacts) -> Vec<Finding> {
    let mut out = Vec::new();
    let azure = (f.provider == Provider::Azure).then(|| {
        "This is an Azure account: Exchange Online is reached through a Microsoft 365 account."
            .to_string()
    });
    if e.exchange_unauthorized {
        out.push(Finding {
            title: "Exchange Online: UnAuthorized".into(),
            quote: None,
            lines: azure.clone().map(|l| vec![l]).unwrap_or_else(|| vec![
                "Exchange Online refused the app: the Exchange.ManageAsApp permission (Office 365 Exchange Online) is missing from the app's API permissions, or admin consent was not granted for it. Run the setup script's \"Grant Exchange.ManageAsApp\" step, or open the admin consent link. The token check below shows whether roles holds Exchange.ManageAsApp.".into(),
            ]),
            actions: vec![Action::AdminConsent],
        });
    }
    if e.exchange_role_unsupported {
        let mut lines: Vec<String> = application_line(e, f)
            .map(|(_, l)| vec![l])
            .unwrap_or_default();
        lines.push(azure.unwrap_or_else(|| {
            "The app's service principal has no directory role Exchange Online accepts for app-only sign-in: assign it Global Reader (the setup script's \"Assign Global Reader\" step), under Roles and administrators → Global Reader → Add assignments.".into()
        }));
        out.push(Finding {
            title: "Exchange Online: the role assigned to the application isn't supported".into(),
            quote: None,
            lines,
            actions: Vec::new(),
        });
    }
    out
}
