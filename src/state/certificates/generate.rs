//! Making a certificate: a WebCrypto key pair, the certificate built and
//! self-signed over it, and the private key kept as the custody says.

use super::custody::{keep, KeyCustody};
use super::{KeyAhead, KeyError};
use crate::browser::webcrypto::{self, KeyPairJob, SignAlg};
use crate::browser::{clock, random};
use crate::crypto::{self, CertificateRequest, KeyType, Lifetime};
use crate::domain::entra::CertificateRecord;
use crate::state::auth::Auth;

/// The subject, key and lifetime of a new certificate.
pub struct NewCertificate {
    pub common_name: String,
    pub organization: Option<String>,
    pub key_type: KeyType,
    pub lifetime: Lifetime,
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

/// [`generate`] with the custody given rather than the signed-in user's, as
/// the browser tests and the benchmark seal under a key of their own.
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

/// The certificate signs itself with its own key, in that key's algorithm.
fn cert_alg(key_type: KeyType) -> SignAlg {
    if key_type.rsa_bits().is_some() {
        SignAlg::RsaPkcs1Sha256
    } else {
        SignAlg::EcdsaP256Sha256
    }
}
