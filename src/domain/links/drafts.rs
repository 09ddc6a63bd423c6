//! Unfinished link forms, kept so nothing typed is lost on reload. Fields are
//! kept as typed, valid or not; they are validated when used. Which tab owns
//! which draft is `store::drafts`' business.

use serde::Serialize;

use crate::crypto::{KeyType, Lifetime};
use crate::domain::aws::AwsAccountType;
use crate::domain::entra::{CertificateRecord, Cloud};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EntraDraft {
    pub name: String,
    pub tenant: String,
    pub application_id: String,
    pub organization: String,
    /// Azure only: one of the two is required.
    pub management_group: String,
    pub subscription: String,
    pub key_type: KeyType,
    pub lifetime: Lifetime,
    pub cloud: Cloud,
    /// Generated but not yet connected.
    pub certificate: Option<CertificateRecord>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AwsDraft {
    pub account_type: AwsAccountType,
    pub name: String,
    pub role_arn: String,
    /// Fixed for the life of the draft: the stack trusts exactly this value.
    pub external_id: String,
}
