//! Reading Microsoft's answer to the tenant's OpenID configuration request.
//! The request's URL is built by `openid_configuration_url` in `cloud`.

use super::guid::Guid;
use crate::domain::text::field_error;
use serde_json::Value;

/// What the page can tell the person about the tenant they typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TenantCheck {
    /// The tenant exists; this is its GUID even when it was named by a domain.
    Verified(Guid),
    /// Microsoft says no such tenant: almost always a typo.
    NotFound,
    /// No verdict (offline, blocked, server error); the reason is a sentence.
    Unavailable(String),
}

impl TenantCheck {
    pub fn message(&self) -> String {
        match self {
            TenantCheck::Verified(g) => format!("Tenant found: {g}"),
            TenantCheck::NotFound => {
                "Microsoft does not know this tenant: check the Directory (tenant) ID".to_string()
            }
            TenantCheck::Unavailable(reason) => {
                format!("The tenant could not be checked right now: {reason}")
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenIdError {
    NotJson,
    NoIssuer,
    NoTenantGuid,
}

impl OpenIdError {
    pub fn message(&self) -> &'static str {
        match self {
            OpenIdError::NotJson => "The sign-in service answered with something other than JSON",
            OpenIdError::NoIssuer => "The sign-in service's answer has no issuer",
            OpenIdError::NoTenantGuid => "The sign-in service's answer does not name a tenant ID",
        }
    }
}

/// The first path segment of `https://host/{guid}/…`, if it is a GUID.
fn tenant_in_url(url: &str) -> Option<Guid> {
    let after_scheme = url.split_once("://")?.1;
    let segment = after_scheme.split('/').nth(1)?;
    // Strict: a URL segment has no braces or spaces to forgive.
    if segment.len() != 36 {
        return None;
    }
    Guid::parse(segment).ok()
}

/// The tenant GUID from the `issuer` (or, failing that, `token_endpoint`) of a
/// v2.0 OpenID configuration document.
pub fn parse_openid_configuration(json: &str) -> Result<Guid, OpenIdError> {
    let doc: Value = serde_json::from_str(json).map_err(|_| OpenIdError::NotJson)?;
    let urls: Vec<&str> = ["issuer", "token_endpoint"]
        .iter()
        .filter_map(|k| doc.get(*k).and_then(Value::as_str))
        .collect();
    if urls.is_empty() {
        return Err(OpenIdError::NoIssuer);
    }
    // The multi-tenant endpoints answer with a literal `{tenantid}` placeholder,
    // which fails here and falls through to the next field.
    urls.into_iter()
        .find_map(tenant_in_url)
        .ok_or(OpenIdError::NoTenantGuid)
}

/// `AADSTS90002: …` but not the unrelated `AADSTS900023: …`.
fn is_aadsts90002(description: &str) -> bool {
    description
        .strip_prefix("AADSTS90002")
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
}

fn says_no_such_tenant(body: &str) -> bool {
    let Ok(doc) = serde_json::from_str::<Value>(body) else {
        return false;
    };
    let error = doc.get("error").and_then(Value::as_str);
    let description = doc.get("error_description").and_then(Value::as_str);
    let codes = doc.get("error_codes").and_then(Value::as_array);
    error == Some("invalid_tenant")
        || description.is_some_and(is_aadsts90002)
        || codes.is_some_and(|c| c.iter().any(|v| v.as_u64() == Some(90002)))
}

/// Tells a tenant that does not exist (HTTP 400, `invalid_tenant` /
/// `AADSTS90002`) from every other failure, which must not be shown as one.
pub fn classify_openid_error(status: u16, body: &str) -> TenantCheck {
    if status == 400 && says_no_such_tenant(body) {
        return TenantCheck::NotFound;
    }
    let reason = match status {
        // Fetch reports network failures and CORS refusals without a status.
        0 => "the sign-in service could not be reached".to_string(),
        429 => "the sign-in service is limiting requests; try again in a minute".to_string(),
        s => format!("the sign-in service answered with HTTP {s}"),
    };
    TenantCheck::Unavailable(reason)
}

/// The whole verdict for one response: success bodies are parsed, the rest
/// classified.
pub fn check_openid_response(status: u16, body: &str) -> TenantCheck {
    if (200..300).contains(&status) {
        return match parse_openid_configuration(body) {
            Ok(g) => TenantCheck::Verified(g),
            Err(e) => TenantCheck::Unavailable(e.message().to_string()),
        };
    }
    classify_openid_error(status, body)
}

field_error!(OpenIdError);

#[cfg(test)]
mod tests {
    use super::*;

    const G: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    #[test]
    fn tenant_guid_comes_from_the_issuer() {
        let json = format!(
            r#"{{"token_endpoint":"https://login.microsoftonline.com/{G}/oauth2/v2.0/token",
                "issuer":"https://login.microsoftonline.com/{G}/v2.0"}}"#
        );
        assert_eq!(parse_openid_configuration(&json).unwrap().as_str(), G);
    }

    #[test]
    fn token_endpoint_is_the_fallback() {
        let json = format!(
            r#"{{"issuer":"https://login.microsoftonline.com/{{tenantid}}/v2.0",
                "token_endpoint":"http://127.0.0.1:4567/{G}/oauth2/v2.0/token"}}"#
        );
        assert_eq!(parse_openid_configuration(&json).unwrap().as_str(), G);
        let only_endpoint = format!(r#"{{"token_endpoint":"https://x/{G}/oauth2/v2.0/token"}}"#);
        assert_eq!(
            parse_openid_configuration(&only_endpoint).unwrap().as_str(),
            G
        );
    }

