//! State a page or component keeps, with the behaviour that goes with it,
//! behind one call each.

pub mod keep_draft;
pub mod use_aws_draft;
pub mod use_copy;
pub mod use_entra_draft;
pub mod use_sign_in_setup;
pub mod use_touched;
