//! The claims of a pasted access token checked against the account: the
//! tenant, the application, Exchange's role, the audience and the expiry.

use super::account::AccountFacts;
use super::time::duration_text;
use super::token::TokenClaims;
use crate::domain::entra::{Cloud, Guid};
use crate::domain::links::Provider;

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
