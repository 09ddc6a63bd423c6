//! What the script does, in the order it does it, for the page to show before
//! the admin runs code that changes their tenant.

use crate::domain::links::Provider;

const CHECK: &str = "Checks that Cloud Shell is signed in, and to the Microsoft cloud you chose.";
const APP: &str = "Creates an app registration with the name you entered. If one with that \
                   name exists, it changes nothing and stops. It sets that app up only when \
                   you run it again with --reuse and the app is provably CloudLink's: no owner \
                   but you, no credential but this account's certificates, no permission \
                   CloudLink does not need, no redirect URI, and sign-in for this directory \
                   only. Otherwise it lists what it found.";
const CERTIFICATE: &str = "Adds CloudLink's public certificate to the app registration. The \
                           private key is not in the script.";
const SERVICE_PRINCIPAL: &str = "Creates the app's enterprise application (service principal).";
const EXCHANGE: &str = "Adds the Exchange.ManageAsApp application permission and grants that \
                        one permission for your organization, not admin consent to everything \
                        the app asks for.";
const GLOBAL_READER: &str =
    "Assigns the Global Reader role, which can read your directory settings but change nothing.";
const READER: &str = "Assigns the Azure Reader role on the management group or subscription \
                      you entered.";
const RESULT: &str = "Prints your Directory (tenant) ID and the Application (client) ID for you \
                      to paste back here.";

/// Empty for AWS, which has no setup script.
pub fn explanation(provider: Provider) -> Vec<&'static str> {
    match provider {
        Provider::Microsoft => vec![
            CHECK,
            APP,
            CERTIFICATE,
            SERVICE_PRINCIPAL,
            EXCHANGE,
            GLOBAL_READER,
            RESULT,
        ],
        Provider::Azure => vec![
            CHECK,
            APP,
            CERTIFICATE,
            SERVICE_PRINCIPAL,
            GLOBAL_READER,
            READER,
            RESULT,
        ],
        Provider::Aws => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn microsoft_mentions_exchange_and_azure_mentions_reader() {
        let m = explanation(Provider::Microsoft).join(" ");
        assert!(m.contains("Exchange.ManageAsApp") && m.contains("Global Reader"));
        assert!(!m.contains("Azure Reader"));
        let a = explanation(Provider::Azure).join(" ");
        assert!(a.contains("Azure Reader") && a.contains("Global Reader"));
        assert!(!a.contains("Exchange"));
        assert!(explanation(Provider::Aws).is_empty());
    }

    #[test]
    fn one_line_per_step_of_the_script() {
        assert_eq!(explanation(Provider::Microsoft).len(), 7);
        assert_eq!(explanation(Provider::Azure).len(), 7);
    }
}
