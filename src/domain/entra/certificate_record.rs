//! A certificate as stored: public DER, and where its private key is. The
//! plaintext key is never stored.
//!
//! With a password the key is sealed with AES-256-GCM under the user's
//! key-encryption key, beside the certificate. When a portal supplies the user
//! there is no password to derive a key from, so the key is *held*: kept by
//! the browser as non-extractable keys in IndexedDB, and the record names
//! them.

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

/// Where a certificate's private key is. Stored as `{"iv": …, "sealed": …}`
/// or `{"held": "<id>"}`; read through [`StoredKey`], one pass for both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged, try_from = "StoredKey")]
pub enum PrivateKey {
    /// PKCS#8 sealed under the password's key-encryption key.
    Sealed(SealedKey),
    /// Non-extractable keys in the browser's key database, under this id.
    Held { held: String },
}

impl From<SealedKey> for PrivateKey {
    fn from(key: SealedKey) -> Self {
        PrivateKey::Sealed(key)
    }
}

impl PrivateKey {
    /// The id of the held keys, for a held key.
    pub fn held_id(&self) -> Option<&str> {
        match self {
            PrivateKey::Held { held } => Some(held),
            PrivateKey::Sealed(_) => None,
        }
    }
}

/// Every field of every `PrivateKey` shape.
#[derive(Deserialize)]
struct StoredKey {
    iv: Option<String>,
    sealed: Option<String>,
    held: Option<String>,
}

impl TryFrom<StoredKey> for PrivateKey {
    type Error = &'static str;

    fn try_from(s: StoredKey) -> Result<PrivateKey, &'static str> {
        match (s.iv, s.sealed, s.held) {
            (Some(iv), Some(sealed), None) => Ok(PrivateKey::Sealed(SealedKey { iv, sealed })),
            (None, None, Some(held)) if !held.is_empty() => Ok(PrivateKey::Held { held }),
            _ => Err("a private key is either `iv` and `sealed`, or `held`"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateRecord {
    /// Base64 of the certificate's DER.
    pub der: String,
    pub key_type: KeyType,
    pub key: PrivateKey,
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
    pub fn new(certificate: &Certificate, key_type: KeyType, key: impl Into<PrivateKey>) -> Self {
        CertificateRecord {
            der: Base64::encode_string(certificate.der()),
            key_type,
            key: key.into(),
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::fixtures::record;

    fn read(value: serde_json::Value) -> Result<CertificateRecord, String> {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    fn held(id: &str) -> CertificateRecord {
        CertificateRecord {
            key: PrivateKey::Held { held: id.into() },
            ..record("der")
        }
    }

    #[test]
    fn sealed_and_held_keys_read_back_what_was_written() {
        for kept in [record("der"), held("5f0c7a2e-held")] {
            let written = serde_json::to_value(&kept).unwrap();
            assert_eq!(read(written).unwrap(), kept);
        }
    }

    #[test]
    fn the_stored_shapes_are_the_sealed_fields_or_the_held_id() {
        let sealed = serde_json::to_value(record("der")).unwrap();
        assert_eq!(sealed["key"], json!({"iv": "", "sealed": "sealed-der"}));
        let held = serde_json::to_value(held("k1")).unwrap();
        assert_eq!(held["key"], json!({"held": "k1"}));
        assert_eq!(self::held("k1").key.held_id(), Some("k1"));
        assert_eq!(record("der").key.held_id(), None);
    }

    #[test]
    fn a_record_written_before_held_keys_still_reads() {
        let older = json!({
            "der": "AA==", "key_type": "rsa-2048",
            "key": {"iv": "bm9uY2U=", "sealed": "c2VhbGVk"}
        });
        let read = read(older).unwrap();
        assert_eq!(
            read.key,
            PrivateKey::Sealed(SealedKey {
                iv: "bm9uY2U=".into(),
                sealed: "c2VhbGVk".into()
            })
        );
    }

    #[test]
    fn a_key_that_is_neither_or_both_is_refused() {
        for key in [
            json!({}),
            json!({"iv": "a"}),
            json!({"held": ""}),
            json!({"iv": "a", "sealed": "b", "held": "c"}),
        ] {
            let value = json!({"der": "AA==", "key_type": "rsa-2048", "key": key});
            assert!(read(value).is_err(), "{key}");
        }
    }
}
