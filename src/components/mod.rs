//! Reusable pieces of the page.

pub mod account_filter;
pub mod account_list;
pub mod account_missing;
pub mod aws_edit;
pub mod breadcrumbs;
pub mod busy;
pub mod certificate_panel;
pub mod cloud_shell_setup;
pub mod dialog;
pub mod entra_edit;
pub mod entra_instructions;
pub mod expiry_badge;
pub mod field;
pub mod key_options;
pub mod notice_area;
pub mod previous_certificate;
pub mod provider_card;
pub mod remove_account;
pub mod renewal_panel;
pub mod renewal_pending;
pub mod route_guard;
pub mod select_field;
pub mod shell;
pub mod side_nav;
pub mod touched;
pub mod unlock_panel;
