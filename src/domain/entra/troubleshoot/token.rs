//! An access token the platform obtained, decoded without verifying its
//! signature (the page only reads it, and it never leaves the page), and its
//! claims checked against the account.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::Value;

use super::account::AccountFacts;
use super::input::{bounded, InputError};
use super::time::duration_text;
use crate::domain::entra::{Cloud, Guid};
use crate::domain::links::Provider;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenError {
    Input(InputError),
    /// Five parts: an encrypted token, which only its audience can read.
    Encrypted,
    NotThreeParts,
    NotBase64,
    NotJson,
}

impl TokenError {
    pub fn message(&self) -> String {
        match self {
            TokenError::Input(e) => e.message(),
            TokenError::Encrypted => "This token is encrypted: only the service it was issued for can read it.".into(),
            TokenError::NotThreeParts => "This is not an access token: a token is three parts separated by dots (eyJ….eyJ….…).".into(),
            TokenError::NotBase64 => "The token's middle part is not base64url: it may be cut short. Copy the whole token.".into(),
            TokenError::NotJson => "The token's middle part does not hold JSON claims: it may be cut short. Copy the whole token.".into(),
        }
    }
}

/// The claims the checks read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenClaims {
    pub tid: Option<String>,
    /// `appid` in v1 tokens, `azp` in v2 ones.
    pub app: Option<String>,
    pub roles: Vec<String>,
    pub aud: Vec<String>,
    pub exp: Option<i64>,
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)?.as_str().map(str::to_string)
}

