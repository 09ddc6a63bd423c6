//! Log in sends people only to the app's own pages, whatever `next` says.

use std::time::{Duration, Instant};

use crate::support::dist_dir;
use crate::support::flows::PASSWORD;
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer};

/// `next` as a phishing link would carry it: a tab between two slashes,
/// which a URL parser drops, leaving `//evil.example`.
const HOSTILE: &str = "/login?next=/%09/evil.example";

impl Page<'_> {
    /// Waits until the tab shows `path` of this app, failing as soon as it is
    /// anywhere else than the app's own origin.
    async fn expect_to_stay_at(&self, path: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let url = self.browser.client.current_url().await.unwrap();
            let origin = url.origin().ascii_serialization();
            assert!(
                self.server.url("/").starts_with(&origin),
                "the tab left the app for {url}"
            );
            if self.path().await == path {
                // Long enough for a late redirect to show.
                tokio::time::sleep(Duration::from_millis(500)).await;
                let url = self.browser.client.current_url().await.unwrap();
                assert_eq!(url.origin().ascii_serialization(), origin, "{url}");
                assert_eq!(self.path().await, path, "{url}");
                return;
            }
            assert!(Instant::now() < deadline, "expected {path}, at {url}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Marks the document, so that a later check can tell the app moved
    /// within the page rather than loading a new one.
    async fn mark_document(&self) {
        self.browser
            .client
            .execute("window.__sameDocument = true;", vec![])
            .await
            .unwrap();
    }

    async fn still_the_same_document(&self) -> bool {
        let v = self
            .browser
            .client
            .execute("return window.__sameDocument === true;", vec![])
            .await
            .unwrap();
        v.as_bool().unwrap()
    }

    async fn log_in_here(&self, email: &str) {
        self.expect_heading("Log in").await;
        self.fill("Email", email).await;
        self.fill("Password", PASSWORD).await;
        self.click_button("Log in").await;
    }
}

#[tokio::test]
async fn a_hostile_next_leaves_people_on_the_app() {
    let server = StaticServer::start(&dist_dir(), ServerOptions::default());
    let page = Page::open(&server, "/signup").await;
    let email = "redirect@example.com";
    page.create_account(email).await;
    page.sign_out().await;

    page.goto(HOSTILE).await;
    page.log_in_here(email).await;
    page.expect_to_stay_at("/welcome").await;
    page.expect_heading("Select your preferred cloud service or platform")
        .await;

    // Already signed in: the same link must not send the person away either.
    page.browser
        .client
        .goto(&server.url(HOSTILE))
        .await
        .unwrap();
    page.expect_to_stay_at("/welcome").await;
    page.expect_heading("Select your preferred cloud service or platform")
        .await;
    page.close().await;
}

#[tokio::test]
async fn log_in_returns_to_the_page_asked_for_without_reloading() {
    let server = StaticServer::start(&dist_dir(), ServerOptions::default());
    let page = Page::open(&server, "/signup").await;
    let email = "return@example.com";
    page.create_account(email).await;
    page.sign_out().await;

    page.goto("/integrations/microsoft").await;
    page.expect_to_stay_at("/login").await;
    page.mark_document().await;
    page.log_in_here(email).await;
    page.expect_to_stay_at("/integrations/microsoft").await;
    page.expect_heading("Microsoft").await;
    assert!(
        page.still_the_same_document().await,
        "log in loaded a new document instead of moving within the app"
    );
    page.close().await;
}
