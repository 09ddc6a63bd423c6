//! The three clouds an account can be linked from.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    Aws,
    Azure,
    Microsoft,
}

impl Provider {
    pub const ALL: [Provider; 3] = [Provider::Aws, Provider::Azure, Provider::Microsoft];

    /// The visible name, exactly as the help page spells it.
    pub fn label(self) -> &'static str {
        match self {
            Provider::Aws => "AWS",
            Provider::Azure => "Azure",
            Provider::Microsoft => "Microsoft",
        }
    }

    /// The URL segment under `/integrations/`.
    pub fn slug(self) -> &'static str {
        match self {
            Provider::Aws => "aws",
            Provider::Azure => "azure",
            Provider::Microsoft => "microsoft",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// The logo's asset path, under the router base.
    pub fn logo(self) -> &'static str {
        match self {
            Provider::Aws => "/logos/aws.svg",
            Provider::Azure => "/logos/azure.svg",
            Provider::Microsoft => "/logos/microsoft.svg",
        }
    }

    /// One line under the card title on the Integrations page.
    pub fn blurb(self) -> &'static str {
        match self {
            Provider::Aws => "Read-only IAM role created by a CloudFormation stack",
            Provider::Azure => "App registration with Reader access to subscriptions",
            Provider::Microsoft => "Microsoft 365 through an Entra ID app registration",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_labels_match_the_help_page() {
        for p in Provider::ALL {
            assert_eq!(Provider::from_slug(p.slug()), Some(p));
        }
        let labels: Vec<_> = Provider::ALL.iter().map(|p| p.label()).collect();
        assert_eq!(labels, ["AWS", "Azure", "Microsoft"]);
        assert_eq!(Provider::from_slug("gcp"), None);
    }

    #[test]
    fn serialises_as_lowercase_words() {
        assert_eq!(
            serde_json::to_string(&Provider::Microsoft).unwrap(),
            "\"microsoft\""
        );
    }
}
