//! The message the start script (`public/start.js`) shows when the app
//! cannot run (`start_page::FAILED_GLOBAL`): it replaces a copy of Home, keeps what was
//! typed into the copy of Log in, and tells a portal's SDK.

use wasm_bindgen::JsCast;

use crate::domain::app::start_page;

/// Why the app cannot run, in the start script's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// A file the app needs did not arrive.
    LoadFailed,
    /// The app stopped on an internal error; its notice is the message.
    Panic,
}

impl Cause {
    fn name(self) -> &'static str {
        match self {
            Cause::LoadFailed => start_page::LOAD_FAILED,
            Cause::Panic => start_page::PANIC,
        }
    }
}

/// Shows the page's message for `cause`; false when the page has none (a
/// page without the start script), so the caller can say it another way.
pub fn report(cause: Cause) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let failed = js_sys::Reflect::get(&window, &start_page::FAILED_GLOBAL.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match failed {
        Some(failed) => failed.call1(&window, &cause.name().into()).is_ok(),
        None => false,
    }
}
