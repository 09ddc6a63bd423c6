//! What Graph answers to the set-up's calls, read into the few fields the
//! set-up uses. Unknown fields are ignored; a missing ID is an error, since
//! every later step would send it.

use super::call::Call;
use super::problem::Problem;
use crate::domain::entra::Guid;
use serde::de::DeserializeOwned;
use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifiedDomain {
    pub name: String,
    #[serde(default)]
    pub is_default: bool,
    #[serde(default)]
    pub is_initial: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    /// The tenant ID.
    pub id: Guid,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub verified_domains: Vec<VerifiedDomain>,
}

/// A directory object by its ID, such as `/me` or an owner.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ObjectId {
    pub id: Guid,
    #[serde(default, rename = "@odata.type")]
    pub odata_type: Option<String>,
    #[serde(default, rename = "userPrincipalName")]
    pub user_principal_name: Option<String>,
    #[serde(default, rename = "displayName")]
    pub display_name: Option<String>,
}

/// An application or service principal as a search lists it; also what
/// creating one answers.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Registered {
    /// The object ID, which Graph paths take.
    pub id: Guid,
    /// The Application ID, which sign-ins and `$filter=appId` take.
    pub app_id: Guid,
    #[serde(default)]
    pub display_name: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyCredential {
    #[serde(default)]
    pub key_id: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub usage: Option<String>,
    /// Base64 of the certificate, when read with `$select` on one object.
    #[serde(default)]
    pub key: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PasswordCredential {
    #[serde(default)]
    pub key_id: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub hint: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ResourceAccess {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequiredResourceAccess {
    pub resource_app_id: String,
    #[serde(default)]
    pub resource_access: Vec<ResourceAccess>,
}

/// `web`, `spa` and `publicClient` share this shape.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RedirectUris {
    #[serde(default)]
    pub redirect_uris: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    pub id: Guid,
    pub app_id: Guid,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub sign_in_audience: Option<String>,
    #[serde(default)]
    pub key_credentials: Vec<KeyCredential>,
    #[serde(default)]
    pub password_credentials: Vec<PasswordCredential>,
    #[serde(default)]
    pub required_resource_access: Vec<RequiredResourceAccess>,
    #[serde(default)]
    pub web: Option<RedirectUris>,
    #[serde(default)]
    pub spa: Option<RedirectUris>,
    #[serde(default)]
    pub public_client: Option<RedirectUris>,
    #[serde(default)]
    pub is_fallback_public_client: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServicePrincipal {
    pub id: Guid,
    pub app_id: Guid,
    #[serde(default)]
    pub key_credentials: Vec<KeyCredential>,
    #[serde(default)]
    pub password_credentials: Vec<PasswordCredential>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct FederatedCredential {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
}

#[derive(Deserialize)]
struct List<T> {
    value: Vec<T>,
}

/// An answer that is not in the shape Graph documents for `call`.
pub(super) fn unreadable(call: Call, status: u16) -> Problem {
    Problem::Unexpected {
        status,
        code: String::new(),
        message: format!(
            "the answer to \"{}\" was not what Microsoft Graph sends",
            call.action()
        ),
    }
}

/// One object, as a GET of it or a POST that creates it answers.
pub fn parse_one<T: DeserializeOwned>(call: Call, status: u16, body: &str) -> Result<T, Problem> {
    serde_json::from_str(body).map_err(|_| unreadable(call, status))
}

/// A collection, `{"value":[…]}`.
pub fn parse_list<T: DeserializeOwned>(
    call: Call,
    status: u16,
    body: &str,
) -> Result<Vec<T>, Problem> {
    serde_json::from_str::<List<T>>(body)
        .map(|l| l.value)
        .map_err(|_| unreadable(call, status))
}
