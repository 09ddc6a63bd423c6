//! App-wide state handed to pages through context.

use leptos::prelude::*;

use crate::browser;

/// What every page may read: where the app lives and how it is branded.
#[derive(Clone, Debug)]
pub struct AppState {
    /// Router base: `""` at the root, `"/tools/link"` under a sub-path.
    pub base: String,
    pub product_name: String,
}

impl AppState {
    pub fn from_browser() -> Self {
        AppState {
            base: browser::location::router_base(),
            product_name: "CloudLink".to_string(),
        }
    }

    pub fn provide(self) {
        provide_context(self);
    }

    /// The state provided by [`crate::app::App`]; every page runs inside it.
    pub fn expect() -> Self {
        expect_context::<AppState>()
    }

    /// An asset URL under the base, for `<img src>`.
    pub fn asset(&self, path: &str) -> String {
        crate::domain::base_path::href(&self.base, path)
    }
}
