//! Cards start and end with their content: an empty status or error line
//! stays in the page, ready to be announced, but takes no room.

use serde_json::Value;

use crate::support::fake_login::FakeLogin;
use crate::support::page::Page;
use crate::support::serve_with_config;

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";

/// For each panel whose first shown content sits below its padding, or whose
/// last ends above it, the panel's heading or class and by how much; then
/// how many live regions are empty, and which of those take room.
const MEASURE: &str = r#"
const out = { bands: [], emptyLive: 0, roomy: [] };
for (const panel of document.querySelectorAll('.panel')) {
  const box = panel.getBoundingClientRect();
  const cs = getComputedStyle(panel);
  const contentTop = box.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop);
  const shown = [...panel.querySelectorAll('*')].filter(el => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && el.textContent.trim() !== '' || el.matches('input, textarea, select, button');
  });
  if (shown.length === 0) continue;
  const contentBottom = box.bottom - parseFloat(cs.borderBottomWidth) - parseFloat(cs.paddingBottom);
  const top = Math.min(...shown.map(el => el.getBoundingClientRect().top));
  const bottom = Math.max(...shown.map(el => el.getBoundingClientRect().bottom));
  const title = panel.querySelector('h2');
  const name = title ? title.textContent : panel.className;
  if (top - contentTop > 1) out.bands.push(`${name}: ${Math.round(top - contentTop)}px`);
  if (contentBottom - bottom > 1) out.bands.push(`${name}: ${Math.round(contentBottom - bottom)}px at the bottom`);
}
for (const el of document.querySelectorAll('[role=status], [role=alert], [aria-live]')) {
  if (el.textContent.trim() !== '') continue;
  out.emptyLive += 1;
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  if (r.height > 0 || parseFloat(cs.marginTop) > 0 || parseFloat(cs.marginBottom) > 0) {
    out.roomy.push(el.outerHTML.slice(0, 80));
  }
}
return out;
"#;

/// The widths checked: a laptop and a small phone.
const WIDTHS: [u32; 2] = [1280, 360];

impl Page<'_> {
    async fn expect_no_empty_bands(&self, what: &str) {
        for width in WIDTHS {
            let c = &self.browser.client;
            c.set_window_size(width, 1000).await.unwrap();
            self.expect_no_empty_bands_now(&format!("{what} at {width} px"))
                .await;
        }
    }

    async fn expect_no_empty_bands_now(&self, what: &str) {
        let v: Value = self.browser.client.execute(MEASURE, vec![]).await.unwrap();
        assert_eq!(
            v["bands"],
            Value::Array(vec![]),
            "{what}: cards open or close with a blank band"
        );
        assert!(
            v["emptyLive"].as_u64().unwrap() > 0,
            "{what}: the empty live regions are still in the page"
        );
        assert_eq!(
            v["roomy"],
            Value::Array(vec![]),
            "{what}: empty live regions take room"
        );
    }
}

#[tokio::test]
async fn cards_open_with_their_content_and_empty_live_regions_take_no_room() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = serve_with_config(login.config_json());
    let page = Page::open(&server, "/signup").await;
    page.create_account("layout@example.com").await;
    page.open_link_page_from_integrations().await;
    page.expect_no_empty_bands("the empty link page").await;
    page.fill_link_form("Layout Co", TENANT, APP, "Layout Ltd")
        .await;
    page.generate().await;
    page.expect_no_empty_bands("the link page after Generate")
        .await;

    page.click_button("Connect").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.click_link("Layout Co").await;
    page.expect_heading("Layout Co").await;
    page.expect_no_empty_bands("an account page").await;
    page.click_button("Edit").await;
    page.click_button("Renew certificate").await;
    page.expect_text("Generate new certificate").await;
    page.expect_no_empty_bands("an account page with Edit and Renew open")
        .await;

    page.goto("/integrations/aws/new").await;
    page.expect_heading("Link a New AWS Account").await;
    page.expect_no_empty_bands("the AWS link page").await;
    page.close().await;
}
