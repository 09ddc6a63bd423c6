//! Set up with Microsoft sign-in: one sign-in in a popup, then the page
//! registers the app in the tenant itself, against the stand-in Microsoft
//! (`support/fake_microsoft.rs`), and Connect links it.

use base64ct::{Base64, Encoding};
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::support::dist_dir;
use crate::support::fake_graph::{EXCHANGE_APP_ID, EXCHANGE_MANAGE_AS_APP};
use crate::support::fake_login::FakeLogin;
use crate::support::fake_microsoft::{
    FakeMicrosoft, APPLICATION_ADMINISTRATOR, GLOBAL_READER, PRIVILEGED_ROLE_ADMINISTRATOR, TENANT,
};
use crate::support::flows::PASSWORD;
use crate::support::hosting_build::{csp_for, dist_subpath_dir, SUBPATH_MOUNT};
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer, CSP_REPORT_PATH};

const LINK_HEADING: &str = "Link a New Microsoft Account";
const SET_UP: &str = "Set up with Microsoft sign-in";
const DONE: &str = "The set-up is done and Application ID is filled in.";

/// The stand-in, and the release build served with the product's CSP for
/// its hosts and a `config.json` naming them; its callback page is the
/// sign-in app's registered single-page-app redirect URI.
fn serve() -> (FakeMicrosoft, StaticServer) {
    serve_from(&dist_dir(), "", None)
}

fn serve_from(
    dist: &std::path::Path,
    mount: &str,
    first_script: Option<&str>,
) -> (FakeMicrosoft, StaticServer) {
    let fake = FakeMicrosoft::start(&[]);
    let policy = csp_for(dist, &[&fake.login_origin, &fake.graph_origin]);
    let reports = format!(
        "{}{CSP_REPORT_PATH}",
        if mount.is_empty() { "/" } else { mount }
    );
    let server = StaticServer::start(
        dist,
        ServerOptions {
            mount: mount.into(),
            // A first script is inline, which the product's policy refuses.
            html_headers: match first_script {
                None => vec![(
                    "Content-Security-Policy".into(),
                    format!("{policy}; report-uri {reports}"),
                )],
                Some(_) => Vec::new(),
            },
            config_json: Some(fake.config_json()),
            first_script: first_script.map(str::to_string),
            ..Default::default()
        },
    );
    fake.directory()
        .spa_redirect_uris
        .push(server.url("/auth/microsoft"));
    (fake, server)
}

impl Page<'_> {
    /// A new person on the link page with a name, an organization and a
    /// certificate; the SHA-1 thumbprint.
    async fn ready_to_set_up(&self, email: &str, tenant: &str) -> String {
        self.create_account(email).await;
        self.click_link("Microsoft").await;
        self.expect_heading(LINK_HEADING).await;
        self.fill("Microsoft Account Name", "Fabrikam Mail").await;
        self.fill("Organization Name", "Fabrikam Ltd").await;
        if !tenant.is_empty() {
            self.fill("Tenant ID", tenant).await;
        }
        self.blur().await;
        self.generate().await
    }

    /// Each line of the set-up as (label, state).
    async fn setup_lines(&self) -> Vec<(String, String)> {
        let v = self
            .browser
            .client
            .execute(
                "return [...document.querySelectorAll('.setup-lines li')].map(li => [li.textContent.split(':')[0], li.dataset.state]);",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value(v).unwrap()
    }

    /// Every value in local storage, session storage and every IndexedDB
    /// database of the origin, as one text (bytes as Latin-1).
    async fn all_stored_text(&self) -> String {
        let v = self
            .browser
            .client
            .execute(STORED_TEXT, vec![])
            .await
            .unwrap();
        v.as_str().unwrap_or_default().to_string()
    }
}

