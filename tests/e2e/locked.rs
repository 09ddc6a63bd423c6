//! A page that was reloaded or left idle changes nothing for good until the
//! password is given again: Use the new certificate, Cancel renewal and Save
//! changes each ask for it first.

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::support::fake_login::FakeLogin;
use crate::support::flows::PASSWORD;
use crate::support::page::Page;
use crate::support::serve_with_config;

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";
const UNLOCK: &str = "Unlock your keys";

impl Page<'_> {
    async fn css_text(&self, css: &str) -> String {
        self.find(Locator::Css(css)).await.text().await.unwrap()
    }

    /// The signed-in person's stored accounts document.
    async fn accounts_doc(&self) -> Value {
        let raw = self
            .storage_all()
            .await
            .into_iter()
            .find(|(k, _)| k.starts_with("cloudlink.user.") && !k.contains(".drafts"))
            .map(|(_, v)| v)
            .expect("a stored accounts document");
        serde_json::from_str(&raw).unwrap()
    }

    /// Links a Microsoft 365 account, renews its certificate and reloads its
    /// page, which forgets the unlocked keys: (current, new) SHA-1.
    async fn pending_renewal_after_reload(&self, name: &str) -> (String, String) {
        self.open_link_page_from_integrations().await;
        self.fill_link_form(name, TENANT, APP, "Contoso Ltd").await;
        let current = self.generate().await;
        self.click_button("Connect").await;
        self.expect_heading("Microsoft 365 accounts").await;
        self.click_link(name).await;
        self.expect_heading(name).await;
        self.click_button("Renew certificate").await;
        self.click_button("Generate new certificate").await;
        let new = self.css_text("#new-thumbprint-sha1").await;
        self.reload().await;
        self.expect_heading(name).await;
        assert_eq!(self.css_text("#new-thumbprint-sha1").await, new);
        (current, new)
    }

    /// Waits for the password form, which takes focus so a keyboard or
    /// screen-reader user hears the request.
    async fn expect_unlock(&self) {
        self.expect_text(UNLOCK).await;
        assert_eq!(self.focused_text().await, UNLOCK, "the request took focus");
    }

    async fn unlock(&self) {
        self.expect_unlock().await;
        self.fill("Password", PASSWORD).await;
        self.click_button("Unlock").await;
    }
}

#[tokio::test]
async fn use_the_new_certificate_asks_for_the_password_after_a_reload() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = serve_with_config(login.config_json());
    let page = Page::open(&server, "/signup").await;
    page.create_account("locked-use@example.com").await;
    let (current, new) = page.pending_renewal_after_reload("Locked Use").await;
    let before = page.accounts_doc().await;

    page.click_button("Use the new certificate").await;
    page.expect_unlock().await;
    assert_eq!(
        page.css_text("#thumbprint-sha1").await,
        current,
        "the switch waits for the password"
    );
    assert_eq!(
        page.accounts_doc().await["revision"],
        before["revision"],
        "nothing was stored before the password"
    );
    page.unlock().await;
    page.expect_text("The new certificate is in use").await;
    assert_eq!(page.css_text("#thumbprint-sha1").await, new);
    page.close().await;
}

#[tokio::test]
async fn cancel_renewal_asks_for_the_password_after_a_reload() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = serve_with_config(login.config_json());
    let page = Page::open(&server, "/signup").await;
    page.create_account("locked-cancel@example.com").await;
    let (_, new) = page.pending_renewal_after_reload("Locked Cancel").await;

    page.click_button("Cancel renewal").await;
    page.expect_unlock().await;
    let doc = page.accounts_doc().await;
    assert!(
        doc["data"]["integrations"][0]["details"]["pending_certificate"].is_object(),
        "the pending certificate and its key were dropped without a password: {doc}"
    );
    assert_eq!(page.css_text("#new-thumbprint-sha1").await, new);
    page.unlock().await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while page.body_text().await.contains("New certificate") {
        assert!(std::time::Instant::now() < deadline, "the renewal stayed");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    page.close().await;
}

#[tokio::test]
async fn an_edit_saved_after_a_reload_asks_for_the_password_first() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = serve_with_config(login.config_json());
    let page = Page::open(&server, "/signup").await;
    page.create_account("locked-edit@example.com").await;
    let id = page.user_id().await;
    let arn = "arn:aws:iam::123456789012:role/CloudLinkReadOnly";
    let doc = json!({"version": 1, "revision": 1, "data": {"integrations": [{
        "id": "aws-1", "provider": "aws", "name": "Payer", "created_ms": 1, "status": "connected",
        "details": {"kind": "aws", "account_type": "linked", "role_arn": arn,
            "external_id": "ab".repeat(24)}
    }]}});
    page.storage_set(&format!("cloudlink.user.{id}"), &doc.to_string())
        .await;
    page.goto("/integrations/aws/aws-1").await;
    page.expect_heading("Payer").await;
    page.click_button("Edit").await;
    let renamed = "arn:aws:iam::210987654321:role/Renamed";
    page.fill("Role ARN", renamed).await;
    page.click_button("Save changes").await;
    page.expect_unlock().await;
    assert!(
        page.accounts_doc().await.to_string().contains(arn),
        "the Role ARN changed without a password"
    );
    page.unlock().await;
    page.expect_text("Saved changes to \"Payer\"").await;
    assert!(page.accounts_doc().await.to_string().contains(renamed));
    page.close().await;
}
