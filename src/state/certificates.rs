//! Making a certificate in the browser, and using its private key later:
//! sealed under the password's key, or held by the browser in host mode.

use base64ct::{Base64, Encoding};

use leptos::prelude::*;

use crate::browser::key_store::{HeldKey, KeyDatabase};
use crate::browser::webcrypto::{self, KeyPairJob, SignAlg, WebCryptoError};
use crate::browser::{clock, random};
use crate::crypto::{
    self, AssertionAlg, AssertionRequest, CertError, Certificate, CertificateRequest, KeyType,
    Lifetime,
};
use crate::domain::entra::{CertificateRecord, PrivateKey, SealedKey};
use crate::state::auth::Auth;
use crate::store::keys::Keys;
use web_sys::CryptoKey;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// The key-encryption key is gone (after a reload): ask for the password.
    Locked,
    Browser(WebCryptoError),
    Certificate(String),
    /// The sealed key does not open with this user's key, or the held key
    /// is gone or belongs to another certificate.
    Damaged,
    /// The browser would not keep the private key (IndexedDB refused).
    NotKept,
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyError::Locked => f.write_str("Enter your password to unlock your keys."),
            KeyError::Browser(e) => e.fmt(f),
            KeyError::Certificate(e) => write!(f, "The certificate could not be made: {e}"),
            KeyError::Damaged => f.write_str(
                "The stored private key could not be opened. Generate a new certificate for this account.",
            ),
            KeyError::NotKept => f.write_str(
                "The browser refused to keep the private key (IndexedDB). Allow site data for this page and try again.",
            ),
        }
    }
}

impl From<WebCryptoError> for KeyError {
    fn from(e: WebCryptoError) -> Self {
        KeyError::Browser(e)
    }
}

impl From<CertError> for KeyError {
    fn from(e: CertError) -> Self {
        KeyError::Certificate(e.to_string())
    }
}

fn cert_alg(key_type: KeyType) -> SignAlg {
    if key_type.rsa_bits().is_some() {
        SignAlg::RsaPkcs1Sha256
    } else {
        SignAlg::EcdsaP256Sha256
    }
}

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

/// The subject, key and lifetime of a new certificate.
pub struct NewCertificate {
    pub common_name: String,
    pub organization: Option<String>,
    pub key_type: KeyType,
    pub lifetime: Lifetime,
}

/// A key pair started before the click, so that Generate only builds, signs
/// and seals. It lives in memory, is handed out at most once, and is dropped
/// when the page that asked for it goes away; it is never stored unsealed.
#[derive(Clone, Copy)]
pub struct KeyAhead {
    slot: StoredValue<Option<(KeyType, KeyPairJob)>, LocalStorage>,
}

impl KeyAhead {
    pub fn new() -> Self {
        KeyAhead {
            slot: StoredValue::new_local(None),
        }
    }

    /// Starts a key pair of `key_type`, unless one is already on its way.
    pub fn prepare(&self, key_type: KeyType) {
        if self
            .slot
            .with_value(|s| matches!(s, Some((k, _)) if *k == key_type))
        {
            return;
        }
        let job = webcrypto::start_key_pair(key_type.rsa_bits()).ok();
        self.slot.set_value(job.map(|j| (key_type, j)));
    }

    /// The prepared key pair if it is of `key_type`; either way the slot is
    /// emptied, so no key pair serves two certificates.
    pub fn take(&self, key_type: KeyType) -> Option<KeyPairJob> {
        let taken = self.slot.try_update_value(Option::take).flatten();
        taken.and_then(|(k, job)| (k == key_type).then_some(job))
    }

    pub fn drop_unused(&self) {
        self.slot.try_set_value(None);
    }
}

impl Default for KeyAhead {
    fn default() -> Self {
        Self::new()
    }
}

/// Builds and signs the certificate over a key pair from WebCrypto (the one
/// `ahead` prepared, when it matches) and keeps the private key as the
/// user's custody says: sealed, or held by the browser.
pub async fn generate(
    auth: &Auth,
    new: NewCertificate,
    ahead: Option<KeyAhead>,
) -> Result<CertificateRecord, KeyError> {
    let custody = auth.key_custody().ok_or(KeyError::Locked)?;
    let job = ahead.and_then(|a| a.take(new.key_type));
    generate_kept(&custody, new, job).await
}

