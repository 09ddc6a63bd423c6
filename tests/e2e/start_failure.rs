//! When the app cannot start: the wasm answered 404, WebAssembly turned off,
//! or nothing arriving for a long time. The page says which, in its own
//! style, keeps what was typed (and the email across Reload), hides a copy
//! of Home, and tells a portal; a wasm that arrives late but in time starts
//! as before, with no message.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::home_copy::storage_with_a_copy;
use crate::support::browser::Browser;
use crate::support::flows::PASSWORD;
use crate::support::server::{Gate, ServerOptions, StaticServer};
use crate::support::{
    dist_dir, load_with_storage, serve_gated, temp_dir, type_and_press_log_in, until,
};

const EMAIL: &str = "stuck@example.com";
const NO_WASM: &str = "delete window.WebAssembly;";

fn serve(options: ServerOptions) -> StaticServer {
    StaticServer::start(&dist_dir(), options)
}

fn wasm_missing() -> ServerOptions {
    ServerOptions {
        wasm_missing: true,
        ..Default::default()
    }
}

fn config_unreachable() -> ServerOptions {
    ServerOptions {
        config_unreachable: true,
        ..Default::default()
    }
}

fn no_webassembly() -> ServerOptions {
    ServerOptions {
        first_script: Some(NO_WASM.into()),
        ..Default::default()
    }
}

/// Saves what the browser shows as `target/shots/NAME.png`, for a person to
/// look at; never committed.
async fn shot(c: &Client, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/shots");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, c.screenshot().await.unwrap()).unwrap();
    path
}

/// The message, once shown: its cause, role, title, text and Reload.
async fn message(c: &Client) -> Value {
    until(
        c,
        "the message that the app cannot start",
        "const m = document.getElementById('start-failure'); \
         return !!m && { cause: m.dataset.cause, role: m.getAttribute('role'), \
           first: document.body.firstElementChild === m, \
           title: m.querySelector('h2').textContent, \
           text: m.textContent, \
           reload: [...m.querySelectorAll('button')].map(b => b.textContent) };",
    )
    .await
}

/// No message now.
async fn no_message(c: &Client, why: &str) {
    let shown = c
        .execute(
            "const m = document.getElementById('start-failure'); return m && m.textContent;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        shown,
        Value::Null,
        "a message that the app cannot start {why}"
    );
}

async fn typed(c: &Client) -> Value {
    c.execute(
        "const v = (id) => { const e = document.querySelector('#prerender #' + id); return e ? e.value : null; }; \
         return [v('email'), v('password')];",
        vec![],
    )
    .await
    .unwrap()
}

