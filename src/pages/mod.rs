//! One file per page; each page is thin and calls into `domain`, `crypto`,
//! `store` or `browser` for real work.

pub mod home;
pub mod integrations;
pub mod not_found;
