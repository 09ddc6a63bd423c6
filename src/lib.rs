//! CloudLink: links AWS, Azure and Microsoft 365 accounts to a cloud-operations
//! platform, entirely in the browser.
//!
//! `domain`, `crypto` and `store` are pure and tested natively; `browser` is the
//! only module that touches `web_sys`; `pages` and `components` stay thin.

pub mod app;
pub mod browser;
pub mod components;
pub mod crypto;
pub mod domain;
pub mod pages;
pub mod state;
pub mod store;

/// Entry point called by the binary: install the panic notice, then mount.
pub fn start() {
    browser::panic::install();
    leptos::mount::mount_to_body(app::App);
}
