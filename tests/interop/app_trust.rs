//! What an existing app registration asks for, and how Exchange.ManageAsApp
//! is granted.
//!
//! Anyone may register an app under the name the script looks for, have it
//! ask for delegated access to mail and files, give it redirect URIs of their
//! own, and then remove themselves as owner. Admin consent to that app would
//! let them collect users' tokens with no prompt. So the script reuses an app
//! only when it asks for nothing but Exchange.ManageAsApp and signs no one in
//! anywhere, and grants that one role by itself, never with admin consent to
//! whatever the app asks for.

use cloudlink::domain::setup_script::{parse_output, OutputError};
use serde_json::{json, Value};

use crate::setup_script::{
    azure_script, microsoft_script, option, run, Run, EXISTING_APP_ID, EXISTING_SP_ID, SP_ID,
};

const GRAPH_API: &str = "00000003-0000-0000-c000-000000000000";
const EXCHANGE_API: &str = "00000002-0000-0ff1-ce00-000000000000";
const MANAGE_AS_APP: &str = "dc50a0fb-09a3-484d-be87-e023b12c6440";
const FULL_ACCESS_AS_APP: &str = "dc890d15-9560-4a4c-9b7f-a736ec74ec40";
/// Microsoft Graph's delegated Mail.ReadWrite and Files.Read.All.
const MAIL_READ_WRITE: &str = "024d486e-b451-40bb-833d-3e66d98c5c73";
const FILES_READ_ALL: &str = "df85f4d6-205c-4ac5-a5ea-6bf408dba283";
/// Office 365 Exchange Online's service principal in the fake tenant.
const EXCHANGE_SP_ID: &str = "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293";
const SQUATTER_URI: &str = "https://squatter.example/callback";

fn requests(api: &str, access: &[(&str, &str)]) -> Value {
    let access: Vec<Value> = access
        .iter()
        .map(|(id, kind)| json!({ "id": id, "type": kind }))
        .collect();
    json!({ "resourceAppId": api, "resourceAccess": access })
}

fn exchange_manage_as_app() -> Value {
    requests(EXCHANGE_API, &[(MANAGE_AS_APP, "Role")])
}

/// The app of the issue: no owner, no credential, asks for mail and files on
/// behalf of users beside Exchange.ManageAsApp, and signs users in to a
/// site of its maker's.
fn squatted_app() -> String {
    json!({
        "requiredResourceAccess": [
            requests(GRAPH_API, &[(MAIL_READ_WRITE, "Scope"), (FILES_READ_ALL, "Scope")]),
            exchange_manage_as_app(),
        ],
        "web": { "redirectUris": [SQUATTER_URI], "implicitGrantSettings": {
            "enableAccessTokenIssuance": true, "enableIdTokenIssuance": true } },
    })
    .to_string()
}

#[test]
fn a_squatted_app_is_never_reused_or_consented() {
    let app = squatted_app();
    let state = [
        ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
        ("FAKE_AZ_APP_JSON", app.as_str()),
    ];
    for (kind, script) in [("microsoft", microsoft_script()), ("azure", azure_script())] {
        for args in [&[][..], &["--reuse"][..]] {
            let err = run(&script, args, &state).refused_without_change();
            let context = format!("{kind} {args:?}:\n{err}");
            for found in [
                EXISTING_APP_ID,
                MAIL_READ_WRITE,
                FILES_READ_ALL,
                SQUATTER_URI,
            ] {
                assert!(err.contains(found), "{found} not named; {context}");
            }
            // Asked for by the Microsoft 365 script alone.
            assert_eq!(err.contains(MANAGE_AS_APP), kind == "azure", "{context}");
        }
    }
}

#[test]
fn each_setting_beyond_what_cloudlink_needs_is_refused() {
    let uris = |uri: &str| json!({ "redirectUris": [uri] });
    for (app, named) in [
        (
            json!({ "requiredResourceAccess": [requests(GRAPH_API, &[(MAIL_READ_WRITE, "Scope")])] }),
            MAIL_READ_WRITE,
        ),
        (
            json!({ "requiredResourceAccess": [requests(
                EXCHANGE_API,
                &[(MANAGE_AS_APP, "Role"), (FULL_ACCESS_AS_APP, "Role")],
            )] }),
            FULL_ACCESS_AS_APP,
        ),
        (
            json!({ "requiredResourceAccess": [requests(EXCHANGE_API, &[(MANAGE_AS_APP, "Scope")])] }),
            "delegated permission",
        ),
        (
            json!({ "web": uris("https://a.example/cb") }),
            "https://a.example/cb",
        ),
        (
            json!({ "spa": uris("https://b.example/") }),
            "https://b.example/",
        ),
        (json!({ "publicClient": uris("ms-app://c") }), "ms-app://c"),
        (
            json!({ "isFallbackPublicClient": true }),
            "isFallbackPublicClient",
        ),
        (
            json!({ "signInAudience": "AzureADMultipleOrgs" }),
            "AzureADMultipleOrgs",
        ),
        (
            json!({ "signInAudience": "AzureADandPersonalMicrosoftAccount" }),
            "AzureADandPersonalMicrosoftAccount",
        ),
    ] {
        let app = app.to_string();
        let state = [
            ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
            ("FAKE_AZ_APP_JSON", app.as_str()),
        ];
        let err = run(&microsoft_script(), &["--reuse"], &state).refused_without_change();
        assert!(err.contains(named), "{named} not named for {app}:\n{err}");
    }
}

