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
    /// Kept when the certificate is made, so that the app does not decode
    /// certificates; older records lack them, and only their validity is
    /// read from the DER.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before_unix: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_after_unix: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha1_thumbprint: Option<String>,
}

impl CertificateRecord {
    /// A record of `certificate`, with the facts pages show kept beside it.
    pub fn new(certificate: &Certificate, key_type: KeyType, key: SealedKey) -> Self {
        CertificateRecord {
            der: Base64::encode_string(certificate.der()),
            key_type,
            key,
            not_before_unix: certificate.not_before_unix(),
            not_after_unix: certificate.not_after_unix(),
            sha1_thumbprint: Some(certificate.sha1_thumbprint()),
        }
    }

    /// The NotAfter, kept or else read from the DER.
    pub fn expires_unix(&self) -> Option<i64> {
        self.not_after_unix
            .or_else(|| self.certificate().ok()?.not_after_unix())
    }

    /// The SHA-1 thumbprint, kept or else hashed from the DER.
    pub fn sha1(&self) -> Option<String> {
        self.sha1_thumbprint.clone().or_else(|| {
            let der = self.der_bytes().ok()?;
            Some(Certificate::stored(der, None, None).sha1_thumbprint())
        })
    }

    /// The certificate with the validity the record kept. Only an older
    /// record, which kept none, has its Validity read from the DER.
    pub fn certificate(&self) -> Result<Certificate, CertError> {
        let der = self.der_bytes()?;
        let validity = self
            .not_before_unix
            .zip(self.not_after_unix)
            .or_else(|| Certificate::read_validity(&der));
        Ok(match validity {
            Some((from, until)) => Certificate::stored(der, Some(from), Some(until)),
            None => Certificate::stored(der, self.not_before_unix, self.not_after_unix),
        })
    }

    fn der_bytes(&self) -> Result<Vec<u8>, CertError> {
        Base64::decode_vec(&self.der).map_err(|_| CertError::MalformedCertificate)
    }

    /// Binds a sealed key to its certificate, so a key cannot be swapped
    /// under another certificate unnoticed.
    pub fn seal_context(certificate: &Certificate) -> Vec<u8> {
        certificate.sha256_thumbprint().into_bytes()
    }
}
