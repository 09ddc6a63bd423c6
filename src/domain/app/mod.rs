//! The app around the rules: runtime configuration, the sub-path it is served
//! under, its pages and who may see them, and the messages to an embedding
//! portal.
//!
//! `routes`, `route_rules` and `embed` stay modules: their names (`route`,
//! `NEXT`, `decide`, `linked`, `error`) only read clearly with the module in
//! front.

mod base_path;
mod config;
mod config_values;
pub mod embed;
mod origin;
pub mod route_rules;
pub mod routes;
pub mod start_page;

pub use base_path::{app_path, href, router_base};
pub use config::{
    parse as parse_config, Config, ConfigError, IdentityMode, DEFAULT_STORAGE_PREFIX,
};
pub use origin::{is_loopback_origin, parse_origin, OriginError};
