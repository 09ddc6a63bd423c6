//! Hosting: one release build under a sub-path, behind the strict Content
//! Security Policy from `scripts/csp.sh`, on a static host that answers unknown
//! paths with `404.html`, and with a broken `config.json`.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::support::browser::Browser;
use crate::support::dist_dir;
use crate::support::fake_login::FakeLogin;
use crate::support::flows::PASSWORD;
use crate::support::hosting_build::{csp_for, dist_subpath_dir, SUBPATH_MOUNT};
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer, CSP_REPORT_PATH};

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";
const LINK_HEADING: &str = "Link a New Microsoft Account";
const LINK_PATH: &str = "/integrations/microsoft/m365/new";
const LIST_PATH: &str = "/integrations/microsoft/m365";

fn fake() -> FakeLogin {
    FakeLogin::start(&[(TENANT, TENANT)])
}

fn serve_subpath(config: String) -> StaticServer {
    StaticServer::start(
        &dist_subpath_dir(),
        ServerOptions {
            mount: SUBPATH_MOUNT.into(),
            config_json: Some(config),
            ..Default::default()
        },
    )
}

/// The root build with `policy` on every HTML response, reporting violations
/// back to the server as well.
fn serve_with_csp(policy: &str, config: String) -> StaticServer {
    let header = format!("{policy}; report-uri /{CSP_REPORT_PATH}");
    StaticServer::start(
        &dist_dir(),
        ServerOptions {
            html_headers: vec![("Content-Security-Policy".into(), header)],
            config_json: Some(config),
            ..Default::default()
        },
    )
}

impl Page<'_> {
    /// The address bar's path, mount point included.
    async fn raw_path(&self) -> String {
        self.browser
            .client
            .current_url()
            .await
            .unwrap()
            .path()
            .to_string()
    }

    async fn query(&self) -> String {
        let url = self.browser.client.current_url().await.unwrap();
        url.query().unwrap_or("").to_string()
    }

    /// The URL is under the mount point, and so is every same-origin link,
    /// image, stylesheet and script the page refers to.
    async fn expect_everything_under_mount(&self, mount: &str) {
        let raw = self.raw_path().await;
        assert!(
            raw.starts_with(mount) || raw == mount.trim_end_matches('/'),
            "the address {raw} left {mount}"
        );
        let found = self
            .browser
            .client
            .execute(
                r#"
                const mount = arguments[0];
                const seen = [], outside = [];
                const pick = [["a", "href"], ["img", "src"], ["link", "href"], ["script", "src"]];
                for (const [tag, attr] of pick) {
                  for (const el of document.querySelectorAll(`${tag}[${attr}]`)) {
                    const raw = el.getAttribute(attr);
                    const url = new URL(raw, document.baseURI);
                    // Sign-in and consent links point at Microsoft on purpose.
                    if (url.origin !== location.origin) continue;
                    seen.push(`${tag} ${raw}`);
                    // A relative URL resolves against <base>, so judge where it lands.
                    if (!url.pathname.startsWith(mount)) outside.push(`<${tag} ${attr}="${raw}">`);
                  }
                }
                return { seen, outside };
                "#,
                vec![json!(mount)],
            )
            .await
            .unwrap();
        let seen = found["seen"].as_array().unwrap();
        let outside = found["outside"].as_array().unwrap();
        // trunk loads the app through an inline module and a modulepreload
        // link; the `<script src>`s are the page's start scripts.
        let has = |tag: &str| seen.iter().any(|s| s.as_str().unwrap().starts_with(tag));
        assert!(
            has("img ") && has("link ") && has("script "),
            "the page at {raw} names no image, stylesheet or start script: {seen:?}"
        );
        assert!(
            outside.is_empty(),
            "at {raw}, these point outside {mount}: {outside:?}"
        );
    }

    /// Waits until the header logo has loaded from the server.
    async fn expect_logo_loaded(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let v = self
                .browser
                .client
                .execute(
                    "const i = document.querySelector('.brand-logo'); \
                     return !!i && i.complete && i.naturalWidth > 0;",
                    vec![],
                )
                .await
                .unwrap();
            if v.as_bool() == Some(true) {
                return;
            }
            assert!(Instant::now() < deadline, "the header logo never loaded");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Starts recording CSP violations in this document; a full load forgets
    /// the listener, so this follows every `goto` and `reload`.
    async fn watch_csp(&self) {
        self.browser
            .client
            .execute(
                "window.__csp = []; document.addEventListener('securitypolicyviolation', \
                 e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
                vec![],
            )
            .await
            .unwrap();
    }

    async fn csp_violations(&self) -> Vec<String> {
        let v = self
            .browser
            .client
            .execute("return window.__csp || null;", vec![])
            .await
            .unwrap();
        let list = v
            .as_array()
            .expect("the violation listener is gone: a full load happened after watch_csp");
        list.iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    }
}

