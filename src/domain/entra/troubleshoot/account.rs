//! What the checks compare against: the account's tenant, application,
//! cloud, and the SHA-1 thumbprints of its certificates.

use crate::domain::entra::Cloud;
use crate::domain::links::{Integration, Provider};

/// Which of the account's certificates a thumbprint belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Current,
    Pending,
    Previous,
}

impl Slot {
    pub fn label(self) -> &'static str {
        match self {
            Slot::Current => "current",
            Slot::Pending => "pending",
            Slot::Previous => "previous",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountFacts {
    pub provider: Provider,
    /// As linked: a GUID or a domain, lowercase.
    pub tenant: String,
    /// The tenant's GUID once verified, lowercase.
    pub tenant_guid: Option<String>,
    pub organization: Option<String>,
    pub application_id: String,
    pub cloud: Cloud,
    /// Uppercase SHA-1 thumbprints, current first.
    pub thumbprints: Vec<(Slot, String)>,
}

impl AccountFacts {
    /// The facts of an Entra account; `None` for any other.
    pub fn of(account: &Integration) -> Option<AccountFacts> {
        let link = account.entra()?;
        let thumbprints = [
            (Slot::Current, Some(&link.certificate)),
            (Slot::Pending, link.pending_certificate.as_ref()),
            (Slot::Previous, link.previous_certificate.as_ref()),
        ]
        .into_iter()
        .filter_map(|(slot, r)| Some((slot, r?.sha1()?.to_ascii_uppercase())))
        .collect();
        Some(AccountFacts {
            provider: account.provider,
            tenant: link.tenant.as_str().to_ascii_lowercase(),
            tenant_guid: link.tenant_guid.map(|g| g.as_str().to_ascii_lowercase()),
            organization: link.organization.as_ref().map(|o| o.as_str().to_string()),
            application_id: link.application_id.as_str().to_ascii_lowercase(),
            cloud: link.cloud,
            thumbprints,
        })
    }

    /// Whether `value` (a GUID or domain) names this account's tenant.
    pub fn is_tenant(&self, value: &str) -> bool {
        let v = value.trim().to_ascii_lowercase();
        v == self.tenant || self.tenant_guid.as_deref() == Some(v.as_str())
    }

    /// The tenant as people recognise it: its ID, and its GUID when that differs.
    pub fn tenant_text(&self) -> String {
        match &self.tenant_guid {
            Some(g) if *g != self.tenant => format!("{} ({g})", self.tenant),
            _ => self.tenant.clone(),
        }
    }

    pub fn thumbprint(&self, slot: Slot) -> Option<&str> {
        self.thumbprints
            .iter()
            .find(|(s, _)| *s == slot)
            .map(|(_, t)| t.as_str())
    }
}
