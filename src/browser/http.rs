//! Requests to another origin: reading a public JSON document, and the
//! sign-in's token request and Graph calls.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestInit, RequestMode, Response};

/// Why a request did not produce a response at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreachable;

/// How long a sign-in host has to answer. A host a network silently drops
/// (a national cloud behind a firewall, say) must not leave a check asking
/// for ever.
const TIMEOUT_MS: i32 = 8_000;

/// GET `url` without credentials; the status and body, or `Unreachable` when
/// the network, CORS or a blocker stopped it, or no answer came in time.
pub async fn get_text(url: &str) -> Result<(u16, String), Unreachable> {
    let init = RequestInit::new();
    init.set_method("GET");
    fetch(url, init, TIMEOUT_MS).await
}

/// Graph may take a while to create an app; longer than a tenant check.
const SEND_TIMEOUT_MS: i32 = 60_000;

/// Sends `body` with `headers` (name, value) by `method`, without cookies:
/// the token request and Graph calls authenticate only by what they carry.
pub async fn send(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<(u16, String), Unreachable> {
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let sent = Headers::new().map_err(|_| Unreachable)?;
    for (name, value) in headers {
        sent.append(name, value).map_err(|_| Unreachable)?;
    }
    init.set_headers(&sent);
    if let Some(body) = body {
        init.set_body(&wasm_bindgen::JsValue::from_str(body));
    }
    fetch(url, init, SEND_TIMEOUT_MS).await
}

async fn fetch(
    url: &str,
    init: RequestInit,
    timeout_ms: i32,
) -> Result<(u16, String), Unreachable> {
    let window = web_sys::window().ok_or(Unreachable)?;
    init.set_mode(RequestMode::Cors);
    if let Ok(controller) = web_sys::AbortController::new() {
        init.set_signal(Some(&controller.signal()));
        let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.unchecked_ref(),
            timeout_ms,
        );
    }
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| Unreachable)?;
    let response: Response = response.dyn_into().map_err(|_| Unreachable)?;
    let status = response.status();
    let text = JsFuture::from(response.text().map_err(|_| Unreachable)?)
        .await
        .map_err(|_| Unreachable)?
        .as_string()
        .unwrap_or_default();
    Ok((status, text))
}
