//! Joining the signature to the to-be-signed bytes, and the facts the pages
//! show about a finished certificate.

use base64ct::{Base64, Encoding};
use der::asn1::{AnyRef, BitStringRef};
use der::{Decode, Encode, Sequence};
use spki::AlgorithmIdentifierOwned;
use x509_cert::time::Validity;

use super::error::CertError;
use super::signature::{p1363_to_der, signature_algorithm};
use super::tbs::Tbs;
use super::thumbprint::{base64url, hex_upper, sha1, sha256};

/// RFC 5280 §4.1 `Certificate`; the TBS is carried as raw DER so the bytes
/// that were signed are exactly the bytes that are stored.
#[derive(Sequence)]
struct SignedCertificate<'a> {
    tbs_certificate: AnyRef<'a>,
    signature_algorithm: AlgorithmIdentifierOwned,
    signature: BitStringRef<'a>,
}

/// RFC 5280 §4.1 with every field but the validity left as raw DER. The
/// optional unique IDs are left out: certificates made here never have them.
#[derive(Sequence)]
struct CertificateHead<'a> {
    tbs_certificate: TbsHead<'a>,
    signature_algorithm: AnyRef<'a>,
    signature: AnyRef<'a>,
}

#[derive(Sequence)]
struct TbsHead<'a> {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    version: Option<AnyRef<'a>>,
    serial_number: AnyRef<'a>,
    signature: AnyRef<'a>,
    issuer: AnyRef<'a>,
    validity: Validity,
    subject: AnyRef<'a>,
    subject_public_key_info: AnyRef<'a>,
    #[asn1(context_specific = "3", tag_mode = "EXPLICIT", optional = "true")]
    extensions: Option<AnyRef<'a>>,
}

/// Attach the signature. For RSA the signature is the PKCS#1 v1.5 SHA-256
/// signature; for P-256 it is WebCrypto's raw `r || s` (IEEE P1363).
///
/// The TBS was built here and its key checked against its type, so nothing
/// is read back from the DER.
pub fn assemble(tbs: &Tbs, signature: &[u8]) -> Result<Certificate, CertError> {
    let key_type = tbs.key_type();
    let expected = tbs.signature_len();
    if signature.len() != expected {
        return Err(CertError::SignatureLength {
            expected,
            found: signature.len(),
        });
    }
    let signature = match key_type.rsa_bits() {
        Some(_) => signature.to_vec(),
        None => p1363_to_der(signature)?,
    };
    let der = SignedCertificate {
        tbs_certificate: AnyRef::from_der(tbs.der()).map_err(|_| CertError::MalformedTbs)?,
        signature_algorithm: signature_algorithm(key_type),
        signature: BitStringRef::from_bytes(&signature)?,
    }
    .to_der()?;
    Ok(Certificate {
        der,
        not_before: Some(tbs.not_before_unix()),
        not_after: Some(tbs.not_after_unix()),
    })
}

/// A DER certificate and its validity: kept from when it was made, or read
/// from an older record's DER; `None` only when that DER cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    der: Vec<u8>,
    not_before: Option<i64>,
    not_after: Option<i64>,
}

impl Certificate {
    /// A certificate as stored: its DER and the validity kept beside it.
    pub fn stored(der: Vec<u8>, not_before: Option<i64>, not_after: Option<i64>) -> Self {
        Certificate {
            der,
            not_before,
            not_after,
        }
    }

    /// The validity of a certificate whose record did not keep it. Reads only
    /// the Validity and passes over every other field whole, so that the
    /// decoders of names, keys and extensions stay out of the bundle.
    pub fn read_validity(der: &[u8]) -> Option<(i64, i64)> {
        let head = CertificateHead::from_der(der).ok()?;
        let validity = head.tbs_certificate.validity;
        Some((
            unix_secs(validity.not_before.to_unix_duration()),
            unix_secs(validity.not_after.to_unix_duration()),
        ))
    }

    /// Reads the validity from the DER. For tests and tools that check a
    /// downloaded file: nothing in the app calls it, so the decoder stays
    /// out of the bundle.
    pub fn from_der(der: &[u8]) -> Result<Self, CertError> {
        let cert =
            x509_cert::Certificate::from_der(der).map_err(|_| CertError::MalformedCertificate)?;
        let validity = cert.tbs_certificate().validity();
        Ok(Certificate {
            der: der.to_vec(),
            not_before: Some(unix_secs(validity.not_before.to_unix_duration())),
            not_after: Some(unix_secs(validity.not_after.to_unix_duration())),
        })
    }

    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// RFC 7468 PEM with LF line endings and 64-character lines.
    pub fn pem(&self) -> String {
        let body = Base64::encode_string(&self.der);
        let mut out = String::with_capacity(body.len() + body.len() / 64 + 60);
        out.push_str("-----BEGIN CERTIFICATE-----\n");
        for line in body.as_bytes().chunks(64) {
            // Base64 output is ASCII, so every chunk is valid UTF-8.
            out.push_str(core::str::from_utf8(line).unwrap_or_default());
            out.push('\n');
        }
        out.push_str("-----END CERTIFICATE-----\n");
        out
    }

    pub fn not_before_unix(&self) -> Option<i64> {
        self.not_before
    }

    pub fn not_after_unix(&self) -> Option<i64> {
        self.not_after
    }

    /// 40 uppercase hex digits, as the Entra portal shows.
    pub fn sha1_thumbprint(&self) -> String {
        hex_upper(&sha1(&self.der))
    }

    pub fn sha256_thumbprint(&self) -> String {
        hex_upper(&sha256(&self.der))
    }

