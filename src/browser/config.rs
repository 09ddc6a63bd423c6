//! Reading `config.json` beside the entry page, and applying its theme.

use crate::browser::http;
use crate::domain::app::{parse_config, Config, ConfigError};

/// The deployment's configuration. A missing file means the defaults; a file
/// that is there but wrong is an error naming the key.
pub async fn load() -> Result<Config, ConfigError> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    // Beside the entry page, wherever the app is mounted.
    let url = web_sys::Url::new_with_base("config.json", &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| "config.json".into());
    match http::get_text(&url).await {
        Ok((200, body)) => parse_config(&body),
        Ok((404, _)) => Ok(Config::default()),
        Ok((status, _)) => Err(ConfigError {
            key: String::new(),
            problem: format!("could not be loaded (HTTP {status})"),
        }),
        Err(http::Unreachable) => Ok(Config::default()),
    }
}

/// The accent colour is the one theming value a deployment may set here;
/// everything else is CSS custom properties.
pub fn apply_theme(config: &Config) {
    use wasm_bindgen::JsCast;
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
