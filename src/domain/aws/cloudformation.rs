//! The CloudFormation template that creates the read-only IAM role for AWS.
//! Long-form intrinsics (`Fn::Sub`, `Ref`) keep it plain YAML that any parser
//! reads, not only CloudFormation's.

use super::account_type::AwsAccountType;
use super::external_id::ExternalId;

pub const ROLE_NAME: &str = "CloudLinkReadOnly";

/// YAML for a stack that trusts `platform_account` (when configured) on the
/// condition that `sts:ExternalId` equals `external_id`.
pub fn read_only_role_template(
    account_type: AwsAccountType,
    external_id: &ExternalId,
    platform_account: Option<&str>,
) -> String {
    let platform_param = match platform_account {
        Some(id) => format!(
            "    Description: The platform's AWS account, which assumes this role.\n    Default: \"{id}\"\n"
        ),
        None => "    Description: >-\n      No platform AWS account ID is configured for this deployment.\n      Enter the 12-digit account ID your platform gave you.\n"
            .to_string(),
    };
    let billing = match account_type {
        AwsAccountType::Management => {
            "        - Fn::Sub: \"arn:${AWS::Partition}:iam::aws:policy/AWSBillingReadOnlyAccess\"\n"
        }
        AwsAccountType::Linked => "",
    };
    format!(
        r#"AWSTemplateFormatVersion: "2010-09-09"
Description: Read-only IAM role for CloudLink ({kind}).
Parameters:
  PlatformAccountId:
    Type: String
    AllowedPattern: "^[0-9]{{12}}$"
    ConstraintDescription: must be a 12-digit AWS account ID.
{platform_param}  ExternalId:
    Type: String
    Description: Must match the External ID shown on the link page.
    Default: "{external}"
    MinLength: 32
Resources:
  ReadOnlyRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: {role}
      Description: Lets the platform read this account's configuration.
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS:
                Fn::Sub: "arn:${{AWS::Partition}}:iam::${{PlatformAccountId}}:root"
            Action: sts:AssumeRole
            Condition:
              StringEquals:
                sts:ExternalId:
                  Ref: ExternalId
      ManagedPolicyArns:
        - Fn::Sub: "arn:${{AWS::Partition}}:iam::aws:policy/ReadOnlyAccess"
{billing}Outputs:
  RoleArn:
    Description: Paste this value into the Role ARN field.
    Value:
      Fn::GetAtt: [ReadOnlyRole, Arn]
"#,
        kind = account_type.label().to_lowercase(),
        external = external_id.as_str(),
        role = ROLE_NAME,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> ExternalId {
        ExternalId::from_bytes(&[7; 24])
    }

    #[test]
    fn the_trust_condition_carries_the_external_id() {
        let t = read_only_role_template(AwsAccountType::Linked, &id(), Some("123456789012"));
        assert!(t.contains(&format!("Default: \"{}\"", id().as_str())));
        assert!(t.contains("sts:ExternalId:\n                  Ref: ExternalId"));
        assert!(t.contains("Default: \"123456789012\""));
        assert!(t.contains("policy/ReadOnlyAccess"));
        assert!(
            !t.contains("Billing"),
            "billing read is for management accounts"
        );
        assert!(t.contains("  RoleArn:"));
    }

    #[test]
    fn management_accounts_add_billing_read_and_missing_config_is_said_plainly() {
        let t = read_only_role_template(AwsAccountType::Management, &id(), None);
        assert!(t.contains("AWSBillingReadOnlyAccess"));
        assert!(t.contains("No platform AWS account ID is configured"));
        assert!(!t.contains("Default: \"1"), "no made-up default account");
    }
}
