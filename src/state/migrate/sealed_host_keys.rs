//! The first host mode sealed private keys under a key-encryption key kept
//! in IndexedDB, which any script on the origin could use to unwrap them as
//! extractable. At sign-in those keys move into the key database once, as
//! non-extractable keys, and then every such key-encryption key is deleted.
//! Someone who never signed in since loses their sealed keys and renews their
//! certificates.
//!
//! Can go, with `crate::browser::key_store::legacy`, once no browser can
//! still hold the first host mode's key database `cloudlink-keys`: it is
//! deleted at the first host sign-in in each browser after the upgrade
//! (0340c07). A sealed key left in a host-mode record after that opens with
//! nothing, as it does today for someone who signs in too late.

use base64ct::{Base64, Encoding};
use web_sys::CryptoKey;

use crate::browser::key_store::legacy;
use crate::browser::webcrypto;
use crate::domain::entra::{CertificateRecord, PrivateKey};
use crate::state::certificates::{self, HeldKeys, KeyError};
use crate::state::host_keys::{account_records, draft_records};
use crate::state::persist::Persist;
use crate::store::drafts::DraftBook;
use crate::store::schema::UserData;
use crate::store::write::WriteError;

/// Moves the user's sealed keys in, if the first host mode left a
/// key-encryption key under `kek_owner`, and then forgets everyone's.
pub async fn sealed_host_keys(persist: Persist, held: &HeldKeys, kek_owner: &str) {
    let moved = match legacy::key_encryption_key(kek_owner).await {
        Some(kek) => move_sealed(persist, held, &kek).await.is_ok(),
        None => true,
    };
    // Once this person's keys are safe, nobody's old key-encryption key
    // stays: people who never sign in again would keep theirs forever.
    if moved {
        legacy::forget_everyone();
    }
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
async fn move_sealed(persist: Persist, held: &HeldKeys, kek: &CryptoKey) -> Result<(), ()> {
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
