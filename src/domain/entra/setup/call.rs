//! Which Graph call a request is, and the request as a value: method, path
//! under the cloud's Graph host, and JSON body.

use serde_json::Value;

/// Which call, for its permission and for what a failure of it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Call {
    ReadOrganization,
    ReadSignedInUser,
    FindApplications,
    ReadApplication,
    ReadFederatedCredentials,
    ReadApplicationOwners,
    CreateApplication,
    ReplaceKey,
    FindServicePrincipal,
    ReadServicePrincipal,
    ReadServicePrincipalOwners,
    CreateServicePrincipal,
    GrantAppRole,
    AssignDirectoryRole,
}

impl Call {
    pub const ALL: [Call; 14] = [
        Call::ReadOrganization,
        Call::ReadSignedInUser,
        Call::FindApplications,
        Call::ReadApplication,
        Call::ReadFederatedCredentials,
        Call::ReadApplicationOwners,
        Call::CreateApplication,
        Call::ReplaceKey,
        Call::FindServicePrincipal,
        Call::ReadServicePrincipal,
        Call::ReadServicePrincipalOwners,
        Call::CreateServicePrincipal,
        Call::GrantAppRole,
        Call::AssignDirectoryRole,
    ];

    /// "Your account is not allowed to …".
    pub fn action(self) -> &'static str {
        match self {
            Call::ReadOrganization | Call::ReadSignedInUser => "read the organization",
            Call::CreateApplication => "register applications",
            Call::ReplaceKey => "change the certificates of this app registration",
            Call::CreateServicePrincipal => "create enterprise applications",
            Call::GrantAppRole => "grant application permissions such as Exchange.ManageAsApp",
            Call::AssignDirectoryRole => "assign directory roles such as Global Reader",
            _ => "read app registrations and enterprise applications",
        }
    }

    /// The built-in roles that may do it (the least first).
    pub fn roles(self) -> &'static str {
        match self {
            Call::ReadOrganization | Call::ReadSignedInUser => "any member account of the tenant",
            Call::CreateApplication | Call::ReplaceKey | Call::CreateServicePrincipal => {
                "Application Administrator or Cloud Application Administrator"
            }
            Call::GrantAppRole | Call::AssignDirectoryRole => {
                "Privileged Role Administrator or Global Administrator"
            }
            _ => "Global Reader, Application Administrator or Cloud Application Administrator",
        }
    }

    /// "Microsoft Graph could not find …".
    pub fn object(self) -> &'static str {
        match self {
            Call::ReadOrganization => "your organization",
            Call::ReadSignedInUser => "your user account",
            Call::FindServicePrincipal
            | Call::ReadServicePrincipal
            | Call::ReadServicePrincipalOwners
            | Call::CreateServicePrincipal => "the service principal",
            Call::GrantAppRole => "the service principal to grant Exchange.ManageAsApp to",
            Call::AssignDirectoryRole => "the Global Reader role or the service principal",
            _ => "the app registration",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Patch,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
        }
    }
}

/// One request for the browser to send with the admin's token.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphRequest {
    pub call: Call,
    pub method: Method,
    /// From `/v1.0/`, query included.
    pub path: String,
    pub body: Option<Value>,
}

impl GraphRequest {
    /// `graph_base` is `Config::graph_host` of the account's cloud.
    pub fn url(&self, graph_base: &str) -> String {
        format!("{}{}", graph_base.trim_end_matches('/'), self.path)
    }
}