const STORED_TEXT: &str = r#"
const all = s => Object.keys(s).map(k => k + '=' + s.getItem(k)).join('\n');
const ask = r => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
const text = (_, v) => v instanceof CryptoKey ? '[CryptoKey]'
  : v instanceof ArrayBuffer || ArrayBuffer.isView(v)
    ? String.fromCharCode(...new Uint8Array(v instanceof ArrayBuffer ? v : v.buffer))
    : v;
const out = [all(localStorage), all(sessionStorage)];
for (const { name } of await indexedDB.databases()) {
  const db = await ask(indexedDB.open(name));
  for (const store of db.objectStoreNames) {
    const s = () => db.transaction(store).objectStore(store);
    out.push(name + '/' + store + ' ' + JSON.stringify(await ask(s().getAllKeys()), text) + ' ' + JSON.stringify(await ask(s().getAll()), text));
  }
  db.close();
}
return out.join('\n');
"#;

/// The product's CSP, made for the configured hosts, let every request of
/// the journey through.
fn expect_no_csp_reports(server: &StaticServer) {
    let reports = server.csp_reports();
    assert!(reports.is_empty(), "the CSP refused: {reports:?}");
}

fn states(lines: &[(String, String)]) -> Vec<&str> {
    lines.iter().map(|(_, s)| s.as_str()).collect()
}

#[tokio::test]
async fn one_sign_in_registers_the_app_and_connect_links_it() {
    let (fake, server) = serve();
    let page = Page::open(&server, "/signup").await;
    let sha1 = page.ready_to_set_up("ada@example.com", "").await;
    assert_eq!(page.value_of("Tenant ID").await, "");

    page.click_button(SET_UP).await;
    page.expect_text(DONE).await;
    let lines = page.setup_lines().await;
    assert_eq!(
        lines.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(),
        [
            "Sign in to Microsoft",
            "Read the organization",
            "Create the app registration",
            "Create its service principal",
            "Grant Exchange.ManageAsApp",
            "Assign Global Reader",
            "Fill Application ID"
        ]
    );
    assert!(states(&lines).iter().all(|s| *s == "done"), "{lines:?}");

    // What the admin center would now show.
    let (app, sp, exchange_sp) = {
        let d = fake.directory();
        assert_eq!(d.applications.len(), 1, "{:?}", d.applications);
        let app = d.applications[0].clone();
        let sp = d
            .service_principals
            .iter()
            .find(|s| s["appId"] == app["appId"])
            .cloned()
            .expect("the app's service principal");
        let exchange = d
            .service_principals
            .iter()
            .find(|s| s["appId"] == EXCHANGE_APP_ID)
            .cloned()
            .unwrap();
        assert_eq!(
            app["requiredResourceAccess"],
            json!([{"resourceAppId": EXCHANGE_APP_ID,
                    "resourceAccess": [{"id": EXCHANGE_MANAGE_AS_APP, "type": "Role"}]}]),
            "exactly Exchange.ManageAsApp is requested"
        );
        assert_eq!(app["signInAudience"], "AzureADMyOrg");
        assert_eq!(app["displayName"], "Fabrikam Mail");
        assert_eq!(
            d.app_role_assignments.len(),
            1,
            "{:?}",
            d.app_role_assignments
        );
        let grant = &d.app_role_assignments[0];
        assert_eq!(grant["principalId"], sp["id"]);
        assert_eq!(grant["resourceId"], exchange["id"]);
        assert_eq!(grant["appRoleId"], EXCHANGE_MANAGE_AS_APP);
        assert_eq!(d.role_assignments.len(), 1, "{:?}", d.role_assignments);
        assert_eq!(d.role_assignments[0]["roleDefinitionId"], GLOBAL_READER);
        assert_eq!(d.role_assignments[0]["principalId"], sp["id"]);
        assert_eq!(d.role_assignments[0]["directoryScopeId"], "/");
        assert!(
            d.oauth2_permission_grants.is_empty(),
            "no blanket consent: {:?}",
            d.oauth2_permission_grants
        );
        (app, sp, exchange)
    };
    assert_ne!(sp["id"], exchange_sp["id"]);

    // The app's only credential is this page's certificate, byte for byte.
    let keys = app["keyCredentials"].as_array().unwrap();
    assert_eq!(keys.len(), 1, "{keys:?}");
    assert_eq!(keys[0]["type"], "AsymmetricX509Cert");
    assert_eq!(keys[0]["usage"], "Verify");
    page.click_button("Download certificate (.cer)").await;
    let der = std::fs::read(page.downloaded("Fabrikam-Mail.cer").await).unwrap();
    let uploaded = Base64::decode_vec(keys[0]["key"].as_str().unwrap()).unwrap();
    assert_eq!(
        uploaded, der,
        "the uploaded key is the downloaded certificate"
    );
    assert_eq!(sha1.len(), 40);

    // The form: Tenant ID and Application ID filled, the typed name kept.
    assert_eq!(page.value_of("Tenant ID").await, TENANT);
    assert_eq!(
        page.value_of("Application ID").await,
        app["appId"].as_str().unwrap()
    );
    assert_eq!(page.value_of("Organization Name").await, "Fabrikam Ltd");

    // The token was never stored.
    let tokens: Vec<String> = fake.directory().tokens.keys().cloned().collect();
    assert_eq!(tokens.len(), 1);
    let stored = page.all_stored_text().await;
    assert!(
        !stored.contains(&tokens[0]),
        "the access token is in storage or IndexedDB"
    );

    // Connect is the next step, and it links the account.
    page.click_button("Connect").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.expect_text("Connected \"Fabrikam Mail\".").await;
    page.expect_text(app["appId"].as_str().unwrap()).await;
    expect_no_csp_reports(&server);
    page.close().await;
}

