//! Microsoft Entra ID and Azure: the identifiers an admin copies from the admin
//! center, the clouds and their sign-in URLs, the tenant check, the link form,
//! the two providers' flows, and the certificates an Entra account signs in
//! with.

mod application_id;
mod azure_scope;
mod certificate_record;
mod cloud;
pub mod flow;
mod form;
mod guid;
mod openid;
mod renewal;
pub mod setup;
mod tenant;
pub mod troubleshoot;

pub use application_id::{ApplicationId, ApplicationIdError};
pub use azure_scope::{AzureScope, AzureScopeError};
pub use certificate_record::{CertificateRecord, PrivateKey, SealedKey};
pub use cloud::{admin_consent_url, openid_configuration_url, token_endpoint, Cloud};
pub use form::{field_error, subject_text, validate, EntraField, EntraValues};
pub use guid::{Guid, GuidError, EXAMPLE_GUID};
pub use openid::{
    check_openid_response, classify_openid_error, parse_openid_configuration, OpenIdError,
    TenantCheck,
};
pub use renewal::RenewalError;
pub use tenant::{TenantId, TenantIdError};
