//! Signing a client assertion with an account's certificate, for the
//! platform to sign in as the app.

use super::custody::{signing_key, KeyCustody};
use super::KeyError;
use crate::browser::clock;
use crate::browser::webcrypto::{self, SignAlg};
use crate::crypto::{self, AssertionAlg, AssertionRequest};
use crate::domain::entra::CertificateRecord;
use crate::state::auth::Auth;

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

/// [`client_assertion`] with the custody given rather than the signed-in
/// user's.
pub async fn sign_assertion_kept(
    custody: &KeyCustody,
    req: AssertionFor<'_>,
) -> Result<String, KeyError> {
    let certificate = req.record.certificate().map_err(|_| KeyError::Damaged)?;
    let alg = match (req.record.key_type.rsa_bits(), req.alg) {
        (None, _) => return Err(KeyError::NotRsa),
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
