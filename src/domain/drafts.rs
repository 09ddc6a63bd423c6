//! Unfinished link forms, kept so nothing typed is lost on reload. Fields are
//! kept as typed, valid or not; they are validated when used.

use serde::{Deserialize, Serialize};

use super::certificate_record::CertificateRecord;
use super::cloud::Cloud;
use crate::crypto::{KeyType, Lifetime};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntraDraft {
    pub name: String,
    pub tenant: String,
    pub application_id: String,
    pub organization: String,
    pub key_type: KeyType,
    pub lifetime: Lifetime,
    pub cloud: Cloud,
    /// Generated but not yet connected.
    pub certificate: Option<CertificateRecord>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drafts {
    #[serde(default)]
    pub microsoft: Option<EntraDraft>,
}
