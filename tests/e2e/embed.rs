//! The app in a portal's iframe: messages out on link, assertions on request,
//! and nothing for any other origin.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::checks::{python_verify_assertion, TempDir};
use crate::support::fake_login::FakeLogin;
use crate::support::flows::PASSWORD;
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer};
use crate::support::{dist_dir, temp_dir};

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";

/// A portal page on its own origin that frames the app named by its `app`
/// query parameter and records the messages it receives.
pub(crate) fn portal() -> StaticServer {
    let dir = temp_dir("portal");
    let html = r#"<!doctype html><html><head><title>Portal</title></head><body>
<iframe id="app" width="1200" height="900"></iframe>
<script>
window.__messages = [];
addEventListener("message", e => window.__messages.push({ origin: e.origin, data: e.data }));
document.getElementById("app").src = new URLSearchParams(location.search).get("app");
</script></body></html>"#;
    std::fs::write(dir.join("index.html"), html).unwrap();
    StaticServer::start(&dir, ServerOptions::default())
}

/// The app, configured to talk to `portal` and to check tenants at `login`.
pub(crate) fn app_for(portal: &StaticServer, login: &FakeLogin, extra: &str) -> StaticServer {
    let config = format!(
        r#"{{{extra}"parentOrigin":"{}","signInHosts":{{"global":"{}"}}}}"#,
        portal.origin, login.origin
    );
    StaticServer::start(
        &dist_dir(),
        ServerOptions {
            config_json: Some(config),
            ..Default::default()
        },
    )
}

pub(crate) fn framing(app_url: &str) -> String {
    format!("/?app={}", app_url.replace(':', "%3A").replace('/', "%2F"))
}

