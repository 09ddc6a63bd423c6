//! Checks that the SubjectPublicKeyInfo WebCrypto exported is the key the
//! person chose, before anything is signed with it.

use der::asn1::{ObjectIdentifier, UintRef};
use der::{Decode, Sequence};
use spki::SubjectPublicKeyInfoOwned;

use super::error::{CertError, KeyAlgorithm};
use super::KeyType;

pub(crate) const RSA_ENCRYPTION: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
pub(crate) const EC_PUBLIC_KEY: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
pub(crate) const PRIME256V1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");

const MIN_RSA_BITS: u32 = 2048;

/// PKCS#1 RSAPublicKey, the contents of an RSA SPKI's BIT STRING.
#[derive(Sequence)]
struct RsaPublicKey<'a> {
    modulus: UintRef<'a>,
    #[allow(dead_code)]
    public_exponent: UintRef<'a>,
}

/// What the SPKI holds, as far as certificate building cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct KeyFacts {
    pub algorithm: KeyAlgorithm,
    /// Modulus size for RSA keys.
    pub rsa_bits: Option<u32>,
}

impl KeyFacts {
    /// Exact length of a raw signature made by this key.
    pub(crate) fn signature_len(self) -> usize {
        match self.rsa_bits {
            Some(bits) => bits.div_ceil(8) as usize,
            None => 64,
        }
    }
}

pub(crate) fn parse_spki(spki_der: &[u8]) -> Result<SubjectPublicKeyInfoOwned, CertError> {
    SubjectPublicKeyInfoOwned::from_der(spki_der).map_err(|_| CertError::MalformedPublicKey)
}

pub(crate) fn key_facts(spki: &SubjectPublicKeyInfoOwned) -> Result<KeyFacts, CertError> {
    let key = spki
        .subject_public_key
        .as_bytes()
        .ok_or(CertError::MalformedPublicKey)?;
    let alg = &spki.algorithm;
    if alg.oid == RSA_ENCRYPTION {
        let rsa = RsaPublicKey::from_der(key).map_err(|_| CertError::MalformedPublicKey)?;
        let modulus = rsa.modulus.as_bytes();
        let first = *modulus.first().ok_or(CertError::MalformedPublicKey)?;
        let bits = (modulus.len() as u32) * 8 - first.leading_zeros();
        return Ok(KeyFacts {
            algorithm: KeyAlgorithm::Rsa,
            rsa_bits: Some(bits),
        });
    }
    if alg.oid == EC_PUBLIC_KEY {
        let curve = alg
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
        if curve != Some(PRIME256V1) {
            return Ok(KeyFacts {
                algorithm: KeyAlgorithm::OtherCurve,
                rsa_bits: None,
            });
        }
        // WebCrypto exports the uncompressed point: 0x04 || X || Y.
        if key.len() != 65 || key[0] != 0x04 {
            return Err(CertError::MalformedPublicKey);
        }
        return Ok(KeyFacts {
            algorithm: KeyAlgorithm::EcdsaP256,
            rsa_bits: None,
        });
    }
    Ok(KeyFacts {
        algorithm: KeyAlgorithm::Other,
        rsa_bits: None,
    })
}

