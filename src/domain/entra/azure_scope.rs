//! What an Azure link covers: a management group (and every subscription below
//! it) or a single subscription.

use super::guid::Guid;
use crate::domain::text::field_error;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ScopeFields", into = "ScopeFields")]
pub enum AzureScope {
    ManagementGroup(String),
    Subscription(Guid),
}

/// The stored shape mirrors the form's two fields, so that loading goes
/// through the same validation as typing.
#[derive(Serialize, Deserialize)]
struct ScopeFields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    management_group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subscription: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AzureScopeError {
    NeitherGiven,
    BothGiven,
    SubscriptionNotGuid,
    ManagementGroupTooLong,
    ManagementGroupInvalidCharacter,
    ManagementGroupEndsWithDot,
}

impl AzureScopeError {
    pub fn message(&self) -> &'static str {
        match self {
            AzureScopeError::NeitherGiven => "Enter a management group ID or a Subscription ID",
            AzureScopeError::BothGiven => {
                "Enter either a management group ID or a Subscription ID, not both"
            }
            AzureScopeError::SubscriptionNotGuid => {
                "The Subscription ID is 32 hexadecimal digits in groups of 8-4-4-4-12, \
                 such as 72f988bf-86f1-41af-91ab-2d7cd011db47"
            }
            AzureScopeError::ManagementGroupTooLong => {
                "A management group ID can be at most 90 characters"
            }
            AzureScopeError::ManagementGroupInvalidCharacter => {
                "A management group ID may contain only letters, digits and - _ ( ) ."
            }
            AzureScopeError::ManagementGroupEndsWithDot => {
                "A management group ID cannot end with a period"
            }
        }
    }
}

fn given(field: Option<&str>) -> Option<&str> {
    field.map(str::trim).filter(|s| !s.is_empty())
}

fn parse_management_group(id: &str) -> Result<String, AzureScopeError> {
    // Azure allows Unicode letters and digits here, hence `char` classes.
    if !id
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '(' | ')' | '.'))
    {
        return Err(AzureScopeError::ManagementGroupInvalidCharacter);
    }
    if id.chars().count() > 90 {
        return Err(AzureScopeError::ManagementGroupTooLong);
    }
    if id.ends_with('.') {
        return Err(AzureScopeError::ManagementGroupEndsWithDot);
    }
    Ok(id.to_string())
}

impl AzureScope {
    /// From the form's two optional fields; blank counts as not given.
    pub fn parse(
        management_group: Option<&str>,
        subscription: Option<&str>,
    ) -> Result<AzureScope, AzureScopeError> {
        match (given(management_group), given(subscription)) {
            (None, None) => Err(AzureScopeError::NeitherGiven),
            (Some(_), Some(_)) => Err(AzureScopeError::BothGiven),
            (Some(mg), None) => parse_management_group(mg).map(AzureScope::ManagementGroup),
            (None, Some(sub)) => Guid::parse(sub)
                .map(AzureScope::Subscription)
                .map_err(|_| AzureScopeError::SubscriptionNotGuid),
        }
    }

    /// The Azure Resource Manager scope string used in role assignments.
    pub fn arm_scope(&self) -> String {
        match self {
            AzureScope::ManagementGroup(id) => {
                format!("/providers/Microsoft.Management/managementGroups/{id}")
            }
            AzureScope::Subscription(g) => format!("/subscriptions/{g}"),
        }
    }
}

impl TryFrom<ScopeFields> for AzureScope {
    type Error = AzureScopeError;
    fn try_from(f: ScopeFields) -> Result<Self, Self::Error> {
        AzureScope::parse(f.management_group.as_deref(), f.subscription.as_deref())
    }
}

impl From<AzureScope> for ScopeFields {
    fn from(s: AzureScope) -> Self {
        match s {
            AzureScope::ManagementGroup(id) => ScopeFields {
                management_group: Some(id),
                subscription: None,
            },
            AzureScope::Subscription(g) => ScopeFields {
                management_group: None,
                subscription: Some(g.to_string()),
            },
        }
    }
}

field_error!(AzureScopeError);

#[cfg(test)]
mod tests {
    use super::*;

    const G: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    #[test]
    fn subscription_is_normalised() {
        let s = AzureScope::parse(None, Some(" {72F988BF-86F1-41AF-91AB-2D7CD011DB47} ")).unwrap();
        assert_eq!(s, AzureScope::Subscription(Guid::parse(G).unwrap()));
        assert_eq!(s.arm_scope(), format!("/subscriptions/{G}"));
        // A blank management group field is the same as none.
        assert_eq!(AzureScope::parse(Some("  "), Some(G)), Ok(s));
    }

    #[test]
    fn management_group_is_trimmed_and_keeps_its_case() {
        let s = AzureScope::parse(Some(" Contoso-Prod_(EU).1 "), Some("")).unwrap();
        assert_eq!(s, AzureScope::ManagementGroup("Contoso-Prod_(EU).1".into()));
        assert_eq!(
            s.arm_scope(),
            "/providers/Microsoft.Management/managementGroups/Contoso-Prod_(EU).1"
        );
        assert!(AzureScope::parse(Some(&"m".repeat(90)), None).is_ok());
    }

    #[test]
    fn each_mistake_has_its_own_error() {
        use AzureScopeError::*;
        assert_eq!(AzureScope::parse(None, None), Err(NeitherGiven));
        assert_eq!(AzureScope::parse(Some(" "), Some("")), Err(NeitherGiven));
        assert_eq!(AzureScope::parse(Some("root"), Some(G)), Err(BothGiven));
        assert_eq!(
            AzureScope::parse(None, Some("72f988bf-86f1")),
            Err(SubscriptionNotGuid)
        );
        assert_eq!(
            AzureScope::parse(Some(&"m".repeat(91)), None),
            Err(ManagementGroupTooLong)
        );
        assert_eq!(
            AzureScope::parse(Some("prod/eu"), None),
            Err(ManagementGroupInvalidCharacter)
        );
        assert_eq!(
            AzureScope::parse(Some("prod eu"), None),
            Err(ManagementGroupInvalidCharacter)
        );
        assert_eq!(
            AzureScope::parse(Some("prod."), None),
            Err(ManagementGroupEndsWithDot)
        );
        assert!(SubscriptionNotGuid.message().contains("Subscription ID"));
        assert!(NeitherGiven.message().contains("Subscription ID"));
    }

    #[test]
    fn serde_stores_the_form_fields_and_revalidates() {
        let s = AzureScope::parse(None, Some(G)).unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, format!(r#"{{"subscription":"{G}"}}"#));
        assert_eq!(serde_json::from_str::<AzureScope>(&json).unwrap(), s);
        let mg: AzureScope = serde_json::from_str(r#"{"management_group":"root"}"#).unwrap();
        assert_eq!(mg, AzureScope::ManagementGroup("root".into()));
        assert!(serde_json::from_str::<AzureScope>("{}").is_err());
        assert!(serde_json::from_str::<AzureScope>(r#"{"management_group":"a."}"#).is_err());
    }
}
