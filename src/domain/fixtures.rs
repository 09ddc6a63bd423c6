//! Linked accounts for unit tests, built the way the app builds them.

use super::aws::{AwsAccountType, ExternalId, RoleArn};
use super::entra::{ApplicationId, CertificateRecord, Cloud, Guid, SealedKey, TenantId};
use super::links::{AwsLink, Details, EntraLink, Integration, LinkStatus, Provider};
use super::text::DisplayName;
use crate::crypto::KeyType;

pub const APP: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";
pub const OTHER_APP: &str = "1c6a4d7f-9e3b-4a2f-8d4c-8b7e6f5a4b3c";

/// A certificate record whose DER is just `der`: enough for rules that only
/// move records around.
pub fn record(der: &str) -> CertificateRecord {
    CertificateRecord {
        der: der.into(),
        key_type: KeyType::Rsa2048,
        key: SealedKey {
            iv: String::new(),
            sealed: format!("sealed-{der}"),
        }
        .into(),
        not_before_unix: None,
        not_after_unix: None,
        sha1_thumbprint: None,
    }
}

pub fn entra_link(tenant: &str, guid: Option<&str>, app: &str) -> EntraLink {
    EntraLink {
        tenant: TenantId::parse(tenant).unwrap(),
        tenant_guid: guid.map(|g| Guid::parse(g).unwrap()),
        application_id: ApplicationId::parse(app).unwrap(),
        organization: None,
        cloud: Cloud::Global,
        certificate: record("one"),
        azure_scope: None,
        pending_certificate: None,
        previous_certificate: None,
    }
}

pub fn entra(id: &str, provider: Provider, link: EntraLink) -> Integration {
    Integration {
        id: id.into(),
        provider,
        name: DisplayName::parse(id).unwrap(),
        created_ms: 1,
        status: LinkStatus::Connected,
        details: Details::Entra(link),
    }
}

/// An AWS account whose role lives in the 12-digit `account`.
pub fn aws(id: &str, account: &str) -> Integration {
    Integration {
        id: id.into(),
        provider: Provider::Aws,
        name: DisplayName::parse(id).unwrap(),
        created_ms: 1,
        status: LinkStatus::Connected,
        details: Details::Aws(AwsLink {
            account_type: AwsAccountType::Linked,
            role_arn: RoleArn::parse(&format!("arn:aws:iam::{account}:role/ReadOnly")).unwrap(),
            external_id: ExternalId::parse(&"ab".repeat(24)).unwrap(),
        }),
    }
}
