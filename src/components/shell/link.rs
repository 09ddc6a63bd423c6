//! Links and moves to another page of the app. They take only an `AppPath`,
//! which a `Route` makes, and add the router base here, so no page spells a
//! path or forgets the base.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::NavigateOptions;

use crate::browser::location::{current_route, href};
use crate::domain::app::routes::{route, AppPath};

/// When a `Link` counts as pointing at the page on screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Current {
    /// Only on the very page `to` names.
    #[default]
    Exact,
    /// Anywhere in the side-nav section `to` heads, as for Integrations.
    Section,
}

/// `<a>` to `to` under the router base, with `aria-current="page"` while it
/// points at the page on screen.
#[component]
pub fn Link(
    to: AppPath,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] current: Current,
    children: Children,
) -> impl IntoView {
    let pathname = use_location().pathname;
    let target = route(to.path());
    let is_current = move || {
        let here = current_route(&pathname.get());
        match current {
            Current::Exact => here.is_some() && here == target,
            Current::Section => here
                .and_then(|r| r.section())
                .is_some_and(|s| Some(s) == target),
        }
    };
    view! {
        <a href=href(&to) class=class aria-current=move || is_current().then_some("page")>
            {children()}
        </a>
    }
}

/// Moves to `to`, adding a history entry, as following a link does.
pub fn use_navigate_to() -> impl Fn(&AppPath) + Clone + 'static {
    let navigate = router_navigate();
    move |to| navigate(to.as_str(), NavigateOptions::default())
}

/// Moves to `to` in place of the current history entry, so Back does not
/// return to a page that only sent the person on.
pub fn use_redirect() -> impl Fn(&AppPath) + Clone + 'static {
    let navigate = router_navigate();
    move |to| {
        navigate(
            to.as_str(),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        )
    }
}

// The router's own `navigate` takes any string; it is wrapped here once so
// that the rest of the app can only hand it an `AppPath`.
#[allow(clippy::disallowed_methods)]
fn router_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    leptos_router::hooks::use_navigate()
}
