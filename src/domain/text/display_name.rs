//! Names people give to a linked account (Microsoft Account Name, Organization
//! Name, AWS account name). They are shown as text, never as markup, so any
//! printable character is fine; control characters would break layout, storage
//! keys and the certificate subject.

use super::text_value::{field_error, text_value};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DisplayName(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisplayNameError {
    Empty,
    TooLong,
    ControlCharacter,
}

impl DisplayNameError {
    pub fn message(&self) -> &'static str {
        match self {
            DisplayNameError::Empty => "Enter a name",
            DisplayNameError::TooLong => "The name can be at most 120 characters",
            DisplayNameError::ControlCharacter => {
                "The name cannot contain line breaks, tabs or other control characters"
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
        if s.chars().any(char::is_control) {
            return Err(DisplayNameError::ControlCharacter);
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

text_value!(DisplayName, DisplayNameError);
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
    fn deserialising_revalidates() {
        assert!(serde_json::from_str::<DisplayName>("\"a\\nb\"").is_err());
        let n: DisplayName = serde_json::from_str("\"  Fabrikam  \"").unwrap();
        assert_eq!(n.to_string(), "Fabrikam");
    }
}
