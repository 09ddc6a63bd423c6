use super::call::{Call, GraphRequest, Method};
use super::machine::{Next, Setup, SetupInput};
use super::problem::Problem;
use super::requests::EXCHANGE_ONLINE_APP_ID;
use super::steps::{StepId, StepState};
use crate::crypto::Certificate;
use crate::domain::entra::TenantId;
use base64ct::{Base64, Encoding};
use serde_json::{json, Value};

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const ADMIN: &str = "aaaaaaaa-0000-4000-8000-000000000001";
const APP_OBJECT: &str = "bbbbbbbb-0000-4000-8000-000000000002";
const APP_ID: &str = "cccccccc-0000-4000-8000-000000000003";
const SP: &str = "dddddddd-0000-4000-8000-000000000004";
const EXO_SP: &str = "eeeeeeee-0000-4000-8000-000000000005";
const OUR_DER: &[u8] = b"this page's certificate";

fn thumbprint(der: &[u8]) -> String {
    Certificate::stored(der.to_vec(), None, None).sha1_thumbprint()
}

pub(super) fn key(der: &[u8]) -> Value {
    json!({"keyId": "k1", "displayName": "CloudLink", "type": "AsymmetricX509Cert",
           "usage": "Verify", "key": Base64::encode_string(der)})
}

fn input(tenant: Option<&str>) -> SetupInput {
    SetupInput {
        account_name: "Contoso Mail".into(),
        tenant_typed: tenant.map(|t| TenantId::parse(t).unwrap()),
        organization_typed: None,
        key_credential: key(OUR_DER),
        thumbprint: thumbprint(OUR_DER),
        known_thumbprints: vec![],
    }
}

/// Graph as Microsoft documents it, for a tenant where nothing exists yet.
fn healthy(r: &GraphRequest) -> (u16, String) {
    let body = match r.call {
        Call::ReadOrganization => json!({"value": [{"id": TENANT, "displayName": "Contoso",
            "verifiedDomains": [{"name": "contoso.onmicrosoft.com", "isInitial": true, "isDefault": true}]}]}),
        Call::ReadSignedInUser => json!({"id": ADMIN}),
        Call::FindApplications => json!({"value": []}),
        Call::CreateApplication => {
            json!({"id": APP_OBJECT, "appId": APP_ID, "displayName": "Contoso Mail"})
        }
        Call::FindServicePrincipal if r.path.contains(EXCHANGE_ONLINE_APP_ID) => {
            json!({"value": [{"id": EXO_SP, "appId": EXCHANGE_ONLINE_APP_ID}]})
        }
        Call::FindServicePrincipal => json!({"value": []}),
        Call::CreateServicePrincipal => json!({"id": SP, "appId": APP_ID}),
        Call::GrantAppRole => {
            json!({"id": "x", "appRoleId": "dc50a0fb-09a3-484d-be87-e023b12c6440"})
        }
        Call::AssignDirectoryRole => json!({"id": "y"}),
        other => panic!("unexpected call {other:?}"),
    };
    let status = if r.method == Method::Post { 201 } else { 200 };
    (status, body.to_string())
}

/// Runs the machine until it stops or finishes; the calls it made, in order.
fn drive(setup: &mut Setup, mut graph: impl FnMut(&GraphRequest) -> (u16, String)) -> Vec<Call> {
    let mut calls = Vec::new();
    while let Next::Send(r) = setup.next_step() {
        assert_eq!(
            setup.next_step(),
            Next::Send(r.clone()),
            "asking twice gives the same request"
        );
        calls.push(r.call);
        let (status, body) = graph(&r);
        setup.receive(status, &body);
    }
    calls
}

fn denied() -> (u16, String) {
    let body = json!({"error": {"code": "Authorization_RequestDenied",
        "message": "Insufficient privileges to complete the operation.", "innerError": {}}});
    (403, body.to_string())
}

const ALL_CALLS: [Call; 9] = [
    Call::ReadOrganization,
    Call::ReadSignedInUser,
    Call::FindApplications,
    Call::CreateApplication,
    Call::FindServicePrincipal,
    Call::CreateServicePrincipal,
    Call::FindServicePrincipal,
    Call::GrantAppRole,
    Call::AssignDirectoryRole,
];

#[test]
fn a_new_tenant_goes_through_all_six_steps() {
    let mut setup = Setup::new(input(None));
    let calls = drive(&mut setup, healthy);
    assert_eq!(calls, ALL_CALLS);
    assert_eq!(setup.next_step(), Next::Finished);
    assert!(setup.steps().all(|(_, s)| s == &StepState::Done));
    let fill = setup.fill();
    assert_eq!(fill.tenant_id.unwrap().as_str(), TENANT);
    assert_eq!(fill.organization_name.as_deref(), Some("Contoso"));
    assert_eq!(fill.application_id.unwrap().as_str(), APP_ID);
    let p = setup.produced();
    assert_eq!(p.admin.unwrap().as_str(), ADMIN);
    assert_eq!(p.exchange_service_principal.unwrap().as_str(), EXO_SP);
}

#[test]
fn typed_fields_are_kept_and_a_verified_domain_names_the_same_tenant() {
    let mut i = input(Some("Contoso.OnMicrosoft.com"));
    i.organization_typed = Some("Contoso Ltd".into());
    let mut setup = Setup::new(i);
    drive(&mut setup, healthy);
    assert_eq!(setup.next_step(), Next::Finished);
    let fill = setup.fill();
    assert_eq!((fill.tenant_id, fill.organization_name), (None, None));
    assert_eq!(fill.application_id.unwrap().as_str(), APP_ID);
}

