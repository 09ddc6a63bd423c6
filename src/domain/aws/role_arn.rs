//! The Role ARN from the CloudFormation stack's outputs. Each way of getting it
//! wrong has its own message, because the usual mistakes (pasting the stack ARN,
//! a user ARN, an S3 ARN) each need a different correction.

use super::partition::AwsPartition;
use crate::domain::text::{field_error, text_value};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RoleArn {
    text: String,
    partition: AwsPartition,
    /// Byte ranges into `text`, so accessors lend slices without reparsing.
    account: (usize, usize),
    name_start: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleArnError {
    Empty,
    NotAnArn,
    UnknownPartition,
    WrongService,
    RegionNotEmpty,
    AccountIdNot12Digits,
    NotARole,
    InvalidRoleName,
    InvalidRolePath,
}

impl RoleArnError {
    pub fn message(&self) -> &'static str {
        match self {
            RoleArnError::Empty => "Enter the Role ARN from the stack's Outputs",
            RoleArnError::NotAnArn => {
                "This is not an ARN: a Role ARN looks like \
                 arn:aws:iam::123456789012:role/CloudLinkReadOnly"
            }
            RoleArnError::UnknownPartition => {
                "The ARN must start with arn:aws:, arn:aws-us-gov: or arn:aws-cn:"
            }
            RoleArnError::WrongService => {
                "This ARN is not for IAM: copy the ARN of the IAM role the stack created \
                 (arn:aws:iam::…)"
            }
            RoleArnError::RegionNotEmpty => {
                "IAM ARNs have no region: there must be nothing between iam: and the account ID"
            }
            RoleArnError::AccountIdNot12Digits => {
                "The account ID in the ARN must be exactly 12 digits"
            }
            RoleArnError::NotARole => {
                "This ARN names something other than a role: it must contain :role/ \
                 followed by the role name"
            }
            RoleArnError::InvalidRoleName => {
                "A role name is 1 to 64 characters: letters, digits and + = , . @ _ -"
            }
            RoleArnError::InvalidRolePath => {
                "Each part of the role path between slashes may use only letters, digits \
                 and + = , . @ _ -"
            }
        }
    }
}

fn iam_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "+=,.@_-".contains(c)
}

