//! The one router: every URL of the app is listed here, in the shapes
//! `crate::routes` builds links to.
//!
//! The list is flat: no page is drawn inside another, and `FlatRoutes` is a
//! good deal smaller in the bundle than nested `Routes`.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::browser::storage::LocalStore;
use crate::browser::storage_events::on_page_hide;
use crate::browser::tab;
use crate::components::shell::Shell;
use crate::domain::app::Config;
use crate::pages::aws::detail::AwsDetailPage;
use crate::pages::aws::link::AwsLinkPage;
use crate::pages::aws::list::AwsListPage;
use crate::pages::entra::detail::EntraDetailPage;
use crate::pages::entra::flow::{AZURE, MICROSOFT};
use crate::pages::entra::link::EntraLinkPage;
use crate::pages::entra::list::EntraListPage;
use crate::pages::home::HomePage;
use crate::pages::integrations::IntegrationsPage;
use crate::pages::login::LoginPage;
use crate::pages::microsoft::MicrosoftPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::signup::SignupPage;
use crate::pages::welcome::WelcomePage;
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
                <FlatRoutes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("login") view=LoginPage />
                    <Route path=path!("signup") view=SignupPage />
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("welcome") view=WelcomePage />
                    <Route path=path!("integrations") view=IntegrationsPage />
                    <Route path=path!("integrations/microsoft") view=MicrosoftPage />
                    <Route path=path!("integrations/microsoft/m365") view=|| view! { <EntraListPage flow=&MICROSOFT /> } />
                    <Route path=path!("integrations/microsoft/m365/new") view=|| view! { <EntraLinkPage flow=&MICROSOFT /> } />
                    <Route path=path!("integrations/microsoft/m365/:id") view=|| view! { <EntraDetailPage flow=&MICROSOFT /> } />
                    <Route path=path!("integrations/azure") view=|| view! { <EntraListPage flow=&AZURE /> } />
                    <Route path=path!("integrations/azure/new") view=|| view! { <EntraLinkPage flow=&AZURE /> } />
                    <Route path=path!("integrations/azure/:id") view=|| view! { <EntraDetailPage flow=&AZURE /> } />
                    <Route path=path!("integrations/aws") view=AwsListPage />
                    <Route path=path!("integrations/aws/new") view=AwsLinkPage />
                    <Route path=path!("integrations/aws/:id") view=AwsDetailPage />
                </FlatRoutes>
            </Shell>
        </Router>
    }
}
