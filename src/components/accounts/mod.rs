//! Linked accounts: the lists with search and paging, and an account's
//! page parts (Edit in place, Remove, the page for a missing account).

mod aws_edit;
mod edit_form;
mod entra_edit;
mod filter;
mod list;
mod missing;
mod remove;

pub use aws_edit::AwsEditForm;
pub use edit_form::{after_save, EditFormFrame, SaveOutcome, FIX_FIELDS};
pub use entra_edit::EntraEditForm;
pub use filter::{use_account_filter, AccountFilter, SearchBox, ShowMore};
pub use list::AccountList;
pub use missing::AccountMissing;
pub use remove::RemoveAccount;
