//! One file per page; each page is thin and calls into `domain`, `crypto`,
//! `state` or `browser` for real work.

pub mod aws_accounts;
pub mod aws_link;
pub mod config_error;
pub mod entra_detail;
pub mod entra_draft;
pub mod entra_flow;
pub mod entra_link;
pub mod entra_list;
pub mod home;
pub mod integrations;
pub mod login;
pub mod microsoft;
pub mod not_found;
pub mod signup;
pub mod welcome;
