//! The to-be-signed part of the self-signed certificate. The private key never
//! leaves WebCrypto, so building stops here and the caller signs these bytes.

use core::time::Duration;

use der::asn1::{Any, ObjectIdentifier, OctetString, Utf8StringRef};
use der::{DateTime, Encode, Sequence};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::ext::pkix::{
    BasicConstraints, ExtendedKeyUsage, KeyUsage, KeyUsages, SubjectKeyIdentifier,
};
use x509_cert::ext::Extension;
use x509_cert::name::{RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};
use x509_cert::Version;

use super::error::CertError;
use super::public_key::{check_key, parse_spki};
use super::signature::signature_algorithm;
use super::thumbprint::sha1;
use super::{KeyType, Lifetime};

/// Allowance for clocks that run behind the browser's.
pub const CLOCK_SKEW_SECS: i64 = 300;
/// X.520 upper bound for both commonName and organizationName.
const MAX_NAME_CHARS: usize = 64;

const COMMON_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
const ORGANIZATION: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
const BASIC_CONSTRAINTS: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.19");
const KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.15");
const EXT_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37");
const SUBJECT_KEY_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.14");
const CLIENT_AUTH: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.2");

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateRequest {
    pub common_name: String,
    /// `None` or a blank string leaves O out of the subject.
    pub organization: Option<String>,
    pub key_type: KeyType,
    pub lifetime: Lifetime,
    pub now_unix: i64,
    /// Random bytes from the caller; made positive and minimal here.
    pub serial: [u8; 20],
}

/// x509-cert keeps its TBSCertificate fields private without the `builder`
/// feature, so the v3 layout of RFC 5280 §4.1 is spelled out here.
#[derive(Sequence)]
struct TbsCertificateV3 {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    version: Version,
    serial_number: SerialNumber,
    signature: AlgorithmIdentifierOwned,
    issuer: RdnSequence,
    validity: Validity,
    subject: RdnSequence,
    subject_public_key_info: SubjectPublicKeyInfoOwned,
    #[asn1(context_specific = "3", tag_mode = "EXPLICIT")]
    extensions: Vec<Extension>,
}

/// The TBSCertificate to be signed, with the facts it was built from, so that
/// nothing in the app has to decode a certificate: the decoder would be the
/// largest part of `der` in the bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tbs {
    der: Vec<u8>,
    key_type: KeyType,
    /// Exact length of a raw signature by the key in the SPKI.
    signature_len: usize,
    not_before: i64,
    not_after: i64,
}

impl Tbs {
    /// The bytes to sign.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    pub fn key_type(&self) -> KeyType {
        self.key_type
    }

    pub(crate) fn signature_len(&self) -> usize {
        self.signature_len
    }

    pub fn not_before_unix(&self) -> i64 {
        self.not_before
    }

    pub fn not_after_unix(&self) -> i64 {
        self.not_after
    }
}

/// The TBSCertificate to be signed, for the given SubjectPublicKeyInfo DER (as
/// exported by WebCrypto `exportKey("spki")`).
pub fn to_be_signed(req: &CertificateRequest, spki_der: &[u8]) -> Result<Tbs, CertError> {
    let spki = parse_spki(spki_der)?;
    let facts = check_key(req.key_type, &spki)?;
    let name = subject_name(&req.common_name, req.organization.as_deref())?;
    let not_before = req.now_unix - CLOCK_SKEW_SECS;
    let not_after = req.lifetime.not_after(req.now_unix);
    let key_bits = spki
        .subject_public_key
        .as_bytes()
        .ok_or(CertError::MalformedPublicKey)?;
    let tbs = TbsCertificateV3 {
        version: Version::V3,
        serial_number: SerialNumber::new(&positive_serial(req.serial))?,
        signature: signature_algorithm(req.key_type),
        issuer: name.clone(),
        validity: Validity::new(x509_time(not_before)?, x509_time(not_after)?),
        subject: name,
        extensions: extensions(&sha1(key_bits))?,
        subject_public_key_info: spki,
    };
    Ok(Tbs {
        der: tbs.to_der()?,
        key_type: req.key_type,
        signature_len: facts.signature_len(),
        not_before,
        not_after,
    })
}

