//! The Graph requests of the set-up. Every body names only properties of the
//! v1.0 schema (`schema_check` holds them to it).

use super::call::{Call, GraphRequest, Method};
use super::encode::percent_encode;
use crate::domain::entra::Guid;
use serde_json::{json, Value};

/// Office 365 Exchange Online, the resource that defines Exchange.ManageAsApp.
pub const EXCHANGE_ONLINE_APP_ID: &str = "00000002-0000-0ff1-ce00-000000000000";
/// The app role Exchange.ManageAsApp on Office 365 Exchange Online.
pub const EXCHANGE_MANAGE_AS_APP_ROLE: &str = "dc50a0fb-09a3-484d-be87-e023b12c6440";
/// Global Reader's role template ID, the same in every tenant.
pub const GLOBAL_READER_ROLE: &str = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

fn get(call: Call, path: String) -> GraphRequest {
    GraphRequest {
        call,
        method: Method::Get,
        path,
        body: None,
    }
}

fn post(call: Call, path: String, body: Value) -> GraphRequest {
    GraphRequest {
        call,
        method: Method::Post,
        path,
        body: Some(body),
    }
}

/// `$filter=name eq 'value'`, with the quote doubled as OData requires and
/// the whole expression percent-encoded.
fn filter_eq(name: &str, value: &str) -> String {
    percent_encode(&format!("{name} eq '{}'", value.replace('\'', "''")))
}

pub fn read_organization() -> GraphRequest {
    get(
        Call::ReadOrganization,
        "/v1.0/organization?$select=id,displayName,verifiedDomains".into(),
    )
}

/// Whose owner entries count as the admin's own in the trust rule.
pub fn read_signed_in_user() -> GraphRequest {
    get(Call::ReadSignedInUser, "/v1.0/me?$select=id".into())
}

pub fn find_applications(display_name: &str) -> GraphRequest {
    get(
        Call::FindApplications,
        format!(
            "/v1.0/applications?$filter={}&$select=id,appId,displayName",
            filter_eq("displayName", display_name)
        ),
    )
}

/// Graph returns a key credential's `key` only when one application is read
/// with `$select`; the trust rule needs it to compute the thumbprint itself
/// rather than believe `customKeyIdentifier`, which the uploader chooses.
pub fn read_application(object_id: &Guid) -> GraphRequest {
    get(
        Call::ReadApplication,
        format!(
            "/v1.0/applications/{}?$select=id,appId,displayName,signInAudience,keyCredentials,\
             passwordCredentials,requiredResourceAccess,web,spa,publicClient,isFallbackPublicClient",
            object_id.as_str()
        ),
    )
}

pub fn read_federated_credentials(object_id: &Guid) -> GraphRequest {
    get(
        Call::ReadFederatedCredentials,
        format!(
            "/v1.0/applications/{}/federatedIdentityCredentials",
            object_id.as_str()
        ),
    )
}

pub fn read_application_owners(object_id: &Guid) -> GraphRequest {
    get(
        Call::ReadApplicationOwners,
        format!(
            "/v1.0/applications/{}/owners?$select=id",
            object_id.as_str()
        ),
    )
}

fn exchange_manage_as_app() -> Value {
    json!([{
        "resourceAppId": EXCHANGE_ONLINE_APP_ID,
        "resourceAccess": [{ "id": EXCHANGE_MANAGE_AS_APP_ROLE, "type": "Role" }]
    }])
}

/// `key_credential` is `Certificate::key_credential` of this page's
/// certificate: the app's only credential.
pub fn create_application(display_name: &str, key_credential: Value) -> GraphRequest {
    post(
        Call::CreateApplication,
        "/v1.0/applications".into(),
        json!({
            "displayName": display_name,
            "signInAudience": "AzureADMyOrg",
            "keyCredentials": [key_credential],
            "requiredResourceAccess": exchange_manage_as_app(),
        }),
    )
}

/// For an existing app that is provably CloudLink's: its certificates become
/// exactly this page's one (PATCH replaces the whole collection).
pub fn replace_key(object_id: &Guid, key_credential: Value) -> GraphRequest {
    GraphRequest {
        call: Call::ReplaceKey,
        method: Method::Patch,
        path: format!("/v1.0/applications/{}", object_id.as_str()),
        body: Some(json!({ "keyCredentials": [key_credential] })),
    }
}

pub fn find_service_principal(app_id: &str) -> GraphRequest {
    get(
        Call::FindServicePrincipal,
        format!(
            "/v1.0/servicePrincipals?$filter={}&$select=id,appId,displayName",
            filter_eq("appId", app_id)
        ),
    )
}

pub fn read_service_principal(object_id: &Guid) -> GraphRequest {
    get(
        Call::ReadServicePrincipal,
        format!(
            "/v1.0/servicePrincipals/{}?$select=id,appId,keyCredentials,passwordCredentials",
            object_id.as_str()
        ),
    )
}

pub fn read_service_principal_owners(object_id: &Guid) -> GraphRequest {
    get(
        Call::ReadServicePrincipalOwners,
        format!(
            "/v1.0/servicePrincipals/{}/owners?$select=id",
            object_id.as_str()
        ),
    )
}

pub fn create_service_principal(app_id: &Guid) -> GraphRequest {
    post(
        Call::CreateServicePrincipal,
        "/v1.0/servicePrincipals".into(),
        json!({ "appId": app_id.as_str() }),
    )
}

/// One app-role assignment, made on the resource (Exchange Online's service
/// principal): never an admin consent for everything the app asks.
pub fn grant_exchange_manage_as_app(exchange_sp: &Guid, app_sp: &Guid) -> GraphRequest {
    post(
        Call::GrantAppRole,
        format!(
            "/v1.0/servicePrincipals/{}/appRoleAssignedTo",
            exchange_sp.as_str()
        ),
        json!({
            "principalId": app_sp.as_str(),
            "resourceId": exchange_sp.as_str(),
            "appRoleId": EXCHANGE_MANAGE_AS_APP_ROLE,
        }),
    )
}

pub fn assign_global_reader(app_sp: &Guid) -> GraphRequest {
    post(
        Call::AssignDirectoryRole,
        "/v1.0/roleManagement/directory/roleAssignments".into(),
        json!({
            "roleDefinitionId": GLOBAL_READER_ROLE,
            "principalId": app_sp.as_str(),
            "directoryScopeId": "/",
        }),
    )
}
