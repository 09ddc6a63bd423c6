//! Text the person types or sees: the conversions every validated text type
//! shares, display names, the invisible characters names may not hold, and
//! file names safe on every system.

mod display_name;
mod file_name;
mod format_chars;
mod text_value;

pub use display_name::{DisplayName, DisplayNameError};
pub use file_name::safe_file_stem;
pub use format_chars::{is_format_character, is_invisible_character};
pub(crate) use text_value::{field_error, text_value};
