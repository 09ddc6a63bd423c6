//! Browser glue: the only place that calls `web_sys` directly. Pages and
//! components use these functions so that everything else stays pure.

pub mod clipboard;
pub mod clock;
pub mod config;
pub mod download;
pub mod embed;
pub mod focus;
pub mod handoff;
pub mod home_copy;
pub mod http;
pub mod idle;
pub mod key_store;
pub mod location;
pub mod locks;
pub mod panic;
pub mod random;
pub mod sign_in_popup;
pub mod start_failure;
pub mod storage;
pub mod storage_events;
pub mod tab;
pub mod webcrypto;
