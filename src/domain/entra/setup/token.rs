//! The back half of the sign-in: exchanging the code at the token endpoint
//! (a CORS request, which Microsoft allows only for a redirect URI registered
//! as a single-page app), and the access token as a value that cannot leak
//! through formatting.

use super::authorize::{aadsts_code, AuthCode, Authority};
use super::encode::form;
use super::pkce::CodeVerifier;
use super::problem::Problem;
use crate::domain::entra::Guid;
use base64ct::{Base64UrlUnpadded, Encoding};
use serde::Deserialize;
use std::fmt;
use zeroize::Zeroizing;

pub struct TokenRequest<'a> {
    pub sign_in_base: &'a str,
    /// The same authority the code was asked from.
    pub authority: &'a Authority,
    pub client_id: Guid,
    pub code: &'a AuthCode,
    pub redirect_uri: &'a str,
    pub verifier: &'a CodeVerifier,
    pub scope: &'a str,
}

impl TokenRequest<'_> {
    pub fn url(&self) -> String {
        format!(
            "{}/{}/oauth2/v2.0/token",
            self.sign_in_base.trim_end_matches('/'),
            self.authority.segment()
        )
    }

    /// `application/x-www-form-urlencoded`. No client secret: a single-page
    /// app proves itself with the verifier alone.
    pub fn body(&self) -> Zeroizing<String> {
        Zeroizing::new(form(&[
            ("client_id", self.client_id.as_str()),
            ("grant_type", "authorization_code"),
            ("code", self.code.as_str()),
            ("redirect_uri", self.redirect_uri),
            ("code_verifier", self.verifier.as_str()),
            ("scope", self.scope),
        ]))
    }
}

/// The admin's Graph token. Only `bearer` gives it out, for the one header
/// that needs it; it is wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(Zeroizing<String>);

impl AccessToken {
    /// The `Authorization` header value.
    pub fn bearer(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("Bearer {}", self.0.as_str()))
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(..)")
    }
}

impl fmt::Display for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[access token]")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedIn {
    pub token: AccessToken,
    pub expires_in_seconds: u64,
    /// The scopes Microsoft granted, which may be fewer than asked.
    pub scopes: Vec<String>,
    /// `tid` of the ID token: the tenant the admin signed in to.
    pub tenant_id: Option<Guid>,
}

#[derive(Deserialize)]
struct Success {
    token_type: String,
    access_token: String,
    #[serde(default)]
    expires_in: u64,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    id_token: Option<String>,
}

#[derive(Deserialize)]
struct Failure {
    error: String,
    #[serde(default)]
    error_description: String,
}

#[derive(Deserialize)]
struct IdClaims {
    #[serde(default)]
    nonce: Option<String>,
    #[serde(default)]
    tid: Option<Guid>,
}

/// The ID token came straight from the token endpoint over TLS, so its
/// claims are read without checking its signature (OpenID Connect Core
/// §3.1.3.7, item 6); only the nonce and the tenant are used.
fn id_claims(id_token: &str) -> Option<IdClaims> {
    let payload = id_token.split('.').nth(1)?;
    let bytes = Base64UrlUnpadded::decode_vec(payload.trim_end_matches('=')).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// What an identity-platform error means for the admin.
pub fn identity_problem(error: &str, description: &str) -> Problem {
    let code = aadsts_code(description).unwrap_or("");
    let detail = || description.lines().next().unwrap_or("").to_string();
    match (error, code) {
        (_, "AADSTS65001" | "AADSTS90094" | "AADSTS90008") | ("consent_required", _) => {
            Problem::ConsentMissing
        }
        (
            _,
            "AADSTS50011" | "AADSTS9002326" | "AADSTS9002327" | "AADSTS700016" | "AADSTS700054",
        ) => Problem::PlatformMisconfigured { detail: detail() },
        ("access_denied", _) | (_, "AADSTS65004") => Problem::SignInCancelled,
        ("invalid_grant", _) => Problem::SignInExpired,
        _ => Problem::Unexpected {
            status: 400,
            code: error.to_string(),
            message: detail(),
        },
    }
}

pub fn parse_token_response(status: u16, body: &str, nonce: &str) -> Result<SignedIn, Problem> {
    let malformed = || Problem::Unexpected {
        status,
        code: String::new(),
        message: "the token endpoint's answer was not what Microsoft sends".into(),
    };
    if !(200..300).contains(&status) {
        let f: Failure = serde_json::from_str(body).map_err(|_| malformed())?;
        return Err(identity_problem(&f.error, &f.error_description));
    }
    let s: Success = serde_json::from_str(body).map_err(|_| malformed())?;
    let token = Zeroizing::new(s.access_token);
    if !s.token_type.eq_ignore_ascii_case("bearer") || token.is_empty() {
        return Err(malformed());
    }
    let claims = s
        .id_token
        .as_deref()
        .and_then(id_claims)
        .ok_or_else(malformed)?;
    if nonce.is_empty() || claims.nonce.as_deref() != Some(nonce) {
        return Err(Problem::SignInExpired);
    }
    Ok(SignedIn {
        token: AccessToken(token),
        expires_in_seconds: s.expires_in,
        scopes: s.scope.split_whitespace().map(str::to_string).collect(),
        tenant_id: claims.tid,
    })
}
