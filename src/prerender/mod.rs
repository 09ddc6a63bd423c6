//! The entry page at build time: trunk's `index.html`, finished by
//! `src/bin/prerender.rs` with Log in and Create account as the app's own
//! components draw them, rendered natively (the `ssr` feature).

pub mod entry_page;
#[cfg(feature = "ssr")]
mod render;

#[cfg(feature = "ssr")]
pub use render::page;
