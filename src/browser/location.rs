//! Where the page is served from, and which page of the app the URL names.

use crate::domain::app;
use crate::domain::app::routes::{self, AppPath, Route};

/// The document's base URL (`<base href>` resolved), which trunk sets from
/// its public URL at build time.
pub fn base_uri() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// The router base derived from the document's `<base href>`.
pub fn router_base() -> String {
    app::router_base(&base_uri())
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
