//! Certificate fingerprints in the forms the Entra portal and JWT headers use.

use base64ct::{Base64UrlUnpadded, Encoding};
use sha1::{Digest, Sha1};
use sha2::Sha256;

pub(crate) fn sha1(bytes: &[u8]) -> [u8; 20] {
    Sha1::digest(bytes).into()
}

pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Uppercase hex without separators: how the portal shows thumbprints.
pub(crate) fn hex_upper(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0x0F)] as char);
    }
    out
}

pub(crate) fn base64url(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_hex_matches_known_vector() {
        assert_eq!(
            hex_upper(&sha1(b"abc")),
            "A9993E364706816ABA3E25717850C26C9CD0D89D"
        );
    }

    #[test]
    fn sha256_hex_matches_known_vector() {
        let hex = hex_upper(&sha256(b"abc"));
        assert_eq!(
            hex,
            "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"
        );
        assert_eq!(hex.len(), 64);
    }

    #[test]
    fn base64url_is_unpadded_and_url_safe() {
        assert_eq!(base64url(&sha1(b"abc")), "qZk-NkcGgWq6PiVxeFDCbJzQ2J0");
        assert_eq!(
            base64url(&sha256(b"abc")),
            "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0"
        );
        assert_eq!(base64url(&[0xFB, 0xFF]), "-_8");
    }
}
