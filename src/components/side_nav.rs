//! The left panel with the app's sections.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::location::app_href;

/// Section links; the router marks the current one with `aria-current="page"`.
#[component]
pub fn SideNav() -> impl IntoView {
    view! {
        <nav class="side-nav" aria-label="Sections">
            <ul>
                <li>
                    <A href=app_href("/") exact=true>
                        <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
                            <path d="M3 9.5 10 3l7 6.5V17h-5v-4H8v4H3z" />
                        </svg>
                        "Home"
                    </A>
                </li>
                <li>
                    <A href=app_href("/integrations")>
                        <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
                            <path d="M4 6h9l-2.5-2.5L12 2l5 5-5 5-1.5-1.5L13 8H4zm12 8H7l2.5 2.5L8 18l-5-5 5-5 1.5 1.5L7 12h9z" />
                        </svg>
                        "Integrations"
                    </A>
                </li>
            </ul>
        </nav>
    }
}
