//! End-to-end journeys: the release build in `dist/`, served by a static server
//! started here, driven in headless Chromium through chromedriver.
//!
//! Run through `scripts/test.sh`, which builds `dist/` first.
#![cfg(not(target_arch = "wasm32"))]

mod support;

/// The same openssl and Python checks the interop tests run.
#[path = "../interop/checks.rs"]
mod checks;

mod accounts;
mod aws;
mod azure;
mod cloud_shell;
mod cloud_shell_name;
mod embed;
mod first_load;
mod home_copy;
mod hosting;
mod keyboard;
mod layout;
mod locked;
mod manage;
mod microsoft;
mod microsoft_signin;
mod portal;
mod portal_order;
mod redirect;
mod screenshots;
mod sessions;
mod shell;
mod start_failure;
mod tabs;
mod troubleshoot;
