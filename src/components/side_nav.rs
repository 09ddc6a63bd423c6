//! The left panel with the app's sections.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser::location::{app_href, app_path};
use crate::routes::{self, Section};

/// Section links; the current one carries `aria-current="page"`.
#[component]
pub fn SideNav() -> impl IntoView {
    // Under a sub-path, Home is reached both as `/tools/link/` and as
    // `/tools/link`; the router's exact match knows only the first, so each
    // section is judged by the app path. The router still handles the click.
    let location = use_location();
    let current = move |s: Section| {
        move || (routes::section(&app_path(&location.pathname.get())) == Some(s)).then_some("page")
    };
    view! {
        <nav class="side-nav" aria-label="Sections">
            <ul>
                <li>
                    <a href=app_href(routes::home()) aria-current=current(Section::Home)>
                        <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
                            <path d="M3 9.5 10 3l7 6.5V17h-5v-4H8v4H3z" />
                        </svg>
                        "Home"
                    </a>
                </li>
                <li>
                    <a href=app_href(routes::integrations()) aria-current=current(Section::Integrations)>
                        <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
                            <path d="M4 6h9l-2.5-2.5L12 2l5 5-5 5-1.5-1.5L13 8H4zm12 8H7l2.5 2.5L8 18l-5-5 5-5 1.5 1.5L7 12h9z" />
                        </svg>
                        "Integrations"
                    </a>
                </li>
            </ul>
        </nav>
    }
}