/// At /login: the message for `cause`, a pressed Log in said to be not
/// completed, what was typed still there, Reload reached by the keyboard,
/// and the email (not the password) kept across it.
async fn at_login(c: &Client, server: &StaticServer, cause: &str, says: &[&str], name: &str) {
    let started = Instant::now();
    c.goto(&server.url("/login")).await.unwrap();
    type_and_press_log_in(c, EMAIL, PASSWORD).await;
    let m = message(c).await;
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(15),
        "the message took {took:?}: not at once"
    );
    assert_eq!(m["cause"], cause, "{m}");
    assert_eq!(m["role"], "alert", "{m}");
    assert_eq!(m["first"], true, "the message is not above the page: {m}");
    assert_eq!(m["reload"], json!(["Reload"]), "{m}");
    let text = m["text"].as_str().unwrap();
    for want in says.iter().chain(&["Log in could not be completed"]) {
        assert!(
            text.contains(want),
            "the message does not say {want:?}: {m}"
        );
    }
    assert_eq!(
        typed(c).await,
        json!([EMAIL, PASSWORD]),
        "what was typed is gone"
    );
    shot(c, name).await;

    // Reload is reached with the keyboard: Shift+Tab back from the email
    // field, which comes after it.
    c.find(Locator::Css("#prerender #email"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let mut focused = Value::Null;
    for _ in 0..6 {
        c.active_element()
            .await
            .unwrap()
            .send_keys("\u{E008}\u{E004}")
            .await
            .unwrap();
        focused = c
            .execute("return document.activeElement.textContent;", vec![])
            .await
            .unwrap();
        if focused == "Reload" {
            break;
        }
    }
    assert_eq!(focused, "Reload", "Shift+Tab does not reach Reload");
    c.execute(
        "window.beforeReload = true; document.activeElement.click();",
        vec![],
    )
    .await
    .unwrap();
    until(
        c,
        "the reload",
        "return !window.beforeReload && !!document.querySelector('#prerender #email') && !!document.getElementById('start-failure');",
    )
    .await;
    assert_eq!(
        typed(c).await,
        json!([EMAIL, ""]),
        "Reload did not keep the email, or kept the password"
    );
}

/// At / with a stored copy of Home: the message replaces the copy, which
/// is no longer busy.
async fn at_home(
    c: &Client,
    server: &StaticServer,
    stored: &[(String, String)],
    cause: &str,
    name: &str,
) {
    load_with_storage(c, server, stored, "/").await;
    let m = message(c).await;
    assert_eq!(m["cause"], cause, "{m}");
    // The cause may be known before the copy is drawn; the message then
    // says so once it is.
    until(
        c,
        "the message to say the accounts are kept",
        "const m = document.getElementById('start-failure'); \
         return !!m && m.textContent.includes('Your linked accounts are kept');",
    )
    .await;
    let copy = until(
        c,
        "the copy of Home",
        "const r = document.getElementById('prerender'); return !!r && [r.hidden, r.getAttribute('aria-busy')];",
    )
    .await;
    assert_eq!(
        copy,
        json!([true, null]),
        "the copy of Home still looks alive"
    );
    shot(c, name).await;
}

#[tokio::test]
async fn a_wasm_answered_404_says_so_and_keeps_what_was_typed() {
    let stored = storage_with_a_copy().await;
    let server = serve(wasm_missing());
    let browser = Browser::start_not_waiting_for_load().await;
    let c = &browser.client;
    let says = ["could not load", "middle of an update", "reload"];
    at_login(c, &server, "load-failed", &says, "load-failed-login").await;
    at_home(c, &server, &stored, "load-failed", "load-failed-home").await;
    browser.close().await;
}

/// Without its configuration the app would guess: in a portal's frame the
/// defaults refuse the frame, and another storage prefix shows no accounts.
#[tokio::test]
async fn a_config_json_that_cannot_be_reached_says_so_and_keeps_what_was_typed() {
    let stored = storage_with_a_copy().await;
    let server = serve(config_unreachable());
    let browser = Browser::start_not_waiting_for_load().await;
    let c = &browser.client;
    let says = ["could not load", "reload"];
    at_login(c, &server, "load-failed", &says, "config-unreachable-login").await;
    at_home(
        c,
        &server,
        &stored,
        "load-failed",
        "config-unreachable-home",
    )
    .await;
    browser.close().await;
}

#[tokio::test]
async fn without_webassembly_the_page_says_how_to_turn_it_back_on() {
    let stored = storage_with_a_copy().await;
    let server = serve(no_webassembly());
    let browser = Browser::start_not_waiting_for_load().await;
    let c = &browser.client;
    let says = ["WebAssembly", "turned off", "settings", "IT"];
    at_login(
        c,
        &server,
        "webassembly-off",
        &says,
        "webassembly-off-login",
    )
    .await;
    at_home(
        c,
        &server,
        &stored,
        "webassembly-off",
        "webassembly-off-home",
    )
    .await;
    browser.close().await;
}

/// The app's Home, mounted, and the email it is for.
const APP_HOME: &str = "const h = document.querySelector('main h1'); \
    return !!document.querySelector('body > .app-header') && !document.querySelector('#prerender') \
      && !!h && h.textContent.trim() === 'Home' && (document.querySelector('.user-email') || {}).textContent;";

#[tokio::test]
async fn a_wasm_held_back_then_released_in_time_starts_with_no_message() {
    let stored = storage_with_a_copy().await;
    let signed_out: Vec<(String, String)> = stored
        .iter()
        .filter(|(k, _)| k != "cloudlink.session" && k != "cloudlink.home")
        .cloned()
        .collect();
    for path in ["/login", "/"] {
        let gate = Gate::closed();
        let server = serve_gated(&gate);
        let browser = Browser::start_not_waiting_for_load().await;
        let c = &browser.client;
        if path == "/login" {
            load_with_storage(c, &server, &signed_out, path).await;
            // The account the storage holds was made with the test's
            // password and `returning@example.com`.
            until(
                c,
                "the log-in form before the app",
                "return !!document.querySelector('#prerender #email');",
            )
            .await;
            c.execute(
                "document.querySelector('#prerender #email').value = 'returning@example.com'; \
                 document.querySelector('#prerender #password').value = arguments[0]; \
                 document.querySelector('#prerender button[type=submit]').click();",
                vec![json!(PASSWORD)],
            )
            .await
            .unwrap();
        } else {
            load_with_storage(c, &server, &stored, path).await;
            until(
                c,
                "the copy of Home",
                "return !!document.querySelector('#prerender h1');",
            )
            .await;
        }
        // Longer than any short timer would wait.
        tokio::time::sleep(Duration::from_secs(8)).await;
        no_message(c, &format!("while the wasm was held back at {path}")).await;
        gate.open();
        let who = until(c, "the app's Home", APP_HOME).await;
        assert_eq!(who, json!("returning@example.com"), "at {path}");
        no_message(c, &format!("once the app started at {path}")).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn a_wasm_held_back_past_the_limit_says_so_and_a_late_start_clears_it() {
    let gate = Gate::closed();
    let server = serve_gated(&gate);
    let browser = Browser::start_not_waiting_for_load().await;
    let c = &browser.client;
    let started = Instant::now();
    c.goto(&server.url("/login")).await.unwrap();
    type_and_press_log_in(c, EMAIL, PASSWORD).await;
    tokio::time::sleep(Duration::from_secs(20)).await;
    no_message(c, "20 s into the load").await;
    let m = message(c).await;
    let took = started.elapsed();
    assert!(
        took > Duration::from_secs(25),
        "the limit is not generous: {took:?}"
    );
    assert_eq!(m["cause"], "timeout", "{m}");
    let text = m["text"].as_str().unwrap();
    for want in [
        "taking too long",
        "connection",
        "Log in could not be completed",
    ] {
        assert!(
            text.contains(want),
            "the message does not say {want:?}: {m}"
        );
    }
    assert_eq!(typed(c).await, json!([EMAIL, PASSWORD]));
    shot(c, "timeout-login").await;
    // The wasm arrives after all: the app takes over and the message goes.
    gate.open();
    until(
        c,
        "the app",
        "return !!document.querySelector('body > .app-header, body > .app-body, main form') && !document.querySelector('#prerender');",
    )
    .await;
    no_message(c, "once the app started late").await;
    browser.close().await;
}

/// A portal page in `dir` that mounts the app at `app` with the SDK and
/// records what `onEvent` hears and how `ready` settles.
fn write_sdk_portal(dir: &std::path::Path, app: &str) {
    let html = format!(
        r#"<!doctype html><html><head><title>Portal</title></head><body><div id="here"></div>
<script type="module">
const {{ mount }} = await import("{app}embed/cloudlink-embed.js");
window.__events = [];
const link = mount(document.getElementById("here"), {{ url: "{app}", onEvent: (e) => window.__events.push(e) }});
link.ready.then(() => (window.__ready = "ready"), (e) => (window.__ready = e.code));
</script></body></html>"#
    );
    std::fs::write(dir.join("index.html"), html).unwrap();
}

#[tokio::test]
async fn framed_by_a_portal_the_sdk_hears_that_the_app_cannot_start() {
    for (cause, options) in [
        ("load-failed", wasm_missing()),
        ("webassembly-off", no_webassembly()),
    ] {
        // The app's config names the portal's origin, and the portal's page
        // names the app: the portal's server first, its page written after.
        let dir = temp_dir("sdk-portal");
        let portal = StaticServer::start(&dir, ServerOptions::default());
        let app = serve(ServerOptions {
            config_json: Some(format!(r#"{{"parentOrigin":"{}"}}"#, portal.origin)),
            ..options
        });
        write_sdk_portal(&dir, &app.url("/"));
        let page = &portal;
        let browser = Browser::start_not_waiting_for_load().await;
        let c = &browser.client;
        c.goto(&page.url("/")).await.unwrap();
        let heard = until(
            c,
            "the SDK's error event",
            "return (window.__events || []).find(e => e.type === 'error') || null;",
        )
        .await;
        assert_eq!(heard["code"], "unavailable", "{heard}");
        assert_eq!(heard["cause"], cause, "{heard}");
        let ready = until(c, "ready to settle", "return window.__ready || null;").await;
        assert_eq!(ready, "unavailable");
        browser.close().await;
    }
}

/// Each message in light and dark: text and Reload keep 4.5:1 against what
/// is behind them, the border 3:1 against the page.
#[tokio::test]
async fn each_message_reads_in_both_themes() {
    const CONTRAST: &str = r#"
const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return Math.round(((x + 0.05) / (y + 0.05)) * 100) / 100; };
const m = document.getElementById('start-failure');
const box = getComputedStyle(m);
const b = getComputedStyle(m.querySelector('button'));
return { dark: matchMedia('(prefers-color-scheme: dark)').matches,
  title: ratio(getComputedStyle(m.querySelector('h2')).color, box.backgroundColor),
  text: ratio(getComputedStyle(m.querySelector('p')).color, box.backgroundColor),
  reload: ratio(b.color, b.backgroundColor),
  border: ratio(box.borderTopColor, getComputedStyle(document.body).backgroundColor) };
"#;
    for (theme, args) in [("light", vec![]), ("dark", vec!["--force-dark-mode"])] {
        let browser = Browser::start_not_waiting_for_load_with_args(&args).await;
        let c = &browser.client;
        let gate = Gate::closed();
        let servers = [
            ("load-failed", serve(wasm_missing())),
            ("webassembly-off", serve(no_webassembly())),
            (
                "timeout",
                serve(ServerOptions {
                    wasm_gate: Some(gate.clone()),
                    ..Default::default()
                }),
            ),
        ];
        for (cause, server) in &servers {
            c.goto(&server.url("/login")).await.unwrap();
            type_and_press_log_in(c, EMAIL, PASSWORD).await;
            if *cause == "timeout" {
                // What the limit draws, without waiting for it (the test
                // above waits).
                c.execute("window.cloudlinkFailed('timeout');", vec![])
                    .await
                    .unwrap();
            }
            let m = message(c).await;
            assert_eq!(m["cause"], *cause);
            let seen = c.execute(CONTRAST, vec![]).await.unwrap();
            assert_eq!(seen["dark"], json!(theme == "dark"), "{seen}");
            for (part, least) in [
                ("title", 4.5),
                ("text", 4.5),
                ("reload", 4.5),
                ("border", 3.0),
            ] {
                assert!(
                    seen[part].as_f64().unwrap() >= least,
                    "{cause} in {theme}: {part} contrast {seen}"
                );
            }
            let path = shot(c, &format!("{cause}-{theme}")).await;
            eprintln!("{cause} in {theme}: {seen} {}", path.display());
        }
        gate.open();
        browser.close().await;
    }
}
