//! The sign-in email. Deliberately loose: it catches typos (missing `@`, a
//! domain without a dot) without rejecting real addresses that a strict
//! RFC 5322 check would get wrong.

use crate::domain::text::{field_error, text_value};
use serde::{Deserialize, Serialize};

/// Stored lowercase, so equality is case-insensitive as people expect of
/// addresses (even though RFC 5321 allows case-sensitive local parts, no
/// mainstream provider uses them).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    TooShort,
    TooLong,
    ContainsSpace,
    MissingAt,
    MoreThanOneAt,
    EmptyLocalPart,
    InvalidDomain,
}

impl EmailError {
    pub fn message(&self) -> &'static str {
        match self {
            EmailError::Empty => "Enter your email address",
            EmailError::TooShort => "This email address is too short",
            EmailError::TooLong => "An email address can be at most 254 characters",
            EmailError::ContainsSpace => "An email address cannot contain spaces",
            EmailError::MissingAt => "An email address needs an @, as in name@example.com",
            EmailError::MoreThanOneAt => "An email address has only one @",
            EmailError::EmptyLocalPart => "Enter the part before the @, as in name@example.com",
            EmailError::InvalidDomain => {
                "Enter a domain after the @ with a dot in it, as in name@example.com"
            }
        }
    }
}

impl Email {
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let s = input.trim().to_lowercase();
        let len = s.chars().count();
        if len == 0 {
            return Err(EmailError::Empty);
        }
        if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(EmailError::ContainsSpace);
        }
        if len > 254 {
            return Err(EmailError::TooLong);
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err(EmailError::MissingAt);
        };
        if domain.contains('@') {
            return Err(EmailError::MoreThanOneAt);
        }
        if len < 3 {
            return Err(EmailError::TooShort);
        }
        if local.is_empty() {
            return Err(EmailError::EmptyLocalPart);
        }
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
            return Err(EmailError::InvalidDomain);
        }
        Ok(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_value!(Email, EmailError);
field_error!(EmailError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_lowercased_and_compared_case_insensitively() {
        let a = Email::parse("  Ada.Lovelace@Contoso.COM ").unwrap();
        assert_eq!(a.as_str(), "ada.lovelace@contoso.com");
        assert_eq!(a, Email::parse("ada.lovelace@contoso.com").unwrap());
        assert!(Email::parse("a+tag@sub.example.co.uk").is_ok());
    }

    #[test]
    fn each_mistake_has_its_own_error() {
        use EmailError::*;
        for (input, want) in [
            ("", Empty),
            ("  ", Empty),
            ("ada lovelace@contoso.com", ContainsSpace),
            ("ada@contoso.com\u{0}", ContainsSpace),
            ("ada.contoso.com", MissingAt),
            ("ada@contoso@com.net", MoreThanOneAt),
            ("@c", TooShort),
            ("@contoso.com", EmptyLocalPart),
            ("ada@contoso", InvalidDomain),
            ("ada@", InvalidDomain),
            ("ada@.com", InvalidDomain),
            ("ada@contoso.", InvalidDomain),
            ("ada@contoso..com", InvalidDomain),
        ] {
            assert_eq!(Email::parse(input), Err(want), "{input:?}");
        }
    }

    #[test]
    fn length_limit_is_254_characters() {
        let ok = format!("{}@example.com", "a".repeat(254 - 12));
        assert_eq!(ok.len(), 254);
        assert!(Email::parse(&ok).is_ok());
        let long = format!("{}@example.com", "a".repeat(254 - 11));
        assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
    }

    #[test]
    fn serde_round_trips_and_revalidates() {
        let e: Email = serde_json::from_str("\"Ada@Contoso.com\"").unwrap();
        assert_eq!(serde_json::to_string(&e).unwrap(), "\"ada@contoso.com\"");
        assert!(serde_json::from_str::<Email>("\"ada\"").is_err());
        assert!(EmailError::MissingAt.to_string().contains('@'));
    }
}
