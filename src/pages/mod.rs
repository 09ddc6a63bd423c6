//! One file per page; each page is thin and calls into `domain`, `crypto`,
//! `state` or `browser` for real work.

pub mod coming_soon;
pub mod config_error;
pub mod home;
pub mod integrations;
pub mod login;
pub mod m365_detail;
pub mod m365_link;
pub mod m365_list;
pub mod microsoft;
pub mod not_found;
pub mod signup;
pub mod welcome;
