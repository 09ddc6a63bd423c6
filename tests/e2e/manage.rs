//! Keeping linked accounts working: Edit, Renew certificate, and the expiry
//! list on Home.

use std::process::Command;

use base64ct::{Base64, Encoding};
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::checks::{check_certificate_files, python_verify_assertion, TempDir};
use crate::embed::{app_for, framing, portal};
use crate::support::fake_login::FakeLogin;
use crate::support::flows::PASSWORD;
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer};
use crate::support::{dist_dir, serve_with_config, temp_dir};

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";

fn serve(login: &FakeLogin) -> StaticServer {
    serve_with_config(login.config_json())
}

impl Page<'_> {
    /// Links a Microsoft 365 account and opens its page; its SHA-1.
    async fn link_and_open(&self, name: &str) -> String {
        self.open_link_page_from_integrations().await;
        self.fill_link_form(name, TENANT, APP, "Contoso Ltd").await;
        let sha1 = self.generate().await;
        self.click_button("Connect").await;
        self.expect_heading("Microsoft 365 accounts").await;
        self.click_link(name).await;
        self.expect_heading(name).await;
        sha1
    }

    async fn text_of(&self, css: &str) -> String {
        self.find(Locator::Css(css)).await.text().await.unwrap()
    }

    /// A button inside the element matching `within` (an XPath step).
    async fn click_in(&self, within: &str, text: &str) {
        let xpath = format!("{within}//button[normalize-space()='{text}']");
        self.find(Locator::XPath(&xpath))
            .await
            .click()
            .await
            .unwrap();
    }

    async fn wait_text_gone(&self, text: &str) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        while self.body_text().await.contains(text) {
            assert!(std::time::Instant::now() < deadline, "{text:?} stayed");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }

    /// Writes the signed-in person's accounts, as an earlier visit would have.
    async fn seed_accounts(&self, integrations: Value) {
        let id = self.user_id().await;
        let doc = json!({"version": 1, "revision": 1, "data": {"integrations": integrations}});
        self.storage_set(&format!("cloudlink.user.{id}"), &doc.to_string())
            .await;
    }
}

#[tokio::test]
async fn editing_a_microsoft_account_keeps_its_certificate() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = serve(&login);
    let page = Page::open(&server, "/signup").await;
    page.create_account("editor@example.com").await;
    let sha1 = page.link_and_open("Before Edit").await;

    page.click_button("Edit").await;
    page.expect_text("The tenant cannot change").await;
    page.expect_text("The certificate keeps the name it was made with")
        .await;
    page.fill("Organization Name", "").await;
    page.click_button("Save changes").await;
    page.expect_text("Fix the fields marked above").await;
    page.fill("Microsoft Account Name", "After Edit").await;
    page.fill("Organization Name", "Fabrikam Ltd").await;
    page.click_button("Save changes").await;
    page.expect_text("Saved changes to \"After Edit\"").await;

    page.reload().await;
    page.expect_heading("After Edit").await;
    page.expect_text("Fabrikam Ltd").await;
    assert_eq!(
        page.text_of("#thumbprint-sha1").await,
        sha1,
        "same certificate"
    );
    page.goto("/integrations/microsoft/m365").await;
    page.expect_text("After Edit").await;
    assert!(!page.body_text().await.contains("Before Edit"));
    page.close().await;
}

