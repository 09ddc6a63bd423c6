//! Each code the page knows, answered with checks against this account; any
//! other code listed with Microsoft's lookup page, never guessed at.

use super::account::{AccountFacts, Slot};
use super::codes::{lookup_url, Known};
use super::scan::ErrorText;
use super::thumbprint::normalize;
use super::time::duration_text;
use crate::crypto::utc_iso8601;
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

/// Whether the message's application is this account's, in a sentence.
fn application_line(e: &ErrorText, f: &AccountFacts) -> Option<(bool, String)> {
    let app = e.application_id.as_deref()?;
    Some(if app.eq_ignore_ascii_case(&f.application_id) {
        (true, format!("The application {app} is this account's."))
    } else {
        (false, format!(
            "The message names application {app}, but this account's application ID is {}: the platform is configured with another application ID.",
            f.application_id
        ))
    })
}

/// Whether the message's directory is this account's tenant. A display
/// name can only be compared with the organization name.
fn directory_line(e: &ErrorText, f: &AccountFacts) -> Option<(bool, String)> {
    let dir = e.directory.as_deref()?;
    let same = f.is_tenant(dir)
        || f.organization
            .as_deref()
            .is_some_and(|o| o.eq_ignore_ascii_case(dir));
    Some(if same {
        (
            true,
            format!("The directory {dir} is this account's tenant."),
        )
    } else {
        (false, format!(
            "The message names directory {dir}, but this account's tenant is {}: the app lives in another tenant than the one the platform signs in to, or the platform is configured with another tenant.",
            f.tenant_text()
        ))
    })
}

fn ids(e: &ErrorText, f: &AccountFacts) -> (Vec<String>, bool) {
    let checks: Vec<(bool, String)> = [application_line(e, f), directory_line(e, f)]
        .into_iter()
        .flatten()
        .collect();
    let all_match = checks.iter().all(|(ok, _)| *ok);
    (checks.into_iter().map(|(_, l)| l).collect(), all_match)
}

fn app_not_found(e: &ErrorText, f: &AccountFacts) -> Vec<String> {
    let (mut lines, all_match) = ids(e, f);
    if e.application_id.is_none() && e.directory.is_none() {
        lines.push(format!(
            "The message names neither the application nor the directory. Check that the platform uses application {} and tenant {}.",
            f.application_id,
            f.tenant_text()
        ));
    } else if all_match {
        lines.push(format!(
            "Both match this account: the app registration {} was deleted from tenant {}, or was just made and has not reached every sign-in server yet. Look for it under App registrations → All applications.",
            f.application_id, f.tenant
        ));
    }
    lines
}

fn unregistered_key(e: &ErrorText, f: &AccountFacts) -> (Vec<String>, Vec<Action>) {
    let current = f.thumbprint(Slot::Current).unwrap_or("unknown");
    let Some(printed) = e.thumbprint.as_deref() else {
        return (
            vec![format!(
                "The message does not name the key's thumbprint. Compare the thumbprints under Certificates & secrets with this account's current certificate, {current}; upload it if it is missing."
            )],
            vec![Action::Certificate(Slot::Current)],
        );
    };
    let Some(sha1) = normalize(printed) else {
        return (
            vec![format!(
                "The thumbprint in the message, {printed}, is not a SHA-1 thumbprint (40 hex digits): the platform builds the key's x5t header wrongly, so Microsoft cannot find any key."
            )],
            Vec::new(),
        );
    };
    let slot = f
        .thumbprints
        .iter()
        .find(|(_, t)| *t == sha1)
        .map(|(s, _)| *s);
    match slot {
        Some(Slot::Current) => (
            vec![format!("Thumbprint {sha1}: this is the current certificate: it is not uploaded to the app. Upload it under Certificates & secrets → Certificates, or run the script below, which appends it.")],
            vec![Action::Certificate(Slot::Current)],
        ),
        Some(Slot::Pending) => (
            vec![format!("Thumbprint {sha1}: this is the pending certificate of an unfinished renewal: the platform signs with it, but it is not uploaded to the app yet. Upload it, then use it in Renew certificate.")],
            vec![Action::Certificate(Slot::Pending)],
        ),
        Some(Slot::Previous) => (
            vec![format!("Thumbprint {sha1}: this is the previous certificate: the platform still signs with the old key, which is no longer on the app. Give the platform the current certificate ({current}), or upload the previous one again until it switches.")],
            vec![Action::Certificate(Slot::Previous)],
        ),
        None => {
            let known: Vec<String> = f
                .thumbprints
                .iter()
                .map(|(s, t)| format!("{} {t}", s.label()))
                .collect();
            (
                vec![format!(
                    "Thumbprint {sha1} is not a key CloudLink made for this account ({}): the platform signs with a certificate from somewhere else. Give it this account's current certificate.",
                    known.join(", ")
                )],
                Vec::new(),
            )
        }
    }
}

fn time_range(e: &ErrorText, now_unix: i64) -> Vec<String> {
    let mut lines = Vec::new();
    if let (Some(ms), Some(from), Some(until)) = (
        e.microsoft_time_unix,
        e.assertion_from_unix,
        e.assertion_until_unix,
    ) {
        let side = if ms < from {
            format!(
                "starts {} after Microsoft's clock",
                duration_text(from - ms)
            )
        } else if ms > until {
            format!(
                "ended {} before Microsoft's clock",
                duration_text(ms - until)
            )
        } else {
            "covers Microsoft's clock".to_string()
        };
        lines.push(format!(
            "The assertion was valid from {} to {}; Microsoft's clock read {}: the window {side}. The clock of the machine that signs is off by that much, or an old assertion was sent again.",
            utc_iso8601(from), utc_iso8601(until), utc_iso8601(ms)
        ));
    }
    if let Some(at) = e.timestamp_unix.or(e.microsoft_time_unix) {
        let gap = now_unix - at;
        lines.push(if gap >= 0 {
            format!(
                "Microsoft stamped the error {}; this browser's clock reads {}, {} later.",
                utc_iso8601(at),
                utc_iso8601(now_unix),
                duration_text(gap)
            )
        } else {
            format!(
                "Microsoft stamped the error {}, {} ahead of this browser's clock ({}): this computer's clock is behind.",
                utc_iso8601(at),
                duration_text(-gap),
                utc_iso8601(now_unix)
            )
        });
    }
    if lines.is_empty() {
        lines.push("The message carries no time to compare with: check that the clock of the machine that signs is set automatically.".into());
    }
    lines
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

fn exchange_findings(e: &ErrorText, f: &AccountFacts) -> Vec<Finding> {
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