#[tokio::test]
async fn a_missing_role_stops_at_its_step_and_retry_runs_only_the_rest() {
    let (fake, server) = serve();
    fake.directory().admin_roles = vec![APPLICATION_ADMINISTRATOR.into()];
    let page = Page::open(&server, "/signup").await;
    page.ready_to_set_up("bea@example.com", "").await;

    page.click_button(SET_UP).await;
    page.expect_text("Your Microsoft account is not allowed to grant application permissions")
        .await;
    page.expect_text("Privileged Role Administrator or Global Administrator")
        .await;
    assert_eq!(
        states(&page.setup_lines().await),
        ["done", "done", "done", "done", "failed", "waiting", "waiting"]
    );
    // The failure takes the focus, so its words and Retry are next.
    let focused = page
        .browser
        .client
        .execute(
            "return document.activeElement.classList.contains('setup-problem');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(focused, Value::Bool(true));
    assert_eq!(page.value_of("Application ID").await, "");
    assert!(fake.directory().app_role_assignments.is_empty());

    // Someone gives the admin the role; Retry signs in again and carries on.
    let before = {
        let mut d = fake.directory();
        d.admin_roles.push(PRIVILEGED_ROLE_ADMINISTRATOR.into());
        d.graph_calls.len()
    };
    page.click_button("Retry").await;
    page.expect_text(DONE).await;
    let app_id = {
        let d = fake.directory();
        let retried: Vec<&String> = d.graph_calls[before..].iter().collect();
        for call in &retried {
            assert!(
                !call.contains("/v1.0/organization")
                    && !call.starts_with("POST /v1.0/applications")
                    && call.as_str() != "POST /v1.0/servicePrincipals",
                "Retry repeated a finished step: {retried:?}"
            );
        }
        assert!(retried.iter().any(|c| c.ends_with("/appRoleAssignedTo")));
        assert!(retried
            .iter()
            .any(|c| c.ends_with("/roleManagement/directory/roleAssignments")));
        assert_eq!(d.applications.len(), 1);
        assert_eq!(d.service_principals.len(), 2, "Exchange's and the app's");
        assert_eq!(d.app_role_assignments.len(), 1);
        assert_eq!(d.role_assignments.len(), 1);
        d.applications[0]["appId"].as_str().unwrap().to_string()
    };
    assert_eq!(page.value_of("Application ID").await, app_id);
    page.close().await;
}

#[tokio::test]
async fn a_different_tenant_is_refused_and_nothing_is_made() {
    let (fake, server) = serve();
    let typed = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    let page = Page::open(&server, "/signup").await;
    page.ready_to_set_up("cy@example.com", typed).await;

    page.click_button(SET_UP).await;
    page.expect_text(&format!(
        "You signed in to tenant {TENANT} (Fabrikam), but the form names tenant {typed}."
    ))
    .await;
    assert_eq!(
        states(&page.setup_lines().await),
        ["done", "failed", "waiting", "waiting", "waiting", "waiting", "waiting"]
    );
    // Never overwritten, and said next to the field too.
    assert_eq!(page.value_of("Tenant ID").await, typed);
    let field = page.field("Tenant ID").await;
    assert_eq!(
        field.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    let error = page.find(Locator::Id("tenant-id-error")).await;
    assert!(error
        .text()
        .await
        .unwrap()
        .contains("You signed in to tenant"));
    {
        let d = fake.directory();
        assert!(d.applications.is_empty() && d.role_assignments.is_empty());
        assert!(
            d.graph_calls.iter().all(|c| c.starts_with("GET ")),
            "{:?}",
            d.graph_calls
        );
    }
    page.close().await;
}

#[tokio::test]
async fn a_blocked_registration_and_a_missing_consent_say_what_to_do() {
    let (fake, server) = serve();
    {
        let mut d = fake.directory();
        d.users_may_register_apps = false;
        d.admin_roles = vec![PRIVILEGED_ROLE_ADMINISTRATOR.into()];
        d.consented = false;
    }
    let page = Page::open(&server, "/signup").await;
    page.ready_to_set_up("dee@example.com", "").await;

    // No consent for the platform's sign-in app: the sign-in itself fails.
    page.click_button(SET_UP).await;
    page.expect_text("This tenant has not consented to the platform's sign-in app")
        .await;
    assert_eq!(states(&page.setup_lines().await)[0], "failed");
    assert!(fake.directory().graph_calls.is_empty());

    // With consent, the tenant's policy refuses the app registration.
    fake.directory().consented = true;
    page.click_button("Retry").await;
    page.expect_text("This tenant's policy does not let your account register this app.")
        .await;
    assert_eq!(
        states(&page.setup_lines().await),
        ["done", "done", "failed", "waiting", "waiting", "waiting", "waiting"]
    );
    assert!(fake.directory().applications.is_empty());
    page.close().await;
}

#[tokio::test]
async fn without_a_sign_in_app_the_set_up_is_not_offered() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = crate::support::serve_with_config(login.config_json());
    let page = Page::open(&server, "/signup").await;
    page.ready_to_set_up("eve@example.com", "").await;
    page.expect_text("Set up with Azure Cloud Shell").await;
    assert!(!page.body_text().await.contains(SET_UP));
    page.close().await;
}

#[tokio::test]
async fn the_azure_page_never_offers_it() {
    // The steps grant Exchange.ManageAsApp, which an Azure account does not take.
    let (_fake, server) = serve();
    let page = Page::open(&server, "/signup").await;
    page.create_account("fay@example.com").await;
    page.click_link("Azure").await;
    page.expect_heading("Link a New Azure Account").await;
    page.fill("Azure Account Name", "Fabrikam Azure").await;
    page.fill("Organization Name", "Fabrikam Ltd").await;
    page.blur().await;
    page.generate().await;
    page.expect_text("Set up with Azure Cloud Shell").await;
    assert!(!page.body_text().await.contains(SET_UP));
    page.close().await;
}

#[tokio::test]
async fn a_page_on_another_origin_cannot_feed_in_a_code() {
    // The sign-in window, on Microsoft's origin, posts a code of its own with
    // the right state before Microsoft's real answer arrives.
    let (fake, server) = serve();
    fake.directory().hostile_page = true;
    let page = Page::open(&server, "/signup").await;
    page.ready_to_set_up("gil@example.com", "").await;
    page.click_button(SET_UP).await;
    page.expect_text(DONE).await;
    {
        let d = fake.directory();
        assert_eq!(d.redeemed.len(), 1, "{:?}", d.redeemed);
        assert_ne!(d.redeemed[0], "forged-code", "the forged code was taken");
        assert_eq!(d.applications.len(), 1);
    }
    page.close().await;
}

#[tokio::test]
async fn under_a_sub_path_the_callback_is_under_it_too() {
    let (fake, server) = serve_from(&dist_subpath_dir(), SUBPATH_MOUNT, None);
    assert!(fake.directory().spa_redirect_uris[0].ends_with("/tools/link/auth/microsoft"));
    let page = Page::open(&server, "/signup").await;
    page.ready_to_set_up("hal@example.com", "").await;
    page.click_button(SET_UP).await;
    page.expect_text(DONE).await;
    assert_eq!(page.value_of("Tenant ID").await, TENANT);
    expect_no_csp_reports(&server);
    page.close().await;
}

#[tokio::test]
async fn a_closed_sign_in_window_is_said_and_retry_opens_another() {
    let (fake, server) = serve();
    fake.directory().hold_sign_in = true;
    let page = Page::open(&server, "/signup").await;
    page.ready_to_set_up("ida@example.com", "").await;
    let main = page.window().await;
    page.click_button(SET_UP).await;
    page.expect_text("Sign in to Microsoft: running").await;

    // The person closes Microsoft's window without signing in.
    let client = &page.browser.client;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let popup = loop {
        let windows = client.windows().await.unwrap();
        if let Some(w) = windows.into_iter().find(|w| *w != main) {
            break w;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no sign-in window opened"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    page.switch_to(&popup).await;
    client.close_window().await.unwrap();
    page.switch_to(&main).await;
    page.expect_text("The Microsoft sign-in was cancelled or declined.")
        .await;
    assert_eq!(states(&page.setup_lines().await)[0], "failed");
    assert!(fake.directory().graph_calls.is_empty());

    fake.directory().hold_sign_in = false;
    page.click_button("Retry").await;
    page.expect_text(DONE).await;
    page.close().await;
}

#[tokio::test]
async fn a_blocked_popup_says_how_to_allow_it() {
    // A browser that refuses every popup answers window.open with null.
    let (fake, server) = serve_from(&dist_dir(), "", Some("window.open = () => null;"));
    let page = Page::open(&server, "/signup").await;
    page.ready_to_set_up("jo@example.com", "").await;
    page.click_button(SET_UP).await;
    page.expect_text("The browser blocked the Microsoft sign-in window.")
        .await;
    page.expect_text("Allow pop-up windows for this site").await;
    page.expect_text("Set up with Azure Cloud Shell").await;
    assert!(fake.directory().redeemed.is_empty());
    page.close().await;
}

#[tokio::test]
async fn an_app_someone_else_registered_under_the_name_is_left_alone() {
    let (fake, server) = serve();
    fake.seed_foreign_application("Fabrikam Mail", "0f0f0f0f-1111-4222-8333-444444444444");
    let page = Page::open(&server, "/signup").await;
    page.ready_to_set_up("kit@example.com", "").await;
    page.click_button(SET_UP).await;
    page.expect_text("An app registration named \"Fabrikam Mail\" already exists")
        .await;
    page.expect_text("Nothing was changed.").await;
    assert_eq!(
        states(&page.setup_lines().await),
        ["done", "done", "failed", "waiting", "waiting", "waiting", "waiting"]
    );
    {
        let d = fake.directory();
        assert_eq!(d.applications.len(), 1);
        assert_eq!(
            d.applications[0]["keyCredentials"],
            json!([]),
            "no key added"
        );
        assert_eq!(d.service_principals.len(), 1, "only Exchange's");
        assert!(d.app_role_assignments.is_empty() && d.role_assignments.is_empty());
        assert!(
            d.graph_calls.iter().all(|c| c.starts_with("GET ")),
            "{:?}",
            d.graph_calls
        );
    }
    assert_eq!(page.value_of("Application ID").await, "");
    page.close().await;
}

#[tokio::test]
async fn a_page_that_locks_during_the_set_up_stops_before_its_next_call() {
    let fake = FakeMicrosoft::start(&[]);
    let mut config: Value = serde_json::from_str(&fake.config_json()).unwrap();
    // 0.2 minutes: twelve seconds without input lock the page.
    config["idleMinutes"] = json!(0.2);
    let server = StaticServer::start(
        &dist_dir(),
        ServerOptions {
            config_json: Some(config.to_string()),
            ..Default::default()
        },
    );
    fake.directory()
        .spa_redirect_uris
        .push(server.url("/auth/microsoft"));
    let page = Page::open(&server, "/signup").await;
    page.ready_to_set_up("ivy@example.com", "").await;

    // The first Graph answer is slow; the page locks while it waits.
    let gate = fake.hold_graph();
    page.click_button(SET_UP).await;
    // Signed in, and the first step's call is waiting on Graph.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let lines = page.setup_lines().await;
        if states(&lines).starts_with(&["done", "running"]) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the first step never started: {lines:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    tokio::time::sleep(std::time::Duration::from_secs(15)).await;
    gate.open();

    page.expect_text("This page locked or signed out, so the set-up stopped")
        .await;
    {
        let d = fake.directory();
        assert!(
            d.graph_calls.iter().all(|c| c.starts_with("GET ")),
            "a change was sent after the page locked: {:?}",
            d.graph_calls
        );
        assert!(d.applications.is_empty());
    }
    page.close().await;
}

#[tokio::test]
async fn framed_by_a_portal_the_sign_in_opens_from_the_frame_and_the_set_up_completes() {
    let fake = FakeMicrosoft::start(&[]);
    let host = crate::embed::portal();
    let mut config: Value = serde_json::from_str(&fake.config_json()).unwrap();
    config["parentOrigin"] = json!(host.origin);
    let app = StaticServer::start(
        &dist_dir(),
        ServerOptions {
            config_json: Some(config.to_string()),
            ..Default::default()
        },
    );
    fake.directory()
        .spa_redirect_uris
        .push(app.url("/auth/microsoft"));
    let page = Page::open_other(&host, &crate::embed::framing(&app.url("/signup"))).await;
    page.enter_app_frame().await;
    page.expect_heading("Create account").await;
    page.fill("Email", "fay@example.com").await;
    page.fill("Password", PASSWORD).await;
    page.fill("Confirm password", PASSWORD).await;
    page.click_button("Create account").await;
    page.click_link("Microsoft").await;
    page.expect_heading(LINK_HEADING).await;
    page.fill("Microsoft Account Name", "Framed Mail").await;
    page.fill("Organization Name", "Framed Ltd").await;
    page.blur().await;
    page.generate().await;

    page.click_button(SET_UP).await;
    page.expect_text(DONE).await;
    let app_id = {
        let d = fake.directory();
        assert_eq!(d.applications.len(), 1);
        assert_eq!(d.app_role_assignments.len(), 1);
        assert_eq!(d.role_assignments.len(), 1);
        d.applications[0]["appId"].as_str().unwrap().to_string()
    };
    assert_eq!(page.value_of("Application ID").await, app_id);
    assert_eq!(page.value_of("Tenant ID").await, TENANT);
    page.click_button("Connect").await;
    page.expect_text("Connected \"Framed Mail\".").await;
    page.close().await;
}
