//! The fields of "Link a New Microsoft Account" and "Link a New Azure
//! Account", validated together.

use super::application_id::ApplicationId;
use super::azure_scope::{AzureScope, AzureScopeError};
use super::tenant::TenantId;
use crate::domain::links::EntraDraft;
use crate::domain::text::DisplayName;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntraField {
    Name,
    Tenant,
    ApplicationId,
    Organization,
    /// Azure only, with Subscription: one of the two is required.
    ManagementGroup,
    Subscription,
}

impl EntraField {
    pub const ALL: [EntraField; 6] = [
        EntraField::Name,
        EntraField::Tenant,
        EntraField::ApplicationId,
        EntraField::Organization,
        EntraField::ManagementGroup,
        EntraField::Subscription,
    ];

    fn applies(self, scoped: bool) -> bool {
        scoped || !matches!(self, EntraField::ManagementGroup | EntraField::Subscription)
    }
}

/// The draft's fields once every one is valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntraValues {
    pub name: DisplayName,
    pub tenant: TenantId,
    pub application_id: ApplicationId,
    pub organization: DisplayName,
    pub azure_scope: Option<AzureScope>,
}

fn raw(draft: &EntraDraft, field: EntraField) -> &str {
    match field {
        EntraField::Name => &draft.name,
        EntraField::Tenant => &draft.tenant,
        EntraField::ApplicationId => &draft.application_id,
        EntraField::Organization => &draft.organization,
        EntraField::ManagementGroup => &draft.management_group,
        EntraField::Subscription => &draft.subscription,
    }
}

fn scope(draft: &EntraDraft) -> Result<AzureScope, AzureScopeError> {
    let given = |s: &str| Some(s.to_string()).filter(|s| !s.trim().is_empty());
    AzureScope::parse(
        given(&draft.management_group).as_deref(),
        given(&draft.subscription).as_deref(),
    )
}

/// Which of the pair a scope problem belongs next to.
fn scope_field(e: AzureScopeError) -> EntraField {
    match e {
        AzureScopeError::SubscriptionNotGuid => EntraField::Subscription,
        AzureScopeError::NeitherGiven
        | AzureScopeError::BothGiven
        | AzureScopeError::ManagementGroupTooLong
        | AzureScopeError::ManagementGroupInvalidCharacter
        | AzureScopeError::ManagementGroupEndsWithDot => EntraField::ManagementGroup,
    }
}

/// The message for one field, or `None` when it is valid.
pub fn field_error(draft: &EntraDraft, field: EntraField) -> Option<String> {
    let value = raw(draft, field);
    let err = match field {
        EntraField::Name => DisplayName::parse(value).err().map(|e| e.message()),
        EntraField::Tenant => TenantId::parse(value).err().map(|e| e.message()),
        EntraField::ApplicationId => ApplicationId::parse(value).err().map(|e| e.message()),
        EntraField::Organization => DisplayName::parse(value).err().map(|e| e.message()),
        EntraField::ManagementGroup | EntraField::Subscription => scope(draft)
            .err()
            .filter(|e| scope_field(*e) == field)
            .map(|e| e.message()),
    };
    err.map(|m| m.to_string())
}

/// `scoped` is true for Azure, which needs a management group or subscription.
pub fn validate(
    draft: &EntraDraft,
    scoped: bool,
) -> Result<EntraValues, Vec<(EntraField, String)>> {
    let errors: Vec<_> = EntraField::ALL
        .into_iter()
        .filter(|f| f.applies(scoped))
        .filter_map(|f| field_error(draft, f).map(|m| (f, m)))
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let ok = |r: Result<DisplayName, _>| r.expect("validated above");
    Ok(EntraValues {
        name: ok(DisplayName::parse(&draft.name)),
        tenant: TenantId::parse(&draft.tenant).expect("validated above"),
        application_id: ApplicationId::parse(&draft.application_id).expect("validated above"),
        organization: ok(DisplayName::parse(&draft.organization)),
        azure_scope: if scoped { scope(draft).ok() } else { None },
    })
}

/// The certificate's subject fits X.520's 64-character limit; longer names
/// are cut at a character boundary.
pub fn subject_text(name: &str) -> String {
    name.chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str, tenant: &str, app: &str, org: &str) -> EntraDraft {
        EntraDraft {
            name: name.into(),
            tenant: tenant.into(),
            application_id: app.into(),
            organization: org.into(),
            ..Default::default()
        }
    }

    #[test]
    fn good_input_is_normalised() {
        let d = draft(
            "  Contoso prod ",
            "{72F988BF-86F1-41AF-91AB-2D7CD011DB47}",
            " 0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b ",
            "Contoso",
        );
        let v = validate(&d, false).unwrap();
        assert_eq!(v.name.as_str(), "Contoso prod");
        assert_eq!(v.tenant.as_str(), "72f988bf-86f1-41af-91ab-2d7cd011db47");
        assert_eq!(
            v.application_id.as_str(),
            "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b"
        );
    }

    #[test]
    fn each_bad_field_is_reported_at_that_field() {
        let d = draft("", "not a tenant", "1234", "");
        let errs = validate(&d, false).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, EntraField::ALL[..4]);
        assert!(errs.iter().all(|(_, m)| !m.is_empty()));
    }

    #[test]
    fn azure_needs_a_management_group_or_a_subscription() {
        let mut d = draft(
            "Prod",
            "contoso.com",
            "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b",
            "Contoso",
        );
        assert!(validate(&d, false).is_ok());
        let errs = validate(&d, true).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].0, EntraField::ManagementGroup);

        d.subscription = "not-a-guid".into();
        assert_eq!(
            validate(&d, true).unwrap_err()[0].0,
            EntraField::Subscription
        );

        d.subscription = " 11111111-2222-3333-4444-555555555555 ".into();
        let v = validate(&d, true).unwrap();
        assert!(matches!(v.azure_scope, Some(AzureScope::Subscription(_))));
    }

    #[test]
    fn subjects_are_cut_to_64_characters() {
        let long = "é".repeat(100);
        assert_eq!(subject_text(&long).chars().count(), 64);
        assert_eq!(subject_text("short"), "short");
    }
}