/// RFC 5280 wants a positive serial of at most 20 octets; clearing the top bit
/// keeps the DER INTEGER within 20 bytes without a sign-padding byte.
pub(crate) fn positive_serial(random: [u8; 20]) -> Vec<u8> {
    let mut bytes = random;
    bytes[0] &= 0x7F;
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    let minimal = &bytes[start..];
    if minimal.is_empty() {
        vec![1]
    } else {
        minimal.to_vec()
    }
}

/// `der::Time` picks UTCTime through 2049 and GeneralizedTime after, as
/// RFC 5280 §4.1.2.5 requires.
fn x509_time(unix: i64) -> Result<Time, CertError> {
    let secs = u64::try_from(unix).map_err(|_| CertError::TimeOutOfRange { unix })?;
    let dt = DateTime::from_unix_duration(Duration::from_secs(secs))
        .map_err(|_| CertError::TimeOutOfRange { unix })?;
    Ok(Time::from(dt))
}

fn subject_name(common_name: &str, organization: Option<&str>) -> Result<RdnSequence, CertError> {
    if common_name.trim().is_empty() {
        return Err(CertError::EmptyCommonName);
    }
    let mut name = RdnSequence::default();
    // Most significant first, as X.500 orders names: O before CN.
    if let Some(org) = organization.filter(|o| !o.trim().is_empty()) {
        name.push(attribute(ORGANIZATION, org, "organization")?);
    }
    name.push(attribute(COMMON_NAME, common_name, "common name")?);
    Ok(name)
}

fn attribute(
    oid: ObjectIdentifier,
    value: &str,
    field: &'static str,
) -> Result<RelativeDistinguishedName, CertError> {
    if value.chars().count() > MAX_NAME_CHARS {
        return Err(CertError::NameTooLong {
            field,
            max: MAX_NAME_CHARS,
        });
    }
    let value = Any::encode_from(&Utf8StringRef::new(value)?)?;
    Ok(RelativeDistinguishedName::try_from(vec![
        AttributeTypeAndValue { oid, value },
    ])?)
}

fn extension(
    extn_id: ObjectIdentifier,
    critical: bool,
    value: &impl Encode,
) -> Result<Extension, CertError> {
    Ok(Extension {
        extn_id,
        critical,
        extn_value: OctetString::new(value.to_der()?)?,
    })
}

