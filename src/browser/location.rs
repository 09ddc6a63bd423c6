//! Where the page is served from.

use crate::domain::base_path;

/// The router base derived from the document's `<base href>`, which trunk sets
/// from its public URL at build time.
pub fn router_base() -> String {
    let uri = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    base_path::router_base(&uri)
}
