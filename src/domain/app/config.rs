//! Runtime configuration from `config.json` beside the entry page, so one build
//! serves many deployments. Missing keys take the documented defaults; a bad
//! value is an error that names its key.

use serde_json::Value;

pub use super::config_values::ConfigError;
use super::config_values::{bad, is_colour, per_cloud_origins, string};
use super::origin::{is_loopback_origin, parse_origin};
use crate::domain::auth::IdleLimit;
use crate::domain::entra::{Cloud, Guid};

/// What every storage key starts with unless `storagePrefix` says otherwise.
/// It is part of the configuration's defaults, so the store reads it from here.
pub const DEFAULT_STORAGE_PREFIX: &str = "cloudlink.";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdentityMode {
    /// Accounts with email and password, kept in this browser.
    Local,
    /// The embedding portal supplies the signed-in user.
    Host,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub product_name: String,
    /// Logo path relative to the entry page.
    pub logo: String,
    pub storage_prefix: String,
    pub default_cloud: Cloud,
    /// Sign-in origin per cloud: [Global, US Government, China].
    pub sign_in_hosts: [String; 3],
    /// The platform's multi-tenant sign-in app for Set up with Microsoft
    /// sign-in; `None` keeps that feature, and every button of it, away.
    pub setup_client_id: Option<Guid>,
    /// Microsoft Graph origin per cloud, in the order of `sign_in_hosts`.
    pub graph_hosts: [String; 3],
    /// The platform's AWS account trusted by the IAM role, if configured.
    pub aws_platform_account_id: Option<String>,
    pub identity_mode: IdentityMode,
    pub parent_origin: Option<String>,
    pub accent_color: Option<String>,
    /// How long the page may go without input before it forgets the
    /// unlocked keys (`idleMinutes`); unused in host identity mode.
    pub idle_limit: IdleLimit,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            product_name: "CloudLink".into(),
            logo: "logos/logo.svg".into(),
            storage_prefix: DEFAULT_STORAGE_PREFIX.into(),
            default_cloud: Cloud::Global,
            sign_in_hosts: Cloud::ALL.map(Cloud::default_base),
            setup_client_id: None,
            graph_hosts: Cloud::ALL.map(Cloud::default_graph_base),
            aws_platform_account_id: None,
            identity_mode: IdentityMode::Local,
            parent_origin: None,
            accent_color: None,
            idle_limit: IdleLimit::DEFAULT,
        }
    }
}

impl Config {
    pub fn sign_in_host(&self, cloud: Cloud) -> &str {
        let i = Cloud::ALL.iter().position(|c| *c == cloud).unwrap_or(0);
        &self.sign_in_hosts[i]
    }

    pub fn graph_host(&self, cloud: Cloud) -> &str {
        let i = Cloud::ALL.iter().position(|c| *c == cloud).unwrap_or(0);
        &self.graph_hosts[i]
    }
}

