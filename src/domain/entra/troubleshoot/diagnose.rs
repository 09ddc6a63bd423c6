//! Each code the page knows, answered with checks against this account; any
//! other code listed with Microsoft's lookup page, never guessed at.

use super::account::{AccountFacts, Slot};
use super::account_ids::{app_not_found, ids};
use super::clock_skew::time_range;
use super::codes::{lookup_url, Known};
use super::exchange::exchange_findings;
use super::scan::ErrorText;
use super::unregistered_key::unregistered_key;
use crate::domain::links::Provider;

/// Something the page offers beside a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// That certificate's download, and the script that appends it to the app.
    Certificate(Slot),
    /// The admin consent link, which also creates the service principal.
    AdminConsent,
    /// Microsoft's page for a code the page does not know.
    LookUp { code: u32, url: String },
    /// Ask each cloud's OpenID discovery about this tenant.
    CheckTenant(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// `AADSTS700016 (UnauthorizedClient_DoesNotMatchRequest)`, or the Exchange error.
    pub title: String,
    /// Microsoft's description, quoted.
    pub quote: Option<String>,
    /// What the checks against this account found.
    pub lines: Vec<String>,
    pub actions: Vec<Action>,
}

fn finding(known: Known, lines: Vec<String>, actions: Vec<Action>) -> Finding {
    Finding {
        title: known.title(),
        quote: Some(known.description.to_string()),
        lines,
        actions,
    }
}

fn known_finding(code: Known, e: &ErrorText, f: &AccountFacts, now_unix: i64) -> Finding {
    match code.code {
        700016 => finding(code, app_not_found(e, f), vec![Action::AdminConsent]),
        700027 => {
            let (lines, actions) = unregistered_key(e, f);
            finding(code, lines, actions)
        }
        700024 => finding(code, time_range(e, now_unix), Vec::new()),
        90002 => {
            let named = e.directory.clone().unwrap_or_else(|| f.tenant.clone());
            let mut lines = Vec::new();
            if !f.is_tenant(&named) {
                lines.push(format!(
                    "The message names tenant {named}, but this account's tenant is {}: the platform is configured with another tenant.",
                    f.tenant_text()
                ));
            }
            lines.push(format!(
                "This account was linked with the {} cloud. Check tenant {} in every cloud:",
                f.cloud.label(),
                f.tenant
            ));
            finding(code, lines, vec![Action::CheckTenant(f.tenant.clone())])
        }
        7000215 => finding(
            code,
            vec![format!(
                "The platform signs in with a client secret, not with this account's certificate ({}). Configure the platform for certificate sign-in with application {}; a secret on the app is not needed.",
                f.thumbprint(Slot::Current).unwrap_or("unknown"),
                f.application_id
            )],
            Vec::new(),
        ),
        7000229 => {
            let (mut lines, _) = ids(e, f);
            lines.push(format!(
                "The app registration {} has no service principal (enterprise application) in tenant {}. Run the setup script again (its \"Create the service principal\" step), or open the admin consent link, which creates it.",
                f.application_id, f.tenant
            ));
            finding(code, lines, vec![Action::AdminConsent])
        }
        _ => {
            let (mut lines, _) = ids(e, f);
            let resource = e.resource.as_deref().unwrap_or("the resource");
            lines.push(match f.provider {
                Provider::Azure => format!(
                    "Microsoft does not know {resource} in this tenant: the platform asks for a token for the wrong resource, or in the wrong cloud (this account is {}). It needs Azure Resource Manager.",
                    f.cloud.label()
                ),
                _ => format!(
                    "Microsoft does not know {resource} in this tenant: the tenant has no Exchange Online (no licence or subscription), or the platform asks in the wrong cloud (this account is {}). Once Exchange Online exists, grant admin consent again.",
                    f.cloud.label()
                ),
            });
            finding(code, lines, vec![Action::AdminConsent])
        }
    }
}

/// What the page says about `e` for this account; `now_unix` is this
/// browser's clock.
pub fn diagnose(e: &ErrorText, f: &AccountFacts, now_unix: i64) -> Vec<Finding> {
    let mut out: Vec<Finding> = e
        .codes
        .iter()
        .map(|&code| match Known::find(code) {
            Some(k) => known_finding(k, e, f, now_unix),
            None => Finding {
                title: format!("AADSTS{code}"),
                quote: None,
                lines: vec![format!(
                    "This page has no check for AADSTS{code}. Microsoft describes it on its error lookup page."
                )],
                actions: vec![Action::LookUp {
                    code,
                    url: lookup_url(code),
                }],
            },
        })
        .collect();
    out.extend(exchange_findings(e, f));
    if out.is_empty() {
        out.push(Finding {
            title: "No error code found".into(),
            quote: None,
            lines: vec!["The text holds no AADSTS code and no Exchange Online error this page knows. Paste the whole message, including the line that starts with AADSTS.".into()],
            actions: Vec::new(),
        });
    }
    out
}