const ADMIN_CONSENT: &str = "ad app permission admin-consent";

/// Exchange.ManageAsApp was granted to `principal` as one app role
/// assignment, the way Microsoft Graph documents it, and nothing was
/// granted with admin consent.
fn assert_exchange_granted_once(run: &Run, principal: &str) {
    assert!(run.calls_to(ADMIN_CONSENT).is_empty(), "{}", run.describe());
    let grants: Vec<_> = run
        .posts()
        .into_iter()
        .filter(|c| option(c, "--uri").ends_with("/appRoleAssignedTo"))
        .collect();
    let [grant] = grants.as_slice() else {
        panic!("expected one appRoleAssignedTo\n{}", run.describe());
    };
    assert_eq!(
        option(grant, "--uri"),
        format!(
            "https://graph.microsoft.com/v1.0/servicePrincipals/{EXCHANGE_SP_ID}/appRoleAssignedTo"
        )
    );
    assert_eq!(option(grant, "--headers"), "Content-Type=application/json");
    let body: Value = serde_json::from_str(option(grant, "--body")).unwrap();
    assert_eq!(
        body,
        json!({ "principalId": principal, "resourceId": EXCHANGE_SP_ID, "appRoleId": MANAGE_AS_APP })
    );
}

#[test]
fn a_new_app_is_granted_exchange_manage_as_app_alone() {
    let created = run(&microsoft_script(), &[], &[]);
    created.succeeded();
    assert_exchange_granted_once(&created, SP_ID);
    assert!(created.stdout().contains("Granted Exchange.ManageAsApp."));
}

#[test]
fn a_reused_app_is_granted_exchange_manage_as_app_alone() {
    // As an earlier run leaves it, or one that stopped before asking for the
    // permission.
    let earlier = json!({ "requiredResourceAccess": [exchange_manage_as_app()] }).to_string();
    for app in [earlier.as_str(), "{}"] {
        let state = [
            ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
            ("FAKE_AZ_EXISTING_SP", EXISTING_SP_ID),
            ("FAKE_AZ_APP_JSON", app),
        ];
        let reused = run(&microsoft_script(), &["--reuse"], &state);
        reused.succeeded();
        assert_exchange_granted_once(&reused, EXISTING_SP_ID);
        let added = reused.calls_to("ad app permission add").len();
        assert_eq!(added, usize::from(app == "{}"), "{app}");
    }
    // An Azure app is granted no Exchange role at all, and may not ask for
    // one.
    let state = [("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID)];
    let azure = run(&azure_script(), &["--reuse"], &state);
    azure.succeeded();
    assert!(azure.calls_to(ADMIN_CONSENT).is_empty());
    assert!(azure
        .posts()
        .iter()
        .all(|c| !option(c, "--uri").contains("appRole")));
    let state = [
        ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
        ("FAKE_AZ_APP_JSON", earlier.as_str()),
    ];
    let err = run(&azure_script(), &["--reuse"], &state).refused_without_change();
    assert!(err.contains(MANAGE_AS_APP), "{err}");
}

#[test]
fn a_refused_grant_stops_at_its_step() {
    let run = run(
        &microsoft_script(),
        &[],
        &[("FAKE_AZ_FAIL_URI", "/appRoleAssignedTo")],
    );
    assert_eq!(run.code(), Some(1), "{}", run.describe());
    let err = run.stderr();
    assert!(
        err.contains("CloudLink setup stopped at step 5/7 Grant Exchange.ManageAsApp")
            && err.contains("Privileged Role Administrator or Global Administrator"),
        "{err}"
    );
    assert!(run.calls_to(ADMIN_CONSENT).is_empty());
    // Retried in case the new service principal was not yet visible.
    let tries = run
        .posts()
        .iter()
        .filter(|c| option(c, "--uri").ends_with("/appRoleAssignedTo"))
        .count();
    assert_eq!(tries, 6);
    assert!(run
        .posts()
        .iter()
        .all(|c| !option(c, "--uri").contains("/roleManagement/")));
    assert!(!run.stdout().contains("CLOUDLINK_"));
    let pasted = format!("{}{}", run.stdout(), err);
    assert_eq!(parse_output(&pasted), Err(OutputError::ScriptStopped));
}
