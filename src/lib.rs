//! CloudLink: links AWS, Azure and Microsoft 365 accounts to a cloud-operations
//! platform, entirely in the browser.
//!
//! `domain`, `crypto` and `store` are pure and tested natively; `browser` is the
//! only module that touches `web_sys`; `state` holds app state and actions;
//! `pages` compose `components`, which keep their state in `hooks`;
//! `domain::app::routes` spells every path once, and `routes` draws the page
//! each path names.

// Rendered to a string natively, the views' types are not erased as in the
// wasm (`erase_components`), and rustc's query depth runs out at the default.
#![cfg_attr(feature = "ssr", recursion_limit = "256")]

pub mod app;
pub mod browser;
pub mod components;
pub mod crypto;
pub mod domain;
pub mod hooks;
pub mod pages;
// Build-time code: the native tool that finishes the entry page.
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod routes;
pub mod state;
pub mod store;

// Reads src/ from disk, which only a native test run can.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod house_rules;

use leptos::prelude::*;

// An exported RUSTFLAGS replaces the flags in .cargo/config.toml, which would
// drop `erase_components` without a word and grow the bundle by about 31 KB.
#[cfg(all(target_arch = "wasm32", not(erase_components)))]
compile_error!(
    "the wasm is built with `--cfg erase_components` (.cargo/config.toml), and an exported RUSTFLAGS replaces it: unset RUSTFLAGS, or add `--cfg erase_components` to it"
);

/// Entry point called by the binary: install the panic notice, read the
/// configuration, then mount the app, the configuration error, or the refusal
/// to work in a frame of another origin.
pub fn start() {
    browser::panic::install();
    // The sign-in popup's callback hands Microsoft's answer to the page that
    // opened it and closes: it needs neither the configuration nor the app.
    let pathname = browser::location::pathname();
    if browser::location::current_route(&pathname)
        == Some(domain::app::routes::Route::SignInCallback)
    {
        // Tells index.html the page is answered, so it never says the app
        // failed to start.
        let _ = browser::handoff::take();
        browser::sign_in_popup::hand_back();
        return;
    }
    // No reactive owner exists yet for a `Task`, and Leptos sets up its
    // executor only when it mounts, so this first task uses wasm-bindgen's own.
    wasm_bindgen_futures::spawn_local(async {
        let config = browser::config::load().await;
        // Before the copy of Log in is taken, so what was typed stays in it
        // under the page's message.
        if matches!(config, Err(browser::config::LoadError::Unreachable))
            && browser::start_failure::report(browser::start_failure::Cause::LoadFailed)
        {
            return;
        }
        // From here to the mount is one task: nothing typed into the
        // build-time copy of the page can fall between the two forms.
        let handoff = browser::handoff::take();
        match config {
            // Clickjacking defence where the host cannot send frame-ancestors.
            Ok(config)
                if !domain::app::embed::frame_allowed(
                    &browser::embed::ancestor_origins(),
                    config.parent_origin.as_deref(),
                ) =>
            {
                leptos::mount::mount_to_body(
                    || view! { <pages::frame_refused::FrameRefusedPage /> },
                );
            }
            Ok(config) => {
                browser::config::apply_theme(&config);
                leptos::mount::mount_to_body(move || view! { <app::App config=config.clone() /> });
                if let Some(handoff) = handoff {
                    handoff.resume();
                }
            }
            Err(error) => {
                let message = error.to_string();
                leptos::mount::mount_to_body(move || {
                    view! { <pages::config_error::ConfigErrorPage message=message.clone() /> }
                });
            }
        }
    });
}
