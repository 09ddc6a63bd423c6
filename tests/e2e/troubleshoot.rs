//! Troubleshoot on a linked Microsoft account: a pasted error is answered
//! with checks against the account, a pasted token stays in the page.

use fantoccini::Locator;
use sha1::{Digest, Sha1};

use crate::support::dist_dir;
use crate::support::fake_login::FakeLogin;
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer};

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";
const NAME: &str = "Contoso Production";
const SECTION: &str = "//section[@aria-labelledby='troubleshoot-title']";

fn serve(config: String) -> StaticServer {
    StaticServer::start(
        &dist_dir(),
        ServerOptions {
            config_json: Some(config),
            ..Default::default()
        },
    )
}

/// What Microsoft answers a client assertion signed with an unknown key.
fn error_700027(thumbprint: &str) -> String {
    format!(
        "{{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{APP}'.]\\r\\nTrace ID: 40dccc8c-276d-4927-b6e0-583bf24f9000\\r\\nCorrelation ID: 55f49a48-adab-4470-b42d-f100f63bc15d\\r\\nTimestamp: 2026-06-09 14:01:21Z\",\"error_codes\":[700027]}}"
    )
}

impl Page<'_> {
    /// Links a Microsoft 365 account through the page and opens it; returns
    /// the SHA-1 thumbprint of its certificate.
    async fn link_one_to_troubleshoot(&self, email: &str) -> String {
        self.create_account(email).await;
        self.open_link_page_from_integrations().await;
        self.fill_link_form(NAME, TENANT, APP, "Contoso").await;
        let sha1 = self.generate().await;
        self.click_button("Connect").await;
        self.expect_heading("Microsoft 365 accounts").await;
        self.click_link(NAME).await;
        self.expect_heading(NAME).await;
        sha1
    }

    async fn in_troubleshoot(&self, xpath: &str) -> fantoccini::elements::Element {
        self.find(Locator::XPath(&format!("{SECTION}{xpath}")))
            .await
    }

    async fn paste_and_check(&self, label: &str, text: &str) {
        // Pasted as a person pastes: all at once, not typed key by key.
        let field = self.field(label).await;
        self.browser
            .client
            .execute(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                vec![serde_json::to_value(&field).unwrap(), text.into()],
            )
            .await
            .unwrap();
        self.click_button("Check").await;
    }
}

#[tokio::test]
async fn an_unregistered_key_error_names_the_current_certificate_or_a_foreign_key() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = serve(login.config_json());
    let page = Page::open(&server, "/signup").await;
    let sha1 = page.link_one_to_troubleshoot("tia@example.com").await;

    // The platform printed the thumbprint in lower case with colons.
    let printed: Vec<String> = sha1
        .to_ascii_lowercase()
        .as_bytes()
        .chunks(2)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    page.paste_and_check("Paste an error", &error_700027(&printed.join(":")))
        .await;
    page.expect_text("this is the current certificate: it is not uploaded to the app")
        .await;
    page.expect_text("Microsoft: “Client assertion failed signature validation.”")
        .await;

    // Its download is that very certificate, and the script appends it.
    page.in_troubleshoot("//button[normalize-space()='Download certificate (.cer)']")
        .await
        .click()
        .await
        .unwrap();
    let der = std::fs::read(page.downloaded("Contoso-Production-current.cer").await).unwrap();
    let digest: String = Sha1::digest(&der)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    assert_eq!(digest, sha1);
    page.in_troubleshoot("//summary[normalize-space()='Read the script']")
        .await
        .click()
        .await
        .unwrap();
    let script = page
        .in_troubleshoot("//pre[@aria-label='Setup script']")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        script.contains(APP),
        "the script names the app it appends to"
    );
    assert!(
        script.contains(&sha1),
        "the script prints the thumbprint it appends"
    );

    page.paste_and_check(
        "Paste an error",
        &error_700027("0123456789ABCDEF0123456789ABCDEF01234567"),
    )
    .await;
    page.expect_text("not a key CloudLink made").await;
    let offers = page
        .browser
        .client
        .find_all(Locator::XPath(&format!(
            "{SECTION}//button[normalize-space()='Download certificate (.cer)']"
        )))
        .await
        .unwrap();
    assert!(offers.is_empty(), "a foreign key offers no certificate");
    page.close().await;
}

