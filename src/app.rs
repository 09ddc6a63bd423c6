//! The one router: every URL of the app is listed here.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::shell::Shell;
use crate::pages::{home::Home, integrations::Integrations, not_found::NotFound};
use crate::state::AppState;

/// The root component: providers, then the shell around the routes.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::from_browser();
    let base = state.base.clone();
    state.provide();
    view! {
        <Router base=base>
            <Shell>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("") view=Home />
                    <Route path=path!("integrations") view=Integrations />
                </Routes>
            </Shell>
        </Router>
    }
}
