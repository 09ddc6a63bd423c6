//! Generic form parts: a labelled field and select, a modal dialog, the
//! password a confirmation asks for, and progress that shows only once a
//! wait is long enough to notice.

mod busy;
mod confirm_password;
mod dialog;
mod field;
mod select;

pub use busy::shown_after;
pub use confirm_password::{ConfirmPasswordField, PasswordCheck};
pub use dialog::Dialog;
pub use field::TextField;
pub use select::SelectField;