#[test]
fn another_tenant_is_an_error_never_an_overwrite() {
    let mut setup = Setup::new(input(Some("00000000-0000-4000-8000-0000000000ff")));
    let calls = drive(&mut setup, healthy);
    assert_eq!(calls, [Call::ReadOrganization]);
    assert_eq!(setup.next_step(), Next::Stopped);
    let StepState::Failed(p) = setup.state(StepId::Organization) else {
        panic!("{:?}", setup.state(StepId::Organization))
    };
    assert!(matches!(p, Problem::DifferentTenant { signed_in, .. } if signed_in.contains(TENANT)));
    assert_eq!(setup.fill().tenant_id, None);
    assert_eq!(setup.state(StepId::Application), &StepState::Pending);
}

#[test]
fn each_failing_call_fails_its_step_and_retry_runs_only_what_is_not_done() {
    for (n, failing) in ALL_CALLS.iter().enumerate() {
        let mut setup = Setup::new(input(None));
        let mut seen = 0;
        let calls = drive(&mut setup, |r| {
            seen += 1;
            if seen == n + 1 {
                denied()
            } else {
                healthy(r)
            }
        });
        assert_eq!(calls.last(), Some(failing), "call {n}");
        assert_eq!(setup.next_step(), Next::Stopped);
        let failed: Vec<_> = setup
            .steps()
            .filter(|(_, s)| matches!(s, StepState::Failed(_)))
            .map(|(id, _)| id)
            .collect();
        assert_eq!(failed.len(), 1, "call {n}");
        let failed = failed[0];
        for (id, s) in setup.steps() {
            let want_done = id.index() < failed.index();
            assert_eq!(s == &StepState::Done, want_done, "call {n}: {id:?} {s:?}");
        }
        let StepState::Failed(problem) = setup.state(failed) else {
            unreachable!()
        };
        assert!(!problem.what_to_do().is_empty());

        setup.retry();
        assert_eq!(setup.state(failed), &StepState::Pending);
        let again = drive(&mut setup, healthy);
        assert_eq!(setup.next_step(), Next::Finished, "call {n}");
        // The retry starts at the failed step's first call: nothing done is redone.
        let first_of_step = ALL_CALLS[..=n]
            .iter()
            .rposition(|c| {
                matches!(c, Call::ReadOrganization | Call::FindApplications)
                    || (*c == Call::FindServicePrincipal)
            })
            .unwrap();
        let redone = match failed {
            StepId::GlobalReader => n,
            _ => first_of_step,
        };
        assert_eq!(again, ALL_CALLS[redone..], "call {n}");
        assert_eq!(
            again
                .iter()
                .filter(|c| **c == Call::CreateApplication)
                .count()
                + calls[..n]
                    .iter()
                    .filter(|c| **c == Call::CreateApplication)
                    .count(),
            1,
            "one app created, call {n}"
        );
    }
}

#[test]
fn a_request_that_gets_no_answer_fails_its_step() {
    let mut setup = Setup::new(input(None));
    let Next::Send(r) = setup.next_step() else {
        panic!()
    };
    assert_eq!(r.call, Call::ReadOrganization);
    setup.receive_nothing("Failed to fetch");
    assert!(matches!(
        setup.state(StepId::Organization),
        StepState::Failed(Problem::Unexpected { status: 0, message, .. }) if message == "Failed to fetch"
    ));
    // An answer nobody asked for changes nothing.
    setup.receive(200, "{}");
    assert_eq!(setup.next_step(), Next::Stopped);
}

#[test]
fn a_run_stopped_before_its_request_is_sent_fails_that_step_and_retry_resumes_there() {
    let mut setup = Setup::new(input(None));
    let mut sent = Vec::new();
    // The first two steps are done; the third request is never sent.
    loop {
        let Next::Send(r) = setup.next_step() else {
            panic!("stopped early")
        };
        if r.call == Call::CreateServicePrincipal || sent.len() > 20 {
            break;
        }
        sent.push(r.call);
        let (status, body) = healthy(&r);
        setup.receive(status, &body);
    }
    setup.stop(Problem::Interrupted);
    assert_eq!(setup.state(StepId::Application), &StepState::Done);
    assert!(matches!(
        setup.state(StepId::ServicePrincipal),
        StepState::Failed(Problem::Interrupted)
    ));
    setup.retry();
    let again = drive(&mut setup, healthy);
    assert!(!again.contains(&Call::ReadOrganization));
    assert!(!again.contains(&Call::CreateApplication));
    assert!(again.contains(&Call::CreateServicePrincipal));
}

#[test]
fn an_answer_graph_would_not_send_fails_the_step() {
    let mut setup = Setup::new(input(None));
    drive(&mut setup, |r| match r.call {
        Call::CreateApplication => (201, json!({"displayName": "no ids"}).to_string()),
        _ => healthy(r),
    });
    assert!(matches!(
        setup.state(StepId::Application),
        StepState::Failed(Problem::Unexpected { status: 201, .. })
    ));
}

#[test]
fn a_tenant_without_exchange_online_is_said_plainly() {
    let mut setup = Setup::new(input(None));
    drive(&mut setup, |r| match r.call {
        Call::FindServicePrincipal if r.path.contains(EXCHANGE_ONLINE_APP_ID) => {
            (200, json!({"value": []}).to_string())
        }
        _ => healthy(r),
    });
    assert_eq!(
        setup.state(StepId::ExchangePermission),
        &StepState::Failed(Problem::ExchangeMissing)
    );
    assert_eq!(setup.fill().application_id, None, "filled only at the end");
}
