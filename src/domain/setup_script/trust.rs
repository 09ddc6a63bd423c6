//! Which certificates make an existing app registration CloudLink's own.
//!
//! Anyone who may register apps can make one under the name an admin is about
//! to use, and keep a credential for it. The script grants nothing to an app
//! it did not create unless every certificate on it is one of the account's,
//! so the script carries their SHA-1 thumbprints.

use super::certificate::normalize_thumbprint;
use super::error::SetupScriptError;
use crate::domain::entra::CertificateRecord;

/// The SHA-1 thumbprints of an account's certificates (current, pending,
/// previous, whichever it has), for `ScriptMode::NewApp`. A record whose
/// certificate cannot be read proves nothing and is left out.
pub fn known_thumbprints<'a>(
    certificates: impl IntoIterator<Item = &'a CertificateRecord>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for sha1 in certificates.into_iter().filter_map(CertificateRecord::sha1) {
        if let Ok(sha1) = normalize_thumbprint(&sha1) {
            if !out.contains(&sha1) {
                out.push(sha1);
            }
        }
    }
    out
}

/// The script's own certificate first, then the account's others, each once,
/// as the uppercase hex that the script compares with what it computes.
pub fn trusted_thumbprints(own: &str, known: &[String]) -> Result<Vec<String>, SetupScriptError> {
    let mut out = vec![normalize_thumbprint(own)?];
    for t in known {
        let t = normalize_thumbprint(t)?;
        if !out.contains(&t) {
            out.push(t);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entra::PrivateKey;

    fn record(der: &[u8], kept: Option<&str>) -> CertificateRecord {
        use base64ct::{Base64, Encoding};
        CertificateRecord {
            der: Base64::encode_string(der),
            key_type: Default::default(),
            key: PrivateKey::Held {
                held: String::new(),
            },
            not_before_unix: None,
            not_after_unix: None,
            sha1_thumbprint: kept.map(str::to_string),
        }
    }

    const A: &str = "A9993E364706816ABA3E25717850C26C9CD0D89D";

    #[test]
    fn current_pending_and_previous_are_all_known_once() {
        let current = record(b"current", None);
        let pending = record(b"pending", Some(&A.to_lowercase()));
        let previous = record(b"previous", None);
        let again = record(b"current", None);
        let got = known_thumbprints([&current, &pending, &previous, &again]);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1], A, "kept thumbprints are normalised");
        // A thumbprint is the SHA-1 of the DER, which the script recomputes
        // from the certificate Microsoft Graph returns.
        let sha1 = |der: &[u8]| -> String {
            use sha1::{Digest, Sha1};
            Sha1::digest(der)
                .iter()
                .map(|b| format!("{b:02X}"))
                .collect()
        };
        assert_eq!(got, [sha1(b"current"), A.to_string(), sha1(b"previous")]);
    }

    #[test]
    fn an_unreadable_record_proves_nothing() {
        let mut broken = record(b"x", None);
        broken.der = "not base64 %%".into();
        let bad_kept = record(b"y", Some("12:34"));
        assert!(known_thumbprints([&broken, &bad_kept]).is_empty());
        assert!(known_thumbprints([]).is_empty());
    }

    #[test]
    fn the_script_s_own_certificate_comes_first_and_nothing_twice() {
        let b = "B".repeat(40);
        let got = trusted_thumbprints(&A.to_lowercase(), &[b.clone(), A.into(), b.clone()]);
        assert_eq!(got, Ok(vec![A.to_string(), b]));
        assert_eq!(
            trusted_thumbprints(A, &["nope".into()]),
            Err(SetupScriptError::BadThumbprint)
        );
    }
}
