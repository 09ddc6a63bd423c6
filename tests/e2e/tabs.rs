//! One person, two tabs: two windows of one browser share local storage as
//! two tabs do. Nothing one tab saves is lost to the other, and each follows
//! what the other does without a reload.

use fantoccini::Locator;

use crate::checks::check_certificate_files;
use crate::support::fake_login::FakeLogin;
use crate::support::flows::PASSWORD;
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer};
use crate::support::{dist_dir, serve_with_config};

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP_ONE: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";
const APP_TWO: &str = "1c6a4d7f-9e3b-4a2f-8d4c-8b7e6f5a4b3c";
const LIST: &str = "/integrations/microsoft/m365";
const LINK: &str = "/integrations/microsoft/m365/new";

fn serve(login: &FakeLogin) -> StaticServer {
    serve_with_config(login.config_json())
}

impl Page<'_> {
    /// Fills the link form and generates, unlocking first if this tab asks.
    async fn fill_and_generate(&self, name: &str, app: &str) -> String {
        self.expect_heading("Link a New Microsoft Account").await;
        self.fill_link_form(name, TENANT, app, "Contoso Ltd").await;
        self.click_button("Generate Public Key").await;
        // Either the certificate appears, or this tab asks for the password.
        let either = Locator::Css("#thumbprint-sha1, #unlock-password");
        let first = self.find(either).await;
        if first.attr("id").await.unwrap().as_deref() == Some("unlock-password") {
            self.fill("Password", PASSWORD).await;
            self.click_button("Unlock").await;
        }
        self.find(Locator::Css("#thumbprint-sha1"))
            .await
            .text()
            .await
            .unwrap()
    }

    async fn connect_and_see(&self, name: &str) {
        self.click_button("Connect").await;
        self.expect_heading("Microsoft 365 accounts").await;
        self.expect_text(&format!("Connected \"{name}\"")).await;
    }
}

#[tokio::test]
async fn two_tabs_link_two_accounts_and_both_are_kept() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = serve(&login);
    let page = Page::open(&server, "/signup").await;
    page.create_account("two-tabs@example.com").await;
    let one = page.window().await;
    page.goto(LINK).await;
    // The second tab opens after sign-up, so its keys are locked.
    let two = page.open_window(LINK).await;

    page.switch_to(&one).await;
    let sha_one = page.fill_and_generate("Tab One Tenant", APP_ONE).await;
    page.switch_to(&two).await;
    let sha_two = page.fill_and_generate("Tab Two Tenant", APP_TWO).await;
    assert_ne!(sha_one, sha_two, "each tab made its own key");

    // Each tab keeps its own form and certificate while the other works.
    page.switch_to(&one).await;
    assert_eq!(
        page.find(Locator::Css("#thumbprint-sha1"))
            .await
            .text()
            .await
            .unwrap(),
        sha_one
    );
    page.click_button("Download certificate (.cer)").await;
    page.click_button("Download certificate (.pem)").await;
    page.connect_and_see("Tab One Tenant").await;

    page.switch_to(&two).await;
    assert_eq!(
        page.field("Microsoft Account Name")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Tab Two Tenant"),
        "the other tab's link did not touch this form"
    );
    page.click_button("Download certificate (.cer)").await;
    page.click_button("Download certificate (.pem)").await;
    page.connect_and_see("Tab Two Tenant").await;
    page.expect_text("Tab One Tenant").await;

    // Both survive a reload of both tabs.
    for window in [&one, &two] {
        page.switch_to(window).await;
        page.reload().await;
        page.expect_heading("Microsoft 365 accounts").await;
        page.expect_text("Tab One Tenant").await;
        page.expect_text("Tab Two Tenant").await;
    }
    for (name, sha) in [("Tab-One-Tenant", &sha_one), ("Tab-Two-Tenant", &sha_two)] {
        let pem = page.downloaded(&format!("{name}.pem")).await;
        let der = page.downloaded(&format!("{name}.cer")).await;
        check_certificate_files(&pem, &der, sha).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    page.close().await;
}

