//! Where the page is served from.

use crate::domain::app;

/// The router base derived from the document's `<base href>`, which trunk sets
/// from its public URL at build time.
pub fn router_base() -> String {
    let uri = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    app::router_base(&uri)
}

/// An app path such as `/integrations` as an `href` that stays under the
/// router base, for `<a href>` and `<img src>`. The router handles clicks on
/// plain links itself, so they navigate without a reload.
pub fn app_href(path: &str) -> String {
    app::href(&router_base(), path)
}

/// The current page's app path, without the router base, as the route rules
/// expect it.
pub fn app_path(pathname: &str) -> String {
    app::app_path(&router_base(), pathname)
}