/// [`generate`] with an explicit key-encryption key and, optionally, a key
/// pair already under way.
pub async fn generate_sealed(
    kek: &CryptoKey,
    new: NewCertificate,
    job: Option<KeyPairJob>,
) -> Result<CertificateRecord, KeyError> {
    generate_kept(&KeyCustody::Sealed(kek.clone()), new, job).await
}

/// [`generate`] with an explicit custody.
pub async fn generate_kept(
    custody: &KeyCustody,
    new: NewCertificate,
    job: Option<KeyPairJob>,
) -> Result<CertificateRecord, KeyError> {
    let job = match job {
        Some(job) => job,
        None => webcrypto::start_key_pair(new.key_type.rsa_bits())?,
    };
    let (spki, private_key) = webcrypto::finish_key_pair(job).await?;
    let request = CertificateRequest {
        common_name: new.common_name,
        organization: new.organization,
        key_type: new.key_type,
        lifetime: new.lifetime,
        now_unix: clock::now_unix(),
        serial: random::bytes::<20>(),
    };
    let tbs = crypto::to_be_signed(&request, &spki)?;
    let signature = webcrypto::sign(cert_alg(new.key_type), &private_key, tbs.der()).await?;
    let certificate = crypto::assemble(&tbs, &signature)?;
    let key = keep(custody, &private_key, &certificate, new.key_type).await?;
    Ok(CertificateRecord::new(&certificate, new.key_type, key))
}

/// Seals the fresh private key, or hands non-extractable copies of it to the
/// key database. Either way the extractable key is dropped with this call.
async fn keep(
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

/// What a client assertion is for.
pub struct AssertionFor<'a> {
    pub record: &'a CertificateRecord,
    pub alg: AssertionAlg,
    pub tenant: &'a str,
    pub application_id: &'a str,
    /// The sign-in host, without scheme, as it appears in `aud`.
    pub authority_host: &'a str,
}

/// A signed client assertion (JWT). The private key is opened inside
/// WebCrypto for this one signature and is never exported.
pub async fn client_assertion(auth: &Auth, req: AssertionFor<'_>) -> Result<String, KeyError> {
    let custody = auth.key_custody().ok_or(KeyError::Locked)?;
    sign_assertion_kept(&custody, req).await
}

/// [`client_assertion`] with an explicit key-encryption key.
pub async fn sign_assertion(kek: &CryptoKey, req: AssertionFor<'_>) -> Result<String, KeyError> {
    sign_assertion_kept(&KeyCustody::Sealed(kek.clone()), req).await
}

/// The signing key for `alg` of `record`, from where the custody keeps it.
async fn signing_key(
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

/// [`client_assertion`] with an explicit custody.
pub async fn sign_assertion_kept(
    custody: &KeyCustody,
    req: AssertionFor<'_>,
) -> Result<String, KeyError> {
    let certificate = req.record.certificate().map_err(|_| KeyError::Damaged)?;
    let alg = match (req.record.key_type.rsa_bits(), req.alg) {
        (None, _) => {
            return Err(KeyError::Certificate(
                "Entra ID accepts only RSA keys for sign-in.".into(),
            ))
        }
        (Some(_), AssertionAlg::Ps256) => SignAlg::RsaPssSha256,
        (Some(_), AssertionAlg::Rs256) => SignAlg::RsaPkcs1Sha256,
    };
    let key = signing_key(custody, req.record, &certificate, alg).await?;
    let input = crypto::assertion_signing_input(&AssertionRequest {
        certificate: &certificate,
        alg: req.alg,
        tenant: req.tenant,
        application_id: req.application_id,
        authority_host: req.authority_host,
        now_unix: clock::now_unix(),
        lifetime_secs: crypto::MAX_ASSERTION_SECS,
        jti: uuid::Uuid::new_v4(),
    });
    let signature = webcrypto::sign(alg, &key, input.as_bytes()).await?;
    Ok(crypto::assertion_finish(&input, &signature))
}
