//! A portal's identity messages (sign-in, sign-out, External ID) land in the
//! order they were sent, even when the portal sends them back to back.

use serde_json::{json, Value};

use crate::embed::{app_for, framing, portal};
use crate::support::fake_login::FakeLogin;
use crate::support::page::Page;

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

fn sign_in(user: &str, request_id: &str) -> Value {
    json!({"type": "cloudlink:sign-in", "requestId": request_id, "user": {"id": user, "email": "pat@example.com"}})
}

impl Page<'_> {
    /// Posts `messages` to the framed app in one script, so they arrive
    /// back to back.
    async fn post_all_to_app(&self, messages: Vec<Value>, app_origin: &str) {
        self.browser
            .client
            .execute(
                "const w = document.getElementById('app').contentWindow;
                 for (const m of arguments[0]) w.postMessage(m, arguments[1]);",
                vec![json!(messages), json!(app_origin)],
            )
            .await
            .unwrap();
    }

    /// The type and request id of every message the portal got, in order.
    async fn inbox(&self) -> Vec<String> {
        self.messages()
            .await
            .iter()
            .filter(|m| m["data"]["type"] != "cloudlink:resize")
            .map(|m| format!("{} {}", m["data"]["type"], m["data"]["requestId"]))
            .collect()
    }

    /// Where in the portal's inbox the reply to `request_id` is.
    async fn reply_index(&self, request_id: &str) -> usize {
        self.messages()
            .await
            .iter()
            .position(|m| m["data"]["requestId"] == request_id)
            .unwrap_or_else(|| panic!("no reply to {request_id}"))
    }
}

#[tokio::test]
async fn a_sign_out_sent_right_after_a_sign_in_wins() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let host = portal();
    let app = app_for(&host, &login, r#""identityMode":"host","#);
    let page = Page::open_other(&host, &framing(&app.url("/"))).await;
    let id = page
        .sign_in_and_link("stayer", "Ordered", &app.origin)
        .await;

    page.post_all_to_app(
        vec![
            sign_in("stayer", "again"),
            json!({"type": "cloudlink:sign-out", "requestId": "out"}),
        ],
        &app.origin,
    )
    .await;
    page.wait_message("cloudlink:signed-out", Some("out")).await;
    page.wait_message("cloudlink:signed-in", Some("again"))
        .await;
    assert!(
        page.reply_index("again").await < page.reply_index("out").await,
        "the sign-out was answered before the sign-in sent ahead of it: {:?}",
        page.inbox().await
    );
    page.expect_no_assertion(
        "late",
        &id,
        &app.origin,
        "after the portal was told signed-out",
    )
    .await;
    page.enter_app_frame().await;
    page.expect_heading("Waiting for sign-in").await;
    page.close().await;
}

#[tokio::test]
async fn of_two_sign_ins_sent_back_to_back_the_second_user_stays() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let host = portal();
    let app = app_for(&host, &login, r#""identityMode":"host","#);
    let page = Page::open_other(&host, &framing(&app.url("/"))).await;
    let id = page
        .sign_in_and_link("second", "Second's", &app.origin)
        .await;

    for round in 0..3 {
        let (a, b) = (format!("first-{round}"), format!("second-{round}"));
        page.post_all_to_app(
            vec![sign_in("first", &a), sign_in("second", &b)],
            &app.origin,
        )
        .await;
        page.wait_message("cloudlink:signed-in", Some(&a)).await;
        page.wait_message("cloudlink:signed-in", Some(&b)).await;
        let asked = format!("whose-{round}");
        page.post_to_app(
            json!({"type": "cloudlink:assertion-request", "requestId": asked, "accountId": id}),
            &app.origin,
        )
        .await;
        let reply = loop {
            let found = page
                .messages()
                .await
                .into_iter()
                .find(|m| m["data"]["requestId"] == asked.as_str());
            if let Some(m) = found {
                break m;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        };
        assert_eq!(
            reply["data"]["type"], "cloudlink:assertion",
            "round {round}: the first user is signed in, not the second: {reply:?}"
        );
    }
    page.close().await;
}

#[tokio::test]
async fn an_external_id_sent_right_after_a_sign_in_is_kept() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let host = portal();
    let app = app_for(
        &host,
        &login,
        r#""identityMode":"host","awsPlatformAccountId":"210987654321","#,
    );
    let issued = "issued-after-sign-in-0123456789abcdef0123";
    let page = Page::open_other(&host, &framing(&app.url("/"))).await;
    page.portal_sign_in("issuer", &app.origin, "s").await;
    page.post_all_to_app(
        vec![
            sign_in("issuer", "again"),
            json!({"type": "cloudlink:external-id", "requestId": "e1", "externalId": issued}),
        ],
        &app.origin,
    )
    .await;
    page.wait_message("cloudlink:signed-in", Some("again"))
        .await;
    page.wait_message("cloudlink:external-id-taken", Some("e1"))
        .await;
    page.enter_app_frame().await;
    page.open_aws_link_in_frame().await;
    assert_eq!(
        page.external_id_shown().await,
        issued,
        "the sign-in that was sent first undid the External ID"
    );
    page.close().await;
}