/// Waits a moment for reports still in flight, then returns them.
async fn settled_reports(server: &StaticServer) -> Vec<String> {
    tokio::time::sleep(Duration::from_millis(750)).await;
    server.csp_reports()
}

#[test]
fn every_build_emits_404_html_as_a_copy_of_the_entry_page() {
    for dist in [dist_dir(), dist_subpath_dir()] {
        let index = std::fs::read(dist.join("index.html")).unwrap();
        let fallback = std::fs::read(dist.join("404.html"))
            .unwrap_or_else(|e| panic!("no 404.html in {}: {e}", dist.display()));
        assert!(
            index == fallback,
            "{}: 404.html differs from index.html",
            dist.display()
        );
    }
}

#[test]
fn the_sub_path_build_loads_everything_from_the_sub_path() {
    let html = std::fs::read_to_string(dist_subpath_dir().join("index.html")).unwrap();
    let base = format!(r#"<base href="{SUBPATH_MOUNT}""#);
    let unquoted = format!("<base href={SUBPATH_MOUNT}>");
    assert!(
        html.contains(&base) || html.contains(&unquoted),
        "no <base href> for {SUBPATH_MOUNT}: {html}"
    );
    let wasm = format!("{SUBPATH_MOUNT}cloudlink");
    assert!(
        html.contains(&format!("from '{wasm}")) || html.contains(&format!("from \"{wasm}")),
        "the loader does not import from {SUBPATH_MOUNT}: {html}"
    );
    assert!(
        html.contains("integrity="),
        "subresource integrity is off: {html}"
    );
}

#[test]
fn csp_sh_allows_only_the_inline_scripts_the_page_has() {
    let dist = dist_dir();
    let policy = csp_for(&dist, &[]);
    for default in [
        "https://login.microsoftonline.com",
        "https://login.microsoftonline.us",
        "https://login.chinacloudapi.cn",
    ] {
        assert!(policy.contains(default), "{default} missing: {policy}");
    }
    assert!(!policy.contains("'unsafe-eval'"), "{policy}");
    assert!(!policy.contains("'unsafe-inline'"), "{policy}");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(policy.contains("'wasm-unsafe-eval'"), "{policy}");

    // One hash for the one inline script, trunk's loader, covering exactly
    // it: a copy with one byte changed in the loader changes the hash. The
    // page's start scripts are files, allowed by 'self', so editing them
    // changes no hash.
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
    let inline = html
        .match_indices("<script")
        .filter(|(at, _)| {
            let tag = &html[*at..*at + html[*at..].find('>').unwrap()];
            !tag.contains("src=")
        })
        .count();
    assert_eq!(inline, 1, "the page's inline scripts changed: {html}");
    let copy = crate::support::temp_dir("csp");
    let changed = html.replacen("await init", "await  init", 1);
    assert_ne!(changed, html, "the loader no longer calls init: {html}");
    std::fs::write(copy.join("index.html"), changed).unwrap();
    let other = csp_for(&copy, &["https://login.example.test"]);
    let hashes = |p: &str| -> Vec<String> {
        p.split([' ', ';'])
            .filter(|w| w.starts_with("'sha256-"))
            .map(str::to_string)
            .collect()
    };
    let (before, after) = (hashes(&policy), hashes(&other));
    assert_eq!(before.len(), inline, "{policy}");
    assert_eq!(after.len(), inline, "{other}");
    assert_eq!(
        before.iter().filter(|h| after.contains(h)).count(),
        inline - 1
    );
    assert!(other.contains("connect-src 'self' https://login.example.test;"));
}

#[tokio::test]
async fn a_deep_link_under_a_sub_path_logs_in_and_survives_a_reload() {
    let login = fake();
    let server = serve_subpath(login.config_json());

    // Opened directly, the static host answers with 404.html and the app
    // sends the signed-out visitor to Log in, remembering where they were.
    let page = Page::open(&server, LINK_PATH).await;
    page.expect_heading("Log in").await;
    page.wait_for_path("/login").await;
    assert!(
        page.query().await.contains("integrations"),
        "the requested page was not kept: ?{}",
        page.query().await
    );
    page.expect_everything_under_mount(SUBPATH_MOUNT).await;
    page.expect_logo_loaded().await;

    // A router link, followed inside the app.
    page.click_link("Create account").await;
    page.expect_heading("Create account").await;
    page.wait_for_path("/signup").await;
    page.expect_everything_under_mount(SUBPATH_MOUNT).await;

    page.create_account("sub@example.com").await;
    page.expect_everything_under_mount(SUBPATH_MOUNT).await;
    page.sign_out().await;
    page.wait_for_path("/login").await;
    page.expect_everything_under_mount(SUBPATH_MOUNT).await;

    // Log in from the deep link and land back on it.
    page.goto(LINK_PATH).await;
    page.expect_heading("Log in").await;
    page.fill("Email", "sub@example.com").await;
    page.fill("Password", PASSWORD).await;
    page.click_button("Log in").await;
    page.expect_heading(LINK_HEADING).await;
    page.wait_for_path(LINK_PATH).await;

    page.reload().await;
    page.expect_heading(LINK_HEADING).await;
    page.wait_for_path(LINK_PATH).await;
    page.expect_everything_under_mount(SUBPATH_MOUNT).await;

    page.goto("/no/such/page").await;
    page.expect_heading("Page not found").await;
    page.expect_everything_under_mount(SUBPATH_MOUNT).await;
    page.close().await;
}

#[tokio::test]
async fn the_microsoft_journey_works_under_a_sub_path() {
    let login = fake();
    let server = serve_subpath(login.config_json());
    let page = Page::open(&server, "/signup").await;
    page.create_account("journey@example.com").await;
    page.expect_everything_under_mount(SUBPATH_MOUNT).await;

    page.open_link_page_from_integrations().await;
    page.wait_for_path(LINK_PATH).await;
    page.expect_everything_under_mount(SUBPATH_MOUNT).await;

    page.fill_link_form("Sub Path Co", TENANT, APP, "Sub Path Co")
        .await;
    let sha1 = page.generate().await;
    assert_eq!(sha1.len(), 40, "{sha1}");
    page.click_button("Connect").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.expect_text("Connected \"Sub Path Co\".").await;
    page.wait_for_path(LIST_PATH).await;
    assert!(login.requests() >= 1, "the tenant was checked");
    page.expect_everything_under_mount(SUBPATH_MOUNT).await;

    page.click_link("Sub Path Co").await;
    page.expect_heading("Sub Path Co").await;
    assert!(page.path().await.starts_with(&format!("{LIST_PATH}/")));
    page.expect_everything_under_mount(SUBPATH_MOUNT).await;
    page.reload().await;
    page.expect_heading("Sub Path Co").await;

    // With a connection, Home is the landing page; the link there and the
    // redirect away from the first-time selection both stay under the mount.
    page.click_nav("Home").await;
    page.expect_heading("Home").await;
    page.expect_everything_under_mount(SUBPATH_MOUNT).await;
    page.goto("/welcome").await;
    page.expect_heading("Home").await;
    page.expect_everything_under_mount(SUBPATH_MOUNT).await;
    // Redirected to Home (the mount without its trailing slash), the Home
    // link is still the current page.
    let current = page
        .find(Locator::Css("nav a[aria-current='page']"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(current.trim(), "Home");
    page.close().await;
}

#[tokio::test]
async fn the_strict_csp_lets_the_whole_microsoft_journey_run() {
    let login = fake();
    let policy = csp_for(&dist_dir(), &[&login.origin]);
    assert!(
        policy.contains(&format!("connect-src 'self' {};", login.origin)),
        "{policy}"
    );
    let server = serve_with_csp(&policy, login.config_json());

    let page = Page::open(&server, "/signup").await;
    page.watch_csp().await;
    page.fill("Email", "csp@example.com").await;
    page.fill("Password", PASSWORD).await;
    page.fill("Confirm password", PASSWORD).await;
    page.click_button("Create account").await;
    page.expect_heading("Select your preferred cloud service or platform")
        .await;
    page.click_link("Microsoft").await;
    page.expect_heading(LINK_HEADING).await;
    page.fill_link_form("Strict Co", TENANT, APP, "Strict Co")
        .await;
    page.generate().await;
    page.click_button("Connect").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.expect_text("Connected \"Strict Co\".").await;
    assert!(login.requests() >= 1, "the tenant check was not sent");
    assert_eq!(page.csp_violations().await, Vec::<String>::new());

    page.reload().await;
    page.watch_csp().await;
    page.click_link("Strict Co").await;
    page.expect_heading("Strict Co").await;
    page.find(Locator::Css(".app-header img.brand-logo")).await;
    assert_eq!(page.csp_violations().await, Vec::<String>::new());
    assert_eq!(settled_reports(&server).await, Vec::<String>::new());

    // The policy is in force and both channels would have seen a breach.
    let ran = page
        .browser
        .client
        .execute(
            "const s = document.createElement('script'); \
             s.textContent = 'window.__inline = 1'; document.head.append(s); \
             return window.__inline === 1;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(ran, Value::Bool(false), "an inline script ran");
    let deadline = Instant::now() + Duration::from_secs(10);
    while page.csp_violations().await.is_empty() || server.csp_reports().is_empty() {
        assert!(
            Instant::now() < deadline,
            "the blocked inline script was not reported"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let seen = page.csp_violations().await;
    assert!(seen[0].starts_with("script-src"), "{seen:?}");
    page.close().await;
}

#[tokio::test]
async fn an_accent_colour_applies_under_the_strict_csp() {
    let policy = csp_for(&dist_dir(), &[]);
    let server = serve_with_csp(&policy, r##"{"accentColor":"#aa3300"}"##.into());
    let page = Page::open(&server, "/signup").await;
    page.expect_heading("Create account").await;
    let accent = page
        .browser
        .client
        .execute(
            "return getComputedStyle(document.documentElement)\
             .getPropertyValue('--color-accent').trim();",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        settled_reports(&server).await,
        Vec::<String>::new(),
        "applying the accent colour breaks the CSP"
    );
    assert_eq!(accent.as_str(), Some("#aa3300"));
    page.close().await;
}

#[tokio::test]
async fn a_malformed_config_shows_the_configuration_error_page() {
    let cases = [
        (r#"{"defaultCloud":"mars"}"#, "defaultCloud", "/"),
        ("{not json", "not valid JSON", "/integrations/microsoft"),
    ];
    let mut browser = Some(Browser::start().await);
    for (config, names, path) in cases {
        let server = StaticServer::start(
            &dist_dir(),
            ServerOptions {
                config_json: Some(config.into()),
                ..Default::default()
            },
        );
        // Page::goto waits for the app's header, which this page never has.
        let page = Page {
            browser: browser.take().unwrap(),
            server: &server,
        };
        page.browser.client.goto(&server.url(path)).await.unwrap();
        page.expect_heading("Configuration error").await;
        page.expect_text(names).await;
        page.expect_text("Fix config.json").await;
        let header = page.browser.client.find(Locator::Css(".app-header")).await;
        assert!(header.is_err(), "{config}: the app started anyway");
        browser = Some(page.browser);
    }
    browser.unwrap().close().await;
}
