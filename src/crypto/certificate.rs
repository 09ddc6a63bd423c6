//! Joining the signature to the to-be-signed bytes, and the facts the pages
//! show about a finished certificate.

use base64ct::{Base64, Encoding};
use der::asn1::{AnyRef, BitStringRef};
use der::{Decode, Encode, Sequence};
use spki::AlgorithmIdentifierOwned;
use x509_cert::TbsCertificate;

use super::error::CertError;
use super::public_key::check_key;
use super::signature::{p1363_to_der, signature_algorithm};
use super::thumbprint::{base64url, hex_upper, sha1, sha256};
use super::KeyType;

/// RFC 5280 §4.1 `Certificate`; the TBS is carried as raw DER so the bytes
/// that were signed are exactly the bytes that are stored.
#[derive(Sequence)]
struct SignedCertificate<'a> {
    tbs_certificate: AnyRef<'a>,
    signature_algorithm: AlgorithmIdentifierOwned,
    signature: BitStringRef<'a>,
}

/// Attach the signature. For RSA the signature is the PKCS#1 v1.5 SHA-256
/// signature; for P-256 it is WebCrypto's raw `r || s` (IEEE P1363).
pub fn assemble(
    tbs_der: &[u8],
    key_type: KeyType,
    signature: &[u8],
) -> Result<Certificate, CertError> {
    let tbs = TbsCertificate::from_der(tbs_der).map_err(|_| CertError::MalformedTbs)?;
    let algorithm = signature_algorithm(key_type);
    if tbs.signature() != &algorithm {
        return Err(CertError::SignatureAlgorithmMismatch { expected: key_type });
    }
    let facts = check_key(key_type, tbs.subject_public_key_info())?;
    if signature.len() != facts.signature_len() {
        return Err(CertError::SignatureLength {
            expected: facts.signature_len(),
            found: signature.len(),
        });
    }
    let signature = match key_type.rsa_bits() {
        Some(_) => signature.to_vec(),
        None => p1363_to_der(signature)?,
    };
    let der = SignedCertificate {
        tbs_certificate: AnyRef::from_der(tbs_der).map_err(|_| CertError::MalformedTbs)?,
        signature_algorithm: algorithm,
        signature: BitStringRef::from_bytes(&signature)?,
    }
    .to_der()?;
    Certificate::from_der(&der)
}

/// A DER certificate with the facts read from it once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    der: Vec<u8>,
    not_before: i64,
    not_after: i64,
    common_name: String,
}

impl Certificate {
    pub fn from_der(der: &[u8]) -> Result<Self, CertError> {
        let cert =
            x509_cert::Certificate::from_der(der).map_err(|_| CertError::MalformedCertificate)?;
        let tbs = cert.tbs_certificate();
        let validity = tbs.validity();
        let common_name = tbs
            .subject()
            .common_name()
            .map_err(|_| CertError::MalformedCertificate)?
            .map(|cn| cn.value().into_owned())
            .unwrap_or_default();
        Ok(Certificate {
            der: der.to_vec(),
            not_before: unix_secs(validity.not_before.to_unix_duration()),
            not_after: unix_secs(validity.not_after.to_unix_duration()),
            common_name,
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

    pub fn not_before_unix(&self) -> i64 {
        self.not_before
    }

    pub fn not_after_unix(&self) -> i64 {
        self.not_after
    }

    /// Empty when the subject has no CN (never for certificates built here).
    pub fn subject_common_name(&self) -> String {
        self.common_name.clone()
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
    use crate::crypto::{to_be_signed, CertificateRequest, Lifetime};

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
        assemble(&tbs, KeyType::Rsa2048, &[0x5A; 256]).unwrap()
    }

    #[test]
    fn assembled_certificate_exposes_its_facts() {
        let cert = fake_rsa_certificate();
        assert_eq!(cert.subject_common_name(), "CloudLink test");
        assert_eq!(cert.not_before_unix(), 1_756_634_400 - 300);
        assert_eq!(
            crate::crypto::utc_iso8601(cert.not_after_unix()),
            "2026-02-28T10:00:00Z"
        );
        let parsed = x509_cert::Certificate::from_der(cert.der()).unwrap();
        assert_eq!(parsed.signature().raw_bytes(), &[0x5A; 256][..]);
        assert_eq!(Certificate::from_der(cert.der()).unwrap(), cert);
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
        let cert = assemble(&tbs, KeyType::EcdsaP256, &[0x80; 64]).unwrap();
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
            assemble(&tbs, KeyType::Rsa2048, &[1; 255]),
            Err(CertError::SignatureLength {
                expected: 256,
                found: 255
            })
        );
        assert_eq!(
            assemble(&tbs, KeyType::EcdsaP256, &[1; 64]),
            Err(CertError::SignatureAlgorithmMismatch {
                expected: KeyType::EcdsaP256
            })
        );
        assert!(matches!(
            assemble(&tbs, KeyType::Rsa4096, &[1; 512]),
            Err(CertError::RsaKeySizeMismatch { .. })
        ));
        assert_eq!(
            assemble(&tbs[..tbs.len() - 1], KeyType::Rsa2048, &[1; 256]),
            Err(CertError::MalformedTbs)
        );
        assert_eq!(
            Certificate::from_der(&tbs),
            Err(CertError::MalformedCertificate)
        );
    }
}
