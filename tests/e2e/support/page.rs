//! Page helpers: find things the way a person does, by visible text and label.

use std::time::{Duration, Instant};

use fantoccini::{elements::Element, Client, Locator};

use super::browser::Browser;
use super::server::StaticServer;

const PATIENCE: Duration = Duration::from_secs(15);

/// One person's browser tab on the app served by `server`.
pub struct Page<'s> {
    pub browser: Browser,
    pub server: &'s StaticServer,
}

impl<'s> Page<'s> {
    pub async fn open(server: &'s StaticServer, path: &str) -> Page<'s> {
        let page = Page {
            browser: Browser::start().await,
            server,
        };
        page.goto(path).await;
        page
    }

    fn c(&self) -> &Client {
        &self.browser.client
    }

    /// Loads `path` as if typed into the address bar, and waits for the app.
    pub async fn goto(&self, path: &str) {
        self.c().goto(&self.server.url(path)).await.unwrap();
        self.wait_ready().await;
    }

    pub async fn reload(&self) {
        self.c().refresh().await.unwrap();
        self.wait_ready().await;
    }

    async fn wait_ready(&self) {
        // The app's own header: the build-time copy of Log in or Create
        // account (`#prerender`) has one too, before the app has mounted.
        self.find(Locator::Css("body > .app-header")).await;
    }

    /// The browser's Back button.
    pub async fn back(&self) {
        self.c().back().await.unwrap();
    }

    /// The browser's Forward button.
    pub async fn forward(&self) {
        self.c().forward().await.unwrap();
    }

    /// The path after the mount point, such as `/integrations`.
    pub async fn path(&self) -> String {
        let url = self.c().current_url().await.unwrap();
        let mount = self.server.mount.trim_end_matches('/');
        url.path()
            .strip_prefix(mount)
            .unwrap_or(url.path())
            .to_string()
    }

    pub async fn wait_for_path(&self, expected: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let now = self.path().await;
            if now == expected {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "expected path {expected}, still at {now}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the page's main heading reads `text`.
    pub async fn expect_heading(&self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let now = match self.c().find(Locator::Css("main h1")).await {
                Ok(h) => h.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if now == text {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "expected heading {text:?}, saw {now:?} at {}",
                self.path().await
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until some element matching `locator` exists.
    pub async fn find(&self, locator: Locator<'_>) -> Element {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok(el) = self.c().find(locator).await {
                return el;
            }
            if Instant::now() >= deadline {
                let body = match self.c().find(Locator::Css("body")).await {
                    Ok(b) => b.text().await.unwrap_or_default(),
                    Err(_) => String::new(),
                };
                panic!("nothing matches {locator:?}; the page says:\n{body}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A link in the side navigation panel.
    pub async fn nav_link(&self, text: &str) -> Element {
        let xpath = format!("//nav//a[normalize-space()={}]", xpath_literal(text));
        self.find(Locator::XPath(&xpath)).await
    }

    pub async fn click_nav(&self, text: &str) {
        self.nav_link(text).await.click().await.unwrap();
    }

    /// Clicks the link whose visible text, or whose title inside (as on a
    /// card), is `text`.
    pub async fn click_link(&self, text: &str) {
        let t = xpath_literal(text);
        let xpath = format!("//main//a[normalize-space()={t} or .//*[normalize-space()={t}]]");
        self.find(Locator::XPath(&xpath))
            .await
            .click()
            .await
            .unwrap();
    }

    pub async fn click_button(&self, text: &str) {
        let xpath = format!("//button[normalize-space()={}]", xpath_literal(text));
        self.find(Locator::XPath(&xpath))
            .await
            .click()
            .await
            .unwrap();
    }

    /// The control bound to the label reading `label`.
    pub async fn field(&self, label: &str) -> Element {
        let xpath = format!("//label[normalize-space()={}]", xpath_literal(label));
        let label_el = self.find(Locator::XPath(&xpath)).await;
        let id = label_el
            .attr("for")
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("label {label:?} is not bound to a control"));
        self.find(Locator::Id(&id)).await
    }

    pub async fn fill(&self, label: &str, value: &str) {
        let field = self.field(label).await;
        field.clear().await.unwrap();
        field.send_keys(value).await.unwrap();
    }

    /// The visible text of the whole page body.
    pub async fn body_text(&self) -> String {
        self.find(Locator::Css("body")).await.text().await.unwrap()
    }

    /// Waits until the body mentions `text`.
    pub async fn expect_text(&self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let body = self.body_text().await;
            if body.contains(text) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "page never said {text:?}; it says:\n{body}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Ends the journey; a panic notice anywhere in it fails the test, since
    /// a panic in the page is a bug even where the journey carried on.
    pub async fn close(self) {
        let panicked = match self.c().find(Locator::Id("panic-notice")).await {
            Ok(notice) => Some(notice.attr("data-detail").await.ok().flatten()),
            Err(_) => None,
        };
        self.browser.close().await;
        assert!(
            panicked.is_none(),
            "the page showed its panic notice: {panicked:?}"
        );
    }
}

/// Quotes `s` for XPath, which has no escape character.
fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

impl Page<'_> {
    /// Waits for a downloaded file to be complete in the browser's folder.
    pub async fn downloaded(&self, name: &str) -> std::path::PathBuf {
        let path = self.browser.downloads.join(name);
        let deadline = Instant::now() + PATIENCE;
        loop {
            let partial = self.browser.downloads.join(format!("{name}.crdownload"));
            if path.is_file()
                && !partial.exists()
                && std::fs::metadata(&path)
                    .map(|m| m.len() > 0)
                    .unwrap_or(false)
            {
                return path;
            }
            let seen: Vec<_> = std::fs::read_dir(&self.browser.downloads)
                .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
                .unwrap_or_default();
            assert!(
                Instant::now() < deadline,
                "no download {name}; the folder has {seen:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Moves focus out of the current field, as Tab would.
    pub async fn blur(&self) {
        self.browser
            .client
            .execute(
                "document.activeElement && document.activeElement.blur();",
                vec![],
            )
            .await
            .unwrap();
    }

    pub async fn press_escape(&self) {
        let active = self.browser.client.active_element().await.unwrap();
        active.send_keys("\u{E00C}").await.unwrap();
    }

    /// The id of the focused element.
    pub async fn focused_text(&self) -> String {
        let active = self.browser.client.active_element().await.unwrap();
        active.text().await.unwrap_or_default()
    }
}

impl<'s> Page<'s> {
    /// Opens a page that is not the app itself, such as a portal embedding it.
    pub async fn open_other(server: &'s StaticServer, path: &str) -> Page<'s> {
        let page = Page {
            browser: Browser::start().await,
            server,
        };
        page.c().goto(&server.url(path)).await.unwrap();
        page
    }

    /// Moves WebDriver into the first iframe, and waits for the app there.
    pub async fn enter_app_frame(&self) {
        self.find(Locator::Css("iframe")).await;
        self.c().clone().enter_frame(0).await.unwrap();
        self.wait_ready().await;
    }

    /// Moves WebDriver into the first iframe, and waits for whatever page the
    /// app shows there, the refusal of a stranger's frame included.
    pub async fn enter_any_frame(&self) {
        self.find(Locator::Css("iframe")).await;
        self.c().clone().enter_frame(0).await.unwrap();
        self.find(Locator::Css("main#main")).await;
    }

    pub async fn leave_frame(&self) {
        self.c().clone().enter_parent_frame().await.unwrap();
    }
}

impl<'s> Page<'s> {
    /// Opens a second window in the same browser: it shares local storage,
    /// as a second tab does. WebDriver then drives the new window.
    pub async fn open_window(&self, path: &str) -> fantoccini::wd::WindowHandle {
        let window = self.c().new_window(false).await.unwrap().handle;
        self.c().switch_to_window(window.clone()).await.unwrap();
        self.goto(path).await;
        window
    }

    /// Opens a second window at `url`, such as a portal framing the app.
    pub async fn open_window_at(&self, url: &str) -> fantoccini::wd::WindowHandle {
        let window = self.c().new_window(false).await.unwrap().handle;
        self.c().switch_to_window(window.clone()).await.unwrap();
        self.c().goto(url).await.unwrap();
        window
    }

    pub async fn window(&self) -> fantoccini::wd::WindowHandle {
        self.c().window().await.unwrap()
    }

    /// Drives another window of this browser from now on.
    pub async fn switch_to(&self, window: &fantoccini::wd::WindowHandle) {
        self.c().switch_to_window(window.clone()).await.unwrap();
    }
}
