//! The root component: the app-wide state and its providers, then the router
//! and the shell around the page `crate::routes` draws.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::browser::storage::LocalStore;
use crate::browser::storage_events::on_page_hide;
use crate::browser::tab;
use crate::components::shell::Shell;
use crate::domain::app::{Config, IdentityMode};
use crate::routes::Pages;
use crate::state::accounts::Accounts;
use crate::state::auth::Auth;
use crate::state::drafts::Drafts;
use crate::state::notices::{NoticeKind, Notices};
use crate::state::persist::Persist;
use crate::state::{sync, AppState};
use crate::store::{KeyValue, StoreError};

/// The root component: providers, then the shell around the routes.
#[component]
pub fn App(config: Config) -> impl IntoView {
    let state = AppState::new(config);
    let tab_id = tab::id(&state.keys);
    tab::announce(&state.keys, &tab_id);
    let handles = Handles::provide(&state, Rc::new(LocalStore), tab_id);
    if !LocalStore::available() {
        handles
            .notices
            .push(NoticeKind::Error, StoreError::Unavailable.to_string());
    }
    let Handles {
        persist,
        accounts,
        drafts,
        auth,
        ..
    } = handles;
    sync::listen(persist, auth, accounts);
    on_page_hide(move || drafts.flush());
    crate::state::embed::listen(auth, accounts, state.config.clone());
    crate::state::idle_lock::start(auth, &state.config);
    let base = state.base.clone();
    state.provide();
    view! { <Frame base /> }
}

/// The router, the shell and the page for the URL: what the app draws inside
/// its providers, and what the build draws natively for the entry page.
#[component]
pub fn Frame(base: String) -> impl IntoView {
    view! {
        <Router base=base>
            <Shell>
                <Pages />
            </Shell>
        </Router>
    }
}

/// The state handles every page reads, each provided as context.
#[derive(Clone, Copy)]
pub struct Handles {
    pub notices: Notices,
    pub persist: Persist,
    pub accounts: Accounts,
    pub drafts: Drafts,
    pub auth: Auth,
}

impl Handles {
    /// Opens the handles over `store`, restoring the session stored in it.
    /// Nothing here calls the browser, so the build can draw pages with them.
    pub fn provide(state: &AppState, store: Rc<dyn KeyValue>, tab_id: String) -> Handles {
        let notices = Notices::new();
        let host_identity = state.config.identity_mode == IdentityMode::Host;
        let persist = Persist::new(store, state.keys.clone(), notices);
        let accounts = Accounts::new(persist, !host_identity);
        let drafts = Drafts::new(persist, tab_id);
        let auth = Auth::restore(persist, accounts, drafts, host_identity);
        provide_context(notices);
        provide_context(accounts);
        provide_context(drafts);
        provide_context(auth);
        Handles {
            notices,
            persist,
            accounts,
            drafts,
            auth,
        }
    }
}
