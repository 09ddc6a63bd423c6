//! The app inside a portal's iframe: tells the portal about links and
//! removals, and answers its requests for client assertions, so the private
//! key never has to leave.

use crate::browser::embed::{self, Incoming};
use crate::crypto::AssertionAlg;
use crate::domain::app::embed::Request;
use crate::domain::app::{embed as messages, Config};
use crate::domain::entra::token_endpoint;
use crate::domain::links::{Integration, Provider};
use crate::state::accounts::Accounts;
use crate::state::auth::Auth;
use crate::state::certificates::{client_assertion, AssertionFor, KeyError};
use crate::state::task;

pub fn notify_linked(config: &Config, integration: &Integration) {
    if let Some(origin) = &config.parent_origin {
        embed::post_to_parent(origin, &messages::linked(integration));
    }
}

pub fn notify_updated(config: &Config, integration: &Integration) {
    if let Some(origin) = &config.parent_origin {
        embed::post_to_parent(origin, &messages::updated(integration));
    }
}

pub fn notify_removed(config: &Config, id: &str, provider: Provider) {
    if let Some(origin) = &config.parent_origin {
        embed::post_to_parent(origin, &messages::removed(id, provider));
    }
}

/// A portal's sign-in request: where to reply, its id, the user and email.
type SignIn = (Incoming, Option<String>, String, String);
/// A portal's assertion request: where to reply, its id, the account, the algorithm.
type Assertion = (Incoming, String, String, AssertionAlg);

/// Answers the configured parent origin's requests; nothing else is heard.
pub fn listen(auth: Auth, accounts: Accounts, config: Config) {
    let Some(origin) = config.parent_origin.clone() else {
        return;
    };
    // Each reply goes back through the request's own `Incoming`, which holds
    // the portal's window and so is not `Send`; a `Task` runs on this thread.
    let sign_in = task::action(move |(incoming, request_id, user_id, email): &SignIn| {
        let (incoming, request_id) = (incoming.clone(), request_id.clone());
        let (user_id, email) = (user_id.clone(), email.clone());
        async move {
            let reply = match auth.host_sign_in(&user_id, &email).await {
                Ok(()) => messages::signed_in(request_id.as_deref(), &user_id),
                Err(e) => messages::error(request_id.as_deref(), &e),
            };
            incoming.reply(&reply);
        }
    });
    let assertion = task::action(move |(incoming, request_id, account_id, alg): &Assertion| {
        let (incoming, request_id) = (incoming.clone(), request_id.clone());
        let (account_id, alg, config) = (account_id.clone(), *alg, config.clone());
        async move {
            let reply = match answer(&auth, accounts, &config, &account_id, alg).await {
                Ok((jwt, endpoint)) => {
                    messages::assertion(&request_id, &account_id, &jwt, &endpoint)
                }
                Err(message) => messages::error(Some(&request_id), &message),
            };
            incoming.reply(&reply);
        }
    });
    embed::listen(
        origin,
        move |incoming: Incoming| match messages::parse_request(&incoming.data) {
            Err(bad) => incoming.reply(&messages::error(bad.request_id.as_deref(), &bad.message)),
            Ok(Request::SignIn {
                request_id,
                user_id,
                email,
            }) => {
                if !auth.host_identity() {
                    let message = "sign-in is accepted only in host identity mode";
                    incoming.reply(&messages::error(request_id.as_deref(), message));
                    return;
                }
                sign_in.dispatch((incoming, request_id, user_id, email));
            }
            Ok(Request::Assertion {
                request_id,
                account_id,
                alg,
            }) => {
                assertion.dispatch((incoming, request_id, account_id, alg));
            }
        },
    );
}

async fn answer(
    auth: &Auth,
    accounts: Accounts,
    config: &Config,
    account_id: &str,
    alg: AssertionAlg,
) -> Result<(String, String), String> {
    let link = accounts
        .find_untracked(account_id)
        .and_then(|i| i.entra().cloned())
        .ok_or_else(|| format!("no linked Microsoft or Azure account has id \"{account_id}\""))?;
    let base = config.sign_in_host(link.cloud);
    let host = base.split_once("://").map_or(base, |(_, h)| h);
    let tenant = link
        .tenant_guid
        .map(|g| g.as_str().to_string())
        .unwrap_or_else(|| link.tenant.as_str().to_string());
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
        KeyError::Locked => {
            "the keys are locked: the person must enter their password in the app first".to_string()
        }
        other => other.to_string(),
    })?;
    Ok((jwt, token_endpoint(base, &link.tenant)))
}