/// Rejects a key that does not match `key_type`, including its RSA size.
pub(crate) fn check_key(
    key_type: KeyType,
    spki: &SubjectPublicKeyInfoOwned,
) -> Result<KeyFacts, CertError> {
    let facts = key_facts(spki)?;
    match (key_type.rsa_bits(), facts.algorithm, facts.rsa_bits) {
        (Some(_), KeyAlgorithm::Rsa, Some(found)) if found < MIN_RSA_BITS => {
            Err(CertError::RsaKeyTooSmall { bits: found })
        }
        (Some(expected), KeyAlgorithm::Rsa, Some(found)) if found != expected => {
            Err(CertError::RsaKeySizeMismatch { expected, found })
        }
        (Some(_), KeyAlgorithm::Rsa, _) => Ok(facts),
        (None, KeyAlgorithm::EcdsaP256, _) => Ok(facts),
        (_, found, _) => Err(CertError::KeyAlgorithmMismatch {
            expected: key_type,
            found,
        }),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use der::asn1::{Any, BitString, OctetString};
    use der::Encode;
    use spki::AlgorithmIdentifierOwned;

    /// A syntactically valid RSA SPKI with a modulus of exactly `bits` bits;
    /// the numbers are not a real key, which the checks do not need.
    pub(crate) fn fake_rsa_spki(bits: u32) -> Vec<u8> {
        let mut modulus = vec![0xA5u8; bits.div_ceil(8) as usize];
        modulus[0] = 0x80 >> ((8 - bits % 8) % 8);
        let rsa = RsaPublicKey {
            modulus: UintRef::new(&modulus).unwrap(),
            public_exponent: UintRef::new(&[1, 0, 1]).unwrap(),
        };
        spki_der(RSA_ENCRYPTION, Some(Any::null()), &rsa.to_der().unwrap())
    }

    pub(crate) fn fake_p256_spki() -> Vec<u8> {
        let mut point = vec![0x11u8; 65];
        point[0] = 0x04;
        spki_der(
            EC_PUBLIC_KEY,
            Some(Any::encode_from(&PRIME256V1).unwrap()),
            &point,
        )
    }

    fn spki_der(oid: ObjectIdentifier, parameters: Option<Any>, key: &[u8]) -> Vec<u8> {
        SubjectPublicKeyInfoOwned {
            algorithm: AlgorithmIdentifierOwned { oid, parameters },
            subject_public_key: BitString::from_bytes(key).unwrap(),
        }
        .to_der()
        .unwrap()
    }

    fn check(key_type: KeyType, der: &[u8]) -> Result<KeyFacts, CertError> {
        check_key(key_type, &parse_spki(der)?)
    }

    #[test]
    fn accepts_matching_keys() {
        for (kt, bits) in [
            (KeyType::Rsa2048, 2048),
            (KeyType::Rsa3072, 3072),
            (KeyType::Rsa4096, 4096),
        ] {
            let facts = check(kt, &fake_rsa_spki(bits)).unwrap();
            assert_eq!(facts.rsa_bits, Some(bits));
            assert_eq!(facts.signature_len(), bits as usize / 8);
        }
        let facts = check(KeyType::EcdsaP256, &fake_p256_spki()).unwrap();
        assert_eq!(facts.algorithm, KeyAlgorithm::EcdsaP256);
        assert_eq!(facts.signature_len(), 64);
    }

    #[test]
    fn rejects_wrong_algorithm() {
        assert_eq!(
            check(KeyType::Rsa2048, &fake_p256_spki()),
            Err(CertError::KeyAlgorithmMismatch {
                expected: KeyType::Rsa2048,
                found: KeyAlgorithm::EcdsaP256
            })
        );
        assert_eq!(
            check(KeyType::EcdsaP256, &fake_rsa_spki(2048)),
            Err(CertError::KeyAlgorithmMismatch {
                expected: KeyType::EcdsaP256,
                found: KeyAlgorithm::Rsa
            })
        );
        let p384 = ObjectIdentifier::new_unwrap("1.3.132.0.34");
        let other_curve = spki_der(
            EC_PUBLIC_KEY,
            Some(Any::encode_from(&p384).unwrap()),
            &[4; 97],
        );
        assert_eq!(
            check(KeyType::EcdsaP256, &other_curve),
            Err(CertError::KeyAlgorithmMismatch {
                expected: KeyType::EcdsaP256,
                found: KeyAlgorithm::OtherCurve
            })
        );
        let ed25519 = spki_der(ObjectIdentifier::new_unwrap("1.3.101.112"), None, &[7; 32]);
        assert!(matches!(
            check(KeyType::Rsa2048, &ed25519),
            Err(CertError::KeyAlgorithmMismatch {
                found: KeyAlgorithm::Other,
                ..
            })
        ));
    }

    #[test]
    fn rejects_wrong_rsa_sizes() {
        assert_eq!(
            check(KeyType::Rsa2048, &fake_rsa_spki(1024)),
            Err(CertError::RsaKeyTooSmall { bits: 1024 })
        );
        assert_eq!(
            check(KeyType::Rsa2048, &fake_rsa_spki(2047)),
            Err(CertError::RsaKeyTooSmall { bits: 2047 })
        );
        assert_eq!(
            check(KeyType::Rsa2048, &fake_rsa_spki(4096)),
            Err(CertError::RsaKeySizeMismatch {
                expected: 2048,
                found: 4096
            })
        );
        assert_eq!(
            check(KeyType::Rsa4096, &fake_rsa_spki(3072)),
            Err(CertError::RsaKeySizeMismatch {
                expected: 4096,
                found: 3072
            })
        );
    }

    #[test]
    fn rejects_garbage_and_compressed_points() {
        assert_eq!(
            check(KeyType::Rsa2048, b"not der"),
            Err(CertError::MalformedPublicKey)
        );
        let octets = OctetString::new(vec![1, 2, 3]).unwrap().to_der().unwrap();
        assert_eq!(
            check(KeyType::Rsa2048, &octets),
            Err(CertError::MalformedPublicKey)
        );
        let mut compressed = vec![0x11u8; 33];
        compressed[0] = 0x02;
        let der = spki_der(
            EC_PUBLIC_KEY,
            Some(Any::encode_from(&PRIME256V1).unwrap()),
            &compressed,
        );
        assert_eq!(
            check(KeyType::EcdsaP256, &der),
            Err(CertError::MalformedPublicKey)
        );
    }
}