pub fn parse(json: &str) -> Result<Config, ConfigError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| bad("", &format!("is not valid JSON ({e})")))?;
    let Value::Object(obj) = value else {
        return Err(bad("", "must hold a JSON object"));
    };
    let mut c = Config::default();
    if let Some(s) = string(&obj, "productName")? {
        if s.is_empty() || s.chars().count() > 60 {
            return Err(bad("productName", "must be 1 to 60 characters"));
        }
        c.product_name = s;
    }
    if let Some(s) = string(&obj, "logo")? {
        if s.is_empty() || s.contains("://") || s.starts_with("//") {
            return Err(bad(
                "logo",
                "must be a path relative to the page, such as logos/logo.svg",
            ));
        }
        c.logo = s.trim_start_matches('/').to_string();
    }
    if let Some(s) = string(&obj, "storagePrefix")? {
        if s.is_empty()
            || s.len() > 40
            || !s
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || "._-:".contains(ch))
        {
            return Err(bad(
                "storagePrefix",
                "must be 1 to 40 letters, digits, '.', '_', '-' or ':'",
            ));
        }
        c.storage_prefix = s;
    }
    if let Some(s) = string(&obj, "defaultCloud")? {
        c.default_cloud = Cloud::from_key(&s).ok_or_else(|| {
            bad(
                "defaultCloud",
                "must be \"global\", \"us-government\" or \"china\"",
            )
        })?;
    }
    if let Some(hosts) = per_cloud_origins(&obj, "signInHosts")? {
        for (i, host) in hosts.into_iter().enumerate() {
            if let Some(host) = host {
                c.sign_in_hosts[i] = host;
            }
        }
    }
    if let Some(s) = string(&obj, "setupClientId")? {
        if !s.is_empty() {
            let id = Guid::parse(&s).map_err(|_| {
                bad(
                    "setupClientId",
                    "must be the Application ID (a GUID) of the platform's sign-in app",
                )
            })?;
            c.setup_client_id = Some(id);
        }
    }
    if let Some(hosts) = per_cloud_origins(&obj, "graphHosts")? {
        for (i, (cloud, host)) in Cloud::ALL.into_iter().zip(hosts).enumerate() {
            let Some(host) = host else { continue };
            // The admin's Graph token goes wherever this points, so the only
            // other place it may go is this machine, for the test fakes.
            if host != cloud.default_graph_base() && !is_loopback_origin(&host) {
                return Err(bad(
                    &format!("graphHosts.{}", cloud.key()),
                    &format!(
                        "may only be {} or an origin on localhost, 127.0.0.1 or [::1]",
                        cloud.default_graph_base()
                    ),
                ));
            }
            c.graph_hosts[i] = host;
        }
    }
    if let Some(s) = string(&obj, "awsPlatformAccountId")? {
        if !s.is_empty() {
            if s.len() != 12 || !s.chars().all(|ch| ch.is_ascii_digit()) {
                return Err(bad(
                    "awsPlatformAccountId",
                    "must be a 12-digit AWS account ID",
                ));
            }
            c.aws_platform_account_id = Some(s);
        }
    }
    if let Some(s) = string(&obj, "identityMode")? {
        c.identity_mode = match s.as_str() {
            "local" => IdentityMode::Local,
            "host" => IdentityMode::Host,
            _ => return Err(bad("identityMode", "must be \"local\" or \"host\"")),
        };
    }
    if let Some(s) = string(&obj, "parentOrigin")? {
        if !s.is_empty() {
            let origin = parse_origin(&s).map_err(|e| bad("parentOrigin", e.message()))?;
            c.parent_origin = Some(origin);
        }
    }
    match obj.get("idleMinutes") {
        None | Some(Value::Null) => {}
        Some(v) => {
            c.idle_limit = v
                .as_f64()
                .and_then(IdleLimit::from_minutes)
                .ok_or_else(|| {
                    bad(
                        "idleMinutes",
                        "must be a number of minutes above 0 and at most 1440, such as 15",
                    )
                })?;
        }
    }
    if let Some(s) = string(&obj, "accentColor")? {
        if !is_colour(&s) {
            return Err(bad("accentColor", "must be a hex colour such as #3451b2"));
        }
        c.accent_color = Some(s);
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_object_gives_the_documented_defaults() {
        let c = parse("{}").unwrap();
        assert_eq!(c, Config::default());
        assert_eq!(
            c.sign_in_host(Cloud::Global),
            "https://login.microsoftonline.com"
        );
        assert_eq!(
            c.sign_in_host(Cloud::China),
            "https://login.chinacloudapi.cn"
        );
    }

    #[test]
    fn values_override_defaults() {
        let c = parse(
            r##"{"productName":"Ops Link","storagePrefix":"portal.","defaultCloud":"us-government",
                "signInHosts":{"global":"http://127.0.0.1:4567/"},"awsPlatformAccountId":"123456789012",
                "identityMode":"host","parentOrigin":"https://portal.example.com","accentColor":"#aa3300"}"##,
        )
        .unwrap();
        assert_eq!(c.product_name, "Ops Link");
        assert_eq!(c.storage_prefix, "portal.");
        assert_eq!(c.default_cloud, Cloud::UsGovernment);
        assert_eq!(c.sign_in_host(Cloud::Global), "http://127.0.0.1:4567");
        assert_eq!(
            c.sign_in_host(Cloud::UsGovernment),
            "https://login.microsoftonline.us"
        );
        assert_eq!(c.aws_platform_account_id.as_deref(), Some("123456789012"));
        assert_eq!(c.identity_mode, IdentityMode::Host);
        assert_eq!(c.accent_color.as_deref(), Some("#aa3300"));
    }

    #[test]
    fn idle_minutes_set_the_idle_lock() {
        assert_eq!(parse("{}").unwrap().idle_limit.ms(), 15 * 60_000);
        assert_eq!(
            parse(r#"{"idleMinutes":5}"#).unwrap().idle_limit.ms(),
            5 * 60_000
        );
        assert_eq!(
            parse(r#"{"idleMinutes":0.05}"#).unwrap().idle_limit.ms(),
            3_000
        );
        for json in [
            r#"{"idleMinutes":0}"#,
            r#"{"idleMinutes":-5}"#,
            r#"{"idleMinutes":1441}"#,
            r#"{"idleMinutes":"15"}"#,
            r#"{"idleMinutes":true}"#,
        ] {
            let e = parse(json).unwrap_err();
            assert_eq!(e.key, "idleMinutes", "{json}");
            assert!(e.to_string().contains("minutes"), "{e}");
        }
    }

    #[test]
    fn errors_name_the_key() {
        let cases = [
            ("{", ""),
            ("[]", ""),
            (r#"{"productName":3}"#, "productName"),
            (r#"{"defaultCloud":"mars"}"#, "defaultCloud"),
            (
                r#"{"signInHosts":{"global":"http://evil.example"}}"#,
                "signInHosts.global",
            ),
            (
                r#"{"signInHosts":{"moon":"https://x.example"}}"#,
                "signInHosts.moon",
            ),
            (r#"{"awsPlatformAccountId":"12"}"#, "awsPlatformAccountId"),
            (r#"{"identityMode":"sso"}"#, "identityMode"),
            (r#"{"accentColor":"red; background:url(x)"}"#, "accentColor"),
            (r#"{"storagePrefix":"a b"}"#, "storagePrefix"),
        ];
        for (json, key) in cases {
            let e = parse(json).unwrap_err();
            assert_eq!(e.key, key, "{json}");
            assert!(e.to_string().contains("config.json"), "{e}");
        }
    }
}

#[cfg(test)]
mod origin_tests {
    use super::*;

    fn parent(origin: &str) -> Result<Option<String>, ConfigError> {
        parse(&format!(r#"{{"parentOrigin":"{origin}"}}"#)).map(|c| c.parent_origin)
    }

    fn global_host(origin: &str) -> Result<String, ConfigError> {
        parse(&format!(r#"{{"signInHosts":{{"global":"{origin}"}}}}"#))
            .map(|c| c.sign_in_host(Cloud::Global).to_string())
    }

    #[test]
    fn loopback_means_exactly_localhost_127_0_0_1_or_ipv6_one() {
        for ok in [
            "http://localhost:8080",
            "http://127.0.0.1:4567",
            "http://[::1]:9000",
            "http://localhost",
        ] {
            assert_eq!(parent(ok).unwrap().as_deref(), Some(ok), "{ok}");
            assert_eq!(global_host(ok).unwrap(), ok, "{ok}");
        }
        for bad in [
            "http://localhost.evil.example",
            "http://127.0.0.1.evil.example",
            "http://localhost@evil.example",
            "http://127.0.0.10",
            "http://[::1].evil.example",
            "http://evil.example",
        ] {
            assert_eq!(parent(bad).unwrap_err().key, "parentOrigin", "{bad}");
            assert_eq!(
                global_host(bad).unwrap_err().key,
                "signInHosts.global",
                "{bad}"
            );
        }
    }

    #[test]
    fn origins_are_normalised_to_what_the_browser_reports() {
        let cases = [
            ("https://Portal.Example.COM", "https://portal.example.com"),
            ("HTTPS://portal.example.com/", "https://portal.example.com"),
            (
                "https://portal.example.com:443",
                "https://portal.example.com",
            ),
            ("http://LOCALHOST:80", "http://localhost"),
            (
                "https://portal.example.com:8443",
                "https://portal.example.com:8443",
            ),
        ];
        for (given, origin) in cases {
            assert_eq!(parent(given).unwrap().as_deref(), Some(origin), "{given}");
            assert_eq!(global_host(given).unwrap(), origin, "{given}");
        }
    }

    #[test]
    fn anything_but_an_origin_is_a_clear_configuration_error() {
        for bad in [
            "https://portal.example.com/app",
            "https://portal.example.com?x=1",
            "https://portal.example.com#top",
            "https://user@portal.example.com",
            "https://portal.example.com:0",
            "https://portal.example.com:99999",
            "https://portal.example.com:8x",
            "https://",
            "https://.example.com",
            "https://portal..example.com",
            "https://portal_example.com",
            "ftp://portal.example.com",
            "portal.example.com",
            "*",
        ] {
            let e = parent(bad).unwrap_err();
            assert_eq!(e.key, "parentOrigin", "{bad}");
            assert!(e.to_string().contains("origin"), "{e}");
        }
    }
}

#[cfg(test)]
mod setup_tests {
    use super::*;

    #[test]
    fn without_setup_client_id_the_sign_in_set_up_is_off() {
        let c = parse("{}").unwrap();
        assert_eq!(c.setup_client_id, None);
        assert_eq!(
            parse(r#"{"setupClientId":""}"#).unwrap().setup_client_id,
            None
        );
        assert_eq!(
            parse(r#"{"setupClientId":null}"#).unwrap().setup_client_id,
            None
        );
    }

    #[test]
    fn setup_client_id_is_a_guid() {
        let c = parse(r#"{"setupClientId":" {0C1A5E7B-1111-4222-8333-944455556666} "}"#).unwrap();
        assert_eq!(
            c.setup_client_id.map(|g| g.as_str().to_string()).as_deref(),
            Some("0c1a5e7b-1111-4222-8333-944455556666")
        );
        for bad in [
            r#"{"setupClientId":"cloudlink"}"#,
            r#"{"setupClientId":"0c1a5e7b-1111-4222-8333-94445555666"}"#,
            r#"{"setupClientId":42}"#,
            r#"{"setupClientId":["0c1a5e7b-1111-4222-8333-944455556666"]}"#,
        ] {
            let e = parse(bad).unwrap_err();
            assert_eq!(e.key, "setupClientId", "{bad}");
            assert!(e.to_string().contains("config.json"), "{e}");
        }
    }

    #[test]
    fn graph_hosts_default_to_microsoft_graph_of_each_cloud() {
        let c = parse("{}").unwrap();
        assert_eq!(c.graph_host(Cloud::Global), "https://graph.microsoft.com");
        assert_eq!(
            c.graph_host(Cloud::UsGovernment),
            "https://graph.microsoft.us"
        );
        assert_eq!(
            c.graph_host(Cloud::China),
            "https://microsoftgraph.chinacloudapi.cn"
        );
    }

    #[test]
    fn graph_hosts_may_point_only_to_loopback_or_the_real_host() {
        let c = parse(
            r#"{"graphHosts":{"global":"http://127.0.0.1:4568/","china":"https://microsoftgraph.chinacloudapi.cn"}}"#,
        )
        .unwrap();
        assert_eq!(c.graph_host(Cloud::Global), "http://127.0.0.1:4568");
        assert_eq!(
            c.graph_host(Cloud::UsGovernment),
            "https://graph.microsoft.us"
        );
        for ok in [
            "https://localhost:9443",
            "http://[::1]:9000",
            "http://localhost",
        ] {
            let json = format!(r#"{{"graphHosts":{{"us-government":"{ok}"}}}}"#);
            assert_eq!(parse(&json).unwrap().graph_host(Cloud::UsGovernment), ok);
        }
    }

    #[test]
    fn a_graph_host_elsewhere_is_a_configuration_error_naming_the_cloud() {
        let cases = [
            (
                r#"{"graphHosts":{"global":"https://graph.evil.example"}}"#,
                "graphHosts.global",
            ),
            // Another cloud's Graph is still not this cloud's.
            (
                r#"{"graphHosts":{"global":"https://graph.microsoft.us"}}"#,
                "graphHosts.global",
            ),
            (
                r#"{"graphHosts":{"china":"http://localhost.evil.example"}}"#,
                "graphHosts.china",
            ),
            (
                r#"{"graphHosts":{"global":"http://evil.example"}}"#,
                "graphHosts.global",
            ),
            (
                r#"{"graphHosts":{"global":"http://127.0.0.1:4568/v1.0"}}"#,
                "graphHosts.global",
            ),
            (r#"{"graphHosts":{"global":7}}"#, "graphHosts.global"),
            (
                r#"{"graphHosts":{"moon":"http://localhost"}}"#,
                "graphHosts.moon",
            ),
            (r#"{"graphHosts":"http://localhost"}"#, "graphHosts"),
        ];
        for (json, key) in cases {
            let e = parse(json).unwrap_err();
            assert_eq!(e.key, key, "{json}");
            assert!(e.to_string().contains("config.json"), "{e}");
        }
    }
}
