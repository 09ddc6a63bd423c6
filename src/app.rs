//! The root component: the app-wide state and its providers, then the router
//! and the shell around the page `crate::routes` draws.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::browser::storage::LocalStore;
use crate::browser::storage_events::on_page_hide;
use crate::browser::tab;
use crate::components::shell::Shell;
use crate::domain::app::Config;
use crate::routes::Pages;
use crate::state::accounts::Accounts;
use crate::state::auth::Auth;
use crate::state::drafts::Drafts;
use crate::state::notices::{NoticeKind, Notices};
use crate::state::persist::Persist;
use crate::state::{sync, AppState};
use crate::store::StoreError;

/// The root component: providers, then the shell around the routes.
#[component]
pub fn App(config: Config) -> impl IntoView {
    let state = AppState::new(config);
    let base = state.base.clone();
    let notices = Notices::new();
    provide_context(notices);
    if !LocalStore::available() {
        notices.push(NoticeKind::Error, StoreError::Unavailable.to_string());
    }
    let host_identity = state.config.identity_mode == crate::domain::app::IdentityMode::Host;
    let persist = Persist::new(Rc::new(LocalStore), state.keys.clone(), notices);
    let accounts = Accounts::new(persist, !host_identity);
    let tab_id = tab::id(&state.keys);
    tab::announce(&state.keys, &tab_id);
    let drafts = Drafts::new(persist, tab_id);
    let auth = Auth::restore(persist, accounts, drafts, host_identity);
    provide_context(accounts);
    provide_context(drafts);
    provide_context(auth);
    sync::listen(persist, auth, accounts);
    on_page_hide(move || drafts.flush());
    crate::state::embed::listen(auth, accounts, state.config.clone());
    crate::state::idle_lock::start(auth, &state.config);
    state.provide();
    view! {
        <Router base=base>
            <Shell>
                <Pages />
            </Shell>
        </Router>
    }
}
