//! Pure product rules: no web-sys, no Leptos. Everything here runs natively.

pub mod application_id;
pub mod aws_account_type;
pub mod aws_form;
pub mod aws_partition;
pub mod base_path;
pub mod certificate_record;
pub mod cloud;
pub mod cloudformation;
pub mod config;
pub mod credentials;
pub mod display_name;
pub mod drafts;
pub mod edit;
pub mod email;
pub mod embed;
pub mod entra_form;
pub mod expiry;
pub mod external_id;
pub mod file_name;
#[cfg(test)]
pub mod fixtures;
pub mod guid;
pub mod integration;
pub mod openid;
pub mod password;
pub mod provider;
pub mod renewal;
pub mod role_arn;
pub mod route_rules;
pub mod setup_script;
pub mod subscription;
pub mod tenant;
mod text_value;
pub mod throttle;
