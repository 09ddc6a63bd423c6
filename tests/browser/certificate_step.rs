//! The link page's Certificate step through its states: no certificate,
//! generating (real WebCrypto), generated, and the question before a new key
//! replaces it.

use std::cell::Cell;
use std::rc::Rc;

use cloudlink::browser::storage::LocalStore;
use cloudlink::components::account_form::StepStatus;
use cloudlink::components::certificate::CertificateStep;
use cloudlink::domain::app::embed::host_storage_id;
use cloudlink::domain::app::Config;
use cloudlink::domain::entra::{Cloud, EntraField};
use cloudlink::domain::links::Provider;
use cloudlink::hooks::use_entra_draft::{use_entra_draft, UseEntraDraftReturn};
use cloudlink::hooks::use_touched::use_touched;
use cloudlink::state::accounts::Accounts;
use cloudlink::state::auth::Auth;
use cloudlink::state::drafts::Drafts;
use cloudlink::state::notices::Notices;
use cloudlink::state::persist::Persist;
use cloudlink::state::AppState;
use cloudlink::store::keys::Keys;
use cloudlink::store::KeyValue;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{button, mount, sleep_ms, texts};

const PREFIX: &str = "test.certstep.";
const PORTAL_USER: &str = "cert-step";

/// A person signed in with unlocked keys (host identity mode, so no
/// password derivation), with nothing stored from an earlier run.
async fn signed_in() -> (Auth, Drafts, Accounts, Notices) {
    let keys = Keys::new(PREFIX);
    let user = host_storage_id(PORTAL_USER);
    for key in [keys.session(), keys.user(&user), keys.drafts(&user)] {
        let _ = LocalStore.remove(&key);
    }
    let notices = Notices::new();
    let persist = Persist::new(Rc::new(LocalStore), keys, notices);
    let accounts = Accounts::new(persist, false);
    let drafts = Drafts::new(persist, "tab-cert-step".into());
    let auth = Auth::restore(persist, accounts, drafts, true);
    auth.host_sign_in(PORTAL_USER, "pat@example.com").await;
    assert!(auth.is_unlocked());
    (auth, drafts, accounts, notices)
}

fn generate_button(root: &web_sys::HtmlElement) -> web_sys::HtmlElement {
    button(root, "Generate Public Key")
        .or_else(|| button(root, "Make a new key"))
        .expect("the step's own button")
}

fn disabled(el: &web_sys::HtmlElement) -> bool {
    el.has_attribute("disabled")
}

#[wasm_bindgen_test]
async fn no_certificate_then_generating_then_generated_then_asks_before_replacing() {
    let owner = Owner::new();
    owner.set();
    let (auth, drafts, accounts, notices) = signed_in().await;
    let slot = Rc::new(Cell::new(None::<UseEntraDraftReturn>));
    let made = slot.clone();
    let (root, _handle) = mount(move || {
        AppState::new(Config::default()).provide();
        provide_context(auth);
        provide_context(drafts);
        provide_context(accounts);
        provide_context(notices);
        let form = use_entra_draft(Provider::Microsoft, Cloud::Global);
        made.set(Some(form));
        let touched = use_touched::<EntraField>();
        let status = StepStatus::new();
        view! {
            <p class="test-busy">{move || status.busy()}</p>
            <p class="test-error">{move || status.error.get()}</p>
            <CertificateStep form touched status name_label="Microsoft Account Name" />
        }
    });
    let form = slot.get().unwrap();
    leptos::task::tick().await;

    // No certificate yet.
    assert!(texts(&root, "section.panel p")[0].starts_with("Generate a key pair"));
    assert!(root.query_selector(".certificate-facts").unwrap().is_none());
    assert!(!disabled(&button(&root, "Generate Public Key").unwrap()));

    // The certificate needs the name and organization.
    generate_button(&root).click();
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, ".test-error"),
        ["Enter the Microsoft Account Name and Organization Name first: they go into the certificate."]
    );
    assert_eq!(texts(&root, ".test-busy"), [""], "nothing started");

    // Generating.
    form.name.set("Contoso M365".into());
    form.organization.set("Contoso".into());
    generate_button(&root).click();
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".test-error"), [""]);
    assert_eq!(
        texts(&root, ".test-busy"),
        ["Generating the key pair and certificate…"]
    );
    assert!(
        disabled(&generate_button(&root)),
        "no second Generate meanwhile"
    );

    // Generated.
    let mut waited = 0;
    while root.query_selector(".certificate-facts").unwrap().is_none() {
        assert!(waited < 20_000, "no certificate after 20 s");
        sleep_ms(50).await;
        waited += 50;
    }
    leptos::task::tick().await;
    let sha1 = texts(&root, "#thumbprint-sha1")[0].clone();
    assert_eq!(sha1.len(), 40);
    assert!(sha1
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()));
    assert!(form.certificate.with_untracked(Option::is_some));
    assert_eq!(texts(&root, ".test-busy"), [""]);
    assert!(button(&root, "Generate Public Key").is_none());
    let again = button(&root, "Make a new key").expect("a new key is the exception now");
    assert!(!disabled(&again));

    // A new key replaces this one only once confirmed.
    again.click();
    leptos::task::tick().await;
    assert!(texts(&root, "[role='alert']")[0].starts_with("Generating again replaces"));
    button(&root, "Keep current key").unwrap().click();
    leptos::task::tick().await;
    assert!(button(&root, "Replace key").is_none());
    assert_eq!(texts(&root, "#thumbprint-sha1"), [sha1], "the key was kept");

    let keys = Keys::new(PREFIX);
    let user = host_storage_id(PORTAL_USER);
    for key in [keys.session(), keys.user(&user), keys.drafts(&user)] {
        let _ = LocalStore.remove(&key);
    }
}
