//! Whether the application and the directory an error names are this
//! account's, in sentences the findings share.

use super::account::AccountFacts;
use super::scan::ErrorText;

/// Whether the message's application is this account's, in a sentence.
pub(super) fn application_line(e: &ErrorText, f: &AccountFacts) -> Option<(bool, String)> {
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

/// The sentences for the application and the directory the message names,
/// and whether each is this account's.
pub(super) fn ids(e: &ErrorText, f: &AccountFacts) -> (Vec<String>, bool) {
    let checks: Vec<(bool, String)> = [application_line(e, f), directory_line(e, f)]
        .into_iter()
        .flatten()
        .collect();
    let all_match = checks.iter().all(|(ok, _)| *ok);
    (checks.into_iter().map(|(_, l)| l).collect(), all_match)
}

/// AADSTS700016, an application not found in the directory: when both ids
/// are this account's, the app itself is gone or not yet everywhere.
pub(super) fn app_not_found(e: &ErrorText, f: &AccountFacts) -> Vec<String> {
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
