//! Log in, first-time selection and Home, as the help page states the rules.

use fantoccini::Locator;

use crate::support::dist_dir;
use crate::support::flows::PASSWORD;
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer};

fn server() -> StaticServer {
    StaticServer::start(&dist_dir(), ServerOptions::default())
}

#[tokio::test]
async fn a_new_account_sees_the_selection_until_something_is_connected() {
    let server = server();
    let page = Page::open(&server, "/").await;
    page.wait_for_path("/login").await;
    page.create_account("Ada@Example.com ").await;
    for choice in ["AWS", "Azure", "Microsoft"] {
        page.expect_text(choice).await;
    }

    // The selection survives a reload, and Home still leads to it.
    page.reload().await;
    page.expect_heading("Select your preferred cloud service or platform")
        .await;
    page.goto("/").await;
    page.expect_heading("Select your preferred cloud service or platform")
        .await;

    // Once an account is connected, Home is the landing page for good.
    page.seed_connected_account("Contoso production").await;
    page.goto("/welcome").await;
    page.expect_heading("Home").await;
    page.wait_for_path("/").await;
    page.expect_text("Welcome back, ada@example.com.").await;
    page.expect_text("Microsoft").await;

    page.sign_out().await;
    page.log_in_as("ada@example.com", PASSWORD).await;
    page.expect_heading("Home").await;

    // An existing email cannot be registered twice.
    page.sign_out().await;
    page.goto("/signup").await;
    page.fill("Email", "ADA@example.com").await;
    page.fill("Password", PASSWORD).await;
    page.fill("Confirm password", PASSWORD).await;
    page.click_button("Create account").await;
    page.expect_text("An account with this email already exists")
        .await;
    let email = page.field("Email").await;
    assert_eq!(
        email.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    let described = email.attr("aria-describedby").await.unwrap().unwrap();
    assert!(described.contains("email-error"), "{described}");
    page.close().await;
}

#[tokio::test]
async fn wrong_passwords_read_like_unknown_emails_and_are_throttled() {
    let server = server();
    let page = Page::open(&server, "/signup").await;
    page.create_account("bob@example.com").await;
    page.sign_out().await;

    page.log_in_as("nobody@example.com", PASSWORD).await;
    page.expect_text("Email or password is incorrect").await;
    let unknown = page
        .find(Locator::Css(".form-error"))
        .await
        .text()
        .await
        .unwrap();

    page.log_in_as("bob@example.com", "wrong password!").await;
    page.expect_text("Email or password is incorrect").await;
    let wrong = page
        .find(Locator::Css(".form-error"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(unknown, wrong, "both failures must read the same");

    // Five failures in all for this email, then each try must wait.
    for _ in 0..4 {
        page.fill("Password", "still wrong!!").await;
        page.click_button("Log in").await;
        page.find(Locator::XPath(
            "//button[normalize-space()='Log in' and not(@disabled)]",
        ))
        .await;
    }
    page.expect_text("Try again in").await;
    page.fill("Password", PASSWORD).await;
    page.click_button("Log in").await;
    page.expect_text("Too many failed attempts. Try again in")
        .await;
    assert_eq!(
        page.path().await,
        "/login",
        "a throttled try does not log in"
    );
    page.close().await;
}

#[tokio::test]
async fn a_deep_link_while_signed_out_returns_there_after_logging_in() {
    let server = server();
    let page = Page::open(&server, "/signup").await;
    page.create_account("cy@example.com").await;
    page.sign_out().await;

    page.goto("/integrations/microsoft/m365").await;
    page.expect_heading("Log in").await;
    let entries = page.history_length().await;
    let url = page.browser.client.current_url().await.unwrap();
    assert_eq!(url.query(), Some("next=/integrations/microsoft/m365"));
    page.fill("Email", "cy@example.com").await;
    page.fill("Password", PASSWORD).await;
    page.click_button("Log in").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.wait_for_path("/integrations/microsoft/m365").await;

    // Both redirects replaced the history entry, so Back cannot bounce.
    assert_eq!(
        page.history_length().await,
        entries,
        "redirects added history entries"
    );
    page.close().await;
}

#[tokio::test]
async fn two_users_in_one_browser_never_see_each_other() {
    let server = server();
    let page = Page::open(&server, "/signup").await;
    page.create_account("dee@example.com").await;
    page.seed_connected_account("Dee's tenant").await;
    page.goto("/integrations/microsoft/m365").await;
    page.expect_text("Dee's tenant").await;
    page.sign_out().await;

    page.create_account("eve@example.com").await;
    page.goto("/integrations/microsoft/m365").await;
    page.expect_text("No Microsoft 365 accounts are linked yet.")
        .await;
    assert!(!page.body_text().await.contains("Dee's tenant"));
    page.close().await;
}

#[tokio::test]
async fn corrupted_stored_data_is_kept_aside_with_a_notice() {
    let server = server();
    let page = Page::open(&server, "/signup").await;
    page.create_account("fay@example.com").await;
    let key = format!("cloudlink.user.{}", page.user_id().await);
    page.storage_set(&key, "{\"version\":1,\"data\":{\"integrations\":[oops")
        .await;
    page.reload().await;
    page.expect_text("Saved data could not be read").await;
    let backups: Vec<_> = page
        .storage_all()
        .await
        .into_iter()
        .filter(|(k, _)| k.starts_with(&format!("{key}.backup.")))
        .collect();
    assert_eq!(backups.len(), 1, "one backup key");
    assert_eq!(
        backups[0].1,
        "{\"version\":1,\"data\":{\"integrations\":[oops"
    );
    assert!(
        page.body_text().await.contains(&backups[0].0),
        "the notice names the backup key"
    );
    // The page carries on with a clean state.
    page.expect_heading("Select your preferred cloud service or platform")
        .await;
    page.close().await;
}
