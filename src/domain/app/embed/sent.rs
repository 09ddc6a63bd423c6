//! What the page sends to the portal. Every message is built here, and each
//! kind is a [`Sent`] variant, so the typings test can name them all.

use serde_json::{json, Value};

use crate::domain::links::{Details, Integration, Provider};

/// The protocol version the page speaks, "major.minor". A portal whose
/// major version differs is refused: its messages may mean something else.
pub const PROTOCOL_VERSION: &str = "1.0";

/// Whether a portal speaking `protocol` is understood here.
pub fn speaks(protocol: &str) -> bool {
    let major = |v: &str| v.split('.').next().unwrap_or_default().to_string();
    major(protocol) == major(PROTOCOL_VERSION)
}

/// Every kind of message the page sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sent {
    Ready,
    Resize,
    AccountLinked,
    AccountUpdated,
    AccountRemoved,
    SignedIn,
    SignedOut,
    ExternalIdTaken,
    Assertion,
    Error,
}

impl Sent {
    pub fn type_name(self) -> &'static str {
        match self {
            Sent::Ready => "cloudlink:ready",
            Sent::Resize => "cloudlink:resize",
            Sent::AccountLinked => "cloudlink:account-linked",
            Sent::AccountUpdated => "cloudlink:account-updated",
            Sent::AccountRemoved => "cloudlink:account-removed",
            Sent::SignedIn => "cloudlink:signed-in",
            Sent::SignedOut => "cloudlink:signed-out",
            Sent::ExternalIdTaken => "cloudlink:external-id-taken",
            Sent::Assertion => "cloudlink:assertion",
            Sent::Error => "cloudlink:error",
        }
    }
}

/// Why a request was not answered, for the portal's code to act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// The keys are locked: the person must enter their password first.
    Locked,
    /// No linked Microsoft or Azure account has that id.
    UnknownAccount,
    /// Understood, but not done here (a sign-in outside host mode, say).
    Refused,
    /// Not a request the page understands.
    InvalidRequest,
    /// The portal speaks another major protocol version.
    UnsupportedProtocol,
}

impl ErrorCode {
    pub fn slug(self) -> &'static str {
        match self {
            ErrorCode::Locked => "locked",
            ErrorCode::UnknownAccount => "unknown-account",
            ErrorCode::Refused => "refused",
            ErrorCode::InvalidRequest => "invalid-request",
            ErrorCode::UnsupportedProtocol => "unsupported-protocol",
        }
    }
}

/// Sent once the page listens, so the portal knows it may talk.
pub fn ready() -> Value {
    json!({ "type": Sent::Ready.type_name(), "protocol": PROTOCOL_VERSION })
}

/// The page's content height in CSS pixels, so the portal can size the frame.
pub fn resize(height: u32) -> Value {
    json!({ "type": Sent::Resize.type_name(), "height": height })
}

/// The public facts of a linked account, with the certificate in PEM.
pub fn linked(integration: &Integration) -> Value {
    announce(Sent::AccountLinked, integration)
}

/// The same facts after an edit or a renewal.
pub fn updated(integration: &Integration) -> Value {
    announce(Sent::AccountUpdated, integration)
}

fn announce(kind: Sent, integration: &Integration) -> Value {
    let mut account = json!({
        "id": integration.id,
        "provider": integration.provider,
        "name": integration.name.as_str(),
        "status": integration.status,
    });
    match &integration.details {
        Details::Entra(e) => {
            let cert = e.certificate.certificate().ok();
            account["tenant"] = json!(e.tenant.as_str());
            account["tenantGuid"] = json!(e.tenant_guid.map(|g| g.as_str().to_string()));
            account["applicationId"] = json!(e.application_id.as_str());
            account["organization"] = json!(e.organization.as_ref().map(|o| o.as_str()));
            account["thumbprintSha1"] = json!(cert.as_ref().map(|c| c.sha1_thumbprint()));
            account["thumbprintSha256"] = json!(cert.as_ref().map(|c| c.sha256_thumbprint()));
            account["certificatePem"] = json!(cert.as_ref().map(|c| c.pem()));
        }
        Details::Aws(a) => {
            account["roleArn"] = json!(a.role_arn.as_str());
            account["externalId"] = json!(a.external_id.as_str());
            account["accountType"] = json!(a.account_type.slug());
        }
    }
    json!({ "type": kind.type_name(), "account": account })
}

pub fn removed(id: &str, provider: Provider) -> Value {
    json!({ "type": Sent::AccountRemoved.type_name(), "account": { "id": id, "provider": provider } })
}

pub fn assertion(request_id: &str, account_id: &str, jwt: &str, token_endpoint: &str) -> Value {
    json!({
        "type": Sent::Assertion.type_name(),
        "requestId": request_id,
        "accountId": account_id,
        "assertion": jwt,
        "tokenEndpoint": token_endpoint,
    })
}

pub fn signed_in(request_id: Option<&str>, user_id: &str) -> Value {
    json!({ "type": Sent::SignedIn.type_name(), "requestId": request_id, "userId": user_id })
}

pub fn signed_out(request_id: Option<&str>) -> Value {
    json!({ "type": Sent::SignedOut.type_name(), "requestId": request_id })
}

pub fn external_id_taken(request_id: Option<&str>) -> Value {
    json!({ "type": Sent::ExternalIdTaken.type_name(), "requestId": request_id })
}

pub fn error(request_id: Option<&str>, code: ErrorCode, message: &str) -> Value {
    json!({
        "type": Sent::Error.type_name(),
        "requestId": request_id,
        "code": code.slug(),
        "message": message,
    })
}
