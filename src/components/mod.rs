//! Reusable pieces of the page.

pub mod provider_card;
pub mod shell;
pub mod side_nav;
