//! The left panel with the app's sections.

use leptos::prelude::*;
use leptos_router::components::A;

/// Section links; the router marks the current one with `aria-current="page"`.
#[component]
pub fn SideNav() -> impl IntoView {
    view! {
        <nav class="side-nav" aria-label="Sections">
            <ul>
                <li>
                    <A href="/" exact=true>
                        <span class="nav-icon" aria-hidden="true">"⌂"</span>
                        "Home"
                    </A>
                </li>
                <li>
                    <A href="/integrations">
                        <span class="nav-icon" aria-hidden="true">"⇄"</span>
                        "Integrations"
                    </A>
                </li>
            </ul>
        </nav>
    }
}
