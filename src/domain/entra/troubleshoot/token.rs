//! An access token the platform obtained, decoded without verifying its
//! signature: the page only reads it, and it never leaves the page.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::Value;

use super::input::{bounded, InputError};

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
