//! What every journey needs: a static server, a browser, and page helpers that
//! read like what a person does.

pub mod browser;
pub mod fake_graph;
pub mod fake_login;
pub mod fake_microsoft;
pub mod flows;
pub mod hosting_build;
pub mod http;
pub mod page;
pub mod server;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::Client;
use serde_json::{json, Value};

use server::{Gate, ServerOptions, StaticServer};

/// The release build, served with `config_json` as its `config.json`.
pub fn serve_with_config(config_json: String) -> StaticServer {
    StaticServer::start(
        &dist_dir(),
        ServerOptions {
            config_json: Some(config_json),
            ..Default::default()
        },
    )
}

/// The release build under test; `scripts/test.sh` makes it.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap_or_else(|_| {
        panic!(
            "no release build at {}: run scripts/test.sh, or `trunk build --release` first",
            dir.display()
        )
    });
    // `trunk serve` writes a debug build into dist/, without the build-time
    // pages a release carries: testing it would fail far from the cause.
    assert!(
        html.contains(r#"<template id="prerender-login">"#),
        "{} holds a debug build (`trunk serve` writes one there): run scripts/test.sh, or `trunk build --release`, or point DIST_DIR at a release build",
        dir.display()
    );
    dir
}

/// A fresh empty folder for one test's files.
pub fn temp_dir(tag: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("cloudlink-e2e-{}-{tag}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `script` in the page until it returns something other than null or
/// false, and returns that; a browser with no `Page` (one that must not wait
/// for the app) polls this way.
pub async fn until(client: &Client, what: &str, script: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let v = client.execute(script, vec![]).await.unwrap();
        if !v.is_null() && v != json!(false) {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The release build, with every `.wasm` response held back while `gate`
/// is closed: the page as a visitor sees it before the app has arrived.
pub fn serve_gated(gate: &Gate) -> StaticServer {
    StaticServer::start(
        &dist_dir(),
        ServerOptions {
            wasm_gate: Some(gate.clone()),
            ..Default::default()
        },
    )
}

/// Replaces the local storage of `server`'s origin with `stored`, from a
/// file of the origin that is not the app (so nothing starts), then loads
/// `path` without waiting for the app.
pub async fn load_with_storage(
    c: &Client,
    server: &StaticServer,
    stored: &[(String, String)],
    path: &str,
) {
    // A plain file of the origin, where no app runs to read the storage.
    c.goto(&server.url("/logos/logo.svg")).await.unwrap();
    until(
        c,
        "a file of the app's origin",
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
    c.goto(&server.url(path)).await.unwrap();
}

/// Types `email` and `password` into the Log in the build copied into the
/// page, before the wasm, and presses Log in.
pub async fn type_and_press_log_in(c: &Client, email: &str, password: &str) {
    until(
        c,
        "the log-in form before the app",
        "return !!document.querySelector('#prerender #email');",
    )
    .await;
    let field = c
        .find(fantoccini::Locator::Css("#prerender #email"))
        .await
        .unwrap();
    field.click().await.unwrap();
    field.send_keys(email).await.unwrap();
    let field = c
        .find(fantoccini::Locator::Css("#prerender #password"))
        .await
        .unwrap();
    field.click().await.unwrap();
    field.send_keys(password).await.unwrap();
    c.find(fantoccini::Locator::Css("#prerender button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}
