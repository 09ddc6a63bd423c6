//! Messages between the app and a portal that embeds it in an iframe. Only
//! public data goes out: never a private key.

use serde::Deserialize;
use serde_json::Value;

use crate::crypto::AssertionAlg;
use crate::domain::aws::ExternalId;
use crate::domain::entra::{token_endpoint, Guid, TenantId};

mod sent;
#[cfg(test)]
mod typings;

pub use sent::*;

pub const ASSERTION_REQUEST: &str = "cloudlink:assertion-request";
pub const SIGN_IN: &str = "cloudlink:sign-in";
pub const SIGN_OUT: &str = "cloudlink:sign-out";
pub const EXTERNAL_ID: &str = "cloudlink:external-id";
pub const HELLO: &str = "cloudlink:hello";

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
        /// The AWS External ID the portal issued for this person, if any.
        external_id: Option<ExternalId>,
    },
    /// The portal signed the person out: forget them and their keys.
    SignOut { request_id: Option<String> },
    /// The portal issues the AWS External ID the link page must use.
    ExternalId {
        request_id: Option<String>,
        external_id: ExternalId,
    },
    /// The portal's SDK names the protocol version it speaks.
    Hello { protocol: String },
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SignInBody {
    user: HostUser,
    #[serde(default)]
    external_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ExternalIdBody {
    external_id: String,
}

#[derive(Deserialize)]
struct HostUser {
    id: String,
    #[serde(default)]
    email: String,
}

/// The tenant a client assertion names in `aud`, and the token endpoint it
/// is sent with.
pub fn assertion_target(
    base: &str,
    tenant: &TenantId,
    tenant_guid: Option<&Guid>,
) -> (String, String) {
    // Entra checks that `aud` names the endpoint the assertion is sent to.
    let named = match tenant_guid.and_then(|g| TenantId::parse(g.as_str()).ok()) {
        Some(guid) => guid,
        None => tenant.clone(),
    };
    (named.as_str().to_string(), token_endpoint(base, &named))
}

/// The id the app stores a portal user's data under. Storage keys add
/// suffixes such as `.drafts` to it, so its dots are escaped: no portal id
/// can name another's keys. (`%` is not allowed in portal ids, so the escape
/// cannot be forged.)
pub fn host_storage_id(portal_id: &str) -> String {
    format!("host.{}", portal_id.replace('.', "%2E"))
}

/// Where an earlier version kept this portal user's data, when that differs
/// from [`host_storage_id`]: it did not escape dots. `None` also when that key
/// could have been another user's document (`alice.drafts` named Alice's
/// drafts), so nothing of someone else's is ever adopted.
pub fn earlier_host_storage_id(portal_id: &str) -> Option<String> {
    let last = portal_id.rsplit('.').next().unwrap_or_default();
    let someone_elses = matches!(last, "drafts" | "lock") || portal_id.contains(".backup.");
    (portal_id.contains('.') && !someone_elses).then(|| format!("host.{portal_id}"))
}

/// Which window a message came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sender {
    /// The page's own parent frame.
    Parent,
    /// Any other window: an opener, a popup, a sibling frame.
    Other,
}

/// Whether the app answers a message from `origin` sent by `sender`.
/// Only the parent frame is heard: a popup the portal opened, or any other
/// window on its origin, could otherwise sign in and ask for assertions
/// without the person seeing anything.
pub fn answers(framed: bool, sender: Sender, origin: &str, allowed: &str) -> bool {
    framed && sender == Sender::Parent && origin == allowed
}

/// Whether the app may work inside frames whose origins are `ancestors`
/// (nearest first), when the browser reports them.
/// Every frame around the page must be the portal's, so no other page can
/// lay the app under its own and have it clicked through.
pub fn frame_allowed(ancestors: &[String], parent_origin: Option<&str>) -> bool {
    ancestors.is_empty() || parent_origin.is_some_and(|p| ancestors.iter().all(|a| a == p))
}

