//! The six lines the page shows while it sets up, what each has produced so
//! far, and what the form gets filled with at the end.

use super::problem::Problem;
use super::responses::Organization;
use crate::domain::entra::{Guid, TenantId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepId {
    Organization,
    Application,
    ServicePrincipal,
    ExchangePermission,
    GlobalReader,
    ApplicationId,
}

impl StepId {
    pub const ALL: [StepId; 6] = [
        StepId::Organization,
        StepId::Application,
        StepId::ServicePrincipal,
        StepId::ExchangePermission,
        StepId::GlobalReader,
        StepId::ApplicationId,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StepId::Organization => "Read the organization",
            StepId::Application => "Create the app registration",
            StepId::ServicePrincipal => "Create its service principal",
            StepId::ExchangePermission => "Grant Exchange.ManageAsApp",
            StepId::GlobalReader => "Assign Global Reader",
            StepId::ApplicationId => "Fill Application ID",
        }
    }

    pub fn index(self) -> usize {
        StepId::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum StepState {
    #[default]
    Pending,
    Running,
    Done,
    Failed(Problem),
}

/// What the finished steps found or made; kept across Retry, so a retried
/// set-up never creates a second app or grants twice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Produced {
    pub tenant_id: Option<Guid>,
    pub organization_name: Option<String>,
    /// The signed-in admin's object ID: the only owner the trust rule allows.
    pub admin: Option<Guid>,
    /// The app registration's object ID and Application ID.
    pub application: Option<(Guid, Guid)>,
    pub service_principal: Option<Guid>,
    pub exchange_service_principal: Option<Guid>,
}

/// What goes into the form: only fields that were empty, and the
/// Application ID once the app is CloudLink's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fill {
    pub tenant_id: Option<Guid>,
    pub organization_name: Option<String>,
    pub application_id: Option<Guid>,
}

/// Step 1's rule: the tenant signed in to must be the one typed, by GUID or
/// by one of its verified domains. It is never silently replaced.
pub fn check_tenant(typed: Option<&TenantId>, org: &Organization) -> Result<(), Problem> {
    let Some(typed) = typed else { return Ok(()) };
    let same = match typed.guid() {
        Some(g) => g == org.id,
        None => org
            .verified_domains
            .iter()
            .any(|d| d.name.eq_ignore_ascii_case(typed.as_str())),
    };
    if same {
        return Ok(());
    }
    let name = org.display_name.as_deref().unwrap_or("");
    Err(Problem::DifferentTenant {
        typed: typed.as_str().to_string(),
        signed_in: if name.is_empty() {
            org.id.as_str().to_string()
        } else {
            format!("{} ({name})", org.id.as_str())
        },
    })
}
