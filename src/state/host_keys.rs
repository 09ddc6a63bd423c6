//! Host mode's private keys at sign-in. Keys sealed under the first host
//! mode's key-encryption key move into the key database once, as
//! non-extractable keys, and then every such key-encryption key is deleted:
//! it would let any script on the origin unwrap the sealed keys as
//! extractable. Someone who never signed in since loses their sealed keys
//! and renews their certificates.
//! Held keys that no stored record names any more are swept.

use std::collections::BTreeSet;

use base64ct::{Base64, Encoding};
use web_sys::CryptoKey;

use crate::browser::key_store::legacy;
use crate::browser::{clock, webcrypto};
use crate::domain::entra::{CertificateRecord, PrivateKey};
use crate::domain::links::Details;
use crate::state::certificates::{self, HeldKeys, KeyError};
use crate::state::persist::Persist;
use crate::store::drafts::{DraftBook, FormDraft};
use crate::store::schema::UserData;
use crate::store::write::WriteError;

/// A held key no record names is deleted only once it is this old: another
/// tab may have just made it and not yet saved the record that names it.
const SWEEP_AFTER_MS: f64 = 10.0 * 60.0 * 1000.0;

/// The user's held keys, after moving any sealed ones in and sweeping the
/// unused. Neither step stops a sign-in: what fails is tried again next time.
/// `kek_owner` is the id the first host mode kept the user's key under.
pub async fn open(persist: Persist, user: &str, kek_owner: &str) -> HeldKeys {
    let held = HeldKeys::new(&persist.keys(), user);
    let moved = match legacy::key_encryption_key(kek_owner).await {
        Some(kek) => migrate(persist, &held, &kek).await.is_ok(),
        None => true,
    };
    // Once this person's keys are safe, nobody's old key-encryption key
    // stays: people who never sign in again would keep theirs forever.
    if moved {
        legacy::forget_everyone();
    }
    sweep(persist, &held).await;
    held
}

fn account_records(data: &mut UserData) -> Vec<&mut CertificateRecord> {
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

fn draft_records(book: &mut DraftBook) -> Vec<&mut CertificateRecord> {
    book.entries
        .iter_mut()
        .filter_map(|e| match &mut e.form {
            FormDraft::Entra(d) => d.certificate.as_mut(),
            FormDraft::Aws(_) => None,
        })
        .collect()
}

/// Replaces each sealed key `moved` has a held key for; `Err` when none was
/// there, so an unchanged document is not written.
fn replace(records: Vec<&mut CertificateRecord>, moved: &[(String, PrivateKey)]) -> Result<(), ()> {
    let mut changed = false;
    for record in records {
        let PrivateKey::Sealed(sealed) = &record.key else {
            continue;
        };
        if let Some((_, held)) = moved.iter().find(|(s, _)| *s == sealed.sealed) {
            record.key = held.clone();
            changed = true;
        }
    }
    if changed {
        Ok(())
    } else {
        Err(())
    }
}

async fn unseal(
    held: &HeldKeys,
    kek: &CryptoKey,
    record: &CertificateRecord,
) -> Result<PrivateKey, KeyError> {
    let PrivateKey::Sealed(key) = &record.key else {
        return Err(KeyError::Damaged);
    };
    let certificate = record.certificate().map_err(|_| KeyError::Damaged)?;
    let iv = Base64::decode_vec(&key.iv).map_err(|_| KeyError::Damaged)?;
    let sealed = Base64::decode_vec(&key.sealed).map_err(|_| KeyError::Damaged)?;
    let context = CertificateRecord::seal_context(&certificate);
    let rsa = record.key_type.rsa_bits().is_some();
    let signing = webcrypto::unseal_to_hold(&sealed, kek, &iv, &context, rsa)
        .await
        .map_err(|_| KeyError::Damaged)?;
    certificates::hold(held, signing, &certificate).await
}

/// Moves every sealed key of the user's accounts and drafts into the key
/// database, and rewrites the records to name them. `Err` when the old key
/// must stay for another try.
async fn migrate(persist: Persist, held: &HeldKeys, kek: &CryptoKey) -> Result<(), ()> {
    let keys = persist.keys();
    let (user_key, drafts_key) = (keys.user(&held.user), keys.drafts(&held.user));
    let (mut data, _) = persist.load::<UserData>(&user_key);
    let (mut book, _) = persist.load::<DraftBook>(&drafts_key);
    let mut moved: Vec<(String, PrivateKey)> = Vec::new();
    let records = account_records(&mut data)
        .into_iter()
        .chain(draft_records(&mut book))
        .map(|r| r.clone())
        .collect::<Vec<_>>();
    for record in &records {
        let PrivateKey::Sealed(sealed) = &record.key else {
            continue;
        };
        if moved.iter().any(|(s, _)| *s == sealed.sealed) {
            continue;
        }
        match unseal(held, kek, record).await {
            Ok(key) => moved.push((sealed.sealed.clone(), key)),
            // The browser would not keep it: try again next time.
            Err(KeyError::NotKept) => return Err(()),
            // It never opened with this key, so losing the key loses nothing.
            Err(_) => {}
        }
    }
    if moved.is_empty() {
        return Ok(());
    }
    let accounts_moved = moved.clone();
    let accounts = persist
        .commit::<UserData, _, ()>(&user_key, move |d| {
            replace(account_records(d), &accounts_moved)
        })
        .await;
    let drafts = persist
        .commit::<DraftBook, _, ()>(&drafts_key, move |b| replace(draft_records(b), &moved))
        .await;
    match (accounts, drafts) {
        (Err(WriteError::Store(_)), _) | (_, Err(WriteError::Store(_))) => Err(()),
        _ => Ok(()),
    }
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