/// An External ID from the portal, held to the same rules as one made here.
fn issued_external_id(value: &str) -> Result<ExternalId, String> {
    ExternalId::parse(value).map_err(|e| format!("externalId: {}", e.message()))
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

impl Request {
    /// The id the portal gave the request, for matching the reply.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Request::Assertion { request_id, .. } => Some(request_id),
            Request::SignIn { request_id, .. }
            | Request::SignOut { request_id }
            | Request::ExternalId { request_id, .. } => request_id.as_deref(),
            Request::Hello { .. } => None,
        }
    }
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
            let SignInBody { user, external_id } = serde_json::from_str(json)
                .map_err(|_| bad("a sign-in needs a user object with a string id"))?;
            if !valid_user_id(&user.id) {
                return Err(bad(
                    "the user id must be 1 to 128 letters, digits, '.', '_', '@' or '-'",
                ));
            }
            let external_id = external_id
                .map(|e| issued_external_id(&e))
                .transpose()
                .map_err(|m| bad(&m))?;
            Ok(Request::SignIn {
                request_id: request_id.clone(),
                user_id: user.id,
                email: user.email,
                external_id,
            })
        }
        Some(SIGN_OUT) => Ok(Request::SignOut {
            request_id: request_id.clone(),
        }),
        Some(EXTERNAL_ID) => {
            let body: ExternalIdBody = serde_json::from_str(json)
                .map_err(|_| bad("an External ID message needs a string field externalId"))?;
            Ok(Request::ExternalId {
                external_id: issued_external_id(&body.external_id).map_err(|m| bad(&m))?,
                request_id: request_id.clone(),
            })
        }
        Some(HELLO) => {
            let protocol = value
                .get("protocol")
                .and_then(Value::as_str)
                .ok_or_else(|| bad("a hello needs a string field protocol, such as \"1.0\""))?;
            Ok(Request::Hello {
                protocol: protocol.to_string(),
            })
        }
        Some(other) => Err(bad(&format!("unknown message type \"{other}\""))),
        None => Err(bad("the message has no type")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_kept_under_an_unescaped_id_is_found_unless_it_was_someone_elses() {
        assert_eq!(
            earlier_host_storage_id("pat.smith@contoso.com").as_deref(),
            Some("host.pat.smith@contoso.com")
        );
        assert_eq!(
            host_storage_id("pat.smith@contoso.com"),
            "host.pat%2Esmith@contoso%2Ecom"
        );
        for same in ["pat", "pat@contoso", "a-b_c"] {
            assert_eq!(earlier_host_storage_id(same), None, "{same}");
        }
        for theirs in [
            "alice.drafts",
            "alice.lock",
            "alice.drafts.lock",
            "alice.backup.7",
        ] {
            assert_eq!(earlier_host_storage_id(theirs), None, "{theirs}");
        }
    }

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
    fn only_the_parent_frame_is_answered() {
        let portal = "https://portal.example.com";
        assert!(answers(true, Sender::Parent, portal, portal));
        // A popup or another frame on the portal's origin.
        assert!(!answers(true, Sender::Other, portal, portal));
        // The page opened top-level, say by window.open on the portal.
        assert!(!answers(false, Sender::Parent, portal, portal));
        assert!(!answers(false, Sender::Other, portal, portal));
        // The parent frame, but another origin.
        assert!(!answers(
            true,
            Sender::Parent,
            "https://evil.example",
            portal
        ));
    }

    #[test]
    fn the_app_works_only_in_frames_of_the_parent_origin() {
        let portal = "https://portal.example.com";
        let o = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(frame_allowed(&o(&[]), None));
        assert!(frame_allowed(&o(&[]), Some(portal)));
        assert!(frame_allowed(&o(&[portal]), Some(portal)));
        assert!(frame_allowed(&o(&[portal, portal]), Some(portal)));
        assert!(!frame_allowed(&o(&["https://evil.example"]), Some(portal)));
        // The portal framed by a page that could overlay it.
        assert!(!frame_allowed(
            &o(&[portal, "https://evil.example"]),
            Some(portal)
        ));
        assert!(!frame_allowed(&o(&[portal]), None));
    }

    #[test]
    fn the_portal_can_sign_out() {
        assert_eq!(
            parse_request(r#"{"type":"cloudlink:sign-out","requestId":"o1"}"#),
            Ok(Request::SignOut {
                request_id: Some("o1".into())
            })
        );
        assert_eq!(signed_out(Some("o1"))["type"], "cloudlink:signed-out");
    }

    #[test]
    fn the_portal_issues_the_aws_external_id() {
        let id = "f".repeat(40);
        let r = parse_request(&format!(
            r#"{{"type":"cloudlink:sign-in","user":{{"id":"u-1"}},"externalId":"{id}"}}"#
        ));
        assert!(
            matches!(r, Ok(Request::SignIn { external_id: Some(ref e), .. }) if e.as_str() == id),
            "{r:?}"
        );
        let r = parse_request(&format!(
            r#"{{"type":"cloudlink:external-id","requestId":"e1","externalId":"{id}"}}"#
        ));
        assert!(
            matches!(r, Ok(Request::ExternalId { ref external_id, .. }) if external_id.as_str() == id),
            "{r:?}"
        );
        // A weak or malformed value is refused, not used.
        let e = parse_request(
            r#"{"type":"cloudlink:external-id","requestId":"e2","externalId":"short"}"#,
        )
        .unwrap_err();
        assert_eq!(e.request_id.as_deref(), Some("e2"));
        assert!(e.message.contains("external ID"), "{}", e.message);
        assert!(parse_request(
            r#"{"type":"cloudlink:sign-in","user":{"id":"u-1"},"externalId":"short"}"#
        )
        .is_err());
    }

    #[test]
    fn the_assertion_and_its_token_endpoint_name_one_tenant() {
        let guid = Guid::parse("72f988bf-86f1-41af-91ab-2d7cd011db47").unwrap();
        let domain = TenantId::parse("contoso.com").unwrap();
        let base = "https://login.microsoftonline.com";
        let (aud_tenant, endpoint) = assertion_target(base, &domain, Some(&guid));
        assert_eq!(aud_tenant, guid.as_str());
        assert_eq!(
            endpoint,
            format!("{base}/{}/oauth2/v2.0/token", guid.as_str())
        );
        // Not verified yet: the tenant as entered, in both.
        let (aud_tenant, endpoint) = assertion_target(base, &domain, None);
        assert_eq!(aud_tenant, "contoso.com");
        assert_eq!(endpoint, format!("{base}/contoso.com/oauth2/v2.0/token"));
    }

    #[test]
    fn a_hello_names_the_portal_s_protocol() {
        assert_eq!(
            parse_request(r#"{"type":"cloudlink:hello","protocol":"1.2"}"#),
            Ok(Request::Hello {
                protocol: "1.2".into()
            })
        );
        assert!(parse_request(r#"{"type":"cloudlink:hello"}"#).is_err());
    }

    #[test]
    fn replies_carry_their_type() {
        let refused = error(Some("r"), ErrorCode::Refused, "no");
        assert_eq!(refused["type"], "cloudlink:error");
        assert_eq!(refused["code"], "refused");
        assert_eq!(
            assertion("r", "a", "x.y.z", "https://t")["assertion"],
            "x.y.z"
        );
    }
}
