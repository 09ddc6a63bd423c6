//! The parts pages compose; each owns its behaviour, so a page only arranges
//! them.

pub mod account_filter;
pub mod account_list;
pub mod account_missing;
pub mod aws_edit;
pub mod aws_fields;
pub mod breadcrumbs;
pub mod busy;
pub mod certificate_panel;
pub mod certificate_step;
pub mod cloud_shell_setup;
pub mod confirm_password;
pub mod connect_bar;
pub mod dialog;
pub mod edit_form;
pub mod entra_edit;
pub mod entra_fields;
pub mod entra_instructions;
pub mod expiry_badge;
pub mod external_id;
pub mod field;
pub mod instructions_button;
pub mod key_options;
pub mod link;
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
pub mod troubleshoot;
pub mod unlock_panel;
