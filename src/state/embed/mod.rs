//! The app inside a portal's iframe: tells the portal about links and
//! removals, answers its requests for client assertions, so the private key
//! never has to leave, and takes the AWS External ID the portal issues.

mod assertion;
mod identity;

use leptos::prelude::*;

use crate::browser::embed::{self, Incoming};
use crate::domain::app::embed::{ErrorCode, Request};
use crate::domain::app::{embed as messages, Config};
use crate::domain::aws::ExternalId;
use crate::domain::links::{Integration, Provider};
use crate::state::accounts::Accounts;
use crate::state::auth::Auth;
use crate::state::task::Task;
use assertion::AssertionRequest;
use identity::{change_identity, IdentityChange, IdentityRequest};

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
    // Sign-in, sign-out and the External ID change the same state, so they
    // land one at a time in the order they arrived: a sign-out sent right
    // after a sign-in must not finish first and be undone by it.
    let identity =
        Task::new(move |request: &IdentityRequest| change_identity(auth, issued, request.clone()));
    // Every assertion request is answered, even while an earlier one is
    // still at work.
    let assertion = Task::new(move |request: &AssertionRequest| {
        assertion::reply(auth, accounts, config.clone(), request.clone())
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
                identity.dispatch_in_order(IdentityRequest {
                    incoming,
                    request_id,
                    change: IdentityChange::SignIn {
                        user_id,
                        email,
                        external_id,
                    },
                });
            }
            Ok(Request::Assertion {
                request_id,
                account_id,
                alg,
            }) => {
                assertion.dispatch_always(AssertionRequest {
                    incoming,
                    request_id,
                    account_id,
                    alg,
                });
            }
            Ok(Request::SignOut { request_id }) => identity.dispatch_in_order(IdentityRequest {
                incoming,
                request_id,
                change: IdentityChange::SignOut,
            }),
            Ok(Request::ExternalId {
                request_id,
                external_id,
            }) => identity.dispatch_in_order(IdentityRequest {
                incoming,
                request_id,
                change: IdentityChange::ExternalId(external_id),
            }),
        },
    );
    embed::post_to_parent(&parent, &messages::ready());
    embed::watch_height(move |height| {
        embed::post_to_parent(&parent_for_height, &messages::resize(height));
    });
}
