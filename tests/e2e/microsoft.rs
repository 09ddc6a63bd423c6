//! Link a New Microsoft Account, step by step as the help page describes it.

use base64ct::{Base64, Encoding};
use fantoccini::Locator;

use crate::checks::check_certificate_files;
use crate::support::dist_dir;
use crate::support::fake_login::{offline_config_json, FakeLogin};
use crate::support::flows::PASSWORD;
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer};

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";
const LINK_HEADING: &str = "Link a New Microsoft Account";

fn serve(config: String) -> StaticServer {
    StaticServer::start(
        &dist_dir(),
        ServerOptions {
            config_json: Some(config),
            ..Default::default()
        },
    )
}

fn fake() -> FakeLogin {
    FakeLogin::start(&[(TENANT, TENANT), ("contoso.onmicrosoft.com", TENANT)])
}

impl Page<'_> {
    pub(crate) async fn fill_link_form(&self, name: &str, tenant: &str, app: &str, org: &str) {
        self.fill("Microsoft Account Name", name).await;
        self.fill("Tenant ID", tenant).await;
        self.fill("Application ID", app).await;
        self.fill("Organization Name", org).await;
        self.blur().await;
    }

    /// Generate Public Key, and wait for the thumbprint it shows.
    pub(crate) async fn generate(&self) -> String {
        self.click_button("Generate Public Key").await;
        let code = self.find(Locator::Css("#thumbprint-sha1")).await;
        code.text().await.unwrap()
    }

    /// The text of every primary button on the page.
    async fn primary_buttons(&self) -> Vec<String> {
        let v = self
            .browser
            .client
            .execute(
                "return [...document.querySelectorAll('button.button-primary')].map(b => b.textContent.trim());",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value(v).unwrap()
    }

    /// A new person, from Create account through Integrations to the link page.
    async fn new_user_on_link_page<'s>(server: &'s StaticServer, email: &str) -> Page<'s> {
        let page = Page::open(server, "/signup").await;
        page.create_account(email).await;
        page.open_link_page_from_integrations().await;
        page
    }

    pub(crate) async fn open_link_page_from_integrations(&self) {
        self.click_nav("Integrations").await;
        self.click_link("Microsoft").await;
        self.expect_heading("Microsoft").await;
        self.click_link("M365").await;
        self.expect_heading("Microsoft 365 accounts").await;
        self.click_link(LINK_HEADING).await;
        self.expect_heading(LINK_HEADING).await;
    }

    async fn expect_field_error(&self, label: &str, text: &str) {
        let field = self.field(label).await;
        let id = field.attr("id").await.unwrap().unwrap();
        let message = self.find(Locator::Id(&format!("{id}-error"))).await;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !message.text().await.unwrap().contains(text) {
            assert!(
                std::time::Instant::now() < deadline,
                "{label}: no error containing {text:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(
            field.attr("aria-invalid").await.unwrap().as_deref(),
            Some("true"),
            "{label}"
        );
        let described = field
            .attr("aria-describedby")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(
            described.split(' ').any(|d| d == format!("{id}-error")),
            "{label}: {described}"
        );
    }
}

/// No stored value may hold a PKCS#8 private key, in PEM or base64 DER.
fn assert_no_plaintext_key(storage: &[(String, String)]) {
    // SEQUENCE, INTEGER 0, then the rsaEncryption / id-ecPublicKey OIDs.
    let rsa = [
        0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01,
        0x01,
    ];
    let ec = [
        0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
    ];
    for (key, value) in storage {
        assert!(
            !value.contains("PRIVATE KEY"),
            "{key} holds a PEM private key"
        );
        for token in
            value.split(|c: char| !(c.is_ascii_alphanumeric() || c == '+' || c == '/' || c == '='))
        {
            if token.len() < 64 {
                continue;
            }
            if let Ok(bytes) = Base64::decode_vec(token) {
                let head = &bytes[..bytes.len().min(32)];
                let found = head.windows(rsa.len()).any(|w| w == rsa)
                    || head.windows(ec.len()).any(|w| w == ec);
                assert!(!found, "{key} holds a plaintext PKCS#8 key");
            }
        }
    }
}

