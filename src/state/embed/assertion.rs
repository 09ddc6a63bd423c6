//! A portal's requests for client assertions, signed with the account's
//! key in this browser.

use crate::browser::embed::Incoming;
use crate::crypto::AssertionAlg;
use crate::domain::app::embed as messages;
use crate::domain::app::embed::ErrorCode;
use crate::domain::app::Config;
use crate::state::accounts::Accounts;
use crate::state::auth::Auth;
use crate::state::certificates::{client_assertion, AssertionFor, KeyError};

/// A portal's request for a client assertion, with where to reply.
#[derive(Clone)]
pub(super) struct AssertionRequest {
    pub incoming: Incoming,
    pub request_id: String,
    pub account_id: String,
    pub alg: AssertionAlg,
}

/// Answers one assertion request.
pub(super) async fn reply(
    auth: Auth,
    accounts: Accounts,
    config: Config,
    request: AssertionRequest,
) {
    let AssertionRequest {
        incoming,
        request_id,
        account_id,
        alg,
    } = request;
    let reply = match answer(&auth, accounts, &config, &account_id, alg).await {
        Ok((jwt, endpoint)) => messages::assertion(&request_id, &account_id, &jwt, &endpoint),
        Err((code, message)) => messages::error(Some(&request_id), code, &message),
    };
    incoming.reply(&reply);
}

async fn answer(
    auth: &Auth,
    accounts: Accounts,
    config: &Config,
    account_id: &str,
    alg: AssertionAlg,
) -> Result<(String, String), (ErrorCode, String)> {
    let link = accounts
        .find_untracked(account_id)
        .and_then(|i| i.entra().cloned())
        .ok_or_else(|| {
            let message = format!("no linked Microsoft or Azure account has id \"{account_id}\"");
            (ErrorCode::UnknownAccount, message)
        })?;
    let base = config.sign_in_host(link.cloud);
    let host = base.split_once("://").map_or(base, |(_, h)| h);
    let (tenant, endpoint) =
        messages::assertion_target(base, &link.tenant, link.tenant_guid.as_ref());
    let jwt = client_assertion(
        auth,
        AssertionFor {
            record: &link.certificate,
            alg,
            tenant: &tenant,
            application_id: link.application_id.as_str(),
            authority_host: host,
        },
    )
    .await
    .map_err(|e| match e {
        KeyError::Locked => (
            ErrorCode::Locked,
            "the keys are locked: the person must enter their password in the app first"
                .to_string(),
        ),
        other => (ErrorCode::Refused, other.to_string()),
    })?;
    Ok((jwt, endpoint))
}
