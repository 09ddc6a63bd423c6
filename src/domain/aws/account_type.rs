//! Whether a linked AWS account is the organization's management account (which
//! can see its member accounts) or a single linked account.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AwsAccountType {
    Management,
    /// The safer default: it grants visibility into one account only.
    #[default]
    Linked,
}

impl AwsAccountType {
    pub const ALL: [AwsAccountType; 2] = [AwsAccountType::Management, AwsAccountType::Linked];

    pub fn label(self) -> &'static str {
        match self {
            AwsAccountType::Management => "Management account",
            AwsAccountType::Linked => "Linked account",
        }
    }

    /// Stable value for `<option value>` and storage.
    pub fn slug(self) -> &'static str {
        match self {
            AwsAccountType::Management => "management",
            AwsAccountType::Linked => "linked",
        }
    }

    pub fn from_slug(slug: &str) -> Option<AwsAccountType> {
        AwsAccountType::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_the_help_page() {
        let labels: Vec<_> = AwsAccountType::ALL.iter().map(|t| t.label()).collect();
        assert_eq!(labels, ["Management account", "Linked account"]);
    }

    #[test]
    fn slugs_round_trip_and_match_serde() {
        for t in AwsAccountType::ALL {
            assert_eq!(AwsAccountType::from_slug(t.slug()), Some(t));
            assert_eq!(
                serde_json::to_string(&t).unwrap(),
                format!("\"{}\"", t.slug())
            );
        }
        assert_eq!(AwsAccountType::from_slug("Management"), None);
        assert_eq!(AwsAccountType::default(), AwsAccountType::Linked);
    }
}
