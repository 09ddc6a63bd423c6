//! Linked accounts of every provider: the stored records and their summary,
//! unfinished link forms, certificate expiry, and editing an account in place.

mod drafts;
mod edit;
mod expiry;
mod integration;
mod provider;
mod tagged;

pub use drafts::{AwsDraft, EntraDraft};
pub use edit::{edit_aws, edit_entra, EditError};
pub use expiry::{report, Due, ExpiryReport, ExpiryStatus, WARNING_DAYS};
pub use integration::{
    summarise, AwsLink, Details, EntraLink, Integration, LinkStatus, ProviderSummary,
};
pub use provider::Provider;
#[cfg(test)]
pub use tagged::refusal_without;
pub use tagged::{needed, MissingField};