#[tokio::test]
async fn an_aws_role_arn_edit_is_checked_like_the_link_form() {
    let server = StaticServer::start(&dist_dir(), ServerOptions::default());
    let page = Page::open(&server, "/signup").await;
    page.create_account("aws-editor@example.com").await;
    page.seed_accounts(json!([{
        "id": "aws-1", "provider": "aws", "name": "Payer", "created_ms": 1, "status": "connected",
        "details": {"kind": "aws", "account_type": "linked",
            "role_arn": "arn:aws:iam::123456789012:role/CloudLinkReadOnly",
            "external_id": "ab".repeat(24)}
    }]))
    .await;
    page.goto("/integrations/aws/aws-1").await;
    page.expect_heading("Payer").await;
    page.click_button("Edit").await;
    page.fill("Role ARN", "arn:aws:iam::12:role/Nope").await;
    page.click_button("Save changes").await;
    let field = page.field("Role ARN").await;
    assert_eq!(
        field.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    page.expect_text("Fix the fields marked above").await;
    page.fill("Role ARN", "arn:aws:iam::210987654321:role/Renamed")
        .await;
    page.click_button("Save changes").await;
    // The page was loaded afresh, so the password comes first.
    page.expect_text("Unlock your keys").await;
    page.fill("Password", PASSWORD).await;
    page.click_button("Unlock").await;
    page.expect_text("Saved changes to \"Payer\"").await;
    page.reload().await;
    page.expect_text("arn:aws:iam::210987654321:role/Renamed")
        .await;
    page.expect_text("ab".repeat(24).as_str()).await;
    page.close().await;
}

#[tokio::test]
async fn a_renewed_certificate_takes_over_sign_ins_and_the_old_key_can_be_forgotten() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let host = portal();
    let app = app_for(&host, &login, "");
    let page = Page::open(&app, "/signup").await;
    page.create_account("renewer@example.com").await;
    page.open_link_page_from_integrations().await;
    page.fill_link_form("Renewed Corp", TENANT, APP, "Contoso Ltd")
        .await;
    let old_sha = page.generate().await;
    page.click_button("Download certificate (.pem)").await;
    let old_pem = page.downloaded("Renewed-Corp.pem").await;
    page.click_button("Connect").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.click_link("Renewed Corp").await;
    page.expect_heading("Renewed Corp").await;
    let detail = page.path().await;
    let id = detail.rsplit('/').next().unwrap().to_string();

    page.click_button("Renew certificate").await;
    page.click_button("Generate new certificate").await;
    let new_sha = page.text_of("#new-thumbprint-sha1").await;
    assert_ne!(new_sha, old_sha);
    assert_eq!(
        page.text_of("#thumbprint-sha1").await,
        old_sha,
        "the current one stays"
    );
    page.find(Locator::Css("#renewal .script-text summary"))
        .await
        .click()
        .await
        .unwrap();
    let script = page.text_of("#renewal pre.script").await;
    assert!(
        script.contains("--append") && script.contains(&new_sha) && script.contains(APP),
        "the renewal script appends this certificate to this app: {script}"
    );
    let renewal = "//section[@id='renewal']";
    page.click_in(renewal, "Download certificate (.cer)").await;
    page.click_in(renewal, "Download certificate (.pem)").await;
    let new_pem = page.downloaded("Renewed-Corp-new.pem").await;
    let new_der = page.downloaded("Renewed-Corp-new.cer").await;
    check_certificate_files(&new_pem, &new_der, &new_sha).unwrap_or_else(|e| panic!("{e}"));

    // A pending renewal survives a reload, sealed like a draft.
    page.reload().await;
    assert_eq!(page.text_of("#new-thumbprint-sha1").await, new_sha);

    // In the portal: unlock by logging in again, then switch certificates.
    page.open_window_at(&host.url(&framing(&app.url(&detail))))
        .await;
    page.enter_app_frame().await;
    page.sign_out().await;
    page.fill("Email", "renewer@example.com").await;
    page.fill("Password", PASSWORD).await;
    page.click_button("Log in").await;
    page.expect_heading("Home").await;
    page.click_nav("Integrations").await;
    page.click_link("Microsoft").await;
    page.click_link("M365").await;
    page.click_link("Renewed Corp").await;
    page.expect_heading("Renewed Corp").await;
    page.click_button("Use the new certificate").await;
    page.expect_text("The new certificate is in use").await;
    assert_eq!(page.text_of("#thumbprint-sha1").await, new_sha);
    assert_eq!(page.text_of("#previous-thumbprint-sha1").await, old_sha);
    page.leave_frame().await;
    let updated = page.wait_message("cloudlink:account-updated", None).await;
    assert_eq!(
        updated["data"]["account"]["thumbprintSha1"],
        new_sha.as_str()
    );

    page.post_to_app(
        json!({"type": "cloudlink:assertion-request", "requestId": "renewed", "accountId": id}),
        &app.origin,
    )
    .await;
    let reply = page
        .wait_message("cloudlink:assertion", Some("renewed"))
        .await;
    let jwt = reply["data"]["assertion"].as_str().unwrap();
    let files = TempDir::new("renewal");
    let jwt_path = files.write("a.jwt", jwt);
    python_verify_assertion(&new_pem, &jwt_path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        python_verify_assertion(&old_pem, &jwt_path).is_err(),
        "signed with the new key, not the old"
    );

    // Forget the previous certificate: its sealed key leaves storage.
    page.enter_app_frame().await;
    let user_doc = |all: Vec<(String, String)>| {
        all.into_iter()
            .find(|(k, _)| k.starts_with("cloudlink.user.") && !k.ends_with(".drafts"))
            .map(|(_, v)| v)
            .unwrap()
    };
    let doc: Value = serde_json::from_str(&user_doc(page.storage_all().await)).unwrap();
    let old_sealed = doc["data"]["integrations"][0]["details"]["previous_certificate"]["key"]
        ["sealed"]
        .as_str()
        .unwrap()
        .to_string();
    page.click_button("Forget previous certificate").await;
    page.fill("Password", "not my password").await;
    page.click_button("Forget certificate").await;
    page.expect_text("That password is not correct.").await;
    assert_eq!(page.text_of("#previous-thumbprint-sha1").await, old_sha);
    page.fill("Password", PASSWORD).await;
    page.click_button("Forget certificate").await;
    page.wait_text_gone("Previous certificate").await;
    assert!(
        page.storage_all()
            .await
            .iter()
            .all(|(_, v)| !v.contains(&old_sealed)),
        "the previous sealed key is gone"
    );
    page.close().await;
}

