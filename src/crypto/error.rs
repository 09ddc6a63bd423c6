//! Why a certificate could not be built, assembled or read.

use core::fmt;

use super::KeyType;

/// Public-key algorithm found in a SubjectPublicKeyInfo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAlgorithm {
    Rsa,
    EcdsaP256,
    /// An EC key on a curve other than P-256.
    OtherCurve,
    Other,
}

impl KeyAlgorithm {
    fn label(self) -> &'static str {
        match self {
            KeyAlgorithm::Rsa => "an RSA key",
            KeyAlgorithm::EcdsaP256 => "an ECDSA P-256 key",
            KeyAlgorithm::OtherCurve => "an EC key on an unsupported curve",
            KeyAlgorithm::Other => "a key of an unsupported kind",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertError {
    EmptyCommonName,
    /// X.520 caps commonName and organizationName at 64 characters and
    /// strict parsers reject longer values.
    NameTooLong {
        field: &'static str,
        max: usize,
    },
    /// The public key bytes are not a SubjectPublicKeyInfo we can read.
    MalformedPublicKey,
    KeyAlgorithmMismatch {
        expected: KeyType,
        found: KeyAlgorithm,
    },
    RsaKeyTooSmall {
        bits: u32,
    },
    RsaKeySizeMismatch {
        expected: u32,
        found: u32,
    },
    /// A time before 1970 or after 9999 cannot go into a certificate.
    TimeOutOfRange {
        unix: i64,
    },
    /// The bytes given as a to-be-signed certificate do not parse as one.
    MalformedTbs,
    SignatureLength {
        expected: usize,
        found: usize,
    },
    /// An ECDSA signature with r or s equal to zero can never verify.
    InvalidEcdsaSignature,
    /// The bytes are not a DER X.509 certificate.
    MalformedCertificate,
    /// Encoding failed inside the DER library; should not happen with valid input.
    Encoding(der::Error),
}

impl fmt::Display for CertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CertError::EmptyCommonName => f.write_str("The certificate needs a common name."),
            CertError::NameTooLong { field, max } => {
                write!(f, "The {field} can be at most {max} characters long.")
            }
            CertError::MalformedPublicKey => {
                f.write_str("The public key could not be read as SubjectPublicKeyInfo.")
            }
            CertError::KeyAlgorithmMismatch { expected, found } => write!(
                f,
                "The key type {} was chosen, but the public key is {}.",
                expected.label(),
                found.label()
            ),
            CertError::RsaKeyTooSmall { bits } => write!(
                f,
                "The RSA key has {bits} bits; at least 2048 bits are required."
            ),
            CertError::RsaKeySizeMismatch { expected, found } => write!(
                f,
                "An RSA {expected} key was chosen, but the public key has {found} bits."
            ),
            CertError::TimeOutOfRange { unix } => write!(
                f,
                "The time {unix} (unix seconds) cannot be written into a certificate."
            ),
            CertError::MalformedTbs => {
                f.write_str("The data to be signed is not a to-be-signed certificate.")
            }
            CertError::SignatureLength { expected, found } => write!(
                f,
                "The signature is {found} bytes long; {expected} bytes were expected."
            ),
            CertError::InvalidEcdsaSignature => {
                f.write_str("The ECDSA signature is invalid (r or s is zero).")
            }
            CertError::MalformedCertificate => {
                f.write_str("The data is not a DER-encoded X.509 certificate.")
            }
            CertError::Encoding(e) => write!(f, "The certificate could not be encoded: {e}."),
        }
    }
}

impl std::error::Error for CertError {}

impl From<der::Error> for CertError {
    fn from(e: der::Error) -> Self {
        CertError::Encoding(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_plain_sentences() {
        let errors = [
            CertError::EmptyCommonName,
            CertError::KeyAlgorithmMismatch {
                expected: KeyType::Rsa2048,
                found: KeyAlgorithm::EcdsaP256,
            },
            CertError::RsaKeySizeMismatch {
                expected: 3072,
                found: 2048,
            },
            CertError::SignatureLength {
                expected: 256,
                found: 3,
            },
            CertError::Encoding(der::ErrorKind::Overflow.into()),
        ];
        for e in &errors {
            let text = e.to_string();
            assert!(text.ends_with('.'), "{text}");
            assert!(!text.contains("Error"), "{text}");
        }
        assert_eq!(
            errors[1].to_string(),
            "The key type RSA 2048 was chosen, but the public key is an ECDSA P-256 key."
        );
        assert_eq!(
            errors[2].to_string(),
            "An RSA 3072 key was chosen, but the public key has 2048 bits."
        );
    }
}
