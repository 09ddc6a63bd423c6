//! Applies the route rules of `domain::app::route_rules` to the current URL.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser::location::current_route;
use crate::components::shell::use_redirect;
use crate::domain::app::route_rules::{decide, Decision};
use crate::domain::app::routes::NEXT;
use crate::state::auth::Auth;

/// Shows the page only when the rules allow it; otherwise replaces the history
/// entry with where the rules send the person, so Back does not bounce.
#[component]
pub fn RouteGuard(children: ChildrenFn) -> impl IntoView {
    let auth = Auth::expect();
    let location = use_location();
    let redirect = use_redirect();
    let decision = Memo::new(move |_| {
        let here = current_route(&location.pathname.get());
        let next = location.query.with(|q| q.get(NEXT));
        decide(here.as_ref(), next.as_deref(), auth.visitor())
    });
    Effect::new(move |_| {
        if let Decision::Redirect(to) = decision.get() {
            redirect(&to);
        }
    });
    view! {
        <Show when=move || decision.get() == Decision::WaitForPortal>
            <section class="page" aria-labelledby="page-title">
                <h1 id="page-title">"Waiting for sign-in"</h1>
                <p role="status">"The portal around this page signs you in. If nothing happens, reload the portal."</p>
            </section>
        </Show>
        <Show when=move || decision.get() == Decision::Show>{children()}</Show>
    }
}