    #[test]
    fn broken_documents() {
        assert_eq!(
            parse_openid_configuration("<html>"),
            Err(OpenIdError::NotJson)
        );
        assert_eq!(
            parse_openid_configuration(r#"{"jwks_uri":"x"}"#),
            Err(OpenIdError::NoIssuer)
        );
        assert_eq!(
            parse_openid_configuration(
                r#"{"issuer":"https://login.microsoftonline.com/{tenantid}/v2.0"}"#
            ),
            Err(OpenIdError::NoTenantGuid)
        );
        assert_eq!(
            parse_openid_configuration(r#"{"issuer":"not a url"}"#),
            Err(OpenIdError::NoTenantGuid)
        );
    }

    #[test]
    fn invalid_tenant_is_not_found() {
        let body = r#"{"error":"invalid_tenant","error_description":"AADSTS90002: Tenant 'nope.com' not found.","error_codes":[90002]}"#;
        assert_eq!(classify_openid_error(400, body), TenantCheck::NotFound);
        let by_description =
            r#"{"error":"invalid_request","error_description":"AADSTS90002: Tenant not found."}"#;
        assert_eq!(
            classify_openid_error(400, by_description),
            TenantCheck::NotFound
        );
    }

    #[test]
    fn other_failures_are_unavailable() {
        let other400 = r#"{"error":"invalid_request","error_description":"AADSTS900023: bad"}"#;
        for (status, body) in [
            (400, other400),
            (400, "not json"),
            (500, r#"{"error":"invalid_tenant"}"#),
            (503, ""),
            (0, ""),
        ] {
            assert!(
                matches!(
                    classify_openid_error(status, body),
                    TenantCheck::Unavailable(_)
                ),
                "{status} {body}"
            );
        }
        assert_eq!(
            classify_openid_error(503, ""),
            TenantCheck::Unavailable("the sign-in service answered with HTTP 503".into())
        );
    }

    #[test]
    fn whole_response_verdicts() {
        let ok = format!(r#"{{"issuer":"https://login.microsoftonline.com/{G}/v2.0"}}"#);
        assert_eq!(
            check_openid_response(200, &ok),
            TenantCheck::Verified(Guid::parse(G).unwrap())
        );
        assert!(matches!(
            check_openid_response(200, "oops"),
            TenantCheck::Unavailable(_)
        ));
        assert_eq!(
            check_openid_response(400, r#"{"error":"invalid_tenant"}"#),
            TenantCheck::NotFound
        );
        assert!(TenantCheck::NotFound
            .message()
            .contains("Directory (tenant) ID"));
    }
}
