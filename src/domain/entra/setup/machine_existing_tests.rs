//! The set-up meeting an app registration with the account's name that it
//! did not create in this run.

use super::call::{Call, GraphRequest, Method};
use super::machine::{Next, Setup, SetupInput};
use super::machine_tests::key;
use super::problem::Problem;
use super::requests::EXCHANGE_ONLINE_APP_ID;
use super::steps::{StepId, StepState};
use crate::crypto::Certificate;
use serde_json::{json, Value};

const ADMIN: &str = "aaaaaaaa-0000-4000-8000-000000000001";
const APP_OBJECT: &str = "bbbbbbbb-0000-4000-8000-000000000002";
const APP_ID: &str = "cccccccc-0000-4000-8000-000000000003";
const SP: &str = "dddddddd-0000-4000-8000-000000000004";
const OUR_DER: &[u8] = b"this page's certificate";

fn input() -> SetupInput {
    SetupInput {
        account_name: "Contoso Mail".into(),
        tenant_typed: None,
        organization_typed: None,
        key_credential: key(OUR_DER),
        thumbprint: Certificate::stored(OUR_DER.to_vec(), None, None).sha1_thumbprint(),
        known_thumbprints: vec![],
    }
}

fn ours() -> Value {
    json!({"id": APP_OBJECT, "appId": APP_ID, "displayName": "Contoso Mail",
        "signInAudience": "AzureADMyOrg", "keyCredentials": [key(OUR_DER)], "passwordCredentials": [],
        "requiredResourceAccess": [{"resourceAppId": EXCHANGE_ONLINE_APP_ID,
            "resourceAccess": [{"id": "dc50a0fb-09a3-484d-be87-e023b12c6440", "type": "Role"}]}],
        "web": {"redirectUris": []}, "spa": {"redirectUris": []}, "publicClient": {"redirectUris": []},
        "isFallbackPublicClient": null})
}

fn graph(app: Value, owners: Value, sp_secret: bool) -> impl FnMut(&GraphRequest) -> (u16, String) {
    move |r: &GraphRequest| {
        let body = match r.call {
            Call::ReadOrganization => {
                json!({"value": [{"id": "72f988bf-86f1-41af-91ab-2d7cd011db47"}]})
            }
            Call::ReadSignedInUser => json!({"id": ADMIN}),
            Call::FindApplications => json!({"value": [{"id": APP_OBJECT, "appId": APP_ID}]}),
            Call::ReadApplication => app.clone(),
            Call::ReadFederatedCredentials => json!({"value": []}),
            Call::ReadApplicationOwners | Call::ReadServicePrincipalOwners => owners.clone(),
            Call::ReplaceKey => return (204, String::new()),
            Call::FindServicePrincipal if r.path.contains(EXCHANGE_ONLINE_APP_ID) => {
                json!({"value": [{"id": "eeeeeeee-0000-4000-8000-000000000005", "appId": EXCHANGE_ONLINE_APP_ID}]})
            }
            Call::FindServicePrincipal => json!({"value": [{"id": SP, "appId": APP_ID}]}),
            Call::ReadServicePrincipal => json!({"id": SP, "appId": APP_ID, "keyCredentials": [],
                "passwordCredentials": if sp_secret { json!([{"keyId": "s1", "displayName": "backdoor"}]) } else { json!([]) }}),
            Call::GrantAppRole | Call::AssignDirectoryRole => json!({"id": "x"}),
            other => panic!("unexpected call {other:?}"),
        };
        (
            if r.method == Method::Post { 201 } else { 200 },
            body.to_string(),
        )
    }
}

fn drive(
    setup: &mut Setup,
    mut graph: impl FnMut(&GraphRequest) -> (u16, String),
) -> Vec<GraphRequest> {
    let mut sent = Vec::new();
    while let Next::Send(r) = setup.next_step() {
        let (status, body) = graph(&r);
        sent.push(r);
        setup.receive(status, &body);
    }
    sent
}

