//! Microsoft Graph's error body, `{"error":{"code","message","innerError":{…}}}`,
//! read into a [`Problem`] that says which call failed and why.

use super::call::Call;
use super::problem::Problem;
use serde::Deserialize;

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct GraphError {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
    #[serde(default, rename = "innerError")]
    pub inner_error: Option<InnerError>,
}

/// Kept for a support request: Microsoft finds a failure by these.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct InnerError {
    #[serde(default, rename = "request-id")]
    pub request_id: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
}

#[derive(Deserialize)]
struct Envelope {
    error: GraphError,
}

/// The error in a Graph answer; a body that is not Graph's shape (a proxy's
/// page, an empty body) still gives an error with the status.
pub fn parse_graph_error(body: &str) -> GraphError {
    serde_json::from_str::<Envelope>(body)
        .map(|e| e.error)
        .unwrap_or_default()
}

/// What a failed answer to `call` means for the admin.
pub fn graph_problem(call: Call, status: u16, body: &str) -> Problem {
    let error = parse_graph_error(body);
    let policy = error.message.to_ascii_lowercase().contains("policy");
    match (status, error.code.as_str()) {
        (_, "Authorization_RequestDenied") if call == Call::CreateApplication => {
            Problem::RegistrationBlocked {
                detail: error.message,
            }
        }
        (_, "Authorization_RequestDenied") => Problem::RoleMissing {
            action: call.action(),
            roles: call.roles(),
        },
        // App management policies (credential types and lifetimes) refuse
        // with a 400 whose message names the policy.
        (400, _) if policy && matches!(call, Call::CreateApplication | Call::ReplaceKey) => {
            Problem::RegistrationBlocked {
                detail: error.message,
            }
        }
        (_, "Request_ResourceNotFound") | (404, _) => Problem::NotFound {
            what: call.object(),
        },
        (401, _) | (_, "InvalidAuthenticationToken") => Problem::SignInExpired,
        // A token without the scope: the consent lacks a permission.
        (403, _) if error.message.contains("scope") => Problem::ConsentMissing,
        _ => Problem::Unexpected {
            status,
            code: error.code,
            message: error.message,
        },
    }
}
