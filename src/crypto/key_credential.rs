//! The Microsoft Graph `keyCredential` that uploads the certificate to an
//! application registration.

use base64ct::{Base64, Encoding};
use serde_json::{json, Value};

use super::{utc_iso8601, Certificate};

impl Certificate {
    /// Graph requires the credential dates to equal the certificate validity,
    /// otherwise it rejects the upload.
    pub fn key_credential(&self, display_name: &str) -> Value {
        json!({
            "type": "AsymmetricX509Cert",
            "usage": "Verify",
            "key": Base64::encode_string(self.der()),
            "displayName": display_name,
            "startDateTime": utc_iso8601(self.not_before_unix()),
            "endDateTime": utc_iso8601(self.not_after_unix()),
        })
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
    }
}