fn texts(v: &Value, key: &str) -> Vec<String> {
    match v.get(key) {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// Reads the payload of `input`, which may start with `Bearer `.
pub fn decode_token(input: &str) -> Result<TokenClaims, TokenError> {
    let input = bounded(input).map_err(TokenError::Input)?;
    let input = input
        .strip_prefix("Bearer ")
        .or_else(|| input.strip_prefix("bearer "))
        .unwrap_or(input)
        .trim();
    let parts: Vec<&str> = input.split('.').collect();
    match parts.len() {
        3 => {}
        5 => return Err(TokenError::Encrypted),
        _ => return Err(TokenError::NotThreeParts),
    }
    // Some tools pad base64url; the decoder wants it unpadded.
    let payload = Base64UrlUnpadded::decode_vec(parts[1].trim_end_matches('='))
        .map_err(|_| TokenError::NotBase64)?;
    let v: Value = serde_json::from_slice(&payload).map_err(|_| TokenError::NotJson)?;
    if !v.is_object() {
        return Err(TokenError::NotJson);
    }
    Ok(TokenClaims {
        tid: text(&v, "tid"),
        app: text(&v, "appid").or_else(|| text(&v, "azp")),
        roles: texts(&v, "roles"),
        aud: texts(&v, "aud"),
        exp: v.get("exp").and_then(Value::as_i64),
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    /// Nothing to compare with.
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenCheck {
    /// The claim, as it appears in the token.
    pub claim: &'static str,
    pub verdict: Verdict,
    pub message: String,
}

/// The audiences a token for the platform's work may carry: Exchange Online
/// for Microsoft 365, Azure Resource Manager for Azure, in the account's cloud.
fn expected_audiences(provider: Provider, cloud: Cloud) -> (&'static str, &'static [&'static str]) {
    match (provider, cloud) {
        (Provider::Azure, Cloud::Global) => (
            "Azure Resource Manager (https://management.azure.com)",
            &[
                "https://management.azure.com",
                "https://management.core.windows.net",
                "797f4846-ba00-4fd7-ba43-dac1f8f63013",
            ],
        ),
        (Provider::Azure, Cloud::UsGovernment) => (
            "Azure Resource Manager (https://management.usgovcloudapi.net)",
            &[
                "https://management.usgovcloudapi.net",
                "https://management.core.usgovcloudapi.net",
                "797f4846-ba00-4fd7-ba43-dac1f8f63013",
            ],
        ),
        (Provider::Azure, Cloud::China) => (
            "Azure Resource Manager (https://management.chinacloudapi.cn)",
            &[
                "https://management.chinacloudapi.cn",
                "https://management.core.chinacloudapi.cn",
                "797f4846-ba00-4fd7-ba43-dac1f8f63013",
            ],
        ),
        (_, Cloud::Global) => (
            "Exchange Online (https://outlook.office365.com)",
            &[
                "https://outlook.office365.com",
                "https://outlook.office.com",
                "00000002-0000-0ff1-ce00-000000000000",
            ],
        ),
        (_, Cloud::UsGovernment) => (
            "Exchange Online (https://outlook.office365.us)",
            &[
                "https://outlook.office365.us",
                "00000002-0000-0ff1-ce00-000000000000",
            ],
        ),
        (_, Cloud::China) => (
            "Exchange Online (https://partner.outlook.cn)",
            &[
                "https://partner.outlook.cn",
                "00000002-0000-0ff1-ce00-000000000000",
            ],
        ),
    }
}

fn check(claim: &'static str, verdict: Verdict, message: String) -> TokenCheck {
    TokenCheck {
        claim,
        verdict,
        message,
    }
}

/// Each claim against the account, in a fixed order: tid, appid/azp, roles
/// (Microsoft 365 only), aud, exp.
pub fn check_token(claims: &TokenClaims, facts: &AccountFacts, now_unix: i64) -> Vec<TokenCheck> {
    let mut out = Vec::new();
    out.push(match &claims.tid {
        None => check("tid", Verdict::Fail, "The token has no tid claim: it is not a Microsoft Entra access token.".into()),
        Some(t) if facts.is_tenant(t) => check("tid", Verdict::Pass, format!("tid {t} is this account's tenant.")),
        Some(t) if facts.tenant_guid.is_none() && Guid::parse(&facts.tenant).is_err() => check(
            "tid",
            Verdict::Unknown,
            format!("tid is {t}; this account's tenant {} has not been verified to a GUID, so they cannot be compared. Retry the tenant check above.", facts.tenant),
        ),
        Some(t) => check("tid", Verdict::Fail, format!("tid {t} is another tenant: this account's tenant is {}. The platform signs in to the wrong tenant.", facts.tenant_text())),
    });
    out.push(match &claims.app {
        None => check(
            "appid",
            Verdict::Fail,
            "The token names no application (neither appid nor azp).".into(),
        ),
        Some(a) if a.eq_ignore_ascii_case(&facts.application_id) => check(
            "appid",
            Verdict::Pass,
            format!("The application {a} is this account's."),
        ),
        Some(a) => check(
            "appid",
            Verdict::Fail,
            format!(
                "The token was issued to application {a}, not to this account's application {}.",
                facts.application_id
            ),
        ),
    });
    if facts.provider == Provider::Microsoft {
        let has = claims.roles.iter().any(|r| r == "Exchange.ManageAsApp");
        out.push(if has {
            check("roles", Verdict::Pass, "roles holds Exchange.ManageAsApp.".into())
        } else {
            check("roles", Verdict::Fail, format!(
                "roles does not hold Exchange.ManageAsApp ({}): add it under API permissions → Office 365 Exchange Online, and grant admin consent.",
                if claims.roles.is_empty() { "it has no roles".to_string() } else { format!("it holds {}", claims.roles.join(", ")) }
            ))
        });
    }
    let (name, accepted) = expected_audiences(facts.provider, facts.cloud);
    let matches = claims.aud.iter().any(|a| {
        let a = a.trim_end_matches('/');
        accepted.iter().any(|x| x.eq_ignore_ascii_case(a))
    });
    out.push(if matches {
        check("aud", Verdict::Pass, format!("aud is {name}."))
    } else if claims.aud.is_empty() {
        check(
            "aud",
            Verdict::Fail,
            format!("The token has no aud claim; it should be for {name}."),
        )
    } else {
        check(
            "aud",
            Verdict::Fail,
            format!(
                "aud is {}, but the platform needs a token for {name}.",
                claims.aud.join(", ")
            ),
        )
    });
    out.push(match claims.exp {
        None => check("exp", Verdict::Fail, "The token has no exp claim.".into()),
        Some(exp) if exp > now_unix => check(
            "exp",
            Verdict::Pass,
            format!("It expires in {}.", duration_text(exp - now_unix)),
        ),
        Some(exp) => check(
            "exp",
            Verdict::Fail,
            format!(
                "It expired {} ago by this browser's clock.",
                duration_text(now_unix - exp)
            ),
        ),
    });
    out
}
