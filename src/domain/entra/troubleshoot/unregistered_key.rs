//! AADSTS700027, a key the app does not know: which of this account's
//! certificates the thumbprint in the message is, and what to upload.

use super::account::{AccountFacts, Slot};
use super::diagnose::Action;
use super::scan::ErrorText;
use super::thumbprint::normalize;

/// What to say and offer for the thumbprint the message names.
pub(super) fn unregistered_key(e: &ErrorText, f: &AccountFacts) -> (Vec<String>, Vec<Action>) {
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
