//! The Bash script an administrator runs in Azure Cloud Shell to register
//! CloudLink's app, and the reading of what it prints.
//!
//! Doing the Entra ID setup with `az` replaces about ten clicks in the admin
//! center, each of which can be missed or done in the wrong tenant. The script
//! is built in the browser from the form, so it is pure text generation and is
//! tested here natively; the interop tests run it against a fake `az`.
//!
//! Only the public certificate ever goes into the script: it is a file the
//! admin downloads, reads and pastes into a shell, and may keep.

mod append;
mod certificate;
mod clouds;
mod error;
mod explanation;
mod grants;
mod output;
mod preamble;
mod script;
mod shell_quote;
mod steps;
mod trust;

pub use append::append_certificate;
pub use clouds::{az_cloud_name, cloud_shell_url, graph_base_url};
pub use error::SetupScriptError;
pub use explanation::explanation;
pub use output::{parse_output, OutputError, OutputField, ScriptOutput};
pub use script::{build, file_name, ScriptMode, SetupScript};
pub use trust::known_thumbprints;
