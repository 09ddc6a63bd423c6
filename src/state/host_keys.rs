//! Host mode's private keys at sign-in: the user's held keys, once any keys
//! an earlier version sealed have moved in (`crate::state::migrate`), and
//! without those no stored record names any more.

use std::collections::BTreeSet;

use crate::browser::clock;
use crate::domain::entra::CertificateRecord;
use crate::domain::links::Details;
use crate::state::certificates::HeldKeys;
use crate::state::migrate;
use crate::state::persist::Persist;
use crate::store::drafts::{DraftBook, FormDraft};
use crate::store::schema::UserData;

/// A held key no record names is deleted only once it is this old: another
/// tab may have just made it and not yet saved the record that names it.
const SWEEP_AFTER_MS: f64 = 10.0 * 60.0 * 1000.0;

/// The user's held keys, after moving any sealed ones in and sweeping the
/// unused. Neither step stops a sign-in: what fails is tried again next time.
/// `kek_owner` is the id the first host mode kept the user's key under.
pub async fn open(persist: Persist, user: &str, kek_owner: &str) -> HeldKeys {
    let held = HeldKeys::new(&persist.keys(), user);
    migrate::sealed_host_keys(persist, &held, kek_owner).await;
    sweep(persist, &held).await;
    held
}

/// Every certificate record of the user's accounts.
pub(crate) fn account_records(data: &mut UserData) -> Vec<&mut CertificateRecord> {
    let mut records = Vec::new();
    for account in &mut data.integrations {
        if let Details::Entra(link) = &mut account.details {
            records.push(&mut link.certificate);
            records.extend(link.pending_certificate.as_mut());
            records.extend(link.previous_certificate.as_mut());
        }
    }
    records
}

/// Every certificate record of the user's unfinished forms.
pub(crate) fn draft_records(book: &mut DraftBook) -> Vec<&mut CertificateRecord> {
    book.entries
        .iter_mut()
        .filter_map(|e| match &mut e.form {
            FormDraft::Entra(d) => d.certificate.as_mut(),
            FormDraft::Aws(_) => None,
        })
        .collect()
}

/// Deletes the user's held keys that no stored record names, once they are
/// old enough not to be another tab's work in progress. Skipped while the
/// accounts document is missing or was set aside as unreadable, so an
/// account's key is never lost with it.
async fn sweep(persist: Persist, held: &HeldKeys) {
    let stored = held.database.of_user(&held.user).await;
    if stored.is_empty() {
        return;
    }
    let keys = persist.keys();
    let (mut data, data_revision) = persist.load::<UserData>(&keys.user(&held.user));
    if data_revision == 0 {
        return;
    }
    let (mut book, _) = persist.load::<DraftBook>(&keys.drafts(&held.user));
    let named: BTreeSet<String> = account_records(&mut data)
        .into_iter()
        .chain(draft_records(&mut book))
        .filter_map(|r| r.key.held_id().map(str::to_string))
        .collect();
    let now = clock::now_ms() as f64;
    let unused: Vec<String> = stored
        .into_iter()
        .filter(|(id, key)| !named.contains(id) && now - key.created_ms > SWEEP_AFTER_MS)
        .map(|(id, _)| id)
        .collect();
    let _ = held.database.delete(&unused).await;
}
