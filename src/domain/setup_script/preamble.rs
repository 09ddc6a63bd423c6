//! The Bash that every setup script starts with: the helpers the steps call
//! (`bash/helpers.sh`) and the command-line options.
//!
//! The steps call `az` only inside `if` or through these helpers, so that
//! every failure ends in `fail`, which names the step and what to check,
//! instead of in `set -e`'s silent exit.

/// Expects `CURRENT_STEP` to be set; `step` keeps it current. `key_credentials`
/// expects `GRAPH`.
pub const HELPERS: &str = include_str!("bash/helpers.sh");

/// A new app may already exist under the chosen name; `--reuse` is the
/// admin's explicit say-so to take it over.
pub const NEW_APP_OPTIONS: &str = include_str!("bash/new_app_options.sh");

pub const RENEWAL_OPTIONS: &str = include_str!("bash/renewal_options.sh");
