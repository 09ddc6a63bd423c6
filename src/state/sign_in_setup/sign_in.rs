//! The sign-in half of a run: the popup's answer read against this sign-in's
//! secrets, and the code exchanged once for the admin's token.

use crate::browser::http;
use crate::browser::sign_in_popup::{NoAnswer, Popup};
use crate::domain::entra::setup::{
    identity_problem, parse_callback, parse_token_response, Authority, CallbackError, Problem,
    SignInSecrets, SignedIn, TokenRequest,
};
use crate::domain::entra::Guid;

/// What one sign-in was started with.
#[derive(Clone)]
pub struct SignInStart {
    pub popup: Popup,
    pub secrets: SignInSecrets,
    pub authority: Authority,
    pub client_id: Guid,
    pub sign_in_base: String,
    pub redirect_uri: String,
    pub scope: String,
}

/// Waits for the popup, then exchanges its code. The code is used once here
/// and never kept.
pub async fn complete(start: SignInStart) -> Result<SignedIn, Problem> {
    let fragment = start.popup.answer().await.map_err(|e| match e {
        NoAnswer::Blocked => Problem::PopupBlocked,
        NoAnswer::Closed => Problem::SignInCancelled,
    })?;
    let code = parse_callback(&fragment, &start.secrets.state).map_err(|e| match e {
        CallbackError::Refused { error, description } => identity_problem(&error, &description),
        // Not an answer to this sign-in: nothing in it is believed.
        CallbackError::NotOurs | CallbackError::Malformed => Problem::SignInExpired,
    })?;
    drop(fragment);
    let request = TokenRequest {
        sign_in_base: &start.sign_in_base,
        authority: &start.authority,
        client_id: start.client_id,
        code: &code,
        redirect_uri: &start.redirect_uri,
        verifier: &start.secrets.verifier,
        scope: &start.scope,
    };
    let body = request.body();
    let (status, answer) = http::send(
        "POST",
        &request.url(),
        &[("Content-Type", "application/x-www-form-urlencoded")],
        Some(body.as_str()),
    )
    .await
    .map_err(|_| Problem::TokenUnreachable)?;
    let answer = zeroize::Zeroizing::new(answer);
    parse_token_response(status, &answer, &start.secrets.nonce)
}