#[tokio::test]
async fn a_list_open_in_one_tab_shows_what_another_tab_links() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = serve(&login);
    let page = Page::open(&server, "/signup").await;
    page.create_account("watcher@example.com").await;
    let one = page.window().await;
    let two = page.open_window("/integrations/microsoft/m365").await;
    page.expect_text("No Microsoft 365 accounts are linked yet.")
        .await;

    page.switch_to(&one).await;
    page.goto(LINK).await;
    page.fill_and_generate("Seen Elsewhere", APP_ONE).await;
    page.connect_and_see("Seen Elsewhere").await;

    // No reload: the storage event brings it.
    page.switch_to(&two).await;
    page.expect_text("Seen Elsewhere").await;
    assert_eq!(page.path().await, LIST);
    // The first-time selection is over in this tab too.
    page.goto("/welcome").await;
    page.expect_heading("Home").await;
    page.close().await;
}

#[tokio::test]
async fn signing_out_in_one_tab_signs_out_the_other() {
    let server = StaticServer::start(&dist_dir(), ServerOptions::default());
    let page = Page::open(&server, "/signup").await;
    page.create_account("leaver@example.com").await;
    let one = page.window().await;
    let two = page.open_window("/integrations").await;
    page.expect_heading("Integrations").await;

    page.switch_to(&one).await;
    page.sign_out().await;

    page.switch_to(&two).await;
    page.expect_heading("Log in").await;
    assert!(
        !page.body_text().await.contains("leaver@example.com"),
        "the other tab forgot who was signed in"
    );
    page.close().await;
}

#[tokio::test]
async fn another_person_signing_in_elsewhere_sends_this_tab_to_log_in() {
    let server = StaticServer::start(&dist_dir(), ServerOptions::default());
    let page = Page::open(&server, "/signup").await;
    page.create_account("first@example.com").await;
    page.seed_connected_account("First's tenant").await;
    page.reload().await;
    let one = page.window().await;
    let two = page.open_window("/integrations/microsoft/m365").await;
    page.expect_text("First's tenant").await;

    page.switch_to(&one).await;
    page.sign_out().await;
    page.create_account("second@example.com").await;

    page.switch_to(&two).await;
    page.expect_heading("Log in").await;
    page.goto("/integrations/microsoft/m365").await;
    assert!(!page.body_text().await.contains("First's tenant"));
    page.close().await;
}

#[tokio::test]
async fn blocked_local_storage_gets_a_message_not_a_blank_page() {
    // As in a third-party frame where the browser blocks storage: reading
    // `window.localStorage` throws.
    let server = StaticServer::start(
        &dist_dir(),
        ServerOptions {
            first_script: Some(
                "Object.defineProperty(window, 'localStorage', { get() { \
                 throw new DOMException('Access is denied for this document.', 'SecurityError'); } });"
                    .into(),
            ),
            ..Default::default()
        },
    );
    let page = Page::open(&server, "/signup").await;
    page.expect_heading("Create account").await;
    page.expect_text("This browser does not let the page use local storage")
        .await;
    assert!(
        !page.body_text().await.contains("Something went wrong"),
        "no panic notice"
    );
    // Trying anyway says the same, next to the form, and changes nothing.
    page.fill("Email", "blocked@example.com").await;
    page.fill("Password", PASSWORD).await;
    page.fill("Confirm password", PASSWORD).await;
    page.click_button("Create account").await;
    let form_error = page.find(Locator::Css("form .form-error")).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !form_error
        .text()
        .await
        .unwrap()
        .contains("does not let the page use local storage")
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the form says why nothing was saved"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    page.expect_heading("Create account").await;
    assert!(!page.body_text().await.contains("Something went wrong"));
    page.close().await;
}
