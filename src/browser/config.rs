//! Reading `config.json` beside the entry page, and applying its theme.

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser::http;
use crate::domain::app::{parse_config, start_page, Config, ConfigError};

/// Why there is no configuration to start with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The file is there but wrong: the error names the key.
    Invalid(ConfigError),
    /// Nothing answered. The defaults would be a guess: in a portal's frame
    /// or under another storage prefix they show the wrong page or no
    /// accounts at all.
    Unreachable,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Invalid(e) => e.fmt(f),
            LoadError::Unreachable => {
                f.write_str("config.json could not be reached: check the connection, then reload")
            }
        }
    }
}

/// The deployment's configuration. A missing file (404) means the defaults;
/// a file that is there but wrong is an error naming the key.
pub async fn load() -> Result<Config, LoadError> {
    let read = match started_read() {
        // A started read that has not settled by now is asked again: a
        // preloaded request the browser never finishes must not leave the
        // page blank.
        Some(promise) => match settled_within(promise, STARTED_READ_MS).await {
            Some(Ok(read)) => Ok(read),
            // Nothing answered the early read: ask once more before saying
            // the app cannot start.
            Some(Err(http::Unreachable)) | None => http::get_text(&url()).await,
        },
        None => http::get_text(&url()).await,
    };
    match read {
        Ok((200, body)) => parse_config(&body).map_err(LoadError::Invalid),
        Ok((404, _)) => Ok(Config::default()),
        Ok((status, _)) => Err(LoadError::Invalid(ConfigError {
            key: String::new(),
            problem: format!("could not be loaded (HTTP {status})"),
        })),
        Err(http::Unreachable) => Err(LoadError::Unreachable),
    }
}

/// The read `public/start.js` started (`start_page::CONFIG_GLOBAL`), if the page has
/// one: a promise of `[status, body]`, or of `null` when nothing answered.
fn started_read() -> Option<Promise> {
    let window = web_sys::window()?;
    Reflect::get(&window, &JsValue::from_str(start_page::CONFIG_GLOBAL))
        .ok()?
        .dyn_into()
        .ok()
}

/// How long the read `start.js` started may take before it is asked again.
const STARTED_READ_MS: i32 = 3_000;

/// The started read's result, or `None` if it has not settled within `ms`.
async fn settled_within(
    promise: Promise,
    ms: i32,
) -> Option<Result<(u16, String), http::Unreachable>> {
    let late = JsValue::from_str("late");
    let timer = {
        let late = late.clone();
        Promise::new(&mut |resolve, _| {
            let queued = web_sys::window().is_some_and(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_1(&resolve, ms, &late)
                    .is_ok()
            });
            if !queued {
                let _ = resolve.call1(&JsValue::NULL, &late);
            }
        })
    };
    let first = JsFuture::from(Promise::race(&Array::of2(&promise, &timer)))
        .await
        .unwrap_or(JsValue::NULL);
    if first == late {
        return None;
    }
    Some(pair(first))
}

fn pair(value: JsValue) -> Result<(u16, String), http::Unreachable> {
    let pair: Array = value.dyn_into().ok().ok_or(http::Unreachable)?;
    let status = pair.get(0).as_f64().ok_or(http::Unreachable)?;
    Ok((status as u16, pair.get(1).as_string().unwrap_or_default()))
}

/// `config.json` beside the entry page, wherever the app is mounted.
fn url() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base("config.json", &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| "config.json".into())
}

/// The accent colour is the one theming value a deployment may set here;
/// everything else is CSS custom properties.
pub fn apply_theme(config: &Config) {
    let Some(colour) = &config.accent_color else {
        return;
    };
    // Through the CSSOM rather than a `style` attribute, which a CSP without
    // 'unsafe-inline' blocks.
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        let _ = root.style().set_property("--color-accent", colour);
    }
}
