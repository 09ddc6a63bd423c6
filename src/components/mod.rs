//! The parts pages compose; each owns its behaviour, so a page only arranges
//! them.

pub mod account_form;
pub mod accounts;
pub mod certificate;
pub mod form;
pub mod shell;
pub mod troubleshoot;