#[tokio::test]
async fn unknown_codes_link_to_microsoft_and_bad_input_is_marked_on_its_field() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = serve(login.config_json());
    let page = Page::open(&server, "/signup").await;
    page.link_one_to_troubleshoot("uma@example.com").await;

    let payload = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>";
    page.paste_and_check(
        "Paste an error",
        &format!("AADSTS50173: The provided grant has expired. {payload}"),
    )
    .await;
    let link = page
        .in_troubleshoot("//a[normalize-space()=\"Microsoft's description of AADSTS50173\"]")
        .await;
    assert_eq!(
        link.attr("href").await.unwrap().as_deref(),
        Some("https://login.microsoftonline.com/error?code=50173")
    );
    let pwned = page
        .browser
        .client
        .execute("return window.__pwned === undefined;", vec![])
        .await
        .unwrap();
    assert_eq!(pwned.as_bool(), Some(true), "a payload ran");

    // Over-long text is refused on its field, and so is a broken token.
    page.paste_and_check("Paste an error", &"x".repeat(20_001))
        .await;
    page.expect_text("the check reads at most 20,000").await;
    let error_box = page.field("Paste an error").await;
    assert_eq!(
        error_box.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    let described = error_box
        .attr("aria-describedby")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        described
            .split(' ')
            .any(|d| d == "troubleshoot-error-error"),
        "{described}"
    );

    page.paste_and_check(
        "Paste an access token (optional)",
        "eyJhbGciOiJub25lIn0.not-base64!.x",
    )
    .await;
    page.expect_text("The token's middle part is not base64url")
        .await;
    let token_box = page.field("Paste an access token (optional)").await;
    assert_eq!(
        token_box.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );

    // The token box is empty once the page is left and opened again.
    page.click_nav("Integrations").await;
    page.expect_heading("Integrations").await;
    page.back().await;
    page.expect_heading(NAME).await;
    let token_box = page.field("Paste an access token (optional)").await;
    assert_eq!(token_box.prop("value").await.unwrap().as_deref(), Some(""));
    page.close().await;
}

#[tokio::test]
async fn a_tenant_not_found_is_looked_up_in_every_cloud() {
    // The tenant exists only in the US Government cloud, but was linked as Global.
    let global = FakeLogin::start(&[(TENANT, TENANT)]);
    let us = FakeLogin::start(&[(TENANT, TENANT)]);
    let china = FakeLogin::start(&[]);
    let server = serve(format!(
        r#"{{"signInHosts":{{"global":"{}","us-government":"{}","china":"{}"}}}}"#,
        global.origin, us.origin, china.origin
    ));
    let page = Page::open(&server, "/signup").await;
    page.link_one_to_troubleshoot("val@example.com").await;
    // Microsoft's Global cloud stops answering after linking: its server
    // stops taking connections, which leaves them hanging, as a firewall
    // that drops packets does. The page gives up on it and asks the others.
    drop(global);
    page.paste_and_check(
        "Paste an error",
        &format!("AADSTS90002: Tenant '{TENANT}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.\r\nTrace ID: 1c5a9a2b-3b6d-4e5f-8a7b-9c0d1e2f3a00\r\nTimestamp: 2026-06-09 14:01:21Z"),
    )
    .await;
    page.expect_text("AADSTS90002 (InvalidTenantName)").await;
    page.expect_text(&format!(
        "Tenant {TENANT} lives in the US Government cloud, not in Global"
    ))
    .await;
    assert!(us.requests() >= 1);
    assert!(china.requests() >= 1);
    page.close().await;
}
