//! The contract between the app and the page's start scripts, which run
//! before the wasm (`public/start.js`, `public/first-page.js`): the window
//! globals, element ids, storage keys and causes both sides name. The app
//! spells each one here; a test reads the scripts and checks that they name
//! the same, and nothing else.

/// The read of `config.json` that `start.js` begins before the wasm: a
/// promise of `[status, body]`, or of `null` when nothing answered.
pub const CONFIG_GLOBAL: &str = "cloudlinkConfig";
/// `cloudlinkFailed(cause)` draws the message that the app cannot run.
pub const FAILED_GLOBAL: &str = "cloudlinkFailed";
/// Set by the app as it mounts: the scripts stop waiting for it and show no
/// copy of a page any more.
pub const MOUNTED_GLOBAL: &str = "cloudlinkMounted";

/// The element a copy of a page is shown in until the app mounts.
pub const COPY_ID: &str = "prerender";
/// The message that the app cannot run.
pub const START_FAILURE_ID: &str = "start-failure";
/// The app's notice of a panic, which the message adds to.
pub const PANIC_NOTICE_ID: &str = "panic-notice";
/// The pages whose build-time copy the entry page carries, by app path
/// without its `/`.
pub const COPIED_PAGES: [&str; 2] = ["login", "signup"];

/// The id of the `<template>` holding `page`'s build-time copy.
pub fn template_id(page: &str) -> String {
    format!("{COPY_ID}-{page}")
}

/// After the storage prefix, in session storage: the email typed into a
/// copy of Log in, kept across a reload from the message.
pub const KEPT_EMAIL_KEY: &str = "keptEmail";

/// A file the app needs did not arrive.
pub const LOAD_FAILED: &str = "load-failed";
/// The app stopped on an internal error.
pub const PANIC: &str = "panic";

#[cfg(test)]
mod tests;
