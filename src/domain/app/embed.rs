//! Messages between the app and a portal that embeds it in an iframe. Only
//! public data goes out: never a private key.

use serde::Deserialize;
use serde_json::{json, Value};

use crate::crypto::AssertionAlg;
use crate::domain::links::{Details, Integration};

pub const LINKED: &str = "cloudlink:account-linked";
pub const REMOVED: &str = "cloudlink:account-removed";
pub const UPDATED: &str = "cloudlink:account-updated";
pub const ASSERTION_REQUEST: &str = "cloudlink:assertion-request";
pub const SIGN_IN: &str = "cloudlink:sign-in";
pub const ASSERTION: &str = "cloudlink:assertion";
pub const ERROR: &str = "cloudlink:error";

/// What a portal may ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// A fresh client assertion for a linked Microsoft or Azure account.
    Assertion {
        request_id: String,
        account_id: String,
        alg: AssertionAlg,
    },
    /// Host identity mode: the portal says who is signed in.
    SignIn {
        request_id: Option<String>,
        user_id: String,
        email: String,
    },
}

#[derive(Deserialize)]
struct SignInBody {
    user: HostUser,
}

#[derive(Deserialize)]
struct HostUser {
    id: String,
    #[serde(default)]
    email: String,
}

/// Portal user ids become storage keys: keep them short and plain.
fn valid_user_id(id: &str) -> bool {
    (1..=128).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._@-".contains(c))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AssertionRequestBody {
    request_id: String,
    account_id: String,
    #[serde(default)]
    alg: Option<String>,
}

/// A message that is not a request this app answers, with the request id
/// when one could be read so the reply can be matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    pub request_id: Option<String>,
    pub message: String,
}

pub fn parse_request(json: &str) -> Result<Request, Malformed> {
    let value: Value = serde_json::from_str(json).map_err(|_| Malformed {
        request_id: None,
        message: "the message is not JSON".into(),
    })?;
    let request_id = value
        .get("requestId")
        .and_then(Value::as_str)
        .map(str::to_string);
    let bad = |message: &str| Malformed {
        request_id: request_id.clone(),
        message: message.into(),
    };
    match value.get("type").and_then(Value::as_str) {
        Some(ASSERTION_REQUEST) => {
            let body: AssertionRequestBody = serde_json::from_str(json).map_err(|_| {
                bad("an assertion request needs string fields requestId and accountId")
            })?;
            let alg = match body.alg.as_deref() {
                None | Some("PS256") => AssertionAlg::Ps256,
                Some("RS256") => AssertionAlg::Rs256,
                Some(_) => return Err(bad("alg must be \"PS256\" or \"RS256\"")),
            };
            Ok(Request::Assertion {
                request_id: body.request_id,
                account_id: body.account_id,
                alg,
            })
        }
        Some(SIGN_IN) => {
            let SignInBody { user } = serde_json::from_str(json)
                .map_err(|_| bad("a sign-in needs a user object with a string id"))?;
            if !valid_user_id(&user.id) {
                return Err(bad(
                    "the user id must be 1 to 128 letters, digits, '.', '_', '@' or '-'",
                ));
            }
            Ok(Request::SignIn {
                request_id,
                user_id: user.id,
                email: user.email,
            })
        }
        Some(other) => Err(bad(&format!("unknown message type \"{other}\""))),
        None => Err(bad("the message has no type")),
    }
}

/// The public facts of a linked account, with the certificate in PEM.
pub fn linked(integration: &Integration) -> Value {
    announce(LINKED, integration)
}

/// The same facts after an edit or a renewal.
pub fn updated(integration: &Integration) -> Value {
    announce(UPDATED, integration)
}

fn announce(kind: &str, integration: &Integration) -> Value {
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
    json!({ "type": kind, "account": account })
}

pub fn removed(id: &str, provider: crate::domain::links::Provider) -> Value {
    json!({ "type": REMOVED, "account": { "id": id, "provider": provider } })
}

pub fn assertion(request_id: &str, account_id: &str, jwt: &str, token_endpoint: &str) -> Value {
    json!({
        "type": ASSERTION,
        "requestId": request_id,
        "accountId": account_id,
        "assertion": jwt,
        "tokenEndpoint": token_endpoint,
    })
}

pub fn signed_in(request_id: Option<&str>, user_id: &str) -> Value {
    json!({ "type": "cloudlink:signed-in", "requestId": request_id, "userId": user_id })
}

pub fn error(request_id: Option<&str>, message: &str) -> Value {
    json!({ "type": ERROR, "requestId": request_id, "message": message })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assertion_requests_parse_with_ps256_by_default() {
        let r = parse_request(
            r#"{"type":"cloudlink:assertion-request","requestId":"r1","accountId":"a1"}"#,
        );
        assert_eq!(
            r,
            Ok(Request::Assertion {
                request_id: "r1".into(),
                account_id: "a1".into(),
                alg: AssertionAlg::Ps256
            })
        );
        let r = parse_request(
            r#"{"type":"cloudlink:assertion-request","requestId":"r1","accountId":"a1","alg":"RS256"}"#,
        );
        assert!(matches!(
            r,
            Ok(Request::Assertion {
                alg: AssertionAlg::Rs256,
                ..
            })
        ));
    }

    #[test]
    fn malformed_messages_say_why_and_keep_the_request_id() {
        let e = parse_request("[1,2").unwrap_err();
        assert_eq!(e.request_id, None);
        let e = parse_request(r#"{"type":"cloudlink:assertion-request","requestId":"r9"}"#)
            .unwrap_err();
        assert_eq!(e.request_id.as_deref(), Some("r9"));
        assert!(e.message.contains("accountId"));
        let e = parse_request(r#"{"type":"cloudlink:assertion-request","requestId":"r9","accountId":"a","alg":"none"}"#)
            .unwrap_err();
        assert!(e.message.contains("PS256"));
        assert!(parse_request(r#"{"type":"steal-keys"}"#)
            .unwrap_err()
            .message
            .contains("unknown"));
    }

    #[test]
    fn sign_ins_need_a_plain_user_id() {
        let ok =
            parse_request(r#"{"type":"cloudlink:sign-in","user":{"id":"u-1","email":"a@b.co"}}"#);
        assert!(matches!(ok, Ok(Request::SignIn { ref user_id, .. }) if user_id == "u-1"));
        assert!(parse_request(r#"{"type":"cloudlink:sign-in","user":{"id":"../x"}}"#).is_err());
        assert!(parse_request(r#"{"type":"cloudlink:sign-in"}"#).is_err());
    }

    #[test]
    fn replies_carry_their_type() {
        assert_eq!(error(Some("r"), "no")["type"], ERROR);
        assert_eq!(
            assertion("r", "a", "x.y.z", "https://t")["assertion"],
            "x.y.z"
        );
    }
}