#[tokio::test]
async fn the_whole_journey_from_first_login_to_removal() {
    let login = fake();
    let server = serve(login.config_json());
    let page = Page::open(&server, "/signup").await;
    page.create_account("gus@example.com").await;

    // The first-time selection leads straight to the link page.
    page.click_link("Microsoft").await;
    page.expect_heading(LINK_HEADING).await;

    // The instructions open as a dialog, close on Esc, and give focus back.
    page.click_button("Click here for detailed instructions on how to connect")
        .await;
    let dialog = page.find(Locator::Css("[role='dialog']")).await;
    assert_eq!(
        dialog.attr("aria-modal").await.unwrap().as_deref(),
        Some("true")
    );
    page.expect_text("Exchange.ManageAsApp").await;
    page.expect_text("Global Reader").await;
    page.expect_text("Upload certificate").await;
    // Shift+Tab from the dialog itself wraps to its last control, not out of it.
    let active = page.browser.client.active_element().await.unwrap();
    active.send_keys("\u{E008}\u{E004}\u{E000}").await.unwrap();
    let inside = page
        .browser
        .client
        .execute("return document.querySelector('[role=dialog]').contains(document.activeElement) && document.activeElement.matches('a, button');", vec![])
        .await
        .unwrap();
    assert_eq!(inside.as_bool(), Some(true), "focus left the dialog");
    page.press_escape().await;
    let gone = page
        .browser
        .client
        .find(Locator::Css("[role='dialog']"))
        .await;
    assert!(gone.is_err(), "Esc closes the dialog");
    assert_eq!(
        page.focused_text().await,
        "Click here for detailed instructions on how to connect"
    );

    // Bad input gets its message next to the field.
    page.fill_link_form("", "not a tenant", "1234", "Contoso Ltd")
        .await;
    page.expect_field_error("Tenant ID", "contoso.onmicrosoft.com")
        .await;
    page.expect_field_error("Application ID", "Application (client) ID")
        .await;
    page.expect_field_error("Microsoft Account Name", "Enter a name")
        .await;
    let connect = page
        .find(Locator::XPath("//button[normalize-space()='Connect']"))
        .await;
    assert!(
        !connect.is_enabled().await.unwrap(),
        "Connect waits for a valid form and a certificate"
    );

    // Good input, normalised as typed by people copying from the portal.
    page.fill_link_form(
        "Contoso Production",
        " {72F988BF-86F1-41AF-91AB-2D7CD011DB47} ",
        APP,
        "Contoso Ltd",
    )
    .await;
    let sha1 = page.generate().await;
    assert_eq!(sha1.len(), 40, "{sha1}");
    assert_eq!(
        page.primary_buttons().await,
        ["Connect"],
        "once there is a certificate, the next step is Connect"
    );
    page.expect_text("Make a new key").await;
    assert!(sha1
        .chars()
        .all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c)));
    assert_no_plaintext_key(&page.storage_all().await);

    // Both downloads pass openssl and Python cryptography.
    page.click_button("Download certificate (.cer)").await;
    page.click_button("Download certificate (.pem)").await;
    let der = page.downloaded("Contoso-Production.cer").await;
    let pem = page.downloaded("Contoso-Production.pem").await;
    let report = check_certificate_files(&pem, &der, &sha1).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        report.openssl_text.contains("Public-Key: (2048 bit)"),
        "RSA 2048 by default"
    );
    assert!(
        report.openssl_text.contains("CN = Contoso Production"),
        "{}",
        report.openssl_text
    );
    assert!(report.openssl_text.contains("sha256WithRSAEncryption"));

    // Connect, against the local sign-in host.
    page.click_button("Connect").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.expect_text("Connected \"Contoso Production\".").await;
    page.expect_text(&sha1).await;
    page.expect_text(TENANT).await;
    assert!(login.requests() >= 1, "the tenant was checked");

    // Log in again: straight to Home, the selection is gone.
    page.reload().await;
    page.sign_out().await;
    page.log_in_as("gus@example.com", PASSWORD).await;
    page.expect_heading("Home").await;
    page.goto("/welcome").await;
    page.expect_heading("Home").await;

    // Remove, with a confirmation; the certificate and key go with it.
    page.goto("/integrations/microsoft/m365").await;
    page.click_link("Contoso Production").await;
    page.expect_heading("Contoso Production").await;
    let consent = page
        .find(Locator::Css("a.consent-link"))
        .await
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        consent,
        format!("{}/{TENANT}/adminconsent?client_id={APP}", login.origin)
    );
    page.click_button("Remove").await;
    page.find(Locator::Css("[role='dialog']")).await;
    page.fill("Password", PASSWORD).await;
    page.click_button("Remove account").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.expect_text("Removed \"Contoso Production\"").await;
    page.expect_text("No Microsoft 365 accounts are linked yet.")
        .await;
    let user_doc = page
        .storage_get(&format!("cloudlink.user.{}", page.user_id().await))
        .await
        .unwrap();
    assert!(
        !user_doc.contains("\"sealed\"") && !user_doc.contains("Contoso Production"),
        "{user_doc}"
    );
    page.close().await;
}

