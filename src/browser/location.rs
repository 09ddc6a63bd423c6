//! Where the page is served from, and which page of the app the URL names.

use crate::domain::app;
use crate::domain::app::routes::{self, AppPath, Route};

/// The router base derived from the document's `<base href>`, which trunk sets
/// from its public URL at build time.
pub fn router_base() -> String {
    app::router_base(&base_uri())
}

/// The document's base URL (`<base href>` resolved).
#[cfg(target_arch = "wasm32")]
pub fn base_uri() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

// Natively there is no document: a page rendered at build time is drawn for
// the `<base href>` of the entry page it goes into.
#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static BASE_URI: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

#[cfg(not(target_arch = "wasm32"))]
pub fn base_uri() -> String {
    BASE_URI.with_borrow(Clone::clone)
}

/// Natively, the `<base href>` that pages drawn on this thread are for.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_base_uri(uri: &str) {
    BASE_URI.set(uri.to_string());
}

/// `to` as an `href` that stays under the router base. The router handles
/// clicks on plain links itself, so they navigate without a reload.
pub fn href(to: &AppPath) -> String {
    to.href(&router_base())
}

/// The document's pathname, router base included.
pub fn pathname() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The page a browser pathname (which still carries the base) names.
pub fn current_route(pathname: &str) -> Option<Route> {
    routes::route(&shown_path(pathname))
}

/// The pathname without the router base, as a person would read it back.
pub fn shown_path(pathname: &str) -> String {
    app::app_path(&router_base(), pathname)
}
