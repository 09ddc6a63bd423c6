//! Names people give to a linked account (Microsoft Account Name, Organization
//! Name, AWS account name). They are shown as text, never as markup, so any
//! printable character is fine; control characters would break layout, storage
//! keys and the certificate subject, and invisible formatting characters (bidi
//! overrides, zero-width spaces) would make the setup script and the
//! certificate subject read differently from what they hold.

use super::format_chars::is_invisible_character;
use super::text_value::field_error;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DisplayName(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisplayNameError {
    Empty,
    TooLong,
    ControlCharacter,
    FormatCharacter,
}

impl DisplayNameError {
    pub fn message(&self) -> &'static str {
        match self {
            DisplayNameError::Empty => "Enter a name",
            DisplayNameError::TooLong => "The name can be at most 120 characters",
            DisplayNameError::ControlCharacter => {
                "The name cannot contain line breaks, tabs or other control characters"
            }
            DisplayNameError::FormatCharacter => {
                "The name cannot contain invisible formatting characters, such as direction marks or zero-width spaces"
            }
        }
    }
}

impl DisplayName {
    pub const MAX_CHARS: usize = 120;

    pub fn parse(input: &str) -> Result<DisplayName, DisplayNameError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(DisplayNameError::Empty);
        }
        if s.chars()
            .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
        {
            return Err(DisplayNameError::ControlCharacter);
        }
        if s.chars().any(is_invisible_character) {
            return Err(DisplayNameError::FormatCharacter);
        }
        // Characters, not bytes: "Zürich" must not count as longer than "Zurich".
        if s.chars().count() > Self::MAX_CHARS {
            return Err(DisplayNameError::TooLong);
        }
        Ok(DisplayName(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for DisplayName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for DisplayName {
    type Err = DisplayNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DisplayName::parse(s)
    }
}

/// Reading a stored name: one saved before format characters were refused
/// loses them rather than making its whole record unreadable.
impl TryFrom<String> for DisplayName {
    type Error = DisplayNameError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        let visible: String = s.chars().filter(|&c| !is_invisible_character(c)).collect();
        DisplayName::parse(&visible)
    }
}

impl From<DisplayName> for String {
    fn from(v: DisplayName) -> String {
        v.0
    }
}

field_error!(DisplayNameError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_on_the_way_in() {
        assert_eq!(
            DisplayName::parse("  Contoso Prod \n").unwrap().as_str(),
            "Contoso Prod"
        );
    }

    #[test]
    fn markup_is_just_text() {
        let s = "<script>alert(1)</script>";
        let n = DisplayName::parse(s).unwrap();
        assert_eq!(n.as_str(), s);
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(
            serde_json::from_str::<DisplayName>(&json).unwrap().as_str(),
            s
        );
    }

    #[test]
    fn empty_or_blank() {
        assert_eq!(DisplayName::parse(""), Err(DisplayNameError::Empty));
        assert_eq!(DisplayName::parse(" \t\n "), Err(DisplayNameError::Empty));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let max = "é".repeat(120);
        assert_eq!(DisplayName::parse(&max).unwrap().as_str(), max);
        assert_eq!(
            DisplayName::parse(&"é".repeat(121)),
            Err(DisplayNameError::TooLong)
        );
        assert_eq!(
            DisplayName::parse(&"a".repeat(121)),
            Err(DisplayNameError::TooLong)
        );
    }

    #[test]
    fn control_characters_inside_are_refused() {
        for s in [
            "Contoso\nProd",
            "Contoso\tProd",
            "a\u{0}b",
            "a\u{7f}b",
            "a\u{85}b",
        ] {
            assert_eq!(
                DisplayName::parse(s),
                Err(DisplayNameError::ControlCharacter),
                "{s:?}"
            );
        }
    }

    #[test]
    fn format_characters_inside_are_refused() {
        for s in [
            "Contoso\u{202E}dorP",
            "a\u{2066}b\u{2069}",
            "a\u{2067}b",
            "a\u{2068}b",
            "a\u{200E}b",
            "a\u{200F}b",
            "a\u{061C}b",
            "a\u{200B}b",
            "a\u{200D}b",
            "a\u{FEFF}b",
            "a\u{E0041}b",
            "a\u{3164}b",
            "a\u{034F}b",
        ] {
            assert_eq!(
                DisplayName::parse(s),
                Err(DisplayNameError::FormatCharacter),
                "{s:?}"
            );
        }
        assert!(DisplayNameError::FormatCharacter
            .message()
            .contains("invisible"));
    }

    #[test]
    fn line_and_paragraph_separators_are_line_breaks() {
        for s in ["a\u{2028}b", "a\u{2029}b"] {
            assert_eq!(
                DisplayName::parse(s),
                Err(DisplayNameError::ControlCharacter),
                "{s:?}"
            );
        }
    }

    #[test]
    fn right_to_left_names_are_fine() {
        for s in ["مرحبا", "עברית בע\"מ", "Contoso مرحبا"] {
            assert_eq!(DisplayName::parse(s).unwrap().as_str(), s);
        }
    }

    #[test]
    fn stored_names_lose_their_format_characters_instead_of_the_record() {
        // Names saved before format characters were refused stay readable.
        let n: DisplayName = serde_json::from_str("\"Contoso\\u202e Prod\\u200b\"").unwrap();
        assert_eq!(n.as_str(), "Contoso Prod");
        assert!(serde_json::from_str::<DisplayName>("\"\\u200b\"").is_err());
    }

    #[test]
    fn deserialising_revalidates() {
        assert!(serde_json::from_str::<DisplayName>("\"a\\nb\"").is_err());
        let n: DisplayName = serde_json::from_str("\"  Fabrikam  \"").unwrap();
        assert_eq!(n.to_string(), "Fabrikam");
    }
}
