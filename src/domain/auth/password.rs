//! The rule for choosing a new password. Length is the only composition rule:
//! it is what NIST SP 800-63B recommends, and character-class rules push people
//! toward predictable patterns. A password of only spaces or of one character
//! repeated is refused as well: it has the length but is the first guess of
//! anyone who tries.

use crate::domain::text::field_error;

pub const MIN_PASSWORD_CHARS: usize = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordError {
    TooShort,
    OnlySpaces,
    OneCharacterRepeated,
    Mismatch,
}

impl PasswordError {
    pub fn message(&self) -> &'static str {
        match self {
            PasswordError::TooShort => "Password must be at least 10 characters",
            PasswordError::OnlySpaces => "Password cannot be only spaces",
            PasswordError::OneCharacterRepeated => {
                "Password cannot be one character repeated; use different characters"
            }
            PasswordError::Mismatch => "Passwords do not match",
        }
    }
}

/// Checks the password before its confirmation, so the message points at the
/// field to fix first. The password is not trimmed: spaces are characters,
/// though not the only ones.
pub fn validate_new_password(pw: &str, confirm: &str) -> Result<(), PasswordError> {
    if pw.chars().count() < MIN_PASSWORD_CHARS {
        return Err(PasswordError::TooShort);
    }
    if pw.chars().all(char::is_whitespace) {
        return Err(PasswordError::OnlySpaces);
    }
    let mut chars = pw.chars();
    if let Some(first) = chars.next() {
        if chars.all(|c| c == first) {
            return Err(PasswordError::OneCharacterRepeated);
        }
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
        assert_eq!(validate_new_password("  a  b  c  ", "  a  b  c  "), Ok(()));
        assert_eq!(validate_new_password("aaaaaaaaab", "aaaaaaaaab"), Ok(()));
    }

    #[test]
    fn only_spaces_are_refused() {
        for pw in [
            "          ",
            " \t \t \t \t \t",
            "\u{3000}".repeat(12).as_str(),
        ] {
            assert_eq!(
                validate_new_password(pw, pw),
                Err(PasswordError::OnlySpaces),
                "{pw:?}"
            );
        }
        assert_eq!(
            PasswordError::OnlySpaces.to_string(),
            "Password cannot be only spaces"
        );
    }

    #[test]
    fn one_character_repeated_is_refused() {
        for pw in [
            "aaaaaaaaaa",
            "1111111111111",
            "éééééééééé",
            "..........",
            "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑",
        ] {
            assert_eq!(
                validate_new_password(pw, pw),
                Err(PasswordError::OneCharacterRepeated),
                "{pw:?}"
            );
        }
        assert!(PasswordError::OneCharacterRepeated
            .message()
            .contains("one character repeated"));
    }

    #[test]
    fn a_weak_password_is_reported_before_mismatch() {
        assert_eq!(
            validate_new_password("aaaaaaaaaa", "bbbbbbbbbb"),
            Err(PasswordError::OneCharacterRepeated)
        );
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
        let ten = "üö".repeat(5);
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
