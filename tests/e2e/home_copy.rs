//! Home before the wasm: a person whose session is stored sees Home as the
//! app last drew it, inert, until the app mounts; a copy drawn from anything
//! other than what is stored now is not shown, and signing out removes it.

use serde_json::{json, Value};

use crate::support::browser::Browser;
use crate::support::page::Page;
use crate::support::server::{Gate, ServerOptions, StaticServer};
use crate::support::{dist_dir, load_with_storage, serve_gated, until};

const EMAIL: &str = "returning@example.com";
const COPY: &str = "cloudlink.home";

/// Local storage with a copy of Home, as a person who linked an account and
/// then closed the tab leaves it; and checks that signing out afterwards
/// removes the copy.
pub(crate) async fn storage_with_a_copy() -> Vec<(String, String)> {
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
    let server = serve_gated(&gate);
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
    let garbled: Vec<(String, String)> = stored
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                if k == COPY {
                    "{\"html\": <h1>".into()
                } else {
                    v.clone()
                },
            )
        })
        .collect();
    for (why, storage) in stale.iter().chain([&("it is not JSON", garbled)]) {
        load_with_storage(c, &server, storage, "/").await;
        let shown = c.execute_async(SHOWS_COPY, vec![]).await.unwrap();
        assert_eq!(
            shown,
            json!(false),
            "the copy of Home was shown though {why}"
        );
    }

    load_with_storage(c, &server, &stored, "/").await;
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
    // What is shown is only what Home drew, so nothing of it may be lost on
    // the way: every element and attribute of the stored markup is there.
    let kept = c
        .execute(
            &format!(
                "const t = document.createElement('template');                  t.innerHTML = JSON.parse(localStorage.getItem('{COPY}')).html;                  const count = (root) => [...root.querySelectorAll('*')].map(e => e.localName + ':' + e.getAttributeNames().sort().join(','));                  return [count(t.content), count(document.querySelector('#prerender'))];"
            ),
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(kept[1], kept[0], "the copy shown dropped part of Home");
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

/// Markup any script on the origin could have written into the copy, with
/// the session, revision and day that make it shown; `OTHER` stands for a
/// site on another origin.
const PLANTED: &str = r##"
<img id="handler" src="logo.svg" onerror="window.pwned = 'img'" onload="window.pwned = 'img'">
<script>window.pwned = 'script'</script>
<a id="scheme" href="javascript:window.pwned = 'link'">Open</a>
<svg><animate onbegin="window.pwned = 'svg'" attributeName="x" dur="1s"></animate></svg>
<iframe src="OTHER/frame"></iframe>
<form id="phish" action="OTHER/form"><input id="steal" name="password"></form>
<div id="styled" style="background: url(OTHER/style.png)">Styled</div>
<img id="beacon" src="OTHER/b.png">
<svg width="20" height="20"><path id="painted" d="M0 0h20v20H0z" fill="url(OTHER/fill.svg#g)" stroke="url(OTHER/stroke.svg#g)" stroke-width="4"></path></svg>
<h1 id="planted-heading">Planted</h1>
"##;

#[tokio::test]
async fn markup_planted_in_the_copy_runs_nothing_and_reaches_nothing() {
    // Another origin (another port), which counts what reaches it.
    let other = StaticServer::start(&crate::support::temp_dir("other"), ServerOptions::default());
    let stored = storage_with_a_copy().await;
    let planted = changed(
        &stored,
        |k| k == COPY,
        |v| v["html"] = json!(PLANTED.replace("OTHER", &other.origin)),
    );
    let gate = Gate::closed();
    // No Content-Security-Policy: a host that does not send one.
    let server = serve_gated(&gate);
    let browser = Browser::start_not_waiting_for_load().await;
    let c = &browser.client;
    load_with_storage(c, &server, &planted, "/").await;
    until(
        c,
        "the planted copy",
        "return !!document.querySelector('#prerender #planted-heading');",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(
        other.requests(),
        Vec::<String>::new(),
        "planted markup reached another origin"
    );
    let seen = c
        .execute(
            "const r = document.querySelector('#prerender');              const attrs = (sel) => { const e = r.querySelector(sel); return e ? e.getAttributeNames().sort().join(',') : 'gone'; };              return { pwned: window.pwned || null,                handler: attrs('#handler'), scheme: attrs('#scheme'), styled: attrs('#styled'), beacon: attrs('#beacon'), painted: attrs('#painted'),                kinds: [...new Set([...r.querySelectorAll('*')].map(e => e.localName))].sort().join(',') };",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        seen,
        json!({
            "pwned": null,
            "handler": "id,src",
            "scheme": "id",
            "styled": "id",
            "beacon": "id",
            "painted": "d,id",
            "kinds": "a,div,h1,img,path,svg",
        }),
        "planted markup ran, or kept what could reach another origin"
    );
    gate.open();
    browser.close().await;
}
