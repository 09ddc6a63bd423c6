use super::machine_tests::key;
use super::responses::{Application, FederatedCredential, ObjectId, ServicePrincipal};
use super::trust::*;
use crate::crypto::Certificate;
use crate::domain::entra::Guid;
use serde_json::{json, Value};

const ADMIN: &str = "aaaaaaaa-0000-4000-8000-000000000001";
const OURS: &[u8] = b"ours";

fn own() -> Vec<String> {
    vec![Certificate::stored(OURS.to_vec(), None, None).sha1_thumbprint()]
}

fn app(change: impl FnOnce(&mut Value)) -> Application {
    let mut v = json!({"id": "bbbbbbbb-0000-4000-8000-000000000002", "appId": "cccccccc-0000-4000-8000-000000000003",
        "signInAudience": "AzureADMyOrg", "keyCredentials": [key(OURS)],
        "requiredResourceAccess": [{"resourceAppId": "00000002-0000-0FF1-CE00-000000000000",
            "resourceAccess": [{"id": "DC50A0FB-09A3-484D-BE87-E023B12C6440", "type": "Role"}]}]});
    change(&mut v);
    serde_json::from_value(v).unwrap()
}

fn findings(a: &Application) -> Vec<String> {
    application_findings(a, &[], &[], &own(), Some(Guid::parse(ADMIN).unwrap()))
}

#[test]
fn an_app_with_only_this_account_s_certificate_and_exchange_may_be_used() {
    assert_eq!(findings(&app(|_| {})), Vec::<String>::new());
    assert!(has_only_certificate(&app(|_| {}), &own()[0].to_lowercase()));
    assert!(!has_only_certificate(
        &app(|v| v["keyCredentials"] = json!([])),
        &own()[0]
    ));
}

#[test]
fn each_way_in_is_listed() {
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Change, &str)> = vec![
        (
            Box::new(|v| v["keyCredentials"] = json!([key(b"theirs")])),
            "not one of this account's certificates",
        ),
        (
            Box::new(|v| v["keyCredentials"] = json!([{"keyId": "k9", "displayName": "no key"}])),
            "not a certificate that can be checked",
        ),
        (
            Box::new(|v| v["passwordCredentials"] = json!([{"keyId": "p1", "displayName": "ci"}])),
            "client secret \"ci\" (key ID p1)",
        ),
        (
            Box::new(|v| v["requiredResourceAccess"] = json!([])),
            "other than exactly Exchange.ManageAsApp (none)",
        ),
        (
            Box::new(|v| {
                v["requiredResourceAccess"][0]["resourceAccess"][0]["type"] = json!("Scope")
            }),
            "Scope DC50A0FB",
        ),
        (
            Box::new(|v| {
                v["requiredResourceAccess"].as_array_mut().unwrap().push(
                    json!({"resourceAppId": "00000003-0000-0000-c000-000000000000",
            "resourceAccess": [{"id": "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9", "type": "Role"}]}),
                )
            }),
            "on 00000003-0000-0000-c000-000000000000",
        ),
        (
            Box::new(|v| v["web"] = json!({"redirectUris": ["https://evil.example/cb"]})),
            "web redirect URI https://evil.example/cb",
        ),
        (
            Box::new(|v| v["spa"] = json!({"redirectUris": ["https://evil.example/"]})),
            "single-page app redirect URI",
        ),
        (
            Box::new(|v| v["publicClient"] = json!({"redirectUris": ["http://localhost"]})),
            "public client redirect URI",
        ),
        (
            Box::new(|v| v["isFallbackPublicClient"] = json!(true)),
            "public client flows allowed",
        ),
        (
            Box::new(|v| v["signInAudience"] = json!("AzureADMultipleOrgs")),
            "sign-in audience AzureADMultipleOrgs",
        ),
        (
            Box::new(|v| v["signInAudience"] = json!(null)),
            "sign-in audience -",
        ),
    ];
    for (change, want) in cases {
        let got = findings(&app(change));
        assert_eq!(got.len(), 1, "{want}: {got:?}");
        assert!(got[0].contains(want), "{want}: {got:?}");
    }
}

#[test]
fn federated_credentials_and_other_owners_are_listed() {
    let fed: FederatedCredential = serde_json::from_value(json!({"name": "gh",
        "issuer": "https://token.actions.githubusercontent.com", "subject": "repo:x/y:ref:refs/heads/main"})).unwrap();
    let owner = |id: &str| -> ObjectId {
        serde_json::from_value(json!({"id": id, "displayName": "Someone"})).unwrap()
    };
    let a = app(|_| {});
    let owners = [owner(ADMIN), owner("99999999-0000-4000-8000-000000000009")];
    let got = application_findings(
        &a,
        &[fed],
        &owners,
        &own(),
        Some(Guid::parse(ADMIN).unwrap()),
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].contains(
        "federated credential \"gh\" (issuer https://token.actions.githubusercontent.com"
    ));
    assert!(got[1].contains("owner Someone (object ID 99999999"));
    // Without knowing who signed in, every owner is someone else.
    assert_eq!(
        application_findings(&a, &[], &owners[..1], &own(), None).len(),
        1
    );
}

#[test]
fn the_service_principal_is_held_to_the_same_credentials_rule() {
    let sp: ServicePrincipal = serde_json::from_value(json!({"id": "dddddddd-0000-4000-8000-000000000004",
        "appId": "cccccccc-0000-4000-8000-000000000003", "keyCredentials": [key(OURS), key(b"theirs")],
        "passwordCredentials": [{"keyId": "p2"}]})).unwrap();
    let got = service_principal_findings(&sp, &[], &own(), None);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got
        .iter()
        .all(|f| f.starts_with("service principal dddddddd")));
}

#[test]
fn the_thumbprint_comes_from_the_certificate_not_its_label() {
    let mut k = key(OURS);
    k["customKeyIdentifier"] = json!("AAAA");
    let k: super::responses::KeyCredential = serde_json::from_value(k).unwrap();
    assert_eq!(thumbprint_of(&k), Some(own()[0].clone()));
}
