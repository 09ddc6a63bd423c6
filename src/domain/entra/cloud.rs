//! Which Microsoft cloud a tenant lives in, and the sign-in URLs built from it.
//!
//! The builders take the base origin as a parameter rather than reading
//! `default_sign_in_host` themselves, so deployments and tests can point them
//! at another host (a local fake such as `http://127.0.0.1:4567`).

use super::application_id::ApplicationId;
use super::tenant::TenantId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cloud {
    #[default]
    Global,
    UsGovernment,
    China,
}

impl Cloud {
    pub const ALL: [Cloud; 3] = [Cloud::Global, Cloud::UsGovernment, Cloud::China];

    /// The name it is stored under and configured by.
    pub fn key(self) -> &'static str {
        match self {
            Cloud::Global => "global",
            Cloud::UsGovernment => "us-government",
            Cloud::China => "china",
        }
    }

    pub fn from_key(key: &str) -> Option<Cloud> {
        Cloud::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Cloud::Global => "Global",
            Cloud::UsGovernment => "US Government",
            Cloud::China => "China (21Vianet)",
        }
    }

    pub fn default_sign_in_host(self) -> &'static str {
        match self {
            Cloud::Global => "login.microsoftonline.com",
            Cloud::UsGovernment => "login.microsoftonline.us",
            Cloud::China => "login.chinacloudapi.cn",
        }
    }

    /// Microsoft Graph's origin in this cloud. It is also the resource that
    /// names the delegated scopes, even when `graphHosts` points elsewhere.
    pub fn default_graph_base(self) -> String {
        match self {
            Cloud::Global => "https://graph.microsoft.com",
            Cloud::UsGovernment => "https://graph.microsoft.us",
            Cloud::China => "https://microsoftgraph.chinacloudapi.cn",
        }
        .to_string()
    }

    /// `https://` plus the default host: the `base` the URL builders expect.
    pub fn default_base(self) -> String {
        format!("https://{}", self.default_sign_in_host())
    }
}

/// A configured base may come with a trailing slash; the builders add their own.
fn origin(base: &str) -> &str {
    base.strip_suffix('/').unwrap_or(base)
}

/// Readable from a browser without credentials; confirms that the tenant exists.
pub fn openid_configuration_url(base: &str, tenant: &TenantId) -> String {
    format!(
        "{}/{}/v2.0/.well-known/openid-configuration",
        origin(base),
        tenant.as_str()
    )
}

/// Where a tenant administrator grants the app's permissions in one click.
pub fn admin_consent_url(base: &str, tenant: &TenantId, app_id: &ApplicationId) -> String {
    // Both values are validated to [a-z0-9.-], so no percent-encoding is needed.
    format!(
        "{}/{}/adminconsent?client_id={}",
        origin(base),
        tenant.as_str(),
        app_id.as_str()
    )
}

/// Also the `aud` claim of a client assertion.
pub fn token_endpoint(base: &str, tenant: &TenantId) -> String {
    format!("{}/{}/oauth2/v2.0/token", origin(base), tenant.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    const G: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    fn tenant(s: &str) -> TenantId {
        TenantId::parse(s).unwrap()
    }

    #[test]
    fn keys_are_the_stored_names() {
        for c in Cloud::ALL {
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.key())
            );
            assert_eq!(Cloud::from_key(c.key()), Some(c));
        }
        assert_eq!(Cloud::from_key("Global"), None);
    }

    #[test]
    fn labels_and_hosts_per_cloud() {
        let labels: Vec<_> = Cloud::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(labels, ["Global", "US Government", "China (21Vianet)"]);
        let hosts: Vec<_> = Cloud::ALL
            .iter()
            .map(|c| c.default_sign_in_host())
            .collect();
        assert_eq!(
            hosts,
            [
                "login.microsoftonline.com",
                "login.microsoftonline.us",
                "login.chinacloudapi.cn"
            ]
        );
        assert_eq!(
            Cloud::UsGovernment.default_base(),
            "https://login.microsoftonline.us"
        );
        assert_eq!(Cloud::default(), Cloud::Global);
    }

    #[test]
    fn serialises_in_kebab_case() {
        assert_eq!(
            serde_json::to_string(&Cloud::UsGovernment).unwrap(),
            "\"us-government\""
        );
        assert_eq!(
            serde_json::from_str::<Cloud>("\"china\"").unwrap(),
            Cloud::China
        );
        assert!(serde_json::from_str::<Cloud>("\"UsGovernment\"").is_err());
    }

    #[test]
    fn openid_configuration_url_for_guid_and_domain() {
        assert_eq!(
            openid_configuration_url(&Cloud::Global.default_base(), &tenant(G)),
            format!("https://login.microsoftonline.com/{G}/v2.0/.well-known/openid-configuration")
        );
        assert_eq!(
            openid_configuration_url("http://127.0.0.1:4567/", &tenant("Contoso.OnMicrosoft.com")),
            "http://127.0.0.1:4567/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration"
        );
    }

    #[test]
    fn admin_consent_url_carries_the_client_id() {
        let app = ApplicationId::parse("{00000000-0000-0000-0000-0000000000AB}").unwrap();
        assert_eq!(
            admin_consent_url(
                "https://login.chinacloudapi.cn",
                &tenant("contoso.com"),
                &app
            ),
            "https://login.chinacloudapi.cn/contoso.com/adminconsent\
             ?client_id=00000000-0000-0000-0000-0000000000ab"
        );
    }

    #[test]
    fn token_endpoint_strips_exactly_one_trailing_slash() {
        assert_eq!(
            token_endpoint("https://login.microsoftonline.com/", &tenant(G)),
            format!("https://login.microsoftonline.com/{G}/oauth2/v2.0/token")
        );
        assert_eq!(
            token_endpoint("http://127.0.0.1:4567", &tenant("contoso.com")),
            "http://127.0.0.1:4567/contoso.com/oauth2/v2.0/token"
        );
    }
}
