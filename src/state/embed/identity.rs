//! A portal's identity requests: sign-in, sign-out and the External ID.
//! They change the same state, so they are carried out one at a time, in
//! the order they arrived.

use leptos::prelude::Set;

use crate::browser::embed::Incoming;
use crate::domain::app::embed as messages;
use crate::domain::aws::ExternalId;
use crate::state::auth::Auth;
use crate::state::embed::IssuedExternalId;

/// What a portal's identity request changes.
#[derive(Clone)]
pub(super) enum IdentityChange {
    SignIn {
        user_id: String,
        email: String,
        external_id: Option<ExternalId>,
    },
    SignOut,
    ExternalId(ExternalId),
}

/// A request that changes who is signed in or their External ID, with where
/// to reply.
#[derive(Clone)]
pub(super) struct IdentityRequest {
    pub incoming: Incoming,
    pub request_id: Option<String>,
    pub change: IdentityChange,
}

/// Carries out one identity request and answers it.
pub(super) async fn change_identity(
    auth: Auth,
    issued: IssuedExternalId,
    request: IdentityRequest,
) {
    let IdentityRequest {
        incoming,
        request_id,
        change,
    } = request;
    let request_id = request_id.as_deref();
    let reply = match change {
        IdentityChange::SignIn {
            user_id,
            email,
            external_id,
        } => {
            // An ID issued for whoever was signed in before is not this person's.
            issued.value.set(None);
            auth.host_sign_in(&user_id, &email).await;
            issued.value.set(external_id);
            messages::signed_in(request_id, &user_id)
        }
        IdentityChange::SignOut => {
            auth.sign_out().await;
            issued.value.set(None);
            messages::signed_out(request_id)
        }
        IdentityChange::ExternalId(external_id) => {
            issued.value.set(Some(external_id));
            messages::external_id_taken(request_id)
        }
    };
    incoming.reply(&reply);
}
