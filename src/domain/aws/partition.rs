//! The AWS partitions a Role ARN may name. Each is a separate AWS with its own
//! accounts, so the platform must know which one to call.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AwsPartition {
    #[default]
    Aws,
    AwsUsGov,
    AwsCn,
}

impl AwsPartition {
    pub const ALL: [AwsPartition; 3] = [
        AwsPartition::Aws,
        AwsPartition::AwsUsGov,
        AwsPartition::AwsCn,
    ];

    /// The partition field of an ARN (`arn:<partition>:…`).
    pub fn as_str(self) -> &'static str {
        match self {
            AwsPartition::Aws => "aws",
            AwsPartition::AwsUsGov => "aws-us-gov",
            AwsPartition::AwsCn => "aws-cn",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AwsPartition::Aws => "AWS",
            AwsPartition::AwsUsGov => "AWS GovCloud (US)",
            AwsPartition::AwsCn => "AWS China",
        }
    }

    /// Case-sensitive, as ARNs are.
    pub fn from_arn_field(s: &str) -> Option<AwsPartition> {
        AwsPartition::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arn_fields_round_trip_and_serde_matches() {
        for p in AwsPartition::ALL {
            assert_eq!(AwsPartition::from_arn_field(p.as_str()), Some(p));
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, format!("\"{}\"", p.as_str()));
        }
        assert_eq!(AwsPartition::from_arn_field("AWS"), None);
        assert_eq!(AwsPartition::from_arn_field("aws-iso"), None);
    }

    #[test]
    fn labels() {
        let labels: Vec<_> = AwsPartition::ALL.iter().map(|p| p.label()).collect();
        assert_eq!(labels, ["AWS", "AWS GovCloud (US)", "AWS China"]);
    }
}