/// A self-signed certificate valid for `days`, made by openssl; its key is
/// thrown away with the temporary folder.
fn certificate_for_days(days: u32) -> String {
    let dir = temp_dir("expiring");
    let out = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=Soon",
        ])
        .args(["-days", &days.to_string(), "-outform", "DER"])
        .arg("-keyout")
        .arg(dir.join("key.pem"))
        .arg("-out")
        .arg(dir.join("cert.der"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let der = std::fs::read(dir.join("cert.der")).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    Base64::encode_string(&der)
}

#[tokio::test]
async fn home_lists_a_certificate_that_expires_soon_with_a_way_to_renew() {
    let server = StaticServer::start(&dist_dir(), ServerOptions::default());
    let page = Page::open(&server, "/signup").await;
    page.create_account("expiry@example.com").await;
    page.seed_accounts(json!([{
        "id": "soon-1", "provider": "microsoft", "name": "Soon Expiring", "created_ms": 1,
        "status": "connected",
        "details": {"kind": "entra", "tenant": TENANT, "tenant_guid": TENANT,
            "application_id": APP, "organization": "Contoso", "cloud": "global",
            "certificate": {"der": certificate_for_days(10), "key_type": "rsa-2048",
                "key": {"iv": "AA==", "sealed": "AA=="}}}
    }]))
    .await;
    page.goto("/").await;
    page.expect_heading("Home").await;
    page.expect_text("Soon Expiring").await;
    page.expect_text("Expires in 10 days").await;
    page.click_link("Renew the certificate of Soon Expiring")
        .await;
    page.expect_heading("Soon Expiring").await;
    page.find(Locator::XPath(
        "//button[normalize-space()='Generate new certificate']",
    ))
    .await;
    page.close().await;
}

#[tokio::test]
async fn a_thousand_accounts_list_quickly_and_search_finds_one() {
    let server = StaticServer::start(&dist_dir(), ServerOptions::default());
    let page = Page::open(&server, "/signup").await;
    page.create_account("many@example.com").await;
    let der = certificate_for_days(365);
    let accounts: Vec<Value> = (0..1000)
        .map(|i| {
            json!({
                "id": format!("acc-{i}"), "provider": "microsoft", "name": format!("Account {i}"),
                "created_ms": 1, "status": "connected",
                "details": {"kind": "entra", "tenant": TENANT, "tenant_guid": null,
                    "application_id": format!("0b5f3c6e-8d2a-4f1e-9c3b-{i:012}"),
                    "organization": format!("Org {i}"), "cloud": "global",
                    "certificate": {"der": der, "key_type": "rsa-2048",
                        "key": {"iv": "AA==", "sealed": "AA=="}}}
            })
        })
        .collect();
    page.seed_accounts(Value::Array(accounts)).await;
    page.goto("/integrations/microsoft/m365").await;
    page.expect_text("Showing 50 of 1000 linked").await;
    page.expect_text("Account 49").await;
    assert!(
        !page.body_text().await.contains("Account 777"),
        "rendered a page at a time"
    );

    page.fill("Search accounts", "account 777").await;
    page.expect_text("Showing 1 of 1 matching").await;
    page.expect_text("Account 777").await;
    page.fill("Search accounts", "0b5f3c6e-8d2a-4f1e-9c3b-000000000123")
        .await;
    page.expect_text("Account 123").await;
    page.fill("Search accounts", "northwind").await;
    page.expect_text("No linked account matches the search.")
        .await;
    page.fill("Search accounts", "").await;
    page.click_button("Show more accounts").await;
    page.expect_text("Showing 100 of 1000 linked").await;

    page.goto("/").await;
    page.expect_heading("Home").await;
    page.expect_text("1000").await;
    page.close().await;
}