fn writes(sent: &[GraphRequest]) -> Vec<Call> {
    sent.iter()
        .filter(|r| r.method != Method::Get)
        .map(|r| r.call)
        .collect()
}

#[test]
fn an_app_that_is_provably_ours_is_reused_with_its_service_principal() {
    let mut setup = Setup::new(input());
    let sent = drive(
        &mut setup,
        graph(ours(), json!({"value": [{"id": ADMIN}]}), false),
    );
    assert_eq!(setup.next_step(), Next::Finished);
    assert_eq!(
        writes(&sent),
        [Call::GrantAppRole, Call::AssignDirectoryRole]
    );
    assert_eq!(setup.fill().application_id.unwrap().as_str(), APP_ID);
    assert_eq!(setup.produced().service_principal.unwrap().as_str(), SP);
}

#[test]
fn an_app_of_ours_without_this_certificate_gets_exactly_this_one() {
    let mut app = ours();
    app["keyCredentials"] = json!([]);
    let mut setup = Setup::new(input());
    let sent = drive(&mut setup, graph(app, json!({"value": []}), false));
    assert_eq!(setup.next_step(), Next::Finished);
    assert_eq!(
        writes(&sent),
        [
            Call::ReplaceKey,
            Call::GrantAppRole,
            Call::AssignDirectoryRole
        ]
    );
    let patch = sent.iter().find(|r| r.call == Call::ReplaceKey).unwrap();
    assert_eq!(
        patch.body.as_ref().unwrap()["keyCredentials"],
        json!([key(OUR_DER)])
    );
}

#[test]
fn someone_else_s_app_is_refused_before_any_change_listing_what_was_found() {
    let mut app = ours();
    app["passwordCredentials"] = json!([{"keyId": "p1", "displayName": "ci", "hint": "abc"}]);
    app["keyCredentials"] = json!([key(OUR_DER), key(b"someone else's certificate")]);
    let owners = json!({"value": [{"id": ADMIN}, {"id": "99999999-0000-4000-8000-000000000009",
        "userPrincipalName": "mallory@contoso.com"}]});
    let mut setup = Setup::new(input());
    let sent = drive(&mut setup, graph(app, owners, false));
    assert_eq!(writes(&sent), Vec::<Call>::new());
    let StepState::Failed(Problem::NotOurApp { found, app_id, .. }) =
        setup.state(StepId::Application)
    else {
        panic!("{:?}", setup.state(StepId::Application))
    };
    assert_eq!(app_id, APP_ID);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].contains("client secret \"ci\""));
    assert!(found[1].contains("not one of this account's certificates"));
    assert!(found[2].contains("mallory@contoso.com"));
    assert_eq!(setup.fill().application_id, None);
}

#[test]
fn a_foreign_secret_on_the_service_principal_stops_before_any_grant() {
    let mut setup = Setup::new(input());
    let sent = drive(&mut setup, graph(ours(), json!({"value": []}), true));
    assert_eq!(writes(&sent), Vec::<Call>::new());
    assert!(matches!(
        setup.state(StepId::ServicePrincipal),
        StepState::Failed(Problem::NotOurApp { found, .. }) if found[0].contains("backdoor")
    ));
}

#[test]
fn several_apps_with_the_name_are_refused() {
    let mut setup = Setup::new(input());
    let mut g = graph(ours(), json!({"value": []}), false);
    let sent = drive(&mut setup, |r| match r.call {
        Call::FindApplications => (
            200,
            json!({"value": [{"id": APP_OBJECT, "appId": APP_ID},
            {"id": SP, "appId": SP}]})
            .to_string(),
        ),
        _ => g(r),
    });
    assert_eq!(writes(&sent), Vec::<Call>::new());
    assert!(matches!(
        setup.state(StepId::Application),
        StepState::Failed(Problem::SeveralApps { count: 2, .. })
    ));
}
