//! The first load: the entry page asks for the wasm before anything else and
//! the loader uses that response; Log in works before the wasm has arrived
//! and the app takes it over; `scripts/csp.sh --host` prints the caching
//! headers docs/hosting.md asks for.

use std::path::Path;
use std::process::Command;

use serde_json::json;

use crate::support::browser::Browser;
use crate::support::flows::PASSWORD;
use crate::support::hosting_build::dist_subpath_dir;
use crate::support::page::Page;
use crate::support::server::{Gate, ServerOptions, StaticServer};
use crate::support::{dist_dir, load_with_storage, serve_gated, type_and_press_log_in, until};

/// The `<link>` that preloads the wasm, and where it starts in `html`.
fn wasm_preload(html: &str) -> (usize, &str) {
    let mut from = 0;
    while let Some(at) = html[from..].find("<link") {
        let start = from + at;
        let end = start + html[start..].find('>').expect("a closed <link>");
        let link = &html[start..=end];
        if link.contains(".wasm") && link.contains("preload") {
            return (start, link);
        }
        from = end;
    }
    panic!("no wasm preload in the entry page: {html}");
}

#[test]
fn the_entry_page_asks_for_the_wasm_before_anything_else() {
    for dist in [dist_dir(), dist_subpath_dir()] {
        let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
        let (at, link) = wasm_preload(&html);
        // config.json is read by the first script (public/start.js).
        for other in ["<script", "stylesheet", "modulepreload"] {
            let other_at = html
                .find(other)
                .unwrap_or_else(|| panic!("no {other} in {}", dist.display()));
            assert!(
                at < other_at,
                "{}: the wasm is asked for after {other}: {html}",
                dist.display()
            );
        }
        assert!(
            link.contains("fetchpriority=high") || link.contains("fetchpriority=\"high\""),
            "{}: the wasm preload has no high priority: {link}",
            dist.display()
        );
        assert!(
            link.contains("integrity="),
            "subresource integrity is off: {link}"
        );
    }
}

/// The `src` of the first `<script>` in `html` that has one, and where its
/// tag starts; trunk's minifier may leave the value unquoted.
fn first_script_src(html: &str) -> (usize, String) {
    for (at, _) in html.match_indices("<script") {
        let tag = &html[at..at + html[at..].find('>').expect("a closed <script>")];
        if let Some(from) = tag.find(" src=") {
            let value = tag[from + " src=".len()..].trim_start_matches(['"', '\'']);
            let end = value.find(['"', '\'', ' ']).unwrap_or(value.len());
            return (at, value[..end].to_string());
        }
    }
    panic!("no <script src> in the entry page: {html}");
}

/// A script after a stylesheet, and every module, runs only once the
/// stylesheet has arrived; the read of `config.json` must not wait for it.
/// It is the page's first script, a file (the Content Security Policy
/// allows it by origin), classic and above the stylesheet.
#[test]
fn config_json_is_asked_for_while_the_stylesheet_is_still_on_its_way() {
    for dist in [dist_dir(), dist_subpath_dir()] {
        let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
        let (at, src) = first_script_src(&html);
        let first = html.find("<script").expect("a script");
        assert_eq!(
            at,
            first,
            "{}: the first script is inline: {html}",
            dist.display()
        );
        let stylesheet = html.find("stylesheet").expect("a stylesheet");
        assert!(
            at < stylesheet,
            "{}: the start script comes after the stylesheet: {html}",
            dist.display()
        );
        let tag = &html[at..at + html[at..].find('>').unwrap()];
        assert!(
            !tag.contains("module") && !tag.contains("defer") && !tag.contains("async"),
            "{}: config.json is read by a deferred script: {tag}",
            dist.display()
        );
        let name = src.rsplit('/').next().unwrap();
        let script = std::fs::read_to_string(dist.join(name))
            .unwrap_or_else(|e| panic!("{}: {name}: {e}", dist.display()));
        // Trunk's minifier may turn the string's quotes into backticks.
        assert!(
            script
                .match_indices("fetch(")
                .any(|(at, _)| script[at + "fetch(".len() + 1..].starts_with("config.json")),
            "{}: {name} does not read config.json: {script}",
            dist.display()
        );
    }
}

#[tokio::test]
async fn one_load_requests_the_wasm_once() {
    let server = StaticServer::start(&dist_dir(), ServerOptions::default());
    let page = Page::open(&server, "/login").await;
    page.expect_heading("Log in").await;
    let requests = page
        .browser
        .client
        .execute(
            "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('.wasm')).length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        requests.as_u64(),
        Some(1),
        "the wasm was requested {requests} times"
    );
    page.close().await;
}

