//! One login form inside a Router with one route: what any Leptos 0.8 app with
//! routing pays before its first field can take focus.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
fn Login() -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    // Reads both fields so neither binding can be optimised away.
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submitted.set(!email.get_untracked().is_empty() && !password.get_untracked().is_empty());
    };
    view! {
        <main>
            <h1>"Log in"</h1>
            <form on:submit=submit novalidate>
                <label for="email">"Email"</label>
                <input id="email" name="email" type="email" autocomplete="username" bind:value=email />
                <label for="password">"Password"</label>
                <input id="password" name="password" type="password" autocomplete="current-password" bind:value=password />
                <button type="submit">"Log in"</button>
            </form>
            <p role="status">{move || submitted.get().then_some("Submitted.")}</p>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "Not found.">
                    <Route path=path!("/") view=Login />
                </Routes>
            </Router>
        }
    });
}
