//! Home before the wasm: a person whose session is stored sees Home as the
//! app last drew it, inert, until the app mounts; a copy drawn from anything
//! other than what is stored now is not shown, and signing out removes it.

use fantoccini::Client;
use serde_json::{json, Value};

use crate::support::browser::Browser;
use crate::support::page::Page;
use crate::support::server::{Gate, ServerOptions, StaticServer};
use crate::support::{dist_dir, until};

const EMAIL: &str = "returning@example.com";
const COPY: &str = "cloudlink.home";

/// Local storage with a copy of Home, as a person who linked an account and
/// then closed the tab leaves it; and checks that signing out afterwards
/// removes the copy.
async fn storage_with_a_copy() -> Vec<(String, String)> {
    let server = StaticServer::start(&dist_dir(), ServerOptions::default());
    let page = Page::open(&server, "/").await;
    page.create_account(EMAIL).await;
    page.seed_connected_account("Returning account").await;
    page.reload().await;
    page.expect_heading("Home").await;
    until(
        &page.browser.client,
        "the copy of Home",
        &format!("const c = localStorage.getItem('{COPY}'); return !!c && c.includes('Linked accounts');"),
    )
    .await;
    let stored = page.storage_all().await;
    page.sign_out().await;
    assert_eq!(
        page.storage_get(COPY).await,
        None,
        "signing out left the copy of Home"
    );
    page.close().await;
    stored
}

/// Puts `stored` into a browser at `server`'s origin, then loads Home.
async fn load_home(c: &Client, server: &StaticServer, stored: &[(String, String)]) {
    c.goto(&server.url("/config.json")).await.unwrap();
    until(
        c,
        "config.json",
        "return document.readyState === 'complete';",
    )
    .await;
    c.execute("localStorage.clear();", vec![]).await.unwrap();
    for (k, v) in stored {
        c.execute(
            "localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(k), json!(v)],
        )
        .await
        .unwrap();
    }
    c.goto(&server.url("/")).await.unwrap();
}

/// Whether the page shows a copy once its own script has decided: after the
/// document is parsed and the config read it waits for has settled.
const SHOWS_COPY: &str = r#"
const done = arguments[arguments.length - 1];
const decided = async () => {
  await window.cloudlinkConfig;
  await new Promise(r => setTimeout(r, 100));
  done(!!document.querySelector('#prerender'));
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', decided);
else decided();
"#;

/// `stored` with the value under `key` changed by `f`.
fn changed(
    stored: &[(String, String)],
    key: impl Fn(&str) -> bool,
    f: impl Fn(&mut Value),
) -> Vec<(String, String)> {
    stored
        .iter()
        .map(|(k, v)| {
            if !key(k) {
                return (k.clone(), v.clone());
            }
            let mut value: Value = serde_json::from_str(v).unwrap();
            f(&mut value);
            (k.clone(), value.to_string())
        })
        .collect()
}

#[tokio::test]
async fn a_signed_in_person_sees_home_before_the_wasm_and_the_app_takes_over() {
    let stored = storage_with_a_copy().await;
    let gate = Gate::closed();
    let server = StaticServer::start(
        &dist_dir(),
        ServerOptions {
            wasm_gate: Some(gate.clone()),
            ..Default::default()
        },
    );
    let browser = Browser::start_not_waiting_for_load().await;
    let c = &browser.client;

    // Drawn from something other than what is stored now: not shown.
    let is_user = |k: &str| k.starts_with("cloudlink.user.") && !k.ends_with(".drafts");
    let stale = [
        (
            "another tab changed the accounts since",
            changed(&stored, is_user, |v| {
                v["revision"] = json!(v["revision"].as_u64().unwrap_or(0) + 1)
            }),
        ),
        (
            "it was drawn on another day",
            changed(&stored, |k| k == COPY, |v| v["day"] = json!("2020-01-01")),
        ),
        (
            "it was drawn for another session",
            changed(
                &stored,
                |k| k == "cloudlink.session",
                |v| v["data"]["user_id"] = json!("someone-else"),
            ),
        ),
    ];
    for (why, storage) in &stale {
        load_home(c, &server, storage).await;
        let shown = c.execute_async(SHOWS_COPY, vec![]).await.unwrap();
        assert_eq!(
            shown,
            json!(false),
            "the copy of Home was shown though {why}"
        );
    }

    load_home(c, &server, &stored).await;
    let copy = until(
        c,
        "the copy of Home",
        "const r = document.querySelector('#prerender'); return !!r && !!r.querySelector('h1') && \
         [r.inert, r.getAttribute('aria-busy'), r.querySelector('h1').textContent.trim(), r.textContent.includes('Welcome back, returning@example.com.'), r.textContent.includes('Linked accounts')];",
    )
    .await;
    assert_eq!(
        copy,
        json!([true, "true", "Home", true, true]),
        "the copy of Home"
    );
    let app = c
        .execute(
            "return !!document.querySelector('body > .app-header');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(app, json!(false), "the app was there before its wasm");

    gate.open();
    until(
        c,
        "the app's Home",
        "const h = document.querySelector('body > .app-body main h1, main h1'); \
         return !!document.querySelector('body > .app-header') && !document.querySelector('#prerender') && !!h && h.textContent.trim() === 'Home';",
    )
    .await;
    let ours = c
        .execute(
            "return [...document.querySelectorAll('main h1')].length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(ours, json!(1), "the copy stayed beside the app's Home");
    browser.close().await;
}
