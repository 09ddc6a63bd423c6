//! Set up with Azure Cloud Shell builds its script only from a name the form
//! accepts. A right-to-left override, a zero-width space or a line separator
//! in the name would make the script read differently from what it runs, so
//! while the name field shows its error, the section says why and offers no
//! script to copy, download or read.

use fantoccini::Locator;

use crate::support::page::Page;
use crate::support::serve_with_config;

impl Page<'_> {
    /// Whether a button reading `text` is on the page now.
    async fn has_button(&self, text: &str) -> bool {
        let xpath = format!("//button[normalize-space()='{text}']");
        self.browser
            .client
            .find(Locator::XPath(&xpath))
            .await
            .is_ok()
    }
}

#[tokio::test]
async fn no_script_is_offered_while_the_name_is_invalid() {
    let server = serve_with_config("{}".into());
    let page = Page::open(&server, "/signup").await;
    page.create_account("shell-name@example.com").await;
    page.open_link_page_from_integrations().await;
    page.fill("Microsoft Account Name", "Contoso").await;
    page.fill("Organization Name", "Contoso Ltd").await;
    page.blur().await;
    page.generate().await;
    page.expect_text("Set up with Azure Cloud Shell").await;
    assert!(page.has_button("Copy script").await);

    for hidden in ["\u{202E}", "\u{200B}", "\u{2028}"] {
        let name = format!("Contoso{hidden}exe.txt");
        page.fill("Microsoft Account Name", &name).await;
        page.blur().await;
        page.expect_text("The script needs a valid name").await;
        for button in ["Copy script", "Download setup script (.sh)"] {
            assert!(!page.has_button(button).await, "{button} with {name:?}");
        }
        let shown = page.browser.client.find(Locator::Css("pre.script")).await;
        assert!(shown.is_err(), "script text shown with {name:?}");
    }

    page.fill("Microsoft Account Name", "Contoso Prod").await;
    page.blur().await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !page.has_button("Copy script").await {
        assert!(std::time::Instant::now() < deadline, "script offered again");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    page.close().await;
}
