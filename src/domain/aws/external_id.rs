//! The `sts:ExternalId` the CloudFormation stack puts in the role's trust policy,
//! so that only this platform, not anyone who learns the Role ARN, can assume it.

use crate::domain::text::{field_error, text_value};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ExternalId(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExternalIdError {
    Empty,
    TooShort,
    TooLong,
    InvalidCharacter,
    RandomnessUnavailable,
}

impl ExternalIdError {
    pub fn message(&self) -> &'static str {
        match self {
            ExternalIdError::Empty => "Enter the external ID",
            // Our floor, not AWS's (2): a short ID is guessable.
            ExternalIdError::TooShort => "The external ID must be at least 32 characters",
            ExternalIdError::TooLong => "The external ID can be at most 1224 characters",
            ExternalIdError::InvalidCharacter => {
                "The external ID may contain only letters, digits and _ + = , . @ : / -"
            }
            ExternalIdError::RandomnessUnavailable => {
                "This browser could not provide secure random numbers to create an external ID"
            }
        }
    }
}

/// AWS's pattern for external IDs is `[\w+=,.@:\/-]*`.
fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_+=,.@:/-".contains(c)
}

impl ExternalId {
    pub const MIN_CHARS: usize = 32;
    pub const MAX_CHARS: usize = 1224;

    /// 24 random bytes (192 bits) as 48 lowercase hex digits.
    pub fn generate() -> Result<ExternalId, ExternalIdError> {
        let mut bytes = [0u8; 24];
        getrandom::fill(&mut bytes).map_err(|_| ExternalIdError::RandomnessUnavailable)?;
        Ok(ExternalId::from_bytes(&bytes))
    }

    pub fn from_bytes(bytes: &[u8; 24]) -> ExternalId {
        ExternalId(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn parse(input: &str) -> Result<ExternalId, ExternalIdError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(ExternalIdError::Empty);
        }
        if !s.chars().all(allowed) {
            return Err(ExternalIdError::InvalidCharacter);
        }
        // All allowed characters are ASCII, so bytes equal characters here.
        if s.len() < Self::MIN_CHARS {
            return Err(ExternalIdError::TooShort);
        }
        if s.len() > Self::MAX_CHARS {
            return Err(ExternalIdError::TooLong);
        }
        Ok(ExternalId(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Who chose the External ID a link form uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExternalIdSource {
    /// The embedding portal issued it.
    Portal,
    /// Embedded, and the portal has not issued one yet.
    AwaitingPortal,
    /// Standalone: this page made it.
    Page,
}

/// The External ID the AWS link form uses, and who chose it.
pub fn choose_external_id(
    embedded: bool,
    issued: Option<&ExternalId>,
    drafted: &str,
) -> (String, ExternalIdSource) {
    match (issued, embedded) {
        (Some(id), _) => (id.as_str().to_string(), ExternalIdSource::Portal),
        // A stored draft can be edited; only the portal's value counts here.
        (None, true) => (String::new(), ExternalIdSource::AwaitingPortal),
        (None, false) => (drafted.to_string(), ExternalIdSource::Page),
    }
}

text_value!(ExternalId, ExternalIdError);
field_error!(ExternalIdError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_48_lowercase_hex_and_differ() {
        let a = ExternalId::generate().unwrap();
        let b = ExternalId::generate().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 48);
        assert!(a
            .as_str()
            .bytes()
            .all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')));
        assert_eq!(ExternalId::parse(a.as_str()), Ok(a));
    }

    #[test]
    fn from_bytes_is_hex_in_order() {
        let mut bytes = [0u8; 24];
        bytes[0] = 0xab;
        bytes[23] = 0x01;
        let id = ExternalId::from_bytes(&bytes);
        assert!(id.as_str().starts_with("ab00"));
        assert!(id.as_str().ends_with("0001"));
    }

    #[test]
    fn parse_accepts_the_whole_aws_alphabet() {
        let s = "Ab0_+=,.@:/-Ab0_+=,.@:/-Ab0_+=,.";
        assert_eq!(s.len(), 32);
        assert_eq!(ExternalId::parse(&format!(" {s} ")).unwrap().as_str(), s);
        assert!(ExternalId::parse(&"x".repeat(1224)).is_ok());
    }

    #[test]
    fn parse_rejections() {
        assert_eq!(ExternalId::parse(" "), Err(ExternalIdError::Empty));
        assert_eq!(
            ExternalId::parse(&"a".repeat(31)),
            Err(ExternalIdError::TooShort)
        );
        assert_eq!(
            ExternalId::parse(&"a".repeat(1225)),
            Err(ExternalIdError::TooLong)
        );
        for bad in ["a".repeat(31) + " b", "a".repeat(32) + "!", "é".repeat(40)] {
            assert_eq!(
                ExternalId::parse(&bad),
                Err(ExternalIdError::InvalidCharacter),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_issued_external_id_wins_over_any_draft() {
        let issued = ExternalId::from_bytes(&[1; 24]);
        let edited = ExternalId::from_bytes(&[2; 24]);
        for embedded in [true, false] {
            assert_eq!(
                choose_external_id(embedded, Some(&issued), edited.as_str()),
                (issued.as_str().to_string(), ExternalIdSource::Portal)
            );
        }
        // Embedded, a draft's value is never used, even before the portal speaks.
        assert_eq!(
            choose_external_id(true, None, edited.as_str()),
            (String::new(), ExternalIdSource::AwaitingPortal)
        );
        assert_eq!(
            choose_external_id(false, None, edited.as_str()),
            (edited.as_str().to_string(), ExternalIdSource::Page)
        );
    }

    #[test]
    fn serde_revalidates() {
        let id = ExternalId::from_bytes(&[7; 24]);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{}\"", "07".repeat(24)));
        assert_eq!(serde_json::from_str::<ExternalId>(&json).unwrap(), id);
        assert!(serde_json::from_str::<ExternalId>("\"short\"").is_err());
    }
}