    /// JWT `x5t`: base64url (unpadded) of the SHA-1 of the DER.
    pub fn x5t(&self) -> String {
        base64url(&sha1(&self.der))
    }

    /// JWT `x5t#S256`: base64url (unpadded) of the SHA-256 of the DER.
    pub fn x5t_s256(&self) -> String {
        base64url(&sha256(&self.der))
    }
}

fn unix_secs(d: core::time::Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::crypto::public_key::tests::{fake_p256_spki, fake_rsa_spki};
    use crate::crypto::{to_be_signed, CertificateRequest, KeyType, Lifetime};

    pub(crate) fn request(key_type: KeyType) -> CertificateRequest {
        CertificateRequest {
            common_name: "CloudLink test".into(),
            organization: None,
            key_type,
            lifetime: Lifetime::SixMonths,
            now_unix: 1_756_634_400, // 2025-08-31T10:00:00Z
            serial: [0x42; 20],
        }
    }

    /// Signature bytes are not checked here (the interop tests do that), so
    /// a fixed pattern of the right length stands in for a real signature.
    pub(crate) fn fake_rsa_certificate() -> Certificate {
        let tbs = to_be_signed(&request(KeyType::Rsa2048), &fake_rsa_spki(2048)).unwrap();
        assemble(&tbs, &[0x5A; 256]).unwrap()
    }

    #[test]
    fn assembled_certificate_exposes_its_facts() {
        let cert = fake_rsa_certificate();
        assert_eq!(cert.not_before_unix(), Some(1_756_634_400 - 300));
        assert_eq!(
            cert.not_after_unix().map(crate::crypto::utc_iso8601),
            Some("2026-02-28T10:00:00Z".to_string())
        );
        let parsed = x509_cert::Certificate::from_der(cert.der()).unwrap();
        assert_eq!(parsed.signature().raw_bytes(), &[0x5A; 256][..]);
        assert_eq!(
            parsed.tbs_certificate().subject().to_string(),
            "CN=CloudLink test"
        );
        // The kept validity is the one in the DER.
        assert_eq!(Certificate::from_der(cert.der()).unwrap(), cert);
    }

    #[test]
    fn the_validity_alone_is_read_from_the_der() {
        let cert = fake_rsa_certificate();
        assert_eq!(
            Certificate::read_validity(cert.der()),
            Some((
                cert.not_before_unix().unwrap(),
                cert.not_after_unix().unwrap()
            ))
        );
        assert_eq!(Certificate::read_validity(&cert.der()[1..]), None);
        assert_eq!(Certificate::read_validity(b"not a certificate"), None);
    }

    #[test]
    fn a_stored_certificate_keeps_what_it_was_given() {
        let cert = fake_rsa_certificate();
        let stored = Certificate::stored(cert.der().to_vec(), None, Some(7));
        assert_eq!(stored.not_before_unix(), None);
        assert_eq!(stored.not_after_unix(), Some(7));
        assert_eq!(stored.sha1_thumbprint(), cert.sha1_thumbprint());
    }

    #[test]
    fn thumbprints_hash_the_der() {
        let cert = fake_rsa_certificate();
        assert_eq!(cert.sha1_thumbprint(), hex_upper(&sha1(cert.der())));
        assert_eq!(cert.sha1_thumbprint().len(), 40);
        assert_eq!(cert.sha256_thumbprint().len(), 64);
        assert!(cert
            .sha256_thumbprint()
            .chars()
            .all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c)));
        assert_eq!(cert.x5t().len(), 27);
        assert_eq!(cert.x5t_s256().len(), 43);
        assert!(!cert.x5t_s256().contains(['+', '/', '=']));
    }

    #[test]
    fn pem_wraps_at_64_with_lf() {
        let cert = fake_rsa_certificate();
        let pem = cert.pem();
        assert!(pem.starts_with("-----BEGIN CERTIFICATE-----\n"));
        assert!(pem.ends_with("\n-----END CERTIFICATE-----\n"));
        assert!(!pem.contains('\r'));
        let body: Vec<&str> = pem
            .lines()
            .skip(1)
            .take_while(|l| !l.starts_with("-----"))
            .collect();
        assert!(body[..body.len() - 1].iter().all(|l| l.len() == 64));
        assert!(body.last().unwrap().len() <= 64);
        assert_eq!(Base64::decode_vec(&body.concat()).unwrap(), cert.der());
    }

    #[test]
    fn p256_signature_is_converted_to_der() {
        let tbs = to_be_signed(&request(KeyType::EcdsaP256), &fake_p256_spki()).unwrap();
        let cert = assemble(&tbs, &[0x80; 64]).unwrap();
        let parsed = x509_cert::Certificate::from_der(cert.der()).unwrap();
        assert_eq!(
            parsed.signature().raw_bytes()[..5],
            [0x30, 70, 0x02, 33, 0x00]
        );
    }

    #[test]
    fn assemble_rejects_mismatches() {
        let tbs = to_be_signed(&request(KeyType::Rsa2048), &fake_rsa_spki(2048)).unwrap();
        assert_eq!(
            assemble(&tbs, &[1; 255]),
            Err(CertError::SignatureLength {
                expected: 256,
                found: 255
            })
        );
        let tbs = to_be_signed(&request(KeyType::EcdsaP256), &fake_p256_spki()).unwrap();
        assert_eq!(
            assemble(&tbs, &[1; 256]),
            Err(CertError::SignatureLength {
                expected: 64,
                found: 256
            })
        );
        assert_eq!(
            Certificate::from_der(tbs.der()),
            Err(CertError::MalformedCertificate)
        );
    }
}
