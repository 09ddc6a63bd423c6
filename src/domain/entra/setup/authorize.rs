//! The front half of the authorization-code flow for a single-page app: the
//! URL the popup opens, and the reading of what Microsoft sends back to the
//! callback page (`auth/microsoft` under the app's base URL).
//!
//! `response_mode=fragment`: the code then never reaches a server, neither
//! the static host's access log nor a `Referer`, and the callback page can
//! wipe it from history before anything else runs. Microsoft's SPA guidance
//! (MSAL.js) uses the fragment for popups for the same reason; `query` would
//! put the code into every log between the browser and the CDN.

use super::encode::{form, parse_pairs};
use super::pkce::SignInSecrets;
use crate::domain::entra::{Guid, TenantId};
use std::fmt;

/// The callback page, relative to the app's base URL.
pub const CALLBACK_PATH: &str = "auth/microsoft";

/// Whose sign-in page: the tenant typed into the form, or any work account
/// (`organizations`) when it is still empty. Never `common`: a personal
/// Microsoft account has no tenant to set up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Authority {
    Tenant(TenantId),
    Organizations,
}

impl Authority {
    pub fn segment(&self) -> &str {
        match self {
            Authority::Tenant(t) => t.as_str(),
            Authority::Organizations => "organizations",
        }
    }
}

/// The redirect URI for the document whose base URL is `base_url` (as
/// `document.baseURI` gives it, so under a sub-path too).
pub fn redirect_uri(base_url: &str) -> String {
    let base = base_url.split(['?', '#']).next().unwrap_or(base_url);
    let dir = match base.rfind('/') {
        // Not the `//` after the scheme.
        Some(i) if !base[..i].ends_with('/') && base[..i].contains("://") => &base[..=i],
        _ => return format!("{}/{CALLBACK_PATH}", base.trim_end_matches('/')),
    };
    format!("{dir}{CALLBACK_PATH}")
}

pub struct AuthorizeRequest<'a> {
    /// The cloud's sign-in origin (`Config::sign_in_host`).
    pub sign_in_base: &'a str,
    pub authority: &'a Authority,
    pub client_id: Guid,
    pub redirect_uri: &'a str,
    pub scope: &'a str,
    pub secrets: &'a SignInSecrets,
}

impl AuthorizeRequest<'_> {
    pub fn url(&self) -> String {
        let challenge = self.secrets.verifier.s256_challenge();
        let query = form(&[
            ("client_id", self.client_id.as_str()),
            ("response_type", "code"),
            ("response_mode", "fragment"),
            ("redirect_uri", self.redirect_uri),
            ("scope", self.scope),
            ("state", &self.secrets.state),
            ("nonce", &self.secrets.nonce),
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
            // An admin often has several work accounts signed in; the one
            // that runs the set-up should be a choice, not whichever is first.
            ("prompt", "select_account"),
        ]);
        format!(
            "{}/{}/oauth2/v2.0/authorize?{query}",
            self.sign_in_base.trim_end_matches('/'),
            self.authority.segment()
        )
    }
}

/// An authorization code; exchanged once, and never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct AuthCode(String);

impl AuthCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AuthCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuthCode(..)")
    }
}

/// Why a callback gave no code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallbackError {
    /// No `state`, or not the one this page issued: not an answer to this
    /// sign-in (perhaps another page sending codes), so nothing in it counts.
    NotOurs,
    /// The right state but not one code: a duplicate or missing parameter.
    Malformed,
    /// Microsoft refused, with its `error` and `error_description`.
    Refused { error: String, description: String },
}

impl CallbackError {
    /// The AADSTS code at the start of Microsoft's description, if any.
    pub fn aadsts(&self) -> Option<&str> {
        match self {
            CallbackError::Refused { description, .. } => aadsts_code(description),
            _ => None,
        }
    }
}

/// `AADSTS65001: The user or administrator has not consented…` → `AADSTS65001`.
pub fn aadsts_code(description: &str) -> Option<&str> {
    let start = description.find("AADSTS")?;
    let rest = &description[start..];
    let end = 6 + rest[6..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len() - 6);
    (end > 6).then(|| &rest[..end])
}

fn only<'a>(pairs: &'a [(String, String)], key: &str) -> Result<Option<&'a str>, CallbackError> {
    let mut found = pairs.iter().filter(|(k, _)| k == key);
    let first = found.next().map(|(_, v)| v.as_str());
    if found.next().is_some() {
        return Err(CallbackError::Malformed);
    }
    Ok(first)
}

/// Reads the fragment (or query) of the callback URL. The state is compared
/// before anything else is believed, even an error.
pub fn parse_callback(fragment: &str, expected_state: &str) -> Result<AuthCode, CallbackError> {
    let pairs = parse_pairs(fragment).ok_or(CallbackError::NotOurs)?;
    let states: Vec<_> = pairs.iter().filter(|(k, _)| k == "state").collect();
    if expected_state.is_empty() || states.len() != 1 || states[0].1 != expected_state {
        return Err(CallbackError::NotOurs);
    }
    if let Some(error) = only(&pairs, "error")? {
        return Err(CallbackError::Refused {
            error: error.to_string(),
            description: only(&pairs, "error_description")?.unwrap_or("").to_string(),
        });
    }
    match only(&pairs, "code")? {
        Some(code) if !code.is_empty() => Ok(AuthCode(code.to_string())),
        _ => Err(CallbackError::Malformed),
    }
}
