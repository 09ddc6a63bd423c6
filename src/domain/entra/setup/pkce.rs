//! The secrets of one sign-in: the PKCE verifier and its S256 challenge
//! (RFC 7636), the `state` that ties the callback to this page, and the
//! `nonce` that ties the ID token to this sign-in.
//!
//! They are made from bytes the caller draws (`crypto.getRandomValues` in the
//! browser), so the rules here are tested with fixed bytes.

use base64ct::{Base64UrlUnpadded, Encoding};
use sha2::{Digest, Sha256};
use std::fmt;

/// 32 random bytes give the 43-character verifier RFC 7636 §4.1 recommends;
/// 16 bytes (128 bits) are plenty for `state` and `nonce`.
pub const RANDOM_BYTES: usize = 32 + 16 + 16;

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~".contains(&b)
}

/// A PKCE `code_verifier`: 43 to 128 characters of the unreserved set.
#[derive(Clone, PartialEq, Eq)]
pub struct CodeVerifier(String);

impl CodeVerifier {
    /// Base64url without padding only uses unreserved characters, so 32 bytes
    /// always make a valid 43-character verifier.
    pub fn from_random(bytes: &[u8; 32]) -> CodeVerifier {
        CodeVerifier(Base64UrlUnpadded::encode_string(bytes))
    }

    /// A verifier written elsewhere (the test fakes), held to RFC 7636 §4.1.
    pub fn parse(text: &str) -> Option<CodeVerifier> {
        let ok = (43..=128).contains(&text.len()) && text.bytes().all(is_unreserved);
        ok.then(|| CodeVerifier(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `BASE64URL(SHA256(ASCII(code_verifier)))`, RFC 7636 §4.2.
    pub fn s256_challenge(&self) -> String {
        Base64UrlUnpadded::encode_string(&Sha256::digest(self.0.as_bytes()))
    }
}

impl fmt::Debug for CodeVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CodeVerifier(..)")
    }
}

/// The per-sign-in values that must come back unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInSecrets {
    pub verifier: CodeVerifier,
    pub state: String,
    pub nonce: String,
}

impl SignInSecrets {
    pub fn from_random(bytes: &[u8; RANDOM_BYTES]) -> SignInSecrets {
        let mut verifier = [0u8; 32];
        verifier.copy_from_slice(&bytes[..32]);
        SignInSecrets {
            verifier: CodeVerifier::from_random(&verifier),
            state: Base64UrlUnpadded::encode_string(&bytes[32..48]),
            nonce: Base64UrlUnpadded::encode_string(&bytes[48..]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7636 Appendix B: the octets, the verifier they encode to, and its
    /// S256 challenge.
    const RFC_OCTETS: [u8; 32] = [
        116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37,
        77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ];

    #[test]
    fn rfc_7636_appendix_b() {
        let v = CodeVerifier::from_random(&RFC_OCTETS);
        assert_eq!(v.as_str(), "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assert_eq!(
            v.s256_challenge(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn any_bytes_make_a_valid_verifier() {
        for fill in [0u8, 0xff, 0x3e, 0x3f] {
            let v = CodeVerifier::from_random(&[fill; 32]);
            assert_eq!(v.as_str().len(), 43);
            assert_eq!(CodeVerifier::parse(v.as_str()), Some(v));
        }
    }

    #[test]
    fn parse_holds_to_the_length_and_the_unreserved_set() {
        assert!(CodeVerifier::parse(&"a".repeat(43)).is_some());
        assert!(CodeVerifier::parse(&"~".repeat(128)).is_some());
        assert!(CodeVerifier::parse(&"a".repeat(42)).is_none());
        assert!(CodeVerifier::parse(&"a".repeat(129)).is_none());
        assert!(CodeVerifier::parse(&format!("{}+", "a".repeat(43))).is_none());
        assert!(CodeVerifier::parse(&format!("{}=", "a".repeat(43))).is_none());
    }

    #[test]
    fn state_and_nonce_are_distinct_and_come_from_their_own_bytes() {
        let mut bytes = [0u8; RANDOM_BYTES];
        bytes[32..48].fill(1);
        bytes[48..].fill(2);
        let s = SignInSecrets::from_random(&bytes);
        assert_eq!(s.state.len(), 22);
        assert_ne!(s.state, s.nonce);
        assert_eq!(s.verifier, CodeVerifier::from_random(&[0; 32]));
        assert!(!format!("{s:?}").contains(s.verifier.as_str()));
    }
}
