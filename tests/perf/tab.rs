//! One browser tab on a [`BrotliServer`], driven by scripts run in the page:
//! timings are taken by the page's own clock, so WebDriver's round trips never
//! count.

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::Client;
use serde_json::{json, Value};
use std::time::Duration;

use crate::serve::BrotliServer;
use crate::support::browser::Browser;

/// Helpers every script may use. `until` watches the DOM rather than polling,
/// so it resolves in the same task as the change it waits for.
const PRELUDE: &str = r#"
const __done = arguments[arguments.length - 1];
const __args = Array.prototype.slice.call(arguments, 0, -1);
const byText = (selector, text) =>
  Array.from(document.querySelectorAll(selector)).find(e => e.textContent.trim() === text) || null;
const field = label => {
  const l = byText('label', label);
  return l && l.htmlFor ? document.getElementById(l.htmlFor) : null;
};
const frames = n => new Promise(resolve => {
  const step = k => (k === 0 ? resolve() : requestAnimationFrame(() => step(k - 1)));
  step(n);
});
const until = (what, check, ms) => new Promise((resolve, reject) => {
  const first = check();
  if (first) return resolve(first);
  const obs = new MutationObserver(() => {
    const v = check();
    if (v) { clearTimeout(timer); obs.disconnect(); resolve(v); }
  });
  const timer = setTimeout(() => {
    obs.disconnect();
    reject(new Error('timed out waiting for ' + what + '; the page says: ' + document.body.innerText.slice(0, 800)));
  }, ms || 30000);
  obs.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
});
const type = (el, value) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};
"#;

pub struct Tab<'s> {
    pub browser: Browser,
    pub server: &'s BrotliServer,
}

impl<'s> Tab<'s> {
    /// A new Chromium with an empty profile: nothing cached, nothing stored.
    pub async fn cold(server: &'s BrotliServer) -> Tab<'s> {
        let browser = Browser::start().await;
        browser
            .client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(120)),
                Some(Duration::from_secs(60)),
                Some(Duration::ZERO),
            ))
            .await
            .unwrap();
        Tab { browser, server }
    }

    pub fn client(&self) -> &Client {
        &self.browser.client
    }

    pub async fn goto(&self, path: &str) {
        self.client().goto(&self.server.url(path)).await.unwrap();
    }

    /// Runs `body` as an async function in the page and returns its value.
    /// `__args` holds `args`; a thrown error fails the bench with its message.
    pub async fn run(&self, body: &str, args: Vec<Value>) -> Value {
        let script = format!(
            "{PRELUDE}\n(async () => {{\n{body}\n}})().then(v => __done({{ ok: v === undefined ? null : v }}), e => __done({{ error: String(e && e.stack || e) }}));"
        );
        let out = self
            .client()
            .execute_async(&script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed in the browser: {e}\n{body}"));
        if let Some(err) = out.get("error") {
            panic!("script threw: {}\n{body}", err.as_str().unwrap_or_default());
        }
        out["ok"].clone()
    }

    pub async fn expect_heading(&self, text: &str) {
        self.run(
            "await until('heading ' + __args[0], () => { const h = document.querySelector('main h1'); return h && h.textContent.trim() === __args[0]; });",
            vec![json!(text)],
        )
        .await;
    }

    /// Types `value` into the control labelled `label`, as one input event.
    pub async fn fill(&self, label: &str, value: &str) {
        self.run(
            "const el = await until('field ' + __args[0], () => field(__args[0])); type(el, __args[1]); el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(label), json!(value)],
        )
        .await;
    }

    pub async fn click_button(&self, text: &str) {
        self.run(
            "const b = await until('button ' + __args[0], () => { const b = byText('button', __args[0]); return b && !b.disabled && b; }); b.click();",
            vec![json!(text)],
        )
        .await;
    }

    /// Follows a link inside the app, as the router does for a click: the
    /// page and what it holds in memory stay.
    pub async fn navigate_in_app(&self, path: &str) {
        self.run(
            "const a = document.createElement('a'); a.href = __args[0]; document.body.appendChild(a); a.click(); a.remove();",
            vec![json!(path)],
        )
        .await;
    }

    pub async fn storage_get(&self, key: &str) -> Option<String> {
        self.run("return localStorage.getItem(__args[0]);", vec![json!(key)])
            .await
            .as_str()
            .map(str::to_string)
    }

    pub async fn storage_set(&self, key: &str, value: &str) {
        self.run(
            "localStorage.setItem(__args[0], __args[1]);",
            vec![json!(key), json!(value)],
        )
        .await;
    }

    pub async fn user_id(&self) -> String {
        let session = self
            .storage_get("cloudlink.session")
            .await
            .expect("a stored session");
        let v: Value = serde_json::from_str(&session).unwrap();
        v["data"]["user_id"].as_str().unwrap().to_string()
    }

    pub async fn close(self) {
        self.browser.close().await;
    }
}
