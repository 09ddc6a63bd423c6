//! The example portal in examples/portal, on its own origin, mounts the app
//! with the embed SDK: a person links an account in the frame, the portal
//! hears of it, gets an assertion that verifies, signs the person out and
//! removes the frame.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use base64ct::{Base64, Encoding};
use fantoccini::Locator;
use serde_json::{json, Value};
use sha2::{Digest, Sha384};

use crate::checks::{python_verify_assertion, TempDir};
use crate::embed::app_for;
use crate::support::fake_login::FakeLogin;
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer};

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

/// The address `examples/portal/index.html` pins the app at.
const PINNED_APP: &str = "http://127.0.0.1:8080/";

/// The example portal, served from a copy whose pinned app address is the
/// app the test starts next; [`pin_app`] writes the copy.
fn example_portal() -> (StaticServer, PathBuf) {
    let dir = crate::support::temp_dir("example-portal");
    (StaticServer::start(&dir, ServerOptions::default()), dir)
}

/// Copies `examples/portal` into `dir`, pinned to `app` instead of
/// [`PINNED_APP`], and checks the pinned hash is the served SDK's.
fn pin_app(dir: &Path, app: &StaticServer) {
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/portal");
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap();
        std::fs::write(dir.join(name), text.replace(PINNED_APP, &app.url("/"))).unwrap();
    }
    let html = std::fs::read_to_string(source.join("index.html")).unwrap();
    let sdk = std::fs::read(crate::support::dist_dir().join("embed/cloudlink-embed.js")).unwrap();
    let hash = format!("sha384-{}", Base64::encode_string(&Sha384::digest(&sdk)));
    assert!(
        html.contains(&format!(
            r#""{PINNED_APP}embed/cloudlink-embed.js": "{hash}""#
        )),
        "examples/portal/index.html does not pin the SDK's hash {hash}"
    );
}

