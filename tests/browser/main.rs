//! In-browser tests: run by wasm-bindgen-test-runner in headless Chromium.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod support;

mod account_list;
mod certificate_step;
mod config;
mod dialog;
mod field;
mod home_copy;
mod host_keys;
mod sdk;
mod shell;
mod storage;
mod tabs;
mod task;
mod webcrypto;
