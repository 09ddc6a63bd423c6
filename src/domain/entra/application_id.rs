//! The Application (client) ID of the app registration. It is a GUID, but the
//! form shows messages that name the field the person is looking at.

use super::guid::{Guid, GuidError};
use crate::domain::text::{field_error, text_value};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ApplicationId(Guid);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplicationIdError {
    Empty,
    WrongShape,
    UnbalancedBraces,
}

impl ApplicationIdError {
    pub fn message(&self) -> &'static str {
        match self {
            ApplicationIdError::Empty => "Enter the Application (client) ID",
            ApplicationIdError::WrongShape => {
                "The Application (client) ID is 32 hexadecimal digits in groups of \
                 8-4-4-4-12, such as 72f988bf-86f1-41af-91ab-2d7cd011db47"
            }
            ApplicationIdError::UnbalancedBraces => {
                "The Application (client) ID has a brace on one side only: remove it"
            }
        }
    }
}

impl From<GuidError> for ApplicationIdError {
    fn from(e: GuidError) -> Self {
        match e {
            GuidError::Empty => ApplicationIdError::Empty,
            GuidError::WrongShape => ApplicationIdError::WrongShape,
            GuidError::UnbalancedBraces => ApplicationIdError::UnbalancedBraces,
        }
    }
}

impl ApplicationId {
    pub fn parse(input: &str) -> Result<ApplicationId, ApplicationIdError> {
        Ok(ApplicationId(Guid::parse(input)?))
    }

    pub fn guid(&self) -> Guid {
        self.0
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl From<Guid> for ApplicationId {
    fn from(g: Guid) -> Self {
        ApplicationId(g)
    }
}

text_value!(ApplicationId, ApplicationIdError);
field_error!(ApplicationIdError);

#[cfg(test)]
mod tests {
    use super::*;

    const G: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    #[test]
    fn normalised_like_a_guid() {
        let a = ApplicationId::parse(" {72F988BF-86F1-41AF-91AB-2D7CD011DB47} ").unwrap();
        assert_eq!(a.as_str(), G);
        assert_eq!(a.guid(), Guid::parse(G).unwrap());
    }

    #[test]
    fn each_mistake_has_its_own_error() {
        assert_eq!(ApplicationId::parse("  "), Err(ApplicationIdError::Empty));
        assert_eq!(
            ApplicationId::parse("72f988bf-86f1"),
            Err(ApplicationIdError::WrongShape)
        );
        assert_eq!(
            ApplicationId::parse(&format!("{G}}}")),
            Err(ApplicationIdError::UnbalancedBraces)
        );
    }

    #[test]
    fn messages_name_the_field() {
        for e in [
            ApplicationIdError::Empty,
            ApplicationIdError::WrongShape,
            ApplicationIdError::UnbalancedBraces,
        ] {
            assert!(e.message().contains("Application (client) ID"), "{e:?}");
            assert_eq!(e.to_string(), e.message());
        }
        assert!(ApplicationIdError::WrongShape.message().contains(G));
    }

    #[test]
    fn serde_round_trips_and_revalidates() {
        let a = ApplicationId::parse(G).unwrap();
        assert_eq!(serde_json::to_string(&a).unwrap(), format!("\"{G}\""));
        let back: ApplicationId =
            serde_json::from_str(&format!("\"{}\"", G.to_uppercase())).unwrap();
        assert_eq!(back, a);
        assert!(serde_json::from_str::<ApplicationId>("\"x\"").is_err());
    }
}
