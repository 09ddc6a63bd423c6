//! Password verifiers: what is stored instead of a password.

/// PBKDF2-HMAC-SHA256 iterations for new accounts (OWASP's 2023 figure).
pub const PBKDF2_ITERATIONS: u32 = 600_000;
const _: () = assert!(PBKDF2_ITERATIONS >= 600_000);

/// HKDF labels: one secret from PBKDF2 gives both the stored verifier and the
/// key that wraps private keys, and neither reveals the other.
pub const VERIFIER_INFO: &str = "cloudlink/login-verifier/v1";
pub const KEY_WRAP_INFO: &str = "cloudlink/key-wrap/v1";

/// Compares in time independent of where the first difference is.
pub fn verifiers_match(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub const WRONG_CREDENTIALS: &str = "Email or password is incorrect";
/// For a signed-in person asked for their password again.
pub const WRONG_PASSWORD: &str = "That password is not correct";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifiers_match_only_when_equal() {
        assert!(verifiers_match(b"abc", b"abc"));
        assert!(!verifiers_match(b"abc", b"abd"));
        assert!(!verifiers_match(b"abc", b"ab"));
    }
}
