//! Access tokens pasted into Troubleshoot, checked claim by claim against
//! the account. The tokens are unsigned, as only the payload is read.

use base64ct::{Base64UrlUnpadded, Encoding};

use super::tests::{facts, m365, OTHER_TENANT, STAMP, TENANT};
use super::*;
use crate::domain::fixtures::{entra, entra_link, APP, OTHER_APP};
use crate::domain::links::Provider;

fn token(payload: &serde_json::Value) -> String {
    let head = Base64UrlUnpadded::encode_string(br#"{"typ":"JWT","alg":"RS256","x5t":"abc"}"#);
    let body = Base64UrlUnpadded::encode_string(payload.to_string().as_bytes());
    format!("{head}.{body}.c2lnbmF0dXJl")
}

fn good_claims(provider: Provider) -> serde_json::Value {
    let aud = match provider {
        Provider::Azure => "https://management.azure.com/",
        _ => "https://outlook.office365.com",
    };
    serde_json::json!({
        "aud": aud, "iss": format!("https://sts.windows.net/{TENANT}/"),
        "tid": TENANT, "appid": APP, "roles": ["Exchange.ManageAsApp"],
        "exp": STAMP + 3600, "nbf": STAMP - 300,
    })
}

fn verdicts(token_text: &str, provider: Provider) -> Vec<(&'static str, Verdict)> {
    let claims = decode_token(token_text).unwrap();
    check_token(&claims, &facts(provider), STAMP)
        .into_iter()
        .map(|c| (c.claim, c.verdict))
        .collect()
}

#[test]
fn a_good_token_passes_every_check() {
    use Verdict::Pass;
    let t = token(&good_claims(Provider::Microsoft));
    assert_eq!(
        verdicts(&t, Provider::Microsoft),
        [
            ("tid", Pass),
            ("appid", Pass),
            ("roles", Pass),
            ("aud", Pass),
            ("exp", Pass)
        ]
    );
    assert_eq!(
        verdicts(&format!("Bearer {t}\n"), Provider::Microsoft).len(),
        5
    );
    // Azure needs no Exchange role; a v2 token names the app in azp.
    let mut azure = good_claims(Provider::Azure);
    azure.as_object_mut().unwrap().remove("appid");
    azure["azp"] = APP.into();
    azure["roles"] = serde_json::json!([]);
    assert_eq!(
        verdicts(&token(&azure), Provider::Azure),
        [("tid", Pass), ("appid", Pass), ("aud", Pass), ("exp", Pass)]
    );
}

#[test]
fn each_wrong_claim_fails_alone() {
    let cases: [(&str, serde_json::Value, &str); 5] = [
        ("tid", OTHER_TENANT.into(), "another tenant"),
        ("appid", OTHER_APP.into(), "not to this account's application"),
        ("roles", serde_json::json!(["Mail.Read"]), "does not hold Exchange.ManageAsApp (it holds Mail.Read)"),
        ("aud", "https://graph.microsoft.com".into(), "aud is https://graph.microsoft.com, but the platform needs a token for Exchange Online"),
        ("exp", (STAMP - 120).into(), "expired 2 minutes ago"),
    ];
    for (claim, value, says) in cases {
        let mut claims = good_claims(Provider::Microsoft);
        claims[claim] = value;
        let checks = check_token(&decode_token(&token(&claims)).unwrap(), &m365(), STAMP);
        for c in &checks {
            let expected = if c.claim == claim {
                Verdict::Fail
            } else {
                Verdict::Pass
            };
            assert_eq!(c.verdict, expected, "{claim} wrong: {c:?}");
        }
        let failed = checks.iter().find(|c| c.claim == claim).unwrap();
        assert!(failed.message.contains(says), "{claim}: {}", failed.message);
    }
    // Missing claims fail too.
    let claims = decode_token(&token(&serde_json::json!({}))).unwrap();
    assert!(check_token(&claims, &m365(), STAMP)
        .iter()
        .all(|c| c.verdict == Verdict::Fail));
}

#[test]
fn a_tenant_linked_by_domain_and_never_verified_cannot_be_compared() {
    let link = entra_link("contoso.onmicrosoft.com", None, APP);
    let f = AccountFacts::of(&entra("a", Provider::Microsoft, link)).unwrap();
    let claims = decode_token(&token(&good_claims(Provider::Microsoft))).unwrap();
    assert_eq!(check_token(&claims, &f, STAMP)[0].verdict, Verdict::Unknown);
}

#[test]
fn malformed_tokens_are_refused_with_a_reason() {
    assert_eq!(decode_token("not a token"), Err(TokenError::NotThreeParts));
    assert_eq!(decode_token("a.b.c.d.e"), Err(TokenError::Encrypted));
    assert_eq!(decode_token("eyJ.!!!.x"), Err(TokenError::NotBase64));
    let not_json = format!(
        "x.{}.y",
        Base64UrlUnpadded::encode_string(b"<script>alert(1)</script>")
    );
    assert_eq!(decode_token(&not_json), Err(TokenError::NotJson));
    let array = format!("x.{}.y", Base64UrlUnpadded::encode_string(b"[1,2]"));
    assert_eq!(decode_token(&array), Err(TokenError::NotJson));
    assert_eq!(decode_token(""), Err(TokenError::Input(InputError::Empty)));
    let long = format!("x.{}.y", "A".repeat(MAX_INPUT_CHARS));
    assert!(matches!(
        decode_token(&long),
        Err(TokenError::Input(InputError::TooLong { .. }))
    ));
    for e in [
        TokenError::NotThreeParts,
        TokenError::Encrypted,
        TokenError::NotBase64,
        TokenError::NotJson,
    ] {
        assert!(!e.message().is_empty());
    }
}
