//! The left panel with the app's sections.

use leptos::prelude::*;

use crate::components::shell::{Current, Link};
use crate::domain::app::routes::Route;

/// Section links; the current one carries `aria-current="page"`.
#[component]
pub fn SideNav() -> impl IntoView {
    view! {
        <nav class="side-nav" aria-label="Sections">
            <ul>
                <li>
                    <Link to=Route::Home.path()>
                        <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
                            <path d="M3 9.5 10 3l7 6.5V17h-5v-4H8v4H3z" />
                        </svg>
                        "Home"
                    </Link>
                </li>
                <li>
                    <Link to=Route::Integrations.path() current=Current::Section>
                        <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
                            <path d="M4 6h9l-2.5-2.5L12 2l5 5-5 5-1.5-1.5L13 8H4zm12 8H7l2.5 2.5L8 18l-5-5 5-5 1.5 1.5L7 12h9z" />
                        </svg>
                        "Integrations"
                    </Link>
                </li>
            </ul>
        </nav>
    }
}