impl Page<'_> {
    async fn run(&self, script: &str) -> Value {
        self.browser.client.execute(script, vec![]).await.unwrap()
    }

    /// Waits until the portal's script `probe` gives something other than
    /// null, false or an empty string, and returns it.
    async fn wait_for(&self, probe: &str, what: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let v = self.run(probe).await;
            let empty = v.is_null() || v == json!(false) || v == json!("");
            if !empty {
                return v;
            }
            if Instant::now() >= deadline {
                let sdk = self
                    .run("return { mounted: !!window.cloudlink, frames: document.querySelectorAll('#cloudlink iframe').length };")
                    .await;
                let portal = self.body_text().await;
                // Whatever the frame shows, even a page that never mounted.
                self.find(Locator::Css("iframe")).await;
                self.browser.client.clone().enter_frame(0).await.unwrap();
                let app = self.body_text().await;
                let app = format!(
                    "{app}\n{}",
                    self.run("return JSON.stringify(performance.getEntriesByType('resource').map(e => [e.name, e.responseStatus, Math.round(e.startTime), Math.round(e.duration)]));")
                        .await
                );
                panic!("{what} never happened; SDK {sdk}; the portal says:\n{portal}\nthe app says:\n{app}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// A page on a third origin that, framed by the portal, tells it an account
/// was linked, and answers any request id it could guess.
fn stranger() -> StaticServer {
    let dir = crate::support::temp_dir("stranger");
    let html = r#"<!doctype html><html><body><script>
parent.postMessage({ type: "cloudlink:account-linked", account: { id: "forged", provider: "aws", name: "Forged" } }, "*");
parent.postMessage({ type: "cloudlink:ready", protocol: "1.0" }, "*");
</script></body></html>"#;
    std::fs::write(dir.join("index.html"), html).unwrap();
    StaticServer::start(&dir, ServerOptions::default())
}

const PORTAL_QUERY: &str = "/?user=pat.smith%40contoso.com&email=pat%40contoso.com";

/// The picture of the example portal in docs/embedding.md; run by scripts/screenshots.sh.
#[tokio::test]
#[ignore = "writes the picture of the example portal in docs/embedding.md; run scripts/screenshots.sh"]
async fn portal_screenshot() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let (portal, dir) = example_portal();
    let app = app_for(&portal, &login, r#""identityMode":"host","#);
    pin_app(&dir, &app);
    let page = Page::open_other(&portal, PORTAL_QUERY).await;
    page.enter_app_frame().await;
    page.link_microsoft_in_frame("Contoso Production").await;
    page.wait_for(
        "return document.querySelector('#accounts [data-account-id]') !== null;",
        "the account in the portal's list",
    )
    .await;
    page.click_button("Request assertion").await;
    page.wait_for(
        "return document.getElementById('assertion-jwt').value;",
        "the assertion",
    )
    .await;
    page.run("window.scrollTo(0, 0); document.activeElement.blur();")
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let png = page.browser.client.screenshot().await.unwrap();
    let dir = std::env::var_os("SCREENSHOTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots"));
    std::fs::write(dir.join("portal.png"), png).unwrap();
    page.close().await;
}

#[tokio::test]
async fn the_example_portal_links_an_account_and_gets_an_assertion_that_verifies() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let (portal, dir) = example_portal();
    let app = app_for(&portal, &login, r#""identityMode":"host","#);
    pin_app(&dir, &app);
    let page = Page::open_other(&portal, PORTAL_QUERY).await;
    page.wait_for(
        "return [...document.querySelectorAll('#events li')].some(l => l.textContent.startsWith('signed-in'));",
        "the SDK's sign-in",
    )
    .await;
    let title = page
        .find(Locator::Css("#cloudlink iframe"))
        .await
        .attr("title")
        .await
        .unwrap();
    assert!(
        title.is_some_and(|t| t.contains("CloudLink")),
        "the frame has a title"
    );

    // A third origin framed beside CloudLink speaks the protocol to the
    // portal; the SDK hears none of it.
    let third = stranger();
    page.run(&format!(
        "const f = document.createElement('iframe'); f.src = '{}'; f.id = 'stranger'; document.body.append(f);",
        third.url("/")
    ))
    .await;
    page.enter_app_frame().await;
    page.link_microsoft_in_frame("Portal Co").await;

    let accounts = page
        .wait_for(
            "return document.querySelector('#accounts [data-account-id]')?.textContent ?? null;",
            "the account in the portal's list",
        )
        .await;
    assert!(
        accounts.as_str().unwrap().contains("Portal Co"),
        "{accounts}"
    );
    let account = page
        .run("return [...window.cloudlinkAccounts.values()][0];")
        .await;
    assert_eq!(account["tenant"], TENANT);
    let pem = account["certificatePem"].as_str().unwrap().to_string();

    // The frame grew to its content, not a fixed height.
    let height = page
        .run("return document.querySelector('#cloudlink iframe').getBoundingClientRect().height;")
        .await;
    assert_ne!(
        height.as_f64().unwrap().round(),
        720.0,
        "resized to the page"
    );

    page.click_button("Request assertion").await;
    let jwt = page
        .wait_for(
            "return document.getElementById('assertion-jwt').value;",
            "the assertion",
        )
        .await;
    let claims = page
        .run("return document.getElementById('assertion-claims').textContent;")
        .await;
    assert!(claims.as_str().unwrap().contains(TENANT), "{claims}");
    let files = TempDir::new("portal");
    let pem_path = files.write("cert.pem", &pem);
    python_verify_assertion(&pem_path, &files.write("a.jwt", jwt.as_str().unwrap()))
        .unwrap_or_else(|e| panic!("{e}"));

    // signOut() locks the frame: it waits for the portal's sign-in again.
    page.click_button("Sign out").await;
    page.wait_for(
        "return [...document.querySelectorAll('#events li')].some(l => l.textContent === 'signed-out');",
        "the sign-out",
    )
    .await;
    page.enter_app_frame().await;
    page.expect_heading("Waiting for sign-in").await;
    page.leave_frame().await;
    page.click_button("Request assertion").await;
    page.wait_for(
        "return document.getElementById('assertion-status').textContent.startsWith('Refused');",
        "a refusal after sign-out",
    )
    .await;

    // destroy() removes the frame and stops listening.
    page.click_button("Destroy").await;
    let frames = page
        .run("return document.querySelectorAll('#cloudlink iframe').length;")
        .await;
    assert_eq!(frames, 0);
    let status = page
        .run("return window.cloudlink.requestAssertion('x').then(() => 'answered', e => e.code);")
        .await;
    assert_eq!(status, "destroyed");
    page.close().await;
}

#[tokio::test]
async fn the_example_portal_frames_only_the_app_it_pins() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let (portal, dir) = example_portal();
    let app = app_for(&portal, &login, r#""identityMode":"host","#);
    pin_app(&dir, &app);
    let third = stranger();
    let crafted = format!(
        "{PORTAL_QUERY}&app={}",
        third.url("/").replace(':', "%3A").replace('/', "%2F")
    );
    let page = Page::open_other(&portal, &crafted).await;
    let src = page
        .wait_for(
            "return document.querySelector('#cloudlink iframe')?.src ?? null;",
            "the frame",
        )
        .await;
    let src = src.as_str().unwrap();
    assert!(
        src.starts_with(&app.url("/")),
        "a crafted link chose what the portal frames: {src}"
    );
    page.close().await;
}
