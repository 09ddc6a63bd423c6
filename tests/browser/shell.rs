//! The app frame: side navigation and the Integrations cards.

use cloudlink::components::shell::SideNav;
use cloudlink::pages::integrations::IntegrationsPage;
use std::rc::Rc;

use cloudlink::browser::storage::LocalStore;
use cloudlink::state::accounts::Accounts;
use cloudlink::state::notices::Notices;
use cloudlink::state::persist::Persist;
use cloudlink::state::AppState;
use cloudlink::store::keys::Keys;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{mount, texts};

#[wasm_bindgen_test]
async fn side_nav_marks_exactly_one_current_section() {
    let (root, _handle) = mount(|| {
        AppState::new(cloudlink::domain::app::Config::default()).provide();
        view! { <Router><SideNav /></Router> }
    });
    leptos::task::tick().await;
    assert_eq!(texts(&root, "nav a"), ["Home", "Integrations"]);
    let current = root
        .query_selector_all("nav a[aria-current='page']")
        .unwrap();
    assert!(current.length() <= 1, "at most one section is current");
}

#[wasm_bindgen_test]
async fn integrations_lists_the_three_providers_as_links() {
    let (root, _handle) = mount(|| {
        AppState::new(cloudlink::domain::app::Config::default()).provide();
        let notices = Notices::new();
        provide_context(notices);
        let persist = Persist::new(Rc::new(LocalStore), Keys::new("test.shell."), notices);
        provide_context(Accounts::new(persist, true));
        view! { <Router><IntegrationsPage /></Router> }
    });
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".card-title"), ["AWS", "Azure", "Microsoft"]);
    let hrefs: Vec<String> = {
        let links = root.query_selector_all("a.card").unwrap();
        (0..links.length())
            .map(|i| {
                let el: web_sys::Element =
                    wasm_bindgen::JsCast::unchecked_into(links.item(i).unwrap());
                el.get_attribute("href").unwrap()
            })
            .collect()
    };
    assert_eq!(
        hrefs,
        [
            "/integrations/aws",
            "/integrations/azure",
            "/integrations/microsoft"
        ]
    );
}
