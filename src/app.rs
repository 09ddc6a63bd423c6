//! The one router: every URL of the app is listed here.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::browser::storage::LocalStore;
use crate::browser::storage_events::on_page_hide;
use crate::browser::tab;
use crate::components::shell::Shell;
use crate::domain::app::Config;
use crate::pages::aws_accounts::{AwsAccount, AwsAccounts};
use crate::pages::aws_link::AwsLink;
use crate::pages::entra_detail::EntraAccount;
use crate::pages::entra_flow::{AZURE, MICROSOFT};
use crate::pages::entra_link::EntraLink;
use crate::pages::entra_list::EntraAccounts;
use crate::pages::home::Home;
use crate::pages::integrations::Integrations;
use crate::pages::login::Login;
use crate::pages::microsoft::MicrosoftProducts;
use crate::pages::not_found::NotFound;
use crate::pages::signup::Signup;
use crate::pages::welcome::Welcome;
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
    state.provide();
    view! {
        <Router base=base>
            <Shell>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/login") view=Login />
                    <Route path=path!("/signup") view=Signup />
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/welcome") view=Welcome />
                    <Route path=path!("/integrations") view=Integrations />
                    <Route path=path!("/integrations/microsoft") view=MicrosoftProducts />
                    <Route path=path!("/integrations/microsoft/m365") view=|| view! { <EntraAccounts flow=&MICROSOFT /> } />
                    <Route path=path!("/integrations/microsoft/m365/new") view=|| view! { <EntraLink flow=&MICROSOFT /> } />
                    <Route path=path!("/integrations/microsoft/m365/:id") view=|| view! { <EntraAccount flow=&MICROSOFT /> } />
                    <Route path=path!("/integrations/azure") view=|| view! { <EntraAccounts flow=&AZURE /> } />
                    <Route path=path!("/integrations/azure/new") view=|| view! { <EntraLink flow=&AZURE /> } />
                    <Route path=path!("/integrations/azure/:id") view=|| view! { <EntraAccount flow=&AZURE /> } />
                    <Route path=path!("/integrations/aws") view=AwsAccounts />
                    <Route path=path!("/integrations/aws/new") view=AwsLink />
                    <Route path=path!("/integrations/aws/:id") view=AwsAccount />
                </Routes>
            </Shell>
        </Router>
    }
}
