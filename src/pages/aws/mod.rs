//! The AWS pages: the list, one account, and the link form.

pub mod detail;
pub mod link;
pub mod list;