#[tokio::test]
async fn an_unknown_tenant_is_refused_and_nothing_is_saved() {
    let login = fake();
    let server = serve(login.config_json());
    let page = Page::new_user_on_link_page(&server, "hal@example.com").await;
    page.fill_link_form(
        "Fabrikam",
        "11111111-2222-3333-4444-555555555555",
        APP,
        "Fabrikam",
    )
    .await;
    page.generate().await;
    page.click_button("Connect").await;
    page.expect_text("Microsoft says this tenant does not exist")
        .await;
    assert_eq!(page.path().await, "/integrations/microsoft/m365/new");
    page.goto("/integrations/microsoft/m365").await;
    page.expect_text("No Microsoft 365 accounts are linked yet.")
        .await;
    page.close().await;
}

#[tokio::test]
async fn offline_tenant_checks_still_link_as_not_verified() {
    let server = serve(offline_config_json());
    let page = Page::new_user_on_link_page(&server, "ida@example.com").await;
    page.fill_link_form(
        "Offline Corp",
        "contoso.onmicrosoft.com",
        APP,
        "Offline Corp",
    )
    .await;
    page.generate().await;
    page.click_button("Connect").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.expect_text("its tenant could not be checked").await;
    page.expect_text("Tenant not verified").await;
    page.click_link("Offline Corp").await;
    page.click_button("Retry tenant check").await;
    page.expect_text("The tenant could not be checked right now")
        .await;
    page.close().await;
}

#[tokio::test]
async fn the_same_tenant_and_application_cannot_be_linked_twice() {
    let login = fake();
    let server = serve(login.config_json());
    let page = Page::new_user_on_link_page(&server, "jo@example.com").await;
    page.fill_link_form("First link", TENANT, APP, "Contoso")
        .await;
    page.generate().await;
    page.click_button("Connect").await;
    page.expect_heading("Microsoft 365 accounts").await;

    // The same tenant named by its domain is still the same tenant.
    page.click_link(LINK_HEADING).await;
    page.fill_link_form(
        "Second link",
        "contoso.onmicrosoft.com",
        APP.to_uppercase().as_str(),
        "Contoso",
    )
    .await;
    page.generate().await;
    page.click_button("Connect").await;
    page.expect_text("already linked as \"First link\"").await;
    page.close().await;
}

#[tokio::test]
async fn a_draft_survives_a_reload_and_asks_for_the_password_to_regenerate() {
    let login = fake();
    let server = serve(login.config_json());
    let page = Page::new_user_on_link_page(&server, "kit@example.com").await;
    page.fill_link_form("Draft Co", TENANT, APP, "Draft Co")
        .await;
    let sha1 = page.generate().await;

    page.reload().await;
    page.expect_heading(LINK_HEADING).await;
    assert_eq!(
        page.field("Tenant ID")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some(TENANT)
    );
    assert_eq!(
        page.field("Microsoft Account Name")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Draft Co")
    );
    assert_eq!(
        page.find(Locator::Css("#thumbprint-sha1"))
            .await
            .text()
            .await
            .unwrap(),
        sha1
    );

    // A new key is asked for first, then needs the password after a reload.
    page.click_button("Make a new key").await;
    page.expect_text("Generating again replaces this draft's key")
        .await;
    page.click_button("Replace key").await;
    page.expect_text("Unlock your keys").await;
    page.fill("Password", "not my password").await;
    page.click_button("Unlock").await;
    page.expect_text("That password is not correct.").await;
    assert_eq!(
        page.find(Locator::Css("#thumbprint-sha1"))
            .await
            .text()
            .await
            .unwrap(),
        sha1,
        "nothing lost"
    );
    page.fill("Password", PASSWORD).await;
    page.click_button("Unlock").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let now = page
            .find(Locator::Css("#thumbprint-sha1"))
            .await
            .text()
            .await
            .unwrap();
        if now != sha1 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the key was not replaced"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    page.click_button("Start over").await;
    assert_eq!(
        page.field("Tenant ID")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("")
    );
    page.close().await;
}

#[tokio::test]
async fn script_payloads_in_every_field_stay_inert_text() {
    let login = fake();
    let server = serve(login.config_json());
    let page = Page::new_user_on_link_page(&server, "lee@example.com").await;
    let payload = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>";
    page.fill_link_form(payload, payload, payload, payload)
        .await;
    page.expect_field_error("Tenant ID", "contoso.onmicrosoft.com")
        .await;
    page.expect_field_error("Application ID", "Application (client) ID")
        .await;

    let name = "Evil <script>window.__pwned=1</script>";
    page.fill_link_form(name, TENANT, APP, name).await;
    page.generate().await;
    page.click_button("Connect").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.expect_text(name).await;
    page.click_link(name).await;
    page.expect_heading(name).await;
    let pwned = page
        .browser
        .client
        .execute("return window.__pwned === undefined;", vec![])
        .await
        .unwrap();
    assert_eq!(pwned.as_bool(), Some(true), "a payload ran");
    page.close().await;
}
