//! The frame around every page: header, side navigation and content.

use leptos::html;
use leptos::prelude::*;

use crate::components::side_nav::SideNav;
use crate::state::AppState;

/// Header with the product name, the side panel, and the page beside it.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let state = AppState::expect();
    let main_ref = NodeRef::<html::Main>::new();
    let skip = move |_| {
        if let Some(main) = main_ref.get() {
            let _ = main.focus();
        }
    };
    view! {
        <button type="button" class="skip-link" on:click=skip>
            "Skip to content"
        </button>
        <header class="app-header">
            <img class="brand-logo" src=state.asset("/logos/logo.svg") alt="" width="28" height="28" />
            <span class="brand-name">{state.product_name.clone()}</span>
        </header>
        <div class="app-body">
            <SideNav />
            <main id="main" class="app-main" tabindex="-1" node_ref=main_ref>
                <ErrorBoundary fallback=|errors| {
                    view! {
                        <div class="notice notice-error" role="alert">
                            <p>"This page could not be shown:"</p>
                            <ul>
                                {move || {
                                    errors
                                        .get()
                                        .into_iter()
                                        .map(|(_, e)| view! { <li>{e.to_string()}</li> })
                                        .collect_view()
                                }}
                            </ul>
                        </div>
                    }
                }>{children()}</ErrorBoundary>
            </main>
        </div>
    }
}
