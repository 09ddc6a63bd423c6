//! The one router: every URL of the app is listed here, in the shapes
//! `crate::routes` builds links to.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{path, StaticSegment};

use crate::browser::storage::LocalStore;
use crate::browser::storage_events::on_page_hide;
use crate::browser::tab;
use crate::components::shell::Shell;
use crate::domain::app::Config;
use crate::pages::aws::detail::AwsDetailPage;
use crate::pages::aws::link::AwsLinkPage;
use crate::pages::aws::list::AwsListPage;
use crate::pages::entra::detail::EntraDetailPage;
use crate::pages::entra::flow::{EntraFlow, AZURE, MICROSOFT};
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
                // A parent route matches only when a child does, so each
                // parent's own page is its `""` child.
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("login") view=LoginPage />
                    <Route path=path!("signup") view=SignupPage />
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("welcome") view=WelcomePage />
                    <ParentRoute path=path!("integrations") view=Outlet>
                        <Route path=path!("") view=IntegrationsPage />
                        <ParentRoute path=path!("microsoft") view=Outlet>
                            <Route path=path!("") view=MicrosoftPage />
                            <EntraRoutes segment=path!("m365") flow=&MICROSOFT />
                        </ParentRoute>
                        <EntraRoutes segment=path!("azure") flow=&AZURE />
                        <AwsRoutes />
                    </ParentRoute>
                </Routes>
            </Shell>
        </Router>
    }
}

/// `…/{segment}`, `…/{segment}/new` and `…/{segment}/:id` for one Entra flow.
///
/// The trait is named in full: with `erase_components` the component macro
/// replaces this return type, which would leave an import unused.
#[component(transparent)]
fn EntraRoutes(
    segment: (StaticSegment<&'static str>,),
    flow: &'static EntraFlow,
) -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=segment view=Outlet>
            <Route path=path!("") view=move || view! { <EntraListPage flow /> } />
            <Route path=path!("new") view=move || view! { <EntraLinkPage flow /> } />
            <Route path=path!(":id") view=move || view! { <EntraDetailPage flow /> } />
        </ParentRoute>
    }
    .into_inner()
}

/// `…/aws`, `…/aws/new` and `…/aws/:id`.
#[component(transparent)]
fn AwsRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("aws") view=Outlet>
            <Route path=path!("") view=AwsListPage />
            <Route path=path!("new") view=AwsLinkPage />
            <Route path=path!(":id") view=AwsDetailPage />
        </ParentRoute>
    }
    .into_inner()
}
