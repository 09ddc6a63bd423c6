use super::authorize::*;
use super::encode::parse_pairs;
use super::pkce::{SignInSecrets, RANDOM_BYTES};
use crate::domain::entra::{Guid, TenantId};

fn secrets() -> SignInSecrets {
    SignInSecrets::from_random(&[7; RANDOM_BYTES])
}

const CLIENT: &str = "0c1a5e7b-1111-4222-8333-944455556666";

#[test]
fn the_redirect_uri_is_auth_microsoft_under_the_base_url() {
    let cases = [
        (
            "https://cloudlink.example/",
            "https://cloudlink.example/auth/microsoft",
        ),
        (
            "https://cloudlink.example",
            "https://cloudlink.example/auth/microsoft",
        ),
        (
            "https://portal.example/tools/link/",
            "https://portal.example/tools/link/auth/microsoft",
        ),
        (
            "https://portal.example/tools/link/index.html?x=1#y",
            "https://portal.example/tools/link/auth/microsoft",
        ),
        (
            "http://127.0.0.1:8080/",
            "http://127.0.0.1:8080/auth/microsoft",
        ),
    ];
    for (base, want) in cases {
        assert_eq!(redirect_uri(base), want, "{base}");
    }
}

#[test]
fn the_authorize_url_asks_for_a_code_with_pkce_s256() {
    let s = secrets();
    let tenant = Authority::Tenant(TenantId::parse("contoso.onmicrosoft.com").unwrap());
    let req = AuthorizeRequest {
        sign_in_base: "https://login.microsoftonline.us/",
        authority: &tenant,
        client_id: Guid::parse(CLIENT).unwrap(),
        redirect_uri: "https://portal.example/tools/link/auth/microsoft",
        scope: "openid https://graph.microsoft.us/User.Read",
        secrets: &s,
    };
    let url = req.url();
    let (path, query) = url.split_once('?').unwrap();
    assert_eq!(
        path,
        "https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/authorize"
    );
    let pairs = parse_pairs(query).unwrap();
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
            .unwrap()
    };
    assert_eq!(get("client_id"), CLIENT);
    assert_eq!(get("response_type"), "code");
    assert_eq!(get("response_mode"), "fragment");
    assert_eq!(
        get("redirect_uri"),
        "https://portal.example/tools/link/auth/microsoft"
    );
    assert_eq!(get("scope"), "openid https://graph.microsoft.us/User.Read");
    assert_eq!(get("state"), s.state);
    assert_eq!(get("nonce"), s.nonce);
    assert_eq!(get("code_challenge"), s.verifier.s256_challenge());
    assert_eq!(get("code_challenge_method"), "S256");
    assert!(
        !url.contains(s.verifier.as_str()),
        "the verifier stays in the page"
    );
}

#[test]
fn without_a_tenant_any_work_account_may_sign_in() {
    let s = secrets();
    let url = AuthorizeRequest {
        sign_in_base: "http://127.0.0.1:4567",
        authority: &Authority::Organizations,
        client_id: Guid::parse(CLIENT).unwrap(),
        redirect_uri: "http://127.0.0.1:8080/auth/microsoft",
        scope: "openid",
        secrets: &s,
    }
    .url();
    assert!(url.starts_with("http://127.0.0.1:4567/organizations/oauth2/v2.0/authorize?"));
}

#[test]
fn a_code_counts_only_with_the_state_this_page_issued() {
    let code = parse_callback("#code=0.AX-abc_def&state=S1&session_state=x", "S1").unwrap();
    assert_eq!(code.as_str(), "0.AX-abc_def");
    assert!(!format!("{code:?}").contains("abc"));
    for (fragment, state) in [
        ("#code=abc&state=S2", "S1"),
        ("#code=abc", "S1"),
        ("#code=abc&state=", ""),
        ("#code=abc&state=S1&state=S1", "S1"),
        ("#code=abc&state=%zz", "S1"),
        // An error with the wrong state is someone else's, not Microsoft's word.
        ("#error=access_denied&state=S2", "S1"),
    ] {
        assert_eq!(
            parse_callback(fragment, state),
            Err(CallbackError::NotOurs),
            "{fragment}"
        );
    }
    for fragment in ["#state=S1", "#state=S1&code=", "#state=S1&code=a&code=b"] {
        assert_eq!(
            parse_callback(fragment, "S1"),
            Err(CallbackError::Malformed),
            "{fragment}"
        );
    }
}

#[test]
fn microsoft_s_error_and_description_are_surfaced() {
    let got = parse_callback(
        "#error=consent_required&error_description=AADSTS65001%3A+The+user+or+administrator+has+not+consented.&state=S1",
        "S1",
    )
    .unwrap_err();
    assert_eq!(
        got,
        CallbackError::Refused {
            error: "consent_required".into(),
            description: "AADSTS65001: The user or administrator has not consented.".into()
        }
    );
    assert_eq!(got.aadsts(), Some("AADSTS65001"));
    assert_eq!(aadsts_code("Trace: no code here"), None);
    assert_eq!(aadsts_code("AADSTS"), None);
    assert_eq!(aadsts_code("x AADSTS50011 y"), Some("AADSTS50011"));
}
