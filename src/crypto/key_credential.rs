//! The Microsoft Graph `keyCredential` that uploads the certificate to an
//! application registration.

use base64ct::{Base64, Encoding};
use serde_json::{json, Value};

use super::{utc_iso8601, Certificate};

impl Certificate {
    /// Graph requires the credential dates to equal the certificate validity,
    /// otherwise it rejects the upload; without a kept validity they are left
    /// out rather than guessed.
    pub fn key_credential(&self, display_name: &str) -> Value {
        let mut credential = json!({
            "type": "AsymmetricX509Cert",
            "usage": "Verify",
            "key": Base64::encode_string(self.der()),
            "displayName": display_name,
        });
        for (key, unix) in [
            ("startDateTime", self.not_before_unix()),
            ("endDateTime", self.not_after_unix()),
        ] {
            if let Some(unix) = unix {
                credential[key] = Value::String(utc_iso8601(unix));
            }
        }
        credential
    }
}

#[cfg(test)]
mod tests {
    use crate::crypto::certificate::tests::fake_rsa_certificate;
    use base64ct::{Base64, Encoding};

    #[test]
    fn key_credential_matches_graph_shape() {
        let cert = fake_rsa_certificate();
        let kc = cert.key_credential("CloudLink 2025-08-31");
        assert_eq!(kc["type"], "AsymmetricX509Cert");
        assert_eq!(kc["usage"], "Verify");
        assert_eq!(kc["displayName"], "CloudLink 2025-08-31");
        assert_eq!(kc["startDateTime"], "2025-08-31T09:55:00Z");
        assert_eq!(kc["endDateTime"], "2026-02-28T10:00:00Z");
        let key = kc["key"].as_str().unwrap();
        assert_eq!(Base64::decode_vec(key).unwrap(), cert.der());
        assert_eq!(kc.as_object().unwrap().len(), 6);
        let older = crate::crypto::Certificate::stored(cert.der().to_vec(), None, None);
        let kc = older.key_credential("CloudLink 2025-08-31");
        assert!(kc.get("startDateTime").is_none() && kc.get("endDateTime").is_none());
        assert_eq!(kc.as_object().unwrap().len(), 4);
    }
}
