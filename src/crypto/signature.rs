//! Signature algorithm identifiers and the conversion of WebCrypto's raw
//! ECDSA output into the form X.509 carries.

use der::asn1::{Any, ObjectIdentifier, UintRef};
use der::{Encode, Sequence};
use spki::AlgorithmIdentifierOwned;

use super::error::CertError;
use super::KeyType;

pub(crate) const SHA256_WITH_RSA: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
pub(crate) const ECDSA_WITH_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");

/// RFC 4055 requires NULL parameters for RSA; RFC 5758 forbids any for ECDSA.
pub(crate) fn signature_algorithm(key_type: KeyType) -> AlgorithmIdentifierOwned {
    if key_type.rsa_bits().is_some() {
        AlgorithmIdentifierOwned {
            oid: SHA256_WITH_RSA,
            parameters: Some(Any::null()),
        }
    } else {
        AlgorithmIdentifierOwned {
            oid: ECDSA_WITH_SHA256,
            parameters: None,
        }
    }
}

#[derive(Sequence)]
struct EcdsaSigValue<'a> {
    r: UintRef<'a>,
    s: UintRef<'a>,
}

/// WebCrypto returns `r || s` as two 32-byte big-endian numbers (IEEE P1363);
/// X.509 wants `SEQUENCE { r INTEGER, s INTEGER }` with minimal, positive
/// integers.
pub fn p1363_to_der(raw: &[u8]) -> Result<Vec<u8>, CertError> {
    if raw.len() != 64 {
        return Err(CertError::SignatureLength {
            expected: 64,
            found: raw.len(),
        });
    }
    let (r, s) = raw.split_at(32);
    if r.iter().all(|&b| b == 0) || s.iter().all(|&b| b == 0) {
        return Err(CertError::InvalidEcdsaSignature);
    }
    let value = EcdsaSigValue {
        r: UintRef::new(r)?,
        s: UintRef::new(s)?,
    };
    Ok(value.to_der()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(r: &[u8; 32], s: &[u8; 32]) -> Vec<u8> {
        [r.as_slice(), s.as_slice()].concat()
    }

    #[test]
    fn plain_values_encode_at_full_length() {
        let der = p1363_to_der(&raw(&[0x11; 32], &[0x22; 32])).unwrap();
        let mut expected = vec![0x30, 68, 0x02, 32];
        expected.extend([0x11; 32]);
        expected.extend([0x02, 32]);
        expected.extend([0x22; 32]);
        assert_eq!(der, expected);
    }

    #[test]
    fn high_bit_gets_a_zero_prefix() {
        let der = p1363_to_der(&raw(&[0x80; 32], &[0xFF; 32])).unwrap();
        assert_eq!(&der[..5], &[0x30, 70, 0x02, 33, 0x00]);
        assert_eq!(&der[5..37], &[0x80; 32]);
        assert_eq!(&der[37..40], &[0x02, 33, 0x00]);
        assert_eq!(&der[40..], &[0xFF; 32]);
    }

    #[test]
    fn leading_zeros_are_stripped() {
        let mut r = [0u8; 32];
        r[31] = 0x05;
        let mut s = [0u8; 32];
        s[2] = 0x90; // After stripping, the high bit is set again.
        s[31] = 0x01;
        let der = p1363_to_der(&raw(&r, &s)).unwrap();
        let mut expected = vec![0x30, 3 + 2 + 31, 0x02, 1, 0x05, 0x02, 31, 0x00, 0x90];
        expected.extend([0u8; 28]);
        expected.push(0x01);
        assert_eq!(der, expected);
    }

    #[test]
    fn rejects_wrong_length_and_zero() {
        assert_eq!(
            p1363_to_der(&[1; 63]),
            Err(CertError::SignatureLength {
                expected: 64,
                found: 63
            })
        );
        assert_eq!(
            p1363_to_der(&raw(&[0; 32], &[1; 32])),
            Err(CertError::InvalidEcdsaSignature)
        );
        assert_eq!(
            p1363_to_der(&raw(&[1; 32], &[0; 32])),
            Err(CertError::InvalidEcdsaSignature)
        );
    }

    #[test]
    fn algorithm_parameters_follow_the_rfcs() {
        let rsa = signature_algorithm(KeyType::Rsa2048).to_der().unwrap();
        assert_eq!(
            rsa,
            [
                0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B, 0x05,
                0x00
            ]
        );
        let ec = signature_algorithm(KeyType::EcdsaP256).to_der().unwrap();
        assert_eq!(
            ec,
            [0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02]
        );
    }
}
