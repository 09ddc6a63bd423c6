//! Where private keys are kept: sealed beside their certificate, or held by
//! the browser; a fresh key goes there, and is opened from there to sign.

use base64ct::{Base64, Encoding};
use web_sys::CryptoKey;

use super::KeyError;
use crate::browser::clock;
use crate::browser::key_store::{HeldKey, KeyDatabase};
use crate::browser::random;
use crate::browser::webcrypto::{self, SignAlg};
use crate::crypto::{Certificate, KeyType};
use crate::domain::entra::{CertificateRecord, PrivateKey, SealedKey};
use crate::store::keys::Keys;

/// Where private keys are kept, and opened from to sign.
#[derive(Clone, Debug)]
pub enum KeyCustody {
    /// With a password: sealed beside the certificate under the
    /// key-encryption key, which lives only in memory.
    Sealed(CryptoKey),
    /// In host mode: non-extractable keys the browser holds for this user.
    Held(HeldKeys),
}

/// One user's keys in the key database of the storage prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldKeys {
    pub database: KeyDatabase,
    pub user: String,
}

impl HeldKeys {
    pub fn new(keys: &Keys, user: &str) -> Self {
        HeldKeys {
            database: key_database(keys),
            user: user.to_string(),
        }
    }
}

/// The key database of the storage prefix `keys` carries.
pub fn key_database(keys: &Keys) -> KeyDatabase {
    KeyDatabase::new(&keys.key_database())
}

/// Deletes the held keys of `records`, which nothing stores any more (Forget
/// previous certificate, Cancel renewal, Remove). Sealed keys went with their
/// records. A key left behind is swept at the next host sign-in.
pub async fn forget_keys<'a>(
    database: &KeyDatabase,
    records: impl IntoIterator<Item = &'a CertificateRecord>,
) {
    let ids: Vec<String> = records
        .into_iter()
        .filter_map(|r| r.key.held_id().map(str::to_string))
        .collect();
    let _ = database.delete(&ids).await;
}

/// Seals the fresh private key, or hands non-extractable copies of it to the
/// key database. Either way the extractable key is dropped with this call.
pub(super) async fn keep(
    custody: &KeyCustody,
    private_key: &CryptoKey,
    certificate: &Certificate,
    key_type: KeyType,
) -> Result<PrivateKey, KeyError> {
    match custody {
        KeyCustody::Sealed(kek) => {
            let iv = random::bytes::<12>();
            let context = CertificateRecord::seal_context(certificate);
            let sealed = webcrypto::wrap_private_key(private_key, kek, &iv, &context).await?;
            Ok(PrivateKey::Sealed(SealedKey {
                iv: Base64::encode_string(&iv),
                sealed: Base64::encode_string(&sealed),
            }))
        }
        KeyCustody::Held(held) => {
            let signing =
                webcrypto::hold_private_key(private_key, key_type.rsa_bits().is_some()).await?;
            hold(held, signing, certificate).await
        }
    }
}

/// Stores `signing` in the key database under a fresh id, for `certificate`.
pub(crate) async fn hold(
    held: &HeldKeys,
    signing: webcrypto::SigningKeys,
    certificate: &Certificate,
) -> Result<PrivateKey, KeyError> {
    let id = uuid::Uuid::new_v4().to_string();
    let key = HeldKey {
        user: held.user.clone(),
        thumbprint: certificate.sha256_thumbprint(),
        created_ms: clock::now_ms() as f64,
        pkcs1: signing.pkcs1,
        pss: signing.pss,
    };
    held.database
        .put(&id, &key)
        .await
        .map_err(|_| KeyError::NotKept)?;
    Ok(PrivateKey::Held { held: id })
}

/// The signing key for `alg` of `record`, from where the custody keeps it.
pub(super) async fn signing_key(
    custody: &KeyCustody,
    record: &CertificateRecord,
    certificate: &Certificate,
    alg: SignAlg,
) -> Result<CryptoKey, KeyError> {
    match (custody, &record.key) {
        (KeyCustody::Sealed(kek), PrivateKey::Sealed(key)) => {
            let iv = Base64::decode_vec(&key.iv).map_err(|_| KeyError::Damaged)?;
            let sealed = Base64::decode_vec(&key.sealed).map_err(|_| KeyError::Damaged)?;
            let context = CertificateRecord::seal_context(certificate);
            webcrypto::unwrap_private_key(&sealed, kek, &iv, &context, alg)
                .await
                .map_err(|_| KeyError::Damaged)
        }
        (KeyCustody::Held(held), PrivateKey::Held { held: id }) => {
            let key = held.database.get(id).await.ok_or(KeyError::Damaged)?;
            if key.user != held.user || key.thumbprint != certificate.sha256_thumbprint() {
                return Err(KeyError::Damaged);
            }
            match alg {
                SignAlg::RsaPssSha256 => key.pss.ok_or(KeyError::Damaged),
                _ => Ok(key.pkcs1),
            }
        }
        _ => Err(KeyError::Damaged),
    }
}
