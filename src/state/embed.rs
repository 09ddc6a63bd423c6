//! The app inside a portal's iframe: tells the portal about links and
//! removals, answers its requests for client assertions, so the private key
//! never has to leave, and takes the AWS External ID the portal issues.

use leptos::prelude::*;

use crate::browser::embed::{self, Incoming};
use crate::crypto::AssertionAlg;
use crate::domain::app::embed::{ErrorCode, Request};
use crate::domain::app::{embed as messages, Config};
use crate::domain::aws::ExternalId;
use crate::domain::links::{Integration, Provider};
use crate::state::accounts::Accounts;
use crate::state::auth::Auth;
use crate::state::certificates::{client_assertion, AssertionFor, KeyError};
use crate::state::task::Task;

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

/// The AWS External ID the portal issued, held in memory only: the portal
/// sends it again with every sign-in.
#[derive(Clone, Copy)]
pub struct IssuedExternalId {
    value: RwSignal<Option<ExternalId>>,
    /// The page runs in the portal's frame, so the portal issues the ID.
    embedded: bool,
}

impl IssuedExternalId {
    fn new(config: &Config) -> Self {
        IssuedExternalId {
            value: RwSignal::new(None),
            embedded: config.parent_origin.is_some() && embed::is_embedded(),
        }
    }

    pub fn expect() -> Self {
        expect_context::<IssuedExternalId>()
    }

    pub fn embedded(&self) -> bool {
        self.embedded
    }

    pub fn get(&self) -> Option<ExternalId> {
        self.value.get()
    }
}

/// A portal's sign-in request: where to reply, its id, the user and email,
/// and the External ID it issued.
type SignIn = (Incoming, Option<String>, String, String, Option<ExternalId>);
/// A portal's assertion request: where to reply, its id, the account, the algorithm.
type Assertion = (Incoming, String, String, AssertionAlg);

/// Answers the parent frame's requests from the configured origin; nothing
/// else is heard.
pub fn listen(auth: Auth, accounts: Accounts, config: Config) {
    let issued = IssuedExternalId::new(&config);
    provide_context(issued);
    let Some(origin) = config.parent_origin.clone() else {
        return;
    };
    // Each reply goes back through the request's own `Incoming`, which holds
    // the portal's window and so is not `Send`; a `Task` runs on this thread.
    // Every request is answered, even while an earlier one is still at work,
    // so these use `dispatch_always`.
    let sign_in = Task::new(
        move |(incoming, request_id, user_id, email, external_id): &SignIn| {
            let (incoming, request_id) = (incoming.clone(), request_id.clone());
            let (user_id, email) = (user_id.clone(), email.clone());
            let external_id = external_id.clone();
            async move {
                // An ID issued for whoever was signed in before is not this person's.
                issued.value.set(None);
                let reply = match auth.host_sign_in(&user_id, &email).await {
                    Ok(()) => {
                        issued.value.set(external_id);
                        messages::signed_in(request_id.as_deref(), &user_id)
                    }
                    Err(e) => messages::error(request_id.as_deref(), ErrorCode::Refused, &e),
                };
                incoming.reply(&reply);
            }
        },
    );
    let sign_out = Task::new(move |(incoming, request_id): &(Incoming, Option<String>)| {
        let (incoming, request_id) = (incoming.clone(), request_id.clone());
        async move {
            auth.sign_out().await;
            issued.value.set(None);
            incoming.reply(&messages::signed_out(request_id.as_deref()));
        }
    });
    let assertion = Task::new(move |(incoming, request_id, account_id, alg): &Assertion| {
        let (incoming, request_id) = (incoming.clone(), request_id.clone());
        let (account_id, alg, config) = (account_id.clone(), *alg, config.clone());
        async move {
            let reply = match answer(&auth, accounts, &config, &account_id, alg).await {
                Ok((jwt, endpoint)) => {
                    messages::assertion(&request_id, &account_id, &jwt, &endpoint)
                }
                Err((code, message)) => messages::error(Some(&request_id), code, &message),
            };
            incoming.reply(&reply);
        }
    });
    // Set when the portal's SDK speaks a major version this page does not:
    // its requests may mean something else, so none is carried out.
    let refused = StoredValue::new(None::<String>);
    let parent = origin.clone();
    let parent_for_height = origin.clone();
    embed::listen(
        origin,
        move |incoming: Incoming| match messages::parse_request(&incoming.data) {
            Ok(Request::Hello { protocol }) => {
                if messages::speaks(&protocol) {
                    refused.set_value(None);
                } else {
                    let message = format!(
                        "this page speaks protocol {}, the portal {protocol}: update the portal's cloudlink-embed.js",
                        messages::PROTOCOL_VERSION
                    );
                    incoming.reply(&messages::error(
                        None,
                        ErrorCode::UnsupportedProtocol,
                        &message,
                    ));
                    refused.set_value(Some(message));
                }
            }
            Err(bad) => incoming.reply(&messages::error(
                bad.request_id.as_deref(),
                ErrorCode::InvalidRequest,
                &bad.message,
            )),
            Ok(request) if refused.with_value(Option::is_some) => {
                let message = refused.get_value().unwrap_or_default();
                incoming.reply(&messages::error(
                    request.request_id(),
                    ErrorCode::UnsupportedProtocol,
                    &message,
                ));
            }
            Ok(Request::SignIn {
                request_id,
                user_id,
                email,
                external_id,
            }) => {
                if !auth.host_identity() {
                    let message = "sign-in is accepted only in host identity mode";
                    incoming.reply(&messages::error(
                        request_id.as_deref(),
                        ErrorCode::Refused,
                        message,
                    ));
                    return;
                }
                sign_in.dispatch_always((incoming, request_id, user_id, email, external_id));
            }
            Ok(Request::Assertion {
                request_id,
                account_id,
                alg,
            }) => {
                assertion.dispatch_always((incoming, request_id, account_id, alg));
            }
            Ok(Request::SignOut { request_id }) => sign_out.dispatch_always((incoming, request_id)),
            Ok(Request::ExternalId {
                request_id,
                external_id,
            }) => {
                issued.value.set(Some(external_id));
                incoming.reply(&messages::external_id_taken(request_id.as_deref()));
            }
        },
    );
    embed::post_to_parent(&parent, &messages::ready());
    embed::watch_height(move |height| {
        embed::post_to_parent(&parent_for_height, &messages::resize(height));
    });
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
