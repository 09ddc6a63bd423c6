//! AADSTS90002's answer: what each cloud's OpenID discovery said about the
//! tenant, read as one verdict. A tenant found only in another cloud is a
//! national-cloud tenant linked as the wrong cloud.

use crate::domain::entra::{Cloud, TenantCheck};

/// Sentences about `tenant` given each cloud's answer; `linked` is the cloud
/// the account was linked with.
pub fn tenant_lookup(tenant: &str, linked: Cloud, results: &[(Cloud, TenantCheck)]) -> Vec<String> {
    let found: Vec<Cloud> = results
        .iter()
        .filter(|(_, c)| matches!(c, TenantCheck::Verified(_)))
        .map(|(cloud, _)| *cloud)
        .collect();
    let mut lines: Vec<String> = results
        .iter()
        .filter_map(|(cloud, check)| match check {
            TenantCheck::Unavailable(reason) => Some(format!(
                "The {} cloud could not be asked: {reason}.",
                cloud.label()
            )),
            _ => None,
        })
        .collect();
    let verdict = if found.contains(&linked) {
        format!(
            "The {} cloud knows tenant {tenant}, as linked: the platform signs in with another tenant ID, or to another cloud. Give it tenant {tenant}.",
            linked.label()
        )
    } else if let Some(other) = found.first() {
        format!(
            "Tenant {tenant} lives in the {} cloud, not in {}: this account was linked with the wrong cloud. Link it again with the {} cloud.",
            other.label(),
            linked.label(),
            other.label()
        )
    } else if lines.is_empty() {
        format!("No Microsoft cloud knows tenant {tenant}: check the Directory (tenant) ID in the Entra admin center.")
    } else {
        format!("No cloud that answered knows tenant {tenant}.")
    };
    lines.insert(0, verdict);
    lines
}
