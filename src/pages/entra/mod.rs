//! The pages of the two providers that link an Entra ID app registration
//! with a certificate: the list, one account, and the link form.

pub mod detail;
pub mod link;
pub mod list;
