//! How long unlocked keys last: wrong passwords on Unlock are throttled like
//! logging in, an idle page forgets the keys, Remove asks for the password,
//! and names refuse invisible formatting characters.

use std::time::{Duration, Instant};

use fantoccini::Locator;

use crate::support::flows::PASSWORD;
use crate::support::page::Page;
use crate::support::serve_with_config;

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";

impl Page<'_> {
    /// Waits until the field with `id` shows `text` as its error, marked
    /// invalid and described by that error.
    async fn expect_error_at(&self, id: &str, text: &str) {
        let field = self.find(Locator::Id(id)).await;
        let message = self.find(Locator::Id(&format!("{id}-error"))).await;
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let now = message.text().await.unwrap();
            if now.contains(text) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{id}: error {now:?}, not {text:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(
            field.attr("aria-invalid").await.unwrap().as_deref(),
            Some("true"),
            "{id}"
        );
        let described = field
            .attr("aria-describedby")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(
            described.split(' ').any(|d| d == format!("{id}-error")),
            "{id}: {described}"
        );
    }

    /// Waits until the button reading `text` can be pressed again.
    async fn wait_enabled(&self, text: &str) {
        self.find(Locator::XPath(&format!(
            "//button[normalize-space()='{text}' and not(@disabled)]"
        )))
        .await;
    }

    async fn wait_text_absent(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.body_text().await.contains(text) {
            assert!(Instant::now() < deadline, "{text:?} stayed");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// A new person with a generated key on the link page; its SHA-1.
    async fn new_user_with_a_key(&self, email: &str) -> String {
        self.create_account(email).await;
        self.open_link_page_from_integrations().await;
        self.fill_link_form("Idle Co", TENANT, APP, "Idle Co").await;
        self.generate().await
    }

    /// Asks to generate again, which needs the private key's wrapping key.
    async fn replace_key(&self) {
        self.click_button("Make a new key").await;
        self.click_button("Replace key").await;
    }
}

#[tokio::test]
async fn wrong_passwords_on_unlock_are_throttled_like_logging_in() {
    let server = serve_with_config("{}".into());
    let page = Page::open(&server, "/signup").await;
    page.new_user_with_a_key("una@example.com").await;
    page.reload().await;
    page.replace_key().await;
    page.expect_text("Unlock your keys").await;

    // Five free tries, as on Log in; the fifth says how long to wait.
    for _ in 0..5 {
        page.fill("Password", "not my password").await;
        page.click_button("Unlock").await;
        page.wait_enabled("Unlock").await;
    }
    page.expect_error_at(
        "unlock-password",
        "That password is not correct. Too many failed attempts. Try again in",
    )
    .await;

    // Even the right password waits its turn.
    page.fill("Password", PASSWORD).await;
    page.click_button("Unlock").await;
    page.wait_enabled("Unlock").await;
    page.expect_error_at("unlock-password", "Too many failed attempts. Try again in")
        .await;
    let message = page
        .find(Locator::Id("unlock-password-error"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        message.starts_with("Too many failed attempts. Try again in"),
        "refused before the password is checked: {message}"
    );
    page.expect_text("Unlock your keys").await;
    page.close().await;
}

#[tokio::test]
async fn an_idle_page_forgets_the_keys_and_asks_for_the_password() {
    // 0.2 minutes: twelve seconds without input.
    let server = serve_with_config(r#"{"idleMinutes":0.2}"#.into());
    let page = Page::open(&server, "/signup").await;
    page.new_user_with_a_key("ida@example.com").await;

    // Input keeps the keys: generating again goes straight on.
    page.replace_key().await;
    page.wait_enabled("Make a new key").await;
    assert!(
        !page.body_text().await.contains("Unlock your keys"),
        "keys are kept while someone is at the page"
    );

    tokio::time::sleep(Duration::from_secs(15)).await;
    page.replace_key().await;
    page.expect_text("Unlock your keys").await;
    page.fill("Password", PASSWORD).await;
    page.click_button("Unlock").await;
    page.wait_text_absent("Unlock your keys").await;
    page.close().await;
}

#[tokio::test]
async fn remove_asks_for_the_password() {
    let server = serve_with_config(crate::support::fake_login::offline_config_json());
    let page = Page::open(&server, "/signup").await;
    page.new_user_with_a_key("rey@example.com").await;
    page.click_button("Connect").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.click_link("Idle Co").await;
    page.expect_heading("Idle Co").await;

    page.click_button("Remove").await;
    page.fill("Password", "not my password").await;
    page.click_button("Remove account").await;
    page.expect_error_at("remove-password", "That password is not correct.")
        .await;
    page.expect_heading("Idle Co").await;

    page.fill("Password", PASSWORD).await;
    page.click_button("Remove account").await;
    page.expect_text("No Microsoft 365 accounts are linked yet.")
        .await;
    page.close().await;
}

#[tokio::test]
async fn names_refuse_invisible_formatting_characters() {
    let server = serve_with_config("{}".into());
    let page = Page::open(&server, "/signup").await;
    page.create_account("bidi@example.com").await;
    page.open_link_page_from_integrations().await;
    // "Contoso" followed by a right-to-left override: it would show as "Contoso dorP".
    page.fill("Microsoft Account Name", "Contoso \u{202E}Prod")
        .await;
    page.blur().await;
    page.expect_error_at("account-name", "invisible formatting characters")
        .await;
    page.fill("Organization Name", "Fabrikam\u{2066}Ltd\u{2069}")
        .await;
    page.blur().await;
    page.expect_error_at("organization-name", "invisible formatting characters")
        .await;
    page.close().await;
}

#[tokio::test]
async fn sign_up_refuses_a_password_of_one_repeated_character() {
    let server = serve_with_config("{}".into());
    let page = Page::open(&server, "/signup").await;
    page.fill("Email", "rep@example.com").await;
    for (weak, reason) in [
        ("aaaaaaaaaaaa", "one character repeated"),
        ("            ", "only spaces"),
    ] {
        page.fill("Password", weak).await;
        page.fill("Confirm password", weak).await;
        page.click_button("Create account").await;
        page.expect_error_at("password", reason).await;
    }
    page.expect_heading("Create account").await;
    page.close().await;
}
