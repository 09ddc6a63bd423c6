//! The frame every page lives in.

use fantoccini::Locator;

use crate::support::dist_dir;
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer};

#[tokio::test]
async fn side_panel_reaches_integrations_and_unknown_urls_show_not_found() {
    let server = StaticServer::start(&dist_dir(), ServerOptions::default());
    let page = Page::open(&server, "/signup").await;
    page.create_account("shell@example.com").await;
    page.click_nav("Home").await;
    // Before the first connection, Home leads to the first-time selection.
    page.expect_heading("Select your preferred cloud service or platform")
        .await;

    page.click_nav("Integrations").await;
    page.wait_for_path("/integrations").await;
    page.expect_heading("Integrations").await;
    let current = page
        .find(Locator::Css("nav a[aria-current='page']"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        current.ends_with("Integrations"),
        "current section is {current:?}"
    );
    for provider in ["AWS", "Azure", "Microsoft"] {
        page.expect_text(provider).await;
    }

    // A deep link survives a reload.
    page.reload().await;
    page.expect_heading("Integrations").await;

    page.goto("/no/such/page").await;
    page.expect_heading("Page not found").await;
    page.expect_text("/no/such/page").await;
    page.close().await;
}

#[tokio::test]
async fn back_and_forward_retrace_the_pages_visited() {
    let server = StaticServer::start(&dist_dir(), ServerOptions::default());
    let page = Page::open(&server, "/signup").await;
    page.create_account("history@example.com").await;
    page.click_nav("Integrations").await;
    page.wait_for_path("/integrations").await;
    page.click_link("Microsoft").await;
    page.wait_for_path("/integrations/microsoft").await;
    page.expect_heading("Microsoft").await;
    page.click_link("M365").await;
    page.wait_for_path("/integrations/microsoft/m365").await;
    page.expect_heading("Microsoft 365 accounts").await;

    page.back().await;
    page.wait_for_path("/integrations/microsoft").await;
    page.expect_heading("Microsoft").await;
    page.back().await;
    page.wait_for_path("/integrations").await;
    page.expect_heading("Integrations").await;
    page.forward().await;
    page.wait_for_path("/integrations/microsoft").await;
    page.expect_heading("Microsoft").await;
    page.close().await;
}
