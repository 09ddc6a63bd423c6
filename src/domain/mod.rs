//! Pure product rules: no web-sys, no Leptos. Everything here runs natively.

pub mod base_path;
pub mod provider;
