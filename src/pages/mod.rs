//! One component per page, named with a `Page` suffix; each page is thin and
//! calls into `domain`, `crypto`, `state` or `browser` for real work. Paths
//! and breadcrumbs come from `crate::domain::app::routes`, never from another
//! page.
//!
//! `entra/` serves Microsoft 365 and Azure with one set of pages, told apart
//! by an `EntraFlow`; `aws/` holds the AWS pages.

pub mod aws;
pub mod config_error;
pub mod entra;
pub mod frame_refused;
pub mod home;
pub mod integrations;
pub mod login;
pub mod microsoft;
pub mod not_found;
pub mod signup;
pub mod welcome;
