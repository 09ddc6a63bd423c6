//! The docs' pictures, taken from the release build. Ignored, so the test
//! run never rewrites them; `scripts/screenshots.sh` runs it on purpose.

use std::path::PathBuf;
use std::time::Duration;

use crate::support::browser::Browser;
use crate::support::fake_login::FakeLogin;
use crate::support::page::Page;
use crate::support::serve_with_config;
use crate::support::server::StaticServer;

const CONTOSO: &str = "contoso.onmicrosoft.com";
const FABRIKAM: &str = "fabrikam.onmicrosoft.com";
const NORTHWIND: &str = "northwindtraders.onmicrosoft.com";

/// The viewport, fixed so a renewed picture differs from the last only where
/// the app did; tall enough for the link page down to the certificate's
/// downloads, for the whole list of four accounts, and for an account's
/// page down to Admin consent.
const WIDTH: u32 = 1280;
const HEIGHT: u32 = 1560;

/// The account shown on the link page, then first in the list.
const SHOWN: (&str, &str, &str, &str) = (
    "Contoso Production",
    CONTOSO,
    "1a94dfbb-95ef-422d-8865-04f6d49ba109",
    "Contoso Ltd",
);

const MORE: [(&str, &str, &str, &str); 3] = [
    (
        "Contoso Staging",
        CONTOSO,
        "4d4f43ec-eb0c-4634-9146-0945144809df",
        "Contoso Ltd",
    ),
    (
        "Fabrikam EU",
        FABRIKAM,
        "a0e04449-489b-4680-9453-0d1d2736221f",
        "Fabrikam, Inc.",
    ),
    (
        "Northwind Traders",
        NORTHWIND,
        "8f634db8-394a-4864-ae9e-315368a67eff",
        "Northwind Traders",
    ),
];

fn out_dir() -> PathBuf {
    let dir = std::env::var_os("SCREENSHOTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every tenant answers as Microsoft would, so linked accounts are verified.
fn fake_login() -> FakeLogin {
    FakeLogin::start(&[
        (CONTOSO, "4e49e0f1-4047-4a86-84bc-6d28b4e3c40e"),
        (FABRIKAM, "96913018-9298-4a2a-8cce-42e0d196d048"),
        (NORTHWIND, "4333f810-5296-47cb-a469-56ffb0601a30"),
    ])
}

impl Page<'_> {
    /// A new person's link page, filled in, right after Generate Public Key.
    async fn link_page_generated(&self, email: &str) {
        self.create_account(email).await;
        self.open_link_page_from_integrations().await;
        let (name, tenant, app, org) = SHOWN;
        self.fill_link_form(name, tenant, app, org).await;
        self.generate().await;
    }

    async fn link(&self, (name, tenant, app, org): (&str, &str, &str, &str)) {
        self.open_link_page_from_integrations().await;
        self.fill_link_form(name, tenant, app, org).await;
        self.generate().await;
        self.click_button("Connect").await;
        self.expect_heading("Microsoft 365 accounts").await;
    }

    /// Writes the window as a PNG: no focus ring, and the top of the page.
    async fn save_screenshot(&self, file: &str) {
        self.blur().await;
        self.browser
            .client
            .execute("window.scrollTo(0, 0);", vec![])
            .await
            .unwrap();
        // Lets the last layout and transitions settle before the capture.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let png = self.browser.client.screenshot().await.unwrap();
        let path = out_dir().join(file);
        std::fs::write(&path, png).unwrap();
        println!("wrote {}", path.display());
    }

    async fn prefers_dark(&self) -> bool {
        let v = self
            .browser
            .client
            .execute(
                "return matchMedia('(prefers-color-scheme: dark)').matches;",
                vec![],
            )
            .await
            .unwrap();
        v.as_bool().unwrap()
    }
}

async fn open<'s>(server: &'s StaticServer, extra_args: &[&str]) -> Page<'s> {
    let args = [&["--hide-scrollbars"], extra_args].concat();
    let page = Page {
        browser: Browser::start_with_args(&args).await,
        server,
    };
    page.goto("/signup").await;
    // The window's size includes whatever the browser draws around the page,
    // which differs between Chromium versions: size the viewport itself.
    let c = &page.browser.client;
    c.set_window_size(WIDTH, HEIGHT).await.unwrap();
    let inner = c.execute("return innerHeight;", vec![]).await.unwrap();
    let chrome = HEIGHT - u32::try_from(inner.as_u64().unwrap()).unwrap();
    c.set_window_size(WIDTH, HEIGHT + chrome).await.unwrap();
    let viewport = c
        .execute("return [innerWidth, innerHeight];", vec![])
        .await
        .unwrap();
    assert_eq!(viewport, serde_json::json!([WIDTH, HEIGHT]));
    page
}

#[tokio::test]
#[ignore = "writes the docs' pictures; run scripts/screenshots.sh"]
async fn readme_screenshots() {
    let login = fake_login();
    let server = serve_with_config(login.config_json());

    let light = open(&server, &[]).await;
    assert!(!light.prefers_dark().await);
    light.link_page_generated("alex@contoso.com").await;
    light.save_screenshot("link-light.png").await;
    light.click_button("Connect").await;
    light.expect_heading("Microsoft 365 accounts").await;
    for account in MORE {
        light.link(account).await;
    }
    // A fresh load drops the "Connected" notices, leaving the list alone.
    light.goto("/integrations/microsoft/m365").await;
    light.expect_text("4 linked").await;
    light.save_screenshot("accounts.png").await;
    let (shown, ..) = SHOWN;
    light.click_link(shown).await;
    light.expect_heading(shown).await;
    light.save_screenshot("account.png").await;
    light.close().await;

    let dark = open(&server, &["--force-dark-mode"]).await;
    assert!(dark.prefers_dark().await, "the page is not in dark mode");
    dark.link_page_generated("alex@contoso.com").await;
    dark.save_screenshot("link-dark.png").await;
    dark.close().await;
}
