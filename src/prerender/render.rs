//! Pages drawn natively by the app's own components.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::app::{Frame, Handles};
use crate::browser::location::set_base_uri;
use crate::domain::app::routes::Route;
use crate::domain::app::Config;
use crate::prerender::entry_page;
use crate::state::AppState;
use crate::store::memory::MemoryStore;

/// `route` as the app draws it for a signed-out visitor with nothing stored
/// and the default configuration, for a page whose `<base href>` is
/// `base_href`: the markup of `<body>`, without the comments that mark places
/// for the app's updates, of no use in a copy the app replaces.
pub fn page(route: Route, base_href: &str) -> String {
    set_base_uri(base_href);
    let owner = Owner::new();
    let html = owner.with(|| {
        let state = AppState::new(Config::default());
        provide_context(RequestUrl::new(&route.path().href(&state.base)));
        Handles::provide(&state, Rc::new(MemoryStore::default()), String::new());
        let base = state.base.clone();
        state.provide();
        view! { <Frame base /> }.to_html()
    });
    owner.cleanup();
    entry_page::without_comments(&html)
}
