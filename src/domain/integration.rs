//! A linked account: what Home, Integrations and the account lists show.

use serde::{Deserialize, Serialize};

use super::application_id::ApplicationId;
use super::certificate_record::CertificateRecord;
use super::cloud::Cloud;
use super::display_name::DisplayName;
use super::guid::Guid;
use super::provider::Provider;
use super::tenant::TenantId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkStatus {
    Connected,
    /// Linked while the tenant check could not run; it can be retried.
    TenantNotVerified,
}

impl LinkStatus {
    pub fn label(self) -> &'static str {
        match self {
            LinkStatus::Connected => "Connected",
            LinkStatus::TenantNotVerified => "Tenant not verified",
        }
    }
}

/// An Entra ID app registration that signs in with a certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntraLink {
    pub tenant: TenantId,
    /// The tenant's GUID as its OpenID configuration reported it.
    pub tenant_guid: Option<Guid>,
    pub application_id: ApplicationId,
    pub organization: Option<DisplayName>,
    pub cloud: Cloud,
    pub certificate: CertificateRecord,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Details {
    Entra(EntraLink),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Integration {
    pub id: String,
    pub provider: Provider,
    pub name: DisplayName,
    pub created_ms: i64,
    pub status: LinkStatus,
    pub details: Details,
}

impl Integration {
    pub fn entra(&self) -> Option<&EntraLink> {
        match &self.details {
            Details::Entra(e) => Some(e),
        }
    }

    /// The certificate's NotAfter, for providers that sign in with one.
    pub fn expires_unix(&self) -> Option<i64> {
        let cert = self.entra()?.certificate.certificate().ok()?;
        Some(cert.not_after_unix())
    }

    /// The same tenant and application linked twice is a mistake.
    pub fn same_entra_app(
        &self,
        tenant: &TenantId,
        tenant_guid: Option<&Guid>,
        app: &ApplicationId,
    ) -> bool {
        let Some(e) = self.entra() else { return false };
        let same_tenant = &e.tenant == tenant
            || matches!((tenant_guid, e.tenant_guid.as_ref()), (Some(a), Some(b)) if a == b)
            || tenant.guid().as_ref() == e.tenant_guid.as_ref()
            || e.tenant
                .guid()
                .as_ref()
                .is_some_and(|g| Some(g) == tenant_guid);
        same_tenant && &e.application_id == app
    }
}

/// Per provider: how many accounts, and the nearest certificate expiry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderSummary {
    pub provider: Provider,
    pub count: usize,
    pub unverified: usize,
    pub nearest_expiry_unix: Option<i64>,
}

pub fn summarise(integrations: &[Integration]) -> Vec<ProviderSummary> {
    Provider::ALL
        .into_iter()
        .map(|provider| {
            let mine: Vec<&Integration> = integrations
                .iter()
                .filter(|i| i.provider == provider)
                .collect();
            ProviderSummary {
                provider,
                count: mine.len(),
                unverified: mine
                    .iter()
                    .filter(|i| i.status == LinkStatus::TenantNotVerified)
                    .count(),
                nearest_expiry_unix: mine.iter().filter_map(|i| i.expires_unix()).min(),
            }
        })
        .collect()
}
