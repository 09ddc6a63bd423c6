//! The one router: every URL of the app is listed here.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::shell::Shell;
use crate::domain::config::Config;
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
use crate::state::auth::Auth;
use crate::state::notices::Notices;
use crate::state::AppState;

/// The root component: providers, then the shell around the routes.
#[component]
pub fn App(config: Config) -> impl IntoView {
    let state = AppState::new(config);
    let base = state.base.clone();
    let notices = Notices::new();
    provide_context(notices);
    let host_identity = state.config.identity_mode == crate::domain::config::IdentityMode::Host;
    let auth = Auth::restore(state.keys.clone(), notices, host_identity);
    provide_context(auth);
    crate::state::embed::listen(auth, state.config.clone());
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
