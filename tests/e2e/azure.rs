//! Link a New Azure Account: the Microsoft flow plus a Reader scope.

use fantoccini::Locator;

use crate::checks::check_certificate_files;
use crate::support::dist_dir;
use crate::support::fake_login::FakeLogin;
use crate::support::flows::PASSWORD;
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer};

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";
const SUBSCRIPTION: &str = "11111111-2222-3333-4444-555555555555";

#[tokio::test]
async fn an_azure_account_is_linked_with_its_certificate_and_scope() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = StaticServer::start(
        &dist_dir(),
        ServerOptions {
            config_json: Some(login.config_json()),
            ..Default::default()
        },
    );
    let page = Page::open(&server, "/signup").await;
    page.create_account("azure@example.com").await;
    page.click_link("Azure").await;
    page.expect_heading("Link a New Azure Account").await;

    page.click_button("Click here for detailed instructions on how to connect")
        .await;
    page.expect_text("Access management for Azure resources")
        .await;
    page.expect_text("Key Vault").await;
    page.press_escape().await;

    page.fill("Azure Account Name", "Azure production").await;
    page.fill("Tenant ID", TENANT).await;
    page.fill("Application ID", APP).await;
    page.fill("Organization Name", "Contoso").await;
    page.fill("Subscription ID", "not-a-guid").await;
    page.blur().await;
    page.expect_text("The Subscription ID is 32 hexadecimal digits")
        .await;
    page.fill("Subscription ID", "").await;
    page.blur().await;
    page.expect_text("Enter a management group ID or a Subscription ID")
        .await;
    page.click_button("Generate Public Key").await;
    let sha1 = page
        .find(Locator::Css("#thumbprint-sha1"))
        .await
        .text()
        .await
        .unwrap();
    let connect = page
        .find(Locator::XPath("//button[normalize-space()='Connect']"))
        .await;
    assert!(
        !connect.is_enabled().await.unwrap(),
        "Connect waits for a scope"
    );

    page.fill("Subscription ID", SUBSCRIPTION).await;
    page.click_button("Download certificate (.cer)").await;
    page.click_button("Download certificate (.pem)").await;
    let der = page.downloaded("Azure-production.cer").await;
    let pem = page.downloaded("Azure-production.pem").await;
    check_certificate_files(&pem, &der, &sha1).unwrap_or_else(|e| panic!("{e}"));

    page.click_button("Connect").await;
    page.expect_heading("Azure accounts").await;
    page.expect_text("Connected \"Azure production\".").await;
    page.click_link("Azure production").await;
    page.expect_text(&format!("/subscriptions/{SUBSCRIPTION}"))
        .await;

    // Home counts all three providers together.
    page.click_nav("Home").await;
    page.expect_heading("Home").await;
    let rows = page
        .browser
        .client
        .find_all(Locator::Css(".summary-table tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 3);
    page.expect_text("Azure").await;

    page.goto("/integrations/azure").await;
    page.click_link("Azure production").await;
    page.click_button("Remove").await;
    page.fill("Password", PASSWORD).await;
    page.click_button("Remove account").await;
    page.expect_text("No Azure accounts are linked yet.").await;
    page.close().await;
}