impl Page<'_> {
    /// From the first-time selection in the framed app to a connected
    /// Microsoft account, then back to the portal.
    pub(crate) async fn link_microsoft_in_frame(&self, name: &str) {
        self.click_link("Microsoft").await;
        self.fill("Microsoft Account Name", name).await;
        self.fill("Tenant ID", TENANT).await;
        self.fill("Application ID", APP).await;
        self.fill("Organization Name", "Contoso").await;
        self.click_button("Generate Public Key").await;
        self.find(Locator::Css("#thumbprint-sha1")).await;
        self.click_button("Connect").await;
        self.expect_heading("Microsoft 365 accounts").await;
        self.leave_frame().await;
    }

    pub(crate) async fn messages(&self) -> Vec<Value> {
        let v = self
            .browser
            .client
            .execute("return window.__messages;", vec![])
            .await
            .unwrap();
        v.as_array().cloned().unwrap_or_default()
    }

    pub(crate) async fn wait_message(&self, kind: &str, request_id: Option<&str>) -> Value {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let found = self.messages().await.into_iter().find(|m| {
                m["data"]["type"] == kind && request_id.is_none_or(|r| m["data"]["requestId"] == r)
            });
            if let Some(m) = found {
                return m;
            }
            assert!(
                Instant::now() < deadline,
                "no {kind} message; got {:?}",
                self.messages().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Asks the app for an assertion for `account_id` and checks it refuses,
    /// and that no assertion was ever given: nobody is signed in.
    pub(crate) async fn expect_no_assertion(
        &self,
        request_id: &str,
        account_id: &str,
        app_origin: &str,
        when: &str,
    ) {
        self.post_to_app(
            json!({"type": "cloudlink:assertion-request", "requestId": request_id, "accountId": account_id}),
            app_origin,
        )
        .await;
        let reply = self.wait_message("cloudlink:error", Some(request_id)).await;
        assert!(
            !self
                .messages()
                .await
                .iter()
                .any(|m| m["data"]["type"] == "cloudlink:assertion"),
            "an assertion was given {when}: {reply:?}"
        );
    }

    pub(crate) async fn post_to_app(&self, message: Value, app_origin: &str) {
        self.browser
            .client
            .execute(
                "document.getElementById('app').contentWindow.postMessage(arguments[0], arguments[1]);",
                vec![message, json!(app_origin)],
            )
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_portal_hears_about_links_and_gets_assertions_that_verify() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    // The app's config names the portal's origin, so the portal starts first.
    let host = portal();
    let app = app_for(&host, &login, "");
    let page = Page::open_other(&host, &framing(&app.url("/signup"))).await;

    page.enter_app_frame().await;
    page.expect_heading("Create account").await;
    page.fill("Email", "portal@example.com").await;
    page.fill("Password", PASSWORD).await;
    page.fill("Confirm password", PASSWORD).await;
    page.click_button("Create account").await;
    page.expect_heading("Select your preferred cloud service or platform")
        .await;
    page.link_microsoft_in_frame("Framed").await;

    let linked = page.wait_message("cloudlink:account-linked", None).await;
    assert_eq!(linked["origin"], app.origin);
    let account = &linked["data"]["account"];
    assert_eq!(account["tenant"], TENANT);
    assert_eq!(account["applicationId"], APP);
    let pem = account["certificatePem"].as_str().unwrap().to_string();
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"));
    let text = linked["data"].to_string();
    assert!(
        !text.contains("PRIVATE KEY") && !text.contains("sealed"),
        "only public data goes out"
    );

    let id = account["id"].as_str().unwrap().to_string();
    page.post_to_app(
        json!({"type": "cloudlink:assertion-request", "requestId": "r1", "accountId": id}),
        &app.origin,
    )
    .await;
    let reply = page.wait_message("cloudlink:assertion", Some("r1")).await;
    let jwt = reply["data"]["assertion"].as_str().unwrap();
    let files = TempDir::new("embed");
    let pem_path = files.write("cert.pem", &pem);
    python_verify_assertion(&pem_path, &files.write("good.jwt", jwt))
        .unwrap_or_else(|e| panic!("{e}"));
    // A changed payload must not verify.
    let parts: Vec<&str> = jwt.split('.').collect();
    let forged = format!("{}.{}x.{}", parts[0], parts[1], parts[2]);
    assert!(python_verify_assertion(&pem_path, &files.write("bad.jwt", forged)).is_err());

    // A malformed request gets an error reply and changes nothing.
    page.post_to_app(
        json!({"type": "cloudlink:assertion-request", "requestId": "r2"}),
        &app.origin,
    )
    .await;
    let error = page.wait_message("cloudlink:error", Some("r2")).await;
    assert!(error["data"]["message"]
        .as_str()
        .unwrap()
        .contains("accountId"));
    page.close().await;
}

#[tokio::test]
async fn messages_from_another_origin_are_ignored() {
    let trusted = portal();
    let config = format!(r#"{{"parentOrigin":"{}"}}"#, trusted.origin);
    let app = StaticServer::start(
        &dist_dir(),
        ServerOptions {
            config_json: Some(config),
            ..Default::default()
        },
    );
    // A third origin frames the app and asks.
    let stranger = portal();
    let page = Page::open_other(&stranger, &framing(&app.url("/signup"))).await;
    page.enter_any_frame().await;
    page.leave_frame().await;
    page.post_to_app(
        json!({"type": "cloudlink:assertion-request", "requestId": "x1", "accountId": "any"}),
        &app.origin,
    )
    .await;
    page.post_to_app(json!({"type": "nonsense"}), &app.origin)
        .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(
        page.messages().await.is_empty(),
        "the app answered a stranger: {:?}",
        page.messages().await
    );
    page.close().await;
}

impl Page<'_> {
    /// Signs `user` in from the portal, repeating until the app (which may
    /// still be loading) answers.
    /// Signs `user` in from the portal and links a Microsoft account named
    /// `name` in the frame; the linked account's id, as the portal heard it.
    pub(crate) async fn sign_in_and_link(
        &self,
        user: &str,
        name: &str,
        app_origin: &str,
    ) -> String {
        self.portal_sign_in(user, app_origin, "s").await;
        self.enter_app_frame().await;
        self.link_microsoft_in_frame(name).await;
        let linked = self.wait_message("cloudlink:account-linked", None).await;
        linked["data"]["account"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub(crate) async fn portal_sign_in(&self, user: &str, app_origin: &str, attempt: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        for n in 0.. {
            let id = format!("{attempt}-{n}");
            let message = json!({"type": "cloudlink:sign-in", "requestId": id, "user": {"id": user, "email": "pat@example.com"}});
            self.post_to_app(message, app_origin).await;
            tokio::time::sleep(Duration::from_millis(400)).await;
            let answered = self
                .messages()
                .await
                .into_iter()
                .any(|m| m["data"]["requestId"] == id.as_str());
            if answered {
                let reply = self.wait_message("cloudlink:signed-in", Some(&id)).await;
                assert_eq!(reply["data"]["userId"], user);
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the app never answered the sign-in"
            );
        }
    }
}

#[tokio::test]
async fn in_host_identity_mode_the_portal_signs_in_and_keys_survive_a_reload() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let host = portal();
    let app = app_for(&host, &login, r#""identityMode":"host","#);
    let page = Page::open_other(&host, &framing(&app.url("/"))).await;
    page.enter_app_frame().await;
    page.expect_heading("Waiting for sign-in").await;
    page.leave_frame().await;

    page.portal_sign_in("portal-user-1", &app.origin, "s").await;
    page.enter_app_frame().await;
    page.expect_heading("Select your preferred cloud service or platform")
        .await;
    assert!(
        !page.body_text().await.contains("Sign out"),
        "the portal owns sign-in and sign-out"
    );
    page.link_microsoft_in_frame("Hosted").await;
    let linked = page.wait_message("cloudlink:account-linked", None).await;
    let pem = linked["data"]["account"]["certificatePem"]
        .as_str()
        .unwrap()
        .to_string();
    let id = linked["data"]["account"]["id"]
        .as_str()
        .unwrap()
        .to_string();

    // After a reload the key is still usable, without any password.
    page.browser
        .client
        .execute(
            "const f = document.getElementById('app'); f.src = f.src;",
            vec![],
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    page.portal_sign_in("portal-user-1", &app.origin, "again")
        .await;
    page.post_to_app(
        json!({"type": "cloudlink:assertion-request", "requestId": "h1", "accountId": id}),
        &app.origin,
    )
    .await;
    let reply = page.wait_message("cloudlink:assertion", Some("h1")).await;
    let files = TempDir::new("hosted");
    python_verify_assertion(
        &files.write("cert.pem", &pem),
        &files.write("a.jwt", reply["data"]["assertion"].as_str().unwrap()),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    page.close().await;
}

/// A portal page that opens the app in a popup instead of a frame, and a
/// sibling frame of its own origin beside the framed app; both record every
/// reply into the portal's `__messages`.
fn portal_with_popup_and_sibling() -> StaticServer {
    let dir = temp_dir("portal-popup");
    let html = r#"<!doctype html><html><head><title>Portal</title></head><body>
<iframe id="app" width="1200" height="900"></iframe>
<iframe id="sibling" src="sibling.html"></iframe>
<script>
window.__messages = [];
addEventListener("message", e => window.__messages.push({ origin: e.origin, data: e.data, to: "portal" }));
document.getElementById("app").src = new URLSearchParams(location.search).get("app");
window.openPopup = url => { window.__popup = window.open(url, "cloudlink"); return !!window.__popup; };
window.postToPopup = (m, o) => window.__popup.postMessage(m, o);
</script></body></html>"#;
    let sibling = r#"<!doctype html><html><body><script>
addEventListener("message", e => parent.__messages.push({ origin: e.origin, data: e.data, to: "sibling" }));
window.send = (m, o) => parent.document.getElementById("app").contentWindow.postMessage(m, o);
</script></body></html>"#;
    std::fs::write(dir.join("index.html"), html).unwrap();
    std::fs::write(dir.join("sibling.html"), sibling).unwrap();
    StaticServer::start(&dir, ServerOptions::default())
}

fn sign_in_message(user: &str, request_id: &str) -> Value {
    json!({"type": "cloudlink:sign-in", "requestId": request_id, "user": {"id": user, "email": "pat@example.com"}})
}

#[tokio::test]
async fn a_popup_opened_by_the_portal_origin_is_not_answered() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let host = portal_with_popup_and_sibling();
    let app = app_for(&host, &login, r#""identityMode":"host","#);
    let page = Page::open_other(&host, "/").await;
    let portal_window = page.window().await;
    let opened = page
        .browser
        .client
        .execute(
            "return window.openPopup(arguments[0]);",
            vec![json!(app.url("/"))],
        )
        .await
        .unwrap();
    assert_eq!(opened, json!(true), "the popup opened");
    // Keep asking while the popup loads, so it cannot miss the requests.
    for n in 0..10 {
        page.browser
            .client
            .execute(
                "window.postToPopup(arguments[0], arguments[1]); window.postToPopup(arguments[2], arguments[1]);",
                vec![
                    sign_in_message("popup-user", &format!("p{n}")),
                    json!(app.origin),
                    json!({"type": "cloudlink:assertion-request", "requestId": format!("a{n}"), "accountId": "any"}),
                ],
            )
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    assert!(
        page.messages().await.is_empty(),
        "the popup answered: {:?}",
        page.messages().await
    );
    let handles = page.browser.client.windows().await.unwrap();
    let popup = handles
        .into_iter()
        .find(|h| *h != portal_window)
        .expect("the popup window");
    page.switch_to(&popup).await;
    page.expect_heading("Waiting for sign-in").await;
    page.close().await;
}

#[tokio::test]
async fn another_window_on_the_portal_origin_is_not_answered() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let host = portal_with_popup_and_sibling();
    let app = app_for(&host, &login, r#""identityMode":"host","#);
    let page = Page::open_other(&host, &framing(&app.url("/"))).await;
    page.enter_app_frame().await;
    page.expect_heading("Waiting for sign-in").await;
    page.leave_frame().await;
    for n in 0..5 {
        page.browser
            .client
            .execute(
                "document.getElementById('sibling').contentWindow.send(arguments[0], arguments[1]);",
                vec![sign_in_message("sibling-user", &format!("s{n}")), json!(app.origin)],
            )
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    // The parent hears the page's own ready and resize, and nothing else.
    let answers: Vec<Value> = page
        .messages()
        .await
        .into_iter()
        .filter(|m| {
            m["to"] != "portal"
                || !["cloudlink:ready", "cloudlink:resize"]
                    .contains(&m["data"]["type"].as_str().unwrap_or(""))
        })
        .collect();
    assert!(
        answers.is_empty(),
        "the app answered a sibling frame: {answers:?}"
    );
    page.enter_app_frame().await;
    page.expect_heading("Waiting for sign-in").await;
    page.leave_frame().await;
    // The parent itself is still heard.
    page.portal_sign_in("portal-user", &app.origin, "ok").await;
    page.close().await;
}

#[tokio::test]
async fn the_portal_signs_out_and_the_keys_are_forgotten() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let host = portal();
    let app = app_for(&host, &login, r#""identityMode":"host","#);
    let page = Page::open_other(&host, &framing(&app.url("/"))).await;
    page.enter_app_frame().await;
    page.expect_heading("Waiting for sign-in").await;
    page.leave_frame().await;
    let id = page
        .sign_in_and_link("leaver", "Leaving", &app.origin)
        .await;

    page.post_to_app(
        json!({"type": "cloudlink:sign-out", "requestId": "o1"}),
        &app.origin,
    )
    .await;
    page.wait_message("cloudlink:signed-out", Some("o1")).await;
    page.enter_app_frame().await;
    page.expect_heading("Waiting for sign-in").await;
    let body = page.body_text().await;
    assert!(
        !body.contains("Leaving"),
        "the last user's account shows: {body}"
    );
    page.leave_frame().await;
    page.expect_no_assertion("after", &id, &app.origin, "after sign-out")
        .await;
    page.close().await;
}

impl Page<'_> {
    pub(crate) async fn open_aws_link_in_frame(&self) {
        self.click_link("AWS").await;
        self.expect_heading("Link a New AWS Account").await;
    }

    pub(crate) async fn value_of(&self, label: &str) -> String {
        self.field(label)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }
}

#[tokio::test]
async fn signing_in_another_user_closes_the_previous_users_form_and_drafts() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let host = portal();
    let app = app_for(&host, &login, r#""identityMode":"host","#);
    let page = Page::open_other(&host, &framing(&app.url("/"))).await;
    page.enter_app_frame().await;
    page.expect_heading("Waiting for sign-in").await;
    page.leave_frame().await;
    page.portal_sign_in("ann", &app.origin, "a").await;
    page.enter_app_frame().await;
    page.open_aws_link_in_frame().await;
    page.fill("AWS Account Name", "Ann's account").await;
    page.leave_frame().await;
    page.portal_sign_in("bob", &app.origin, "b").await;

    page.enter_app_frame().await;
    // Bob sees his own, empty form, not Ann's.
    page.expect_heading("Link a New AWS Account").await;
    assert_eq!(page.value_of("AWS Account Name").await, "");
    page.fill("AWS Account Name", "Bob's account").await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let storage = page.storage_all().await;
    let drafts_of = |user: &str| {
        storage
            .iter()
            .find(|(k, _)| {
                k.starts_with("cloudlink.user.host.") && k.contains(user) && k.ends_with(".drafts")
            })
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (ann, bob) = (drafts_of("ann"), drafts_of("bob"));
    assert!(
        ann.contains("Ann's account"),
        "Ann's draft is kept: {storage:?}"
    );
    assert!(bob.contains("Bob's account"), "{storage:?}");
    assert!(!bob.contains("Ann"), "Ann's draft leaked into Bob's: {bob}");
    page.close().await;
}

#[tokio::test]
async fn the_app_refuses_to_work_in_a_frame_of_another_origin() {
    let trusted = portal();
    let config = format!(r#"{{"parentOrigin":"{}"}}"#, trusted.origin);
    let app = StaticServer::start(
        &dist_dir(),
        ServerOptions {
            config_json: Some(config),
            ..Default::default()
        },
    );
    let stranger = portal();
    let page = Page::open_other(&stranger, &framing(&app.url("/signup"))).await;
    page.enter_any_frame().await;
    page.expect_heading("This page cannot be shown here").await;
    assert_eq!(page.controls_count().await, 0, "no form to click into");
    page.leave_frame().await;
    page.close().await;

    // The trusted portal still gets the app.
    let page = Page::open_other(&trusted, &framing(&app.url("/signup"))).await;
    page.enter_app_frame().await;
    page.expect_heading("Create account").await;
    page.close().await;
}

impl Page<'_> {
    async fn controls_count(&self) -> usize {
        self.browser
            .client
            .find_all(Locator::Css("input, button"))
            .await
            .unwrap()
            .len()
    }

    pub(crate) async fn external_id_shown(&self) -> String {
        self.find(Locator::Id("external-id"))
            .await
            .text()
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn the_portal_issues_the_aws_external_id_and_an_edited_draft_cannot_replace_it() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let host = portal();
    let app = app_for(
        &host,
        &login,
        r#""identityMode":"host","awsPlatformAccountId":"210987654321","#,
    );
    let issued = "portal-issued-0123456789abcdef0123456789";
    let victims = "victim-external-id-0123456789abcdef012345";
    let page = Page::open_other(&host, &framing(&app.url("/"))).await;
    page.enter_app_frame().await;
    page.expect_heading("Waiting for sign-in").await;
    page.leave_frame().await;
    let sign_in = |id: &str| json!({"type": "cloudlink:sign-in", "requestId": id, "user": {"id": "issuer"}, "externalId": issued});
    page.post_to_app(sign_in("s1"), &app.origin).await;
    page.wait_message("cloudlink:signed-in", Some("s1")).await;
    page.enter_app_frame().await;
    page.open_aws_link_in_frame().await;
    assert_eq!(page.external_id_shown().await, issued);
    page.expect_text("issued by the portal").await;
    page.fill("AWS Account Name", "Issued").await;
    tokio::time::sleep(Duration::from_millis(800)).await;

    // Someone edits the stored draft to carry another External ID.
    let (key, value) = page
        .storage_all()
        .await
        .into_iter()
        .find(|(k, v)| k.ends_with(".drafts") && v.contains(issued))
        .expect("the draft carries the issued External ID");
    page.storage_set(&key, &value.replace(issued, victims))
        .await;
    page.leave_frame().await;
    page.browser
        .client
        .execute(
            "const f = document.getElementById('app'); f.src = f.src;",
            vec![],
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    page.enter_app_frame().await;
    page.expect_heading("Waiting for sign-in").await;
    page.leave_frame().await;
    page.post_to_app(sign_in("s2"), &app.origin).await;
    page.wait_message("cloudlink:signed-in", Some("s2")).await;
    page.enter_app_frame().await;
    page.open_aws_link_in_frame().await;
    assert_eq!(
        page.value_of("AWS Account Name").await,
        "Issued",
        "the draft was read"
    );
    assert_eq!(page.external_id_shown().await, issued);
    assert!(!page.body_text().await.contains(victims));
    page.fill(
        "Role ARN",
        "arn:aws:iam::123456789012:role/CloudLinkReadOnly",
    )
    .await;
    page.click_button("Connect").await;
    page.expect_heading("AWS accounts").await;
    page.leave_frame().await;
    let linked = page.wait_message("cloudlink:account-linked", None).await;
    assert_eq!(linked["data"]["account"]["externalId"], issued);
    page.close().await;
}

#[tokio::test]
async fn the_page_says_it_is_ready_and_refuses_a_portal_of_another_major_version() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let host = portal();
    let app = app_for(&host, &login, r#""identityMode":"host","#);
    let page = Page::open_other(&host, &framing(&app.url("/"))).await;
    let ready = page.wait_message("cloudlink:ready", None).await;
    assert_eq!(ready["origin"], app.origin);
    assert_eq!(ready["data"]["protocol"], "1.0");
    page.wait_message("cloudlink:resize", None).await;

    page.post_to_app(
        json!({"type": "cloudlink:hello", "protocol": "2.0"}),
        &app.origin,
    )
    .await;
    let refusal = page.wait_message("cloudlink:error", None).await;
    assert_eq!(refusal["data"]["code"], "unsupported-protocol", "{refusal}");
    page.post_to_app(sign_in_message("later", "s1"), &app.origin)
        .await;
    let reply = page.wait_message("cloudlink:error", Some("s1")).await;
    assert_eq!(reply["data"]["code"], "unsupported-protocol", "{reply}");
    assert!(
        !page
            .messages()
            .await
            .iter()
            .any(|m| m["data"]["type"] == "cloudlink:signed-in"),
        "no sign-in for a portal the page does not understand"
    );

    // A portal of this major version is heard again.
    page.post_to_app(
        json!({"type": "cloudlink:hello", "protocol": "1.3"}),
        &app.origin,
    )
    .await;
    page.post_to_app(sign_in_message("later", "s2"), &app.origin)
        .await;
    page.wait_message("cloudlink:signed-in", Some("s2")).await;
    page.close().await;
}
