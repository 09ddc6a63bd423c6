//! The frame around every page: header, side navigation and content.

use leptos::html;
use leptos::prelude::*;

use crate::components::shell::use_navigate_to;
use crate::components::shell::NoticeArea;
use crate::components::shell::RouteGuard;
use crate::components::shell::SideNav;
use crate::domain::app::routes::Route;
use crate::state::auth::Auth;
use crate::state::task::Task;
use crate::state::AppState;

/// Header with the product name, the side panel when signed in, and the page.
#[component]
pub fn Shell(children: ChildrenFn) -> impl IntoView {
    let state = AppState::expect();
    let auth = Auth::expect();
    let main_ref = NodeRef::<html::Main>::new();
    let skip = move |_| {
        if let Some(main) = main_ref.get() {
            let _ = main.focus();
        }
    };
    let navigate = use_navigate_to();
    let sign_out = Task::new(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            auth.sign_out().await;
            navigate(&Route::Login.path());
        }
    });
    let signed_in = move || auth.is_signed_in();
    view! {
        <button type="button" class="skip-link" on:click=skip>
            "Skip to content"
        </button>
        <header class="app-header">
            <img class="brand-logo" src=state.asset(&format!("/{}", state.config.logo)) alt="" width="28" height="28" />
            <span class="brand-name">{state.config.product_name.clone()}</span>
            <Show when=signed_in>
                <div class="header-end">
                    <span class="user-email">{move || auth.email()}</span>
                    <Show when=move || !auth.host_identity()>
                        <button type="button" class="button" on:click=move |_| {
                            sign_out.dispatch(());
                        }>
                            "Sign out"
                        </button>
                    </Show>
                </div>
            </Show>
        </header>
        <div class="app-body">
            <Show when=signed_in>
                <SideNav />
            </Show>
            <main id="main" class="app-main" tabindex="-1" node_ref=main_ref>
                <NoticeArea />
                <RouteGuard children=children.clone() />
            </main>
        </div>
    }
}
