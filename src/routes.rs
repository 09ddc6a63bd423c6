//! The one router: `leptos_router` keeps the URL and the history, and
//! `crate::domain::app::routes::route` reads the URL into the page drawn here.
//! A new page is its `Route` variant and its arm below.
//!
//! One `match` over the pages, rather than a `<Route>` per page, keeps one copy
//! of the matching code in the bundle instead of fifteen (a size trick:
//! docs/size-ledger.md).

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

use crate::browser::location::current_route;
use crate::domain::app::routes::Route;
use crate::domain::entra::flow::{AZURE, MICROSOFT};
use crate::domain::links::Provider;
use crate::pages::aws::detail::AwsDetailPage;
use crate::pages::aws::link::AwsLinkPage;
use crate::pages::aws::list::AwsListPage;
use crate::pages::entra::detail::EntraDetailPage;
use crate::pages::entra::link::EntraLinkPage;
use crate::pages::entra::list::EntraListPage;
use crate::pages::home::HomePage;
use crate::pages::integrations::IntegrationsPage;
use crate::pages::login::LoginPage;
use crate::pages::microsoft::MicrosoftPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::signup::SignupPage;
use crate::pages::welcome::WelcomePage;

/// The page for the current URL. The page is drawn again only when the route
/// changes: a new query string leaves it as it is.
#[component]
pub fn Pages() -> impl IntoView {
    let location = use_location();
    let current = Memo::new(move |_| current_route(&location.pathname.get()));
    // The router puts a new path in the address bar only once the routes say
    // they are ready for it; until then Back and reload would use the old one.
    let browser_url = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(url) = &browser_url {
            url.ready_to_complete();
        }
    });
    move || match current.get() {
        Some(Route::Login) => view! { <LoginPage /> }.into_any(),
        Some(Route::Signup) => view! { <SignupPage /> }.into_any(),
        Some(Route::Home) => view! { <HomePage /> }.into_any(),
        Some(Route::Welcome) => view! { <WelcomePage /> }.into_any(),
        Some(Route::Integrations) => view! { <IntegrationsPage /> }.into_any(),
        Some(Route::Microsoft) => view! { <MicrosoftPage /> }.into_any(),
        Some(Route::List(Provider::Microsoft)) => {
            view! { <EntraListPage flow=&MICROSOFT /> }.into_any()
        }
        Some(Route::New(Provider::Microsoft)) => {
            view! { <EntraLinkPage flow=&MICROSOFT /> }.into_any()
        }
        Some(Route::Account(Provider::Microsoft, id)) => {
            view! { <EntraDetailPage flow=&MICROSOFT id /> }.into_any()
        }
        Some(Route::List(Provider::Azure)) => view! { <EntraListPage flow=&AZURE /> }.into_any(),
        Some(Route::New(Provider::Azure)) => view! { <EntraLinkPage flow=&AZURE /> }.into_any(),
        Some(Route::Account(Provider::Azure, id)) => {
            view! { <EntraDetailPage flow=&AZURE id /> }.into_any()
        }
        Some(Route::List(Provider::Aws)) => view! { <AwsListPage /> }.into_any(),
        Some(Route::New(Provider::Aws)) => view! { <AwsLinkPage /> }.into_any(),
        Some(Route::Account(Provider::Aws, id)) => view! { <AwsDetailPage id /> }.into_any(),
        // `crate::start` answers the callback before the app mounts; drawn
        // only if the app itself navigates here.
        Some(Route::SignInCallback) => view! { <NotFoundPage /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}