fn host_headers(host: &str, dist: &Path) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/csp.sh");
    let out = Command::new(&script)
        .args(["--host", host])
        .arg(dist)
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", script.display()));
    assert!(
        out.status.success(),
        "csp.sh --host {host} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn csp_sh_prints_a_year_for_hashed_files_and_no_cache_for_the_entry_page() {
    let dist = dist_subpath_dir();
    let wasm = std::fs::read_dir(&dist)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.ends_with("_bg.wasm"))
        .expect("a wasm in the build");

    // _headers: one rule per file, as rules for one path add up there.
    let headers = host_headers("headers", &dist);
    let rule = |path: &str| -> String {
        let mut lines = headers.lines().skip_while(|l| *l != path);
        assert!(lines.next().is_some(), "no rule for {path}:\n{headers}");
        lines.next().unwrap_or_default().trim().to_string()
    };
    assert_eq!(
        rule(&format!("/tools/link/{wasm}")),
        "Cache-Control: public, max-age=31536000, immutable"
    );
    for changes in ["index.html", "404.html", "config.json"] {
        assert_eq!(
            rule(&format!("/tools/link/{changes}")),
            "Cache-Control: no-cache"
        );
    }
    assert!(headers.contains("Content-Security-Policy: default-src 'self'"));

    let nginx = host_headers("nginx", &dist);
    for want in [
        "location /tools/link/ {",
        "add_header Cache-Control \"no-cache\" always;",
        "add_header Cache-Control \"public, max-age=31536000, immutable\" always;",
        "add_header Content-Security-Policy \"default-src 'self';",
    ] {
        assert!(nginx.contains(want), "{want} missing:\n{nginx}");
    }
    let s3 = host_headers("s3", &dist);
    let wasm_line = s3
        .lines()
        .find(|l| l.contains(&wasm))
        .unwrap_or_else(|| panic!("no command for {wasm}:\n{s3}"));
    assert!(
        wasm_line.contains("--content-type 'application/wasm'") && wasm_line.contains("immutable"),
        "{wasm_line}"
    );
}

#[test]
fn csp_sh_lets_portals_on_other_origins_load_the_sdk() {
    let dist = dist_subpath_dir();
    let headers = host_headers("headers", &dist);
    let mut rule = headers.lines().skip_while(|l| *l != "/tools/link/embed/*");
    assert!(rule.next().is_some(), "no rule for embed/:\n{headers}");
    assert_eq!(
        rule.next().map(str::trim),
        Some("Access-Control-Allow-Origin: *")
    );
    let nginx = host_headers("nginx", &dist);
    let block = nginx
        .split("location /tools/link/embed/ {")
        .nth(1)
        .unwrap_or_else(|| panic!("no location for embed/:\n{nginx}"));
    let block = &block[..block.find('}').unwrap()];
    assert!(
        block.contains("add_header Access-Control-Allow-Origin \"*\" always;"),
        "{block}"
    );
    let apache = host_headers("apache", &dist);
    assert!(
        apache.contains("<If \"%{REQUEST_URI} =~ m#^/tools/link/embed/#\">")
            && apache.contains("Header set Access-Control-Allow-Origin \"*\""),
        "{apache}"
    );
    let s3 = host_headers("s3", &dist);
    assert!(s3.contains("CORS configuration"), "{s3}");
}

#[tokio::test]
async fn log_in_typed_and_pressed_before_the_wasm_arrives_ends_on_home() {
    const EMAIL: &str = "early@example.com";
    let server = StaticServer::start(&dist_dir(), ServerOptions::default());
    // An account with one linked account, signed out, as a returning
    // visitor's browser holds it.
    let page = Page::open(&server, "/").await;
    page.create_account(EMAIL).await;
    page.seed_connected_account("Early account").await;
    page.sign_out().await;
    let stored = page.storage_all().await;
    page.close().await;

    let gate = Gate::closed();
    let server = serve_gated(&gate);
    let browser = Browser::start_not_waiting_for_load().await;
    let c = &browser.client;
    load_with_storage(c, &server, &stored, "/login").await;
    // Typed as keys, focus and all, into the page the build copied.
    type_and_press_log_in(c, EMAIL, PASSWORD).await;
    let early = c
        .execute(
            "return [!!document.querySelector('body > .app-header'), location.pathname];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        early,
        json!([false, "/login"]),
        "the app was there before its wasm, or Log in left the page"
    );

    gate.open();
    until(
        c,
        "Home",
        "const h = document.querySelector('main h1'); return !!h && h.textContent.trim() === 'Home' && !document.querySelector('#prerender');",
    )
    .await;
    let who = c
        .execute(
            "return (document.querySelector('.user-email') || {}).textContent;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(who, json!(EMAIL), "Home is not for the email typed early");
    browser.close().await;
}