impl RoleArn {
    pub fn parse(input: &str) -> Result<RoleArn, RoleArnError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(RoleArnError::Empty);
        }
        if !text.starts_with("arn:") {
            return Err(RoleArnError::NotAnArn);
        }
        // The resource is last and may itself contain ':' (then it is no role),
        // so split into at most six fields.
        let fields: Vec<&str> = text.splitn(6, ':').collect();
        let [_, partition, service, region, account, resource] = fields[..] else {
            return Err(RoleArnError::NotAnArn);
        };
        let partition =
            AwsPartition::from_arn_field(partition).ok_or(RoleArnError::UnknownPartition)?;
        if service != "iam" {
            return Err(RoleArnError::WrongService);
        }
        if !region.is_empty() {
            return Err(RoleArnError::RegionNotEmpty);
        }
        if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
            return Err(RoleArnError::AccountIdNot12Digits);
        }
        let path_and_name = resource
            .strip_prefix("role/")
            .ok_or(RoleArnError::NotARole)?;
        let (path, name) = match path_and_name.rsplit_once('/') {
            Some((path, name)) => (Some(path), name),
            None => (None, path_and_name),
        };
        let name_len = name.chars().count();
        if !(1..=64).contains(&name_len) || !name.chars().all(iam_name_char) {
            return Err(RoleArnError::InvalidRoleName);
        }
        let valid_segment = |seg: &str| !seg.is_empty() && seg.chars().all(iam_name_char);
        if path.is_some_and(|p| !p.split('/').all(valid_segment)) {
            return Err(RoleArnError::InvalidRolePath);
        }
        let account_start = text.len() - resource.len() - 1 - account.len();
        Ok(RoleArn {
            text: text.to_string(),
            partition,
            account: (account_start, account_start + 12),
            name_start: text.len() - name.len(),
        })
    }

    pub fn partition(&self) -> AwsPartition {
        self.partition
    }

    pub fn account_id(&self) -> &str {
        &self.text[self.account.0..self.account.1]
    }

    pub fn role_name(&self) -> &str {
        &self.text[self.name_start..]
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

text_value!(RoleArn, RoleArnError);
field_error!(RoleArnError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_role_arn() {
        let r = RoleArn::parse("  arn:aws:iam::123456789012:role/CloudLinkReadOnly \n").unwrap();
        assert_eq!(
            r.as_str(),
            "arn:aws:iam::123456789012:role/CloudLinkReadOnly"
        );
        assert_eq!(r.partition(), AwsPartition::Aws);
        assert_eq!(r.account_id(), "123456789012");
        assert_eq!(r.role_name(), "CloudLinkReadOnly");
    }

    #[test]
    fn other_partitions_and_paths() {
        let r = RoleArn::parse(
            "arn:aws-us-gov:iam::000000000001:role/service-role/ops/Read+Only=1,a.b@c_d-e",
        )
        .unwrap();
        assert_eq!(r.partition().as_str(), "aws-us-gov");
        assert_eq!(r.account_id(), "000000000001");
        assert_eq!(r.role_name(), "Read+Only=1,a.b@c_d-e");
        let cn = RoleArn::parse("arn:aws-cn:iam::123456789012:role/R").unwrap();
        assert_eq!(cn.partition(), AwsPartition::AwsCn);
        assert_eq!(cn.role_name(), "R");
        let max = format!("arn:aws:iam::123456789012:role/{}", "n".repeat(64));
        assert!(RoleArn::parse(&max).is_ok());
    }

    #[test]
    fn each_mistake_has_its_own_error() {
        use RoleArnError::*;
        for (input, want) in [
            ("", Empty),
            ("   ", Empty),
            ("CloudLinkReadOnly", NotAnArn),
            ("ARN:aws:iam::123456789012:role/R", NotAnArn),
            ("arn:aws:iam::123456789012", NotAnArn),
            ("arn:aws:iam:123456789012:role/R", NotAnArn),
            ("arn:azure:iam::123456789012:role/R", UnknownPartition),
            ("arn:AWS:iam::123456789012:role/R", UnknownPartition),
            ("arn:aws:s3:::bucket", WrongService),
            (
                "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1",
                WrongService,
            ),
            ("arn:aws:iam:us-east-1:123456789012:role/R", RegionNotEmpty),
            ("arn:aws:iam::12345678901:role/R", AccountIdNot12Digits),
            ("arn:aws:iam::1234567890123:role/R", AccountIdNot12Digits),
            ("arn:aws:iam::12345678901a:role/R", AccountIdNot12Digits),
            ("arn:aws:iam:::role/R", AccountIdNot12Digits),
            ("arn:aws:iam::123456789012:user/bob", NotARole),
            ("arn:aws:iam::123456789012:role", NotARole),
            ("arn:aws:iam::123456789012:Role/R", NotARole),
            ("arn:aws:iam::123456789012:role/", InvalidRoleName),
            ("arn:aws:iam::123456789012:role/a/", InvalidRoleName),
            ("arn:aws:iam::123456789012:role/has space", InvalidRoleName),
            ("arn:aws:iam::123456789012:role/a:b", InvalidRoleName),
            ("arn:aws:iam::123456789012:role/rôle", InvalidRoleName),
            ("arn:aws:iam::123456789012:role//R", InvalidRolePath),
            ("arn:aws:iam::123456789012:role/a b/R", InvalidRolePath),
        ] {
            assert_eq!(RoleArn::parse(input), Err(want), "{input:?}");
        }
        let too_long = format!("arn:aws:iam::123456789012:role/{}", "n".repeat(65));
        assert_eq!(RoleArn::parse(&too_long), Err(InvalidRoleName));
    }

    #[test]
    fn messages_are_distinct_sentences() {
        use RoleArnError::*;
        let all = [
            Empty,
            NotAnArn,
            UnknownPartition,
            WrongService,
            RegionNotEmpty,
            AccountIdNot12Digits,
            NotARole,
            InvalidRoleName,
            InvalidRolePath,
        ];
        let mut msgs: Vec<_> = all.iter().map(|e| e.message()).collect();
        msgs.sort();
        msgs.dedup();
        assert_eq!(msgs.len(), all.len());
        assert!(NotAnArn
            .message()
            .contains("arn:aws:iam::123456789012:role/"));
    }

    #[test]
    fn serde_round_trips_and_revalidates() {
        let r = RoleArn::parse("arn:aws:iam::123456789012:role/ops/R").unwrap();
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, "\"arn:aws:iam::123456789012:role/ops/R\"");
        let back: RoleArn = serde_json::from_str(&json).unwrap();
        assert_eq!(back.role_name(), "R");
        assert_eq!(back, r);
        assert!(serde_json::from_str::<RoleArn>("\"arn:aws:iam::123456789012:user/bob\"").is_err());
    }
}
