//! The rule for choosing a new password. Length is the only composition rule:
//! it is what NIST SP 800-63B recommends, and character-class rules push people
//! toward predictable patterns.

use crate::domain::text::field_error;

pub const MIN_PASSWORD_CHARS: usize = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordError {
    TooShort,
    Mismatch,
}

impl PasswordError {
    pub fn message(&self) -> &'static str {
        match self {
            PasswordError::TooShort => "Password must be at least 10 characters",
            PasswordError::Mismatch => "Passwords do not match",
        }
    }
}

/// Checks the password before its confirmation, so the message points at the
/// field to fix first. The password is not trimmed: spaces are characters.
pub fn validate_new_password(pw: &str, confirm: &str) -> Result<(), PasswordError> {
    if pw.chars().count() < MIN_PASSWORD_CHARS {
        return Err(PasswordError::TooShort);
    }
    if pw != confirm {
        return Err(PasswordError::Mismatch);
    }
    Ok(())
}

field_error!(PasswordError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_matching_characters_pass() {
        assert_eq!(validate_new_password("abcdefghij", "abcdefghij"), Ok(()));
        assert_eq!(validate_new_password("          ", "          "), Ok(()));
    }

    #[test]
    fn nine_characters_are_too_short() {
        assert_eq!(
            validate_new_password("abcdefghi", "abcdefghi"),
            Err(PasswordError::TooShort)
        );
        assert_eq!(
            PasswordError::TooShort.to_string(),
            "Password must be at least 10 characters"
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // Five characters, ten bytes.
        assert_eq!(
            validate_new_password("ééééé", "ééééé"),
            Err(PasswordError::TooShort)
        );
        let ten = "ü".repeat(10);
        assert_eq!(validate_new_password(&ten, &ten), Ok(()));
    }

    #[test]
    fn confirmation_must_match_exactly() {
        assert_eq!(
            validate_new_password("abcdefghij", "abcdefghiJ"),
            Err(PasswordError::Mismatch)
        );
        assert_eq!(
            validate_new_password("abcdefghij", "abcdefghij "),
            Err(PasswordError::Mismatch)
        );
        assert_eq!(PasswordError::Mismatch.message(), "Passwords do not match");
    }

    #[test]
    fn too_short_is_reported_before_mismatch() {
        assert_eq!(
            validate_new_password("short", "other"),
            Err(PasswordError::TooShort)
        );
    }
}