fn extensions(key_id: &[u8; 20]) -> Result<Vec<Extension>, CertError> {
    Ok(vec![
        extension(
            BASIC_CONSTRAINTS,
            false,
            &BasicConstraints {
                ca: false,
                path_len_constraint: None,
            },
        )?,
        extension(
            KEY_USAGE,
            true,
            &KeyUsage(KeyUsages::DigitalSignature.into()),
        )?,
        extension(EXT_KEY_USAGE, false, &ExtendedKeyUsage(vec![CLIENT_AUTH]))?,
        extension(
            SUBJECT_KEY_ID,
            false,
            &SubjectKeyIdentifier(OctetString::new(key_id.to_vec())?),
        )?,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::public_key::tests::{fake_p256_spki, fake_rsa_spki};
    use der::Decode;
    use x509_cert::TbsCertificate;

    fn request(key_type: KeyType) -> CertificateRequest {
        CertificateRequest {
            common_name: "CloudLink contoso".into(),
            organization: Some("Contoso Ltd".into()),
            key_type,
            lifetime: Lifetime::OneYear,
            now_unix: 1_756_634_400, // 2025-08-31T10:00:00Z
            serial: [0xFF; 20],
        }
    }

    #[test]
    fn serial_is_positive_minimal_and_nonzero() {
        assert_eq!(positive_serial([0xFF; 20])[0], 0x7F);
        assert_eq!(positive_serial([0xFF; 20]).len(), 20);
        let mut leading = [0u8; 20];
        leading[1] = 0x80;
        leading[19] = 0x01;
        let s = positive_serial(leading);
        assert_eq!(s.len(), 19);
        assert_eq!(s[0], 0x80);
        let encoded = SerialNumber::<x509_cert::certificate::Rfc5280>::new(&s).unwrap();
        assert!(encoded.to_der().unwrap().len() <= 2 + 20);
        assert_eq!(positive_serial([0u8; 20]), vec![1]);
        let mut only_top = [0u8; 20];
        only_top[0] = 0x80;
        assert_eq!(positive_serial(only_top), vec![1]);
    }

    #[test]
    fn tbs_parses_with_the_expected_content() {
        let built = to_be_signed(&request(KeyType::Rsa2048), &fake_rsa_spki(2048)).unwrap();
        let tbs = TbsCertificate::from_der(built.der()).unwrap();
        assert_eq!(tbs.version(), Version::V3);
        assert_eq!(tbs.issuer(), tbs.subject());
        assert_eq!(
            tbs.subject().to_string(),
            "CN=CloudLink contoso,O=Contoso Ltd"
        );
        assert_eq!(tbs.serial_number().as_bytes()[0], 0x7F);
        assert_eq!(tbs.serial_number().as_bytes().len(), 20);
        let validity = tbs.validity();
        assert_eq!(
            validity.not_before.to_unix_duration().as_secs(),
            1_756_634_400 - 300
        );
        assert!(matches!(validity.not_before, Time::UtcTime(_)));
        // The facts kept beside the DER are the ones in it.
        assert_eq!(
            validity.not_before.to_unix_duration().as_secs() as i64,
            built.not_before_unix()
        );
        assert_eq!(
            validity.not_after.to_unix_duration().as_secs() as i64,
            built.not_after_unix()
        );
        assert_eq!(built.key_type(), KeyType::Rsa2048);
        let exts = tbs.extensions().unwrap();
        let ids: Vec<_> = exts.iter().map(|e| (e.extn_id, e.critical)).collect();
        assert_eq!(
            ids,
            [
                (BASIC_CONSTRAINTS, false),
                (KEY_USAGE, true),
                (EXT_KEY_USAGE, false),
                (SUBJECT_KEY_ID, false)
            ]
        );
        assert_eq!(exts[0].extn_value.as_bytes(), [0x30, 0x00]);
        assert_eq!(exts[1].extn_value.as_bytes(), [0x03, 0x02, 0x07, 0x80]);
    }

    #[test]
    fn subject_without_organization_has_only_cn() {
        let mut req = request(KeyType::EcdsaP256);
        req.organization = Some("  ".into());
        let built = to_be_signed(&req, &fake_p256_spki()).unwrap();
        let tbs = TbsCertificate::from_der(built.der()).unwrap();
        assert_eq!(tbs.subject().to_string(), "CN=CloudLink contoso");
        assert_eq!(
            tbs.signature().oid,
            super::super::signature::ECDSA_WITH_SHA256
        );
        assert!(tbs.signature().parameters.is_none());
    }

    #[test]
    fn times_after_2049_use_generalized_time() {
        let mut req = request(KeyType::Rsa2048);
        req.now_unix = 2_524_608_000 - 86_400; // 2049-12-31
        let built = to_be_signed(&req, &fake_rsa_spki(2048)).unwrap();
        let tbs = TbsCertificate::from_der(built.der()).unwrap();
        assert!(matches!(tbs.validity().not_before, Time::UtcTime(_)));
        assert!(matches!(tbs.validity().not_after, Time::GeneralTime(_)));
        assert_eq!(
            tbs.validity().not_after.to_unix_duration().as_secs(),
            2_524_608_000 - 86_400 + 365 * 86_400
        );
    }

    #[test]
    fn rejects_bad_requests() {
        let spki = fake_rsa_spki(2048);
        let mut req = request(KeyType::Rsa2048);
        req.common_name = " ".into();
        assert_eq!(to_be_signed(&req, &spki), Err(CertError::EmptyCommonName));
        req.common_name = "x".repeat(65);
        assert!(matches!(
            to_be_signed(&req, &spki),
            Err(CertError::NameTooLong {
                field: "common name",
                ..
            })
        ));
        req.common_name = "é".repeat(64);
        assert!(to_be_signed(&req, &spki).is_ok());
        req.now_unix = 100;
        assert_eq!(
            to_be_signed(&req, &spki),
            Err(CertError::TimeOutOfRange { unix: -200 })
        );
        let req = request(KeyType::Rsa3072);
        assert_eq!(
            to_be_signed(&req, &spki),
            Err(CertError::RsaKeySizeMismatch {
                expected: 3072,
                found: 2048
            })
        );
    }
}
