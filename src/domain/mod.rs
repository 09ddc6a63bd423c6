//! Pure product rules: no web-sys, no Leptos. Everything here runs natively.
//!
//! - [`auth`]: signing in: the email, the new-password rule, password
//!   verifiers and failed-login throttling.
//! - [`text`]: what every validated text field shares, display names and safe
//!   file names.
//! - [`entra`]: Microsoft Entra ID and Azure: GUIDs, tenants, application IDs,
//!   Azure scopes, clouds and their sign-in URLs, the tenant check, the link
//!   form, stored certificates and renewal.
//! - [`aws`]: Role ARNs, external IDs, partitions, account types, the
//!   CloudFormation template and the link form.
//! - [`links`]: linked accounts of every provider: the stored records, drafts,
//!   certificate expiry and editing in place.
//! - [`app`]: runtime configuration, the served sub-path, route rules and the
//!   messages to an embedding portal.
//! - [`setup_script`]: the Cloud Shell setup script and the reading of its
//!   output.

pub mod app;
pub mod auth;
pub mod aws;
pub mod entra;
#[cfg(test)]
pub mod fixtures;
pub mod links;
pub mod setup_script;
pub mod text;
