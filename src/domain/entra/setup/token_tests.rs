use super::authorize::{parse_callback, Authority};
use super::encode::parse_pairs;
use super::pkce::{SignInSecrets, RANDOM_BYTES};
use super::problem::Problem;
use super::token::*;
use crate::domain::entra::Guid;
use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::json;

const CLIENT: &str = "0c1a5e7b-1111-4222-8333-944455556666";
const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
/// Not a real token: the test only needs text that must not be printed.
const TOKEN: &str = "fake-access-token-7Hq2";

fn id_token(claims: serde_json::Value) -> String {
    format!(
        "{}.{}.sig",
        Base64UrlUnpadded::encode_string(br#"{"alg":"none"}"#),
        Base64UrlUnpadded::encode_string(claims.to_string().as_bytes())
    )
}

fn success(nonce: &str) -> String {
    json!({
        "token_type": "Bearer",
        "scope": "https://graph.microsoft.com/User.Read https://graph.microsoft.com/Application.ReadWrite.All",
        "expires_in": 3599,
        "access_token": TOKEN,
        "id_token": id_token(json!({"nonce": nonce, "tid": TENANT})),
    })
    .to_string()
}

#[test]
fn the_token_request_carries_the_verifier_and_no_secret() {
    let s = SignInSecrets::from_random(&[3; RANDOM_BYTES]);
    let code = parse_callback(&format!("code=the-code&state={}", s.state), &s.state).unwrap();
    let req = TokenRequest {
        sign_in_base: "https://login.chinacloudapi.cn",
        authority: &Authority::Organizations,
        client_id: Guid::parse(CLIENT).unwrap(),
        code: &code,
        redirect_uri: "https://cloudlink.example/auth/microsoft",
        verifier: &s.verifier,
        scope: "openid https://microsoftgraph.chinacloudapi.cn/User.Read",
    };
    assert_eq!(
        req.url(),
        "https://login.chinacloudapi.cn/organizations/oauth2/v2.0/token"
    );
    let body = req.body();
    let pairs = parse_pairs(&body).unwrap();
    let keys: Vec<_> = pairs.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "client_id",
            "grant_type",
            "code",
            "redirect_uri",
            "code_verifier",
            "scope"
        ]
    );
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).unwrap().1.clone();
    assert_eq!(get("grant_type"), "authorization_code");
    assert_eq!(get("code"), "the-code");
    assert_eq!(get("code_verifier"), s.verifier.as_str());
    assert_eq!(get("client_id"), CLIENT);
    assert_eq!(
        get("redirect_uri"),
        "https://cloudlink.example/auth/microsoft"
    );
    assert!(!body.contains("client_secret"));
}

#[test]
fn a_token_response_with_the_right_nonce_signs_in() {
    let signed = parse_token_response(200, &success("N1"), "N1").unwrap();
    assert_eq!(signed.expires_in_seconds, 3599);
    assert_eq!(signed.scopes.len(), 2);
    assert_eq!(signed.tenant_id, Some(Guid::parse(TENANT).unwrap()));
    assert_eq!(
        signed.token.bearer().as_str(),
        format!("Bearer {TOKEN}").as_str()
    );
}

#[test]
fn the_token_never_shows_in_debug_or_display() {
    let signed = parse_token_response(200, &success("N1"), "N1").unwrap();
    for shown in [
        format!("{:?}", signed.token),
        format!("{}", signed.token),
        format!("{signed:?}"),
        format!("{:#?}", signed),
    ] {
        assert!(!shown.contains(TOKEN), "{shown}");
        assert!(!shown.contains("7Hq2"), "{shown}");
    }
}

#[test]
fn a_wrong_or_missing_nonce_or_a_strange_answer_is_refused() {
    assert_eq!(
        parse_token_response(200, &success("N2"), "N1").unwrap_err(),
        Problem::SignInExpired
    );
    assert_eq!(
        parse_token_response(200, &success(""), "").unwrap_err(),
        Problem::SignInExpired
    );
    let no_id = json!({"token_type":"Bearer","access_token":TOKEN}).to_string();
    let pop =
        json!({"token_type":"pop","access_token":TOKEN,"id_token":id_token(json!({"nonce":"N1"}))})
            .to_string();
    for body in [no_id.as_str(), pop.as_str(), "<html>", ""] {
        let e = parse_token_response(200, body, "N1").unwrap_err();
        assert!(matches!(e, Problem::Unexpected { .. }), "{body}: {e:?}");
        assert!(!e.to_string().contains(TOKEN));
    }
}

#[test]
fn identity_platform_errors_say_what_went_wrong() {
    let failure = |error: &str, description: &str| {
        let body = json!({"error": error, "error_description": description, "error_codes": [1]})
            .to_string();
        parse_token_response(400, &body, "N1").unwrap_err()
    };
    assert_eq!(
        failure("invalid_grant", "AADSTS65001: The user or administrator has not consented to use the application with ID '0c1a5e7b'.\r\nTrace ID: x"),
        Problem::ConsentMissing
    );
    assert_eq!(
        failure(
            "invalid_grant",
            "AADSTS54005: OAuth2 Authorization code was already redeemed."
        ),
        Problem::SignInExpired
    );
    assert!(matches!(
        failure("invalid_request", "AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.\r\nTrace ID: x"),
        Problem::PlatformMisconfigured { detail } if detail.starts_with("AADSTS9002326") && !detail.contains("Trace")
    ));
    assert!(matches!(
        failure(
            "invalid_client",
            "AADSTS700016: Application not found in the directory."
        ),
        Problem::PlatformMisconfigured { .. }
    ));
    assert_eq!(
        identity_problem("access_denied", "AADSTS65004: User declined to consent."),
        Problem::SignInCancelled
    );
    assert_eq!(
        identity_problem("consent_required", ""),
        Problem::ConsentMissing
    );
    assert!(matches!(
        failure("temporarily_unavailable", "AADSTS90033: busy"),
        Problem::Unexpected { code, .. } if code == "temporarily_unavailable"
    ));
    assert!(matches!(
        parse_token_response(500, "oops", "N1").unwrap_err(),
        Problem::Unexpected { status: 500, .. }
    ));
}
