//! The fields of "Link a New AWS Account", validated together.

use super::account_type::AwsAccountType;
use super::external_id::ExternalId;
use super::role_arn::RoleArn;
use crate::domain::links::AwsDraft;
use crate::domain::text::DisplayName;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwsField {
    Name,
    RoleArn,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwsValues {
    pub account_type: AwsAccountType,
    pub name: DisplayName,
    pub role_arn: RoleArn,
    pub external_id: ExternalId,
}

pub fn field_error(draft: &AwsDraft, field: AwsField) -> Option<String> {
    match field {
        AwsField::Name => DisplayName::parse(&draft.name)
            .err()
            .map(|e| e.message().to_string()),
        AwsField::RoleArn => RoleArn::parse(&draft.role_arn)
            .err()
            .map(|e| e.message().to_string()),
    }
}

pub fn validate(draft: &AwsDraft) -> Option<AwsValues> {
    Some(AwsValues {
        account_type: draft.account_type,
        name: DisplayName::parse(&draft.name).ok()?,
        role_arn: RoleArn::parse(&draft.role_arn).ok()?,
        external_id: ExternalId::parse(&draft.external_id).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_validates_only_with_every_part() {
        let mut d = AwsDraft {
            account_type: AwsAccountType::Management,
            name: " Payer ".into(),
            role_arn: "arn:aws:iam::123456789012:role/CloudLinkReadOnly".into(),
            external_id: ExternalId::from_bytes(&[1; 24]).as_str().to_string(),
        };
        let v = validate(&d).unwrap();
        assert_eq!(v.name.as_str(), "Payer");
        assert_eq!(v.role_arn.account_id(), "123456789012");
        d.role_arn = "arn:aws:iam::123456789012:user/bob".into();
        assert!(validate(&d).is_none());
        assert!(field_error(&d, AwsField::RoleArn).is_some());
        assert!(field_error(&d, AwsField::Name).is_none());
    }
}
