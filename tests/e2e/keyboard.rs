//! Enter submits the link and edit forms, as it does Log in.

use fantoccini::Locator;

use crate::support::fake_login::FakeLogin;
use crate::support::page::Page;
use crate::support::serve_with_config;

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";
const ENTER: &str = "\u{E007}";

impl Page<'_> {
    /// Presses Enter in the field labelled `label`.
    async fn press_enter_in(&self, label: &str) {
        self.field(label).await.send_keys(ENTER).await.unwrap();
    }
}

#[tokio::test]
async fn enter_in_the_link_form_connects_once_there_is_a_certificate() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = serve_with_config(login.config_json());
    let page = Page::open(&server, "/signup").await;
    page.create_account("enter@example.com").await;
    page.open_link_page_from_integrations().await;
    page.fill_link_form("Enter Co", TENANT, APP, "Enter Ltd")
        .await;

    // Before Generate, Connect is disabled and Enter does nothing.
    page.press_enter_in("Application ID").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    page.expect_heading("Link a New Microsoft Account").await;

    page.generate().await;
    // Twice, as an impatient person does: the second changes nothing.
    page.field("Organization Name")
        .await
        .send_keys(&format!("{ENTER}{ENTER}"))
        .await
        .unwrap();
    page.expect_heading("Microsoft 365 accounts").await;
    page.expect_text("Connected \"Enter Co\".").await;
    page.expect_text("1 linked").await;
    let body = page.body_text().await;
    assert!(!body.contains("already linked"), "{body}");
    page.close().await;
}

#[tokio::test]
async fn enter_in_an_edit_field_saves_changes() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = serve_with_config(login.config_json());
    let page = Page::open(&server, "/signup").await;
    page.create_account("enter-edit@example.com").await;
    page.open_link_page_from_integrations().await;
    page.fill_link_form("Before Enter", TENANT, APP, "Enter Ltd")
        .await;
    page.generate().await;
    page.click_button("Connect").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.click_link("Before Enter").await;
    page.expect_heading("Before Enter").await;

    page.click_button("Edit").await;
    page.fill("Microsoft Account Name", "After Enter").await;
    page.press_enter_in("Microsoft Account Name").await;
    page.expect_text("Saved changes to \"After Enter\".").await;
    page.expect_heading("After Enter").await;
    let open = page.browser.client.find(Locator::Css("#edit-title")).await;
    assert!(open.is_err(), "a save closes the form");
    page.close().await;
}
