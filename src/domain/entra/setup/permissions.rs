//! The delegated Microsoft Graph permissions the set-up's sign-in asks for:
//! per call, the least one Microsoft's permission reference allows, and the
//! scope string made of exactly those.
//!
//! Source: the Graph permission tables of microsoftgraph/msgraph-metadata
//! (`permissions/*.json`, schemes `DelegatedWork`, last published there in
//! commit 7a4530b0, 2022-08-16; later moved out of that repository), read for
//! each method and path below, and the least-privileged column of each API's
//! reference page on learn.microsoft.com, which says when two permissions are
//! needed together.
//!
//! | call | request | least delegated permission |
//! | --- | --- | --- |
//! | read the organization | `GET /organization` | User.Read |
//! | who signed in | `GET /me` | User.Read |
//! | find apps by name | `GET /applications?$filter` | Application.Read.All |
//! | read one app | `GET /applications/{id}` | Application.Read.All |
//! | its federated credentials | `GET /applications/{id}/federatedIdentityCredentials` | Application.Read.All |
//! | its owners | `GET /applications/{id}/owners` | Application.Read.All |
//! | create the app | `POST /applications` | Application.ReadWrite.All |
//! | replace its certificate | `PATCH /applications/{id}` | Application.ReadWrite.All |
//! | find a service principal | `GET /servicePrincipals?$filter` | Application.Read.All |
//! | read one | `GET /servicePrincipals/{id}` | Application.Read.All |
//! | its owners | `GET /servicePrincipals/{id}/owners` | Application.Read.All |
//! | create the service principal | `POST /servicePrincipals` | Application.ReadWrite.All |
//! | grant Exchange.ManageAsApp | `POST /servicePrincipals/{id}/appRoleAssignedTo` | AppRoleAssignment.ReadWrite.All and Application.Read.All |
//! | assign Global Reader | `POST /roleManagement/directory/roleAssignments` | RoleManagement.ReadWrite.Directory |
//!
//! The sign-in asks for their union less what another in it already
//! includes (Application.ReadWrite.All includes Application.Read.All), plus
//! `openid` for the ID token that carries the nonce. Not `offline_access`:
//! no refresh token, so nothing outlives the set-up.
//!
//! `Application.ReadWrite.OwnedBy` would be less, but Microsoft offers it
//! only as an application permission, never delegated.

use super::call::Call;
use crate::domain::entra::Cloud;

/// The permissions one call needs, all of them together.
pub fn least_permissions(call: Call) -> &'static [&'static str] {
    match call {
        Call::ReadOrganization | Call::ReadSignedInUser => &["User.Read"],
        Call::FindApplications
        | Call::ReadApplication
        | Call::ReadFederatedCredentials
        | Call::ReadApplicationOwners
        | Call::FindServicePrincipal
        | Call::ReadServicePrincipal
        | Call::ReadServicePrincipalOwners => &["Application.Read.All"],
        Call::CreateApplication | Call::ReplaceKey | Call::CreateServicePrincipal => {
            &["Application.ReadWrite.All"]
        }
        Call::GrantAppRole => &["AppRoleAssignment.ReadWrite.All", "Application.Read.All"],
        Call::AssignDirectoryRole => &["RoleManagement.ReadWrite.Directory"],
    }
}

/// `(broader, narrower)`: asking for the first grants the second.
pub const INCLUDES: [(&str, &str); 1] = [("Application.ReadWrite.All", "Application.Read.All")];

/// The permissions the set-up's sign-in asks for, in the table's order.
pub fn setup_permissions() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for call in Call::ALL {
        for p in least_permissions(call) {
            if !out.contains(p) {
                out.push(p);
            }
        }
    }
    let implied = |p: &&str| {
        INCLUDES
            .iter()
            .any(|(broad, narrow)| narrow == p && out.contains(broad))
    };
    out.iter().filter(|p| !implied(p)).copied().collect()
}

/// The `scope` parameter for the cloud: each permission is named on that
/// cloud's Graph resource, which stays Microsoft's even when `graphHosts`
/// sends the requests to a local fake.
pub fn setup_scope(cloud: Cloud) -> String {
    let resource = cloud.default_graph_base();
    let mut scope = String::from("openid");
    for p in setup_permissions() {
        scope.push_str(&format!(" {resource}/{p}"));
    }
    scope
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn the_sign_in_asks_for_exactly_the_union_of_the_least_permissions() {
        let union: BTreeSet<&str> = Call::ALL
            .into_iter()
            .flat_map(|c| least_permissions(c).iter().copied())
            .collect();
        let asked: BTreeSet<&str> = setup_permissions().into_iter().collect();
        let implied: BTreeSet<&str> = INCLUDES.iter().map(|(_, narrow)| *narrow).collect();
        assert_eq!(
            asked,
            union.difference(&implied).copied().collect::<BTreeSet<_>>()
        );
        for (broad, _) in INCLUDES {
            assert!(asked.contains(broad));
        }
        assert_eq!(
            setup_permissions(),
            [
                "User.Read",
                "Application.ReadWrite.All",
                "AppRoleAssignment.ReadWrite.All",
                "RoleManagement.ReadWrite.Directory"
            ]
        );
    }

    #[test]
    fn nothing_broader_than_needed_is_ever_asked() {
        let scope = setup_scope(Cloud::Global);
        for broad in [
            "Directory.ReadWrite.All",
            "Directory.Read.All",
            "offline_access",
            ".default",
        ] {
            assert!(!scope.contains(broad), "{broad}");
        }
    }

    #[test]
    fn scopes_are_named_on_the_cloud_s_graph_resource() {
        assert_eq!(
            setup_scope(Cloud::UsGovernment),
            "openid https://graph.microsoft.us/User.Read https://graph.microsoft.us/Application.ReadWrite.All \
             https://graph.microsoft.us/AppRoleAssignment.ReadWrite.All https://graph.microsoft.us/RoleManagement.ReadWrite.Directory"
        );
        assert!(setup_scope(Cloud::China)
            .contains(" https://microsoftgraph.chinacloudapi.cn/User.Read"));
    }
}
