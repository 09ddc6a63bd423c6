//! The app around the rules: runtime configuration, the sub-path it is served
//! under, who may see which page, and the messages to an embedding portal.
//!
//! `route_rules` and `embed` stay modules: their names (`LOGIN`, `decide`,
//! `linked`, `error`) only read clearly with the module in front.

mod base_path;
mod config;
pub mod embed;
mod origin;
pub mod route_rules;

pub use base_path::{app_path, href, router_base};
pub use config::{
    parse as parse_config, Config, ConfigError, IdentityMode, DEFAULT_STORAGE_PREFIX,
};
pub use origin::{is_loopback_origin, parse_origin, OriginError};
