//! A certificate as stored: public DER, and its private key sealed with
//! AES-256-GCM under the user's key-encryption key. The plaintext key is never
//! stored.

use base64ct::{Base64, Encoding};
use serde::{Deserialize, Serialize};

use crate::crypto::{CertError, Certificate, KeyType};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedKey {
    /// Base64 of the 12-byte GCM nonce.
    pub iv: String,
    /// Base64 of the encrypted PKCS#8 key with its tag.
    pub sealed: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateRecord {
    /// Base64 of the certificate's DER.
    pub der: String,
    pub key_type: KeyType,
    pub key: SealedKey,
}

impl CertificateRecord {
    pub fn certificate(&self) -> Result<Certificate, CertError> {
        let der = Base64::decode_vec(&self.der).map_err(|_| CertError::MalformedCertificate)?;
        Certificate::from_der(&der)
    }

    /// Binds a sealed key to its certificate, so a key cannot be swapped
    /// under another certificate unnoticed.
    pub fn seal_context(certificate: &Certificate) -> Vec<u8> {
        certificate.sha256_thumbprint().into_bytes()
    }
}
