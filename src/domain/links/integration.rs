//! A linked account: what Home, Integrations and the account lists show.

use serde::{Deserialize, Serialize};

use super::provider::Provider;
use crate::domain::aws::{AwsAccountType, ExternalId, RoleArn};
use crate::domain::entra::{ApplicationId, AzureScope, CertificateRecord, Cloud, Guid, TenantId};
use crate::domain::text::DisplayName;

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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntraLink {
    pub tenant: TenantId,
    /// The tenant's GUID as its OpenID configuration reported it.
    pub tenant_guid: Option<Guid>,
    pub application_id: ApplicationId,
    pub organization: Option<DisplayName>,
    pub cloud: Cloud,
    /// The certificate sign-ins use now.
    pub certificate: CertificateRecord,
    /// Azure only: where the Reader role is assigned.
    pub azure_scope: Option<AzureScope>,
    /// A renewal's new certificate, not yet in use (see `EntraLink::start_renewal`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_certificate: Option<CertificateRecord>,
    /// The certificate in use before the last renewal, until forgotten.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_certificate: Option<CertificateRecord>,
}

/// A read-only IAM role, created by the CloudFormation stack, that the
/// platform assumes with the External ID.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AwsLink {
    pub account_type: AwsAccountType,
    pub role_arn: RoleArn,
    pub external_id: ExternalId,
}

/// Most accounts are Entra ones, so boxing the larger variant would add an
/// allocation to the common case to save bytes on the rare one.
///
/// Read through `tagged::StoredDetails`, in the same shape it is written.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[serde(try_from = "super::tagged::StoredDetails")]
pub enum Details {
    Entra(EntraLink),
    Aws(AwsLink),
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
            Details::Aws(_) => None,
        }
    }

    pub fn aws(&self) -> Option<&AwsLink> {
        match &self.details {
            Details::Aws(a) => Some(a),
            Details::Entra(_) => None,
        }
    }

    /// The certificate's NotAfter, for providers that sign in with one.
    pub fn expires_unix(&self) -> Option<i64> {
        self.entra()?.certificate.expires_unix()
    }

    /// The same tenant and application linked twice for one provider is a
    /// mistake. A domain and a GUID name the same tenant once it is verified.
    pub fn same_entra_app(
        &self,
        provider: Provider,
        tenant: &TenantId,
        tenant_guid: Option<&Guid>,
        app: &ApplicationId,
    ) -> bool {
        let Some(e) = self.entra().filter(|_| self.provider == provider) else {
            return false;
        };
        let theirs = e.tenant_guid.or(e.tenant.guid());
        let ours = tenant_guid.copied().or(tenant.guid());
        let same_guid = matches!((ours, theirs), (Some(a), Some(b)) if a == b);
        (&e.tenant == tenant || same_guid) && &e.application_id == app
    }

    /// Whether a search for `query` (already lowercase) finds this account:
    /// by name, organization, tenant, application ID or role ARN.
    pub fn matches(&self, query: &str) -> bool {
        let hit = |s: &str| s.to_lowercase().contains(query);
        hit(self.name.as_str())
            || match &self.details {
                Details::Entra(e) => {
                    e.organization.as_ref().is_some_and(|o| hit(o.as_str()))
                        || hit(e.tenant.as_str())
                        || hit(e.application_id.as_str())
                }
                Details::Aws(a) => hit(a.role_arn.as_str()),
            }
    }

    /// The same IAM role linked twice is a mistake.
    pub fn same_role(&self, role: &RoleArn) -> bool {
        self.aws().is_some_and(|a| &a.role_arn == role)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{self, entra_link, APP};

    fn entra(provider: Provider, tenant: &str, guid: Option<&str>) -> Integration {
        fixtures::entra("Linked", provider, entra_link(tenant, guid, APP))
    }

    const GUID: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    #[test]
    fn duplicates_match_by_name_or_verified_guid_within_one_provider() {
        let app = ApplicationId::parse(APP).unwrap();
        let domain = TenantId::parse("contoso.onmicrosoft.com").unwrap();
        let guid = TenantId::parse(GUID).unwrap();
        let g = Guid::parse(GUID).unwrap();

        let linked = entra(Provider::Microsoft, "contoso.onmicrosoft.com", Some(GUID));
        assert!(linked.same_entra_app(Provider::Microsoft, &domain, None, &app));
        assert!(linked.same_entra_app(Provider::Microsoft, &guid, None, &app));
        assert!(!linked.same_entra_app(Provider::Azure, &domain, None, &app));

        // Two unverified domains are not the same tenant just for lacking GUIDs.
        let unverified = entra(Provider::Microsoft, "fabrikam.com", None);
        assert!(!unverified.same_entra_app(Provider::Microsoft, &domain, None, &app));
        assert!(!unverified.same_entra_app(Provider::Microsoft, &guid, Some(&g), &app));
    }

    #[test]
    fn search_finds_accounts_by_any_identifier() {
        let mut account = entra(Provider::Microsoft, "contoso.onmicrosoft.com", None);
        if let Details::Entra(e) = &mut account.details {
            e.organization = Some(DisplayName::parse("Fabrikam Ltd").unwrap());
        }
        for q in ["linked", "fabrikam", "contoso.onmicrosoft", "0b5f3c6e", ""] {
            assert!(account.matches(q), "{q}");
        }
        assert!(!account.matches("northwind"));
        let role = crate::domain::fixtures::aws("payer", "123456789012");
        assert!(role.matches("123456789012") && role.matches("payer"));
        assert!(!role.matches("contoso"));
    }

    #[test]
    fn summaries_count_per_provider() {
        let all = [
            entra(Provider::Microsoft, GUID, None),
            entra(Provider::Microsoft, "contoso.com", None),
            entra(Provider::Azure, GUID, None),
        ];
        let s = summarise(&all);
        assert_eq!(s.iter().map(|s| s.count).collect::<Vec<_>>(), [0, 1, 2]);
        assert!(
            s.iter().all(|s| s.nearest_expiry_unix.is_none()),
            "unreadable certificates have no expiry"
        );
    }
}
