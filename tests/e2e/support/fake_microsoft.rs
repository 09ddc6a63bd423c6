//! A stand-in for Microsoft's identity platform and Microsoft Graph, on two
//! loopback hosts, for Set up with Microsoft sign-in. It follows Microsoft's
//! published documentation, not the product:
//!
//! - the v2.0 authorize and token endpoints as "Microsoft identity platform
//!   and OAuth 2.0 authorization code flow" (learn.microsoft.com,
//!   entra/identity-platform/v2-oauth2-auth-code-flow) describes them: the
//!   parameters, `response_mode=fragment`, PKCE (RFC 7636, S256 and plain),
//!   the redirect URI checked against the app's registered single-page-app
//!   URIs, CORS only for those (the page's "Redirect URIs for single-page
//!   apps": without it "No 'Access-Control-Allow-Origin' header is present"),
//!   a code redeemed once, the token response's fields, and errors as
//!   `error`, `error_description` starting with the AADSTS code, `error_codes`
//!   ("Microsoft Entra authentication and authorization error codes");
//! - the tenant's OpenID configuration, as `FakeLogin` answers it;
//! - Graph v1.0 (`fake_graph.rs`).
//!
//! Everything the set-up creates is recorded, so a test can read the tenant
//! back as the Entra admin center would show it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::fake_graph::{self, EXCHANGE_APP_ID, EXCHANGE_MANAGE_AS_APP};
use super::http::{HttpServer, Reply, Request};
use super::server::Gate;

pub const TENANT: &str = "9188040d-6c67-4c5b-b112-36a304b66dad";
pub const TENANT_DOMAIN: &str = "fabrikam.onmicrosoft.com";
pub const ORGANIZATION: &str = "Fabrikam";
/// The platform's multi-tenant sign-in app (`setupClientId`).
pub const CLIENT_ID: &str = "4a1e0c55-7b6f-4c3e-9d2a-1f8e3b7c6d5e";
pub const ADMIN: &str = "a7d3c1e2-5b4f-4e6a-8c9d-0e1f2a3b4c5d";
pub const ADMIN_UPN: &str = "admin@fabrikam.onmicrosoft.com";

/// Built-in Entra roles the stand-in knows, by template ID.
pub const GLOBAL_READER: &str = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
pub const PRIVILEGED_ROLE_ADMINISTRATOR: &str = "e8611ab8-c189-46e8-94e1-60213ab1f814";
pub const APPLICATION_ADMINISTRATOR: &str = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3";
pub const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";

/// What one authorization code was issued for.
struct Grant {
    client_id: String,
    redirect_uri: String,
    challenge: Option<(String, String)>,
    scopes: Vec<String>,
    nonce: Option<String>,
    redeemed: bool,
}

/// What an access token lets its bearer do.
#[derive(Clone)]
pub struct Token {
    /// Graph permissions, short names such as `User.Read`.
    pub scopes: Vec<String>,
    pub user: String,
}

/// The tenant as Microsoft holds it, and what the test can change.
pub struct Directory {
    pub spa_redirect_uris: Vec<String>,
    /// Whether an admin has consented to the platform's sign-in app here.
    pub consented: bool,
    /// The signed-in admin's directory roles (template IDs).
    pub admin_roles: Vec<String>,
    /// "Users can register applications": No.
    pub users_may_register_apps: bool,
    grants: HashMap<String, Grant>,
    pub tokens: HashMap<String, Token>,
    pub applications: Vec<Value>,
    pub service_principals: Vec<Value>,
    /// (object ID, owner IDs) of applications and service principals.
    pub owners: HashMap<String, Vec<String>>,
    pub app_role_assignments: Vec<Value>,
    pub role_assignments: Vec<Value>,
    pub oauth2_permission_grants: Vec<Value>,
    /// Every Graph call: method, path and query.
    pub graph_calls: Vec<String>,
    /// The code of every token request, in order.
    pub redeemed: Vec<String>,
    /// The sign-in page, before it redirects, posts a forged answer (the
    /// right `state`, a code of its own) to the window that opened it: a
    /// page on another origin trying to feed the app a code.
    pub hostile_page: bool,
    /// The sign-in page waits, as Microsoft's does while a person picks an
    /// account, and never redirects.
    pub hold_sign_in: bool,
    counter: u64,
}

impl Directory {
    /// A fresh ID, unique in this directory, shaped as Graph's.
    pub fn new_id(&mut self) -> String {
        self.counter += 1;
        let random = uuid::Uuid::new_v4().to_string();
        format!("{:08x}{}", self.counter, &random[8..])
    }
}

pub struct FakeMicrosoft {
    _login: HttpServer,
    _graph: HttpServer,
    pub login_origin: String,
    pub graph_origin: String,
    directory: Arc<Mutex<Directory>>,
    /// While set and closed, every Graph call (but a preflight) waits: a
    /// slow answer, held as long as the test needs.
    graph_gate: Arc<Mutex<Option<Gate>>>,
}

impl FakeMicrosoft {
    /// A tenant where the admin holds Privileged Role Administrator and
    /// Application Administrator, and the platform's app has consent.
    /// `app_origins` are where CloudLink is served: its redirect URIs are
    /// `auth/microsoft` under each.
    pub fn start(redirect_uris: &[String]) -> FakeMicrosoft {
        let mut directory = Directory {
            spa_redirect_uris: redirect_uris.to_vec(),
            consented: true,
            admin_roles: vec![
                PRIVILEGED_ROLE_ADMINISTRATOR.into(),
                APPLICATION_ADMINISTRATOR.into(),
            ],
            users_may_register_apps: true,
            grants: HashMap::new(),
            tokens: HashMap::new(),
            applications: Vec::new(),
            service_principals: Vec::new(),
            owners: HashMap::new(),
            app_role_assignments: Vec::new(),
            role_assignments: Vec::new(),
            oauth2_permission_grants: Vec::new(),
            graph_calls: Vec::new(),
            redeemed: Vec::new(),
            hostile_page: false,
            hold_sign_in: false,
            counter: 0,
        };
        // Every Microsoft 365 tenant has Exchange Online's service principal,
        // with Exchange.ManageAsApp among its app roles.
        let exchange = directory.new_id();
        directory.service_principals.push(json!({
            "id": exchange, "appId": EXCHANGE_APP_ID,
            "displayName": "Office 365 Exchange Online",
            "appOwnerOrganizationId": "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
            "keyCredentials": [], "passwordCredentials": [],
            "appRoles": [{
                "id": EXCHANGE_MANAGE_AS_APP, "value": "Exchange.ManageAsApp",
                "allowedMemberTypes": ["Application"], "isEnabled": true,
                "displayName": "Manage Exchange As Application",
                "description": "Allows the app to manage the organization's Exchange environment without any user interaction.",
            }],
        }));
        let directory = Arc::new(Mutex::new(directory));
        let d = Arc::clone(&directory);
        let login = HttpServer::start(move |r| identity(&d, r));
        let d = Arc::clone(&directory);
        let graph_gate = Arc::new(Mutex::new(None::<Gate>));
        let gate = Arc::clone(&graph_gate);
        let graph = HttpServer::start(move |r| {
            let held = gate.lock().unwrap().clone();
            if let Some(held) = held.filter(|_| r.method != http::Method::OPTIONS) {
                held.wait();
            }
            fake_graph::answer(&d, r)
        });
        FakeMicrosoft {
            login_origin: login.origin.clone(),
            graph_origin: graph.origin.clone(),
            _login: login,
            _graph: graph,
            directory,
            graph_gate,
        }
    }

    /// Holds every Graph call from now on until the gate returned is opened.
    pub fn hold_graph(&self) -> Gate {
        let gate = Gate::closed();
        *self.graph_gate.lock().unwrap() = Some(gate.clone());
        gate
    }

    pub fn directory(&self) -> MutexGuard<'_, Directory> {
        self.directory.lock().unwrap()
    }

    /// An app registration someone else made in the tenant: owned by
    /// `owner`, with a client secret, and no certificate.
    pub fn seed_foreign_application(&self, name: &str, owner: &str) {
        let mut d = self.directory();
        let (id, app_id, key_id) = (d.new_id(), d.new_id(), d.new_id());
        d.applications.push(json!({
            "id": id, "appId": app_id, "displayName": name, "signInAudience": "AzureADMyOrg",
            "keyCredentials": [], "requiredResourceAccess": [],
            "passwordCredentials": [{"keyId": key_id, "displayName": "automation", "hint": "Q~x"}],
            "web": {"redirectUris": ["https://collector.example/callback"]},
            "spa": {"redirectUris": []}, "publicClient": {"redirectUris": []},
        }));
        d.owners.insert(id, vec![owner.to_string()]);
    }

    /// `config.json` with the sign-in app and both hosts of the Global cloud.
    pub fn config_json(&self) -> String {
        json!({
            "setupClientId": CLIENT_ID,
            "signInHosts": {"global": self.login_origin},
            "graphHosts": {"global": self.graph_origin},
        })
        .to_string()
    }
}

fn query_pairs(query: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn param<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The error page Microsoft shows instead of redirecting when the redirect
/// URI itself cannot be trusted.
fn error_page(code: &str, text: &str) -> Reply {
    let body = format!(
        "<!doctype html><title>Sign in to your account</title><h1>Sorry, but we're having trouble signing you in.</h1><p>{code}: {text}</p>"
    );
    Reply::new(400, body).header("Content-Type", "text/html; charset=utf-8")
}

/// A page that sends the browser on to `url`, as Microsoft's sign-in does
/// once the account is chosen.
fn redirect_page(url: &str) -> Reply {
    let attr = url.replace('&', "&amp;").replace('"', "&quot;");
    let body = format!(
        "<!doctype html><meta http-equiv=\"refresh\" content=\"0;url={attr}\"><title>Signing in</title><p>Signed in as {ADMIN_UPN}.</p>"
    );
    Reply::new(200, body).header("Content-Type", "text/html; charset=utf-8")
}

/// The hostile variant: the same page, but it first posts a forged answer
/// with this sign-in's own `state` to its opener, as the app's callback
/// page would, and redirects only a moment later.
fn hostile_redirect_page(url: &str, state: &str) -> Reply {
    let forged = serde_json::to_string(&format!("code=forged-code&state={state}")).unwrap();
    let target = serde_json::to_string(url).unwrap();
    let body = format!(
        "<!doctype html><title>Signing in</title><script>\
         window.opener.postMessage({{type: 'cloudlink:microsoft-sign-in', fragment: {forged}}}, '*');\
         setTimeout(() => location.replace({target}), 1500);</script>"
    );
    Reply::new(200, body).header("Content-Type", "text/html; charset=utf-8")
}

fn fragment_error(redirect: &str, state: &str, error: &str, description: &str) -> Reply {
    let fragment = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("error", error)
        .append_pair("error_description", description)
        .append_pair("state", state)
        .finish();
    redirect_page(&format!("{redirect}#{fragment}"))
}

fn identity(directory: &Mutex<Directory>, request: Request) -> Reply {
    let (path, query) = request.url.split_once('?').unwrap_or((&request.url, ""));
    let mut segments = path.trim_start_matches('/').splitn(2, '/');
    let tenant = segments.next().unwrap_or("").to_lowercase();
    let rest = segments.next().unwrap_or("");
    let known = [TENANT, TENANT_DOMAIN, "organizations", "common"];
    if !known.contains(&tenant.as_str()) {
        let text = format!("Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
        if rest == "v2.0/.well-known/openid-configuration" || rest == "oauth2/v2.0/token" {
            return json_reply(400, oauth_error("invalid_tenant", 90002, &text), None);
        }
        return error_page("AADSTS90002", &text);
    }
    match (request.method.as_str(), rest) {
        ("GET", "v2.0/.well-known/openid-configuration") => json_reply(
            200,
            json!({
                "token_endpoint": format!("https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/token"),
                "issuer": format!("https://login.microsoftonline.com/{TENANT}/v2.0"),
                "tenant_region_scope": "EU",
            }),
            Some("*"),
        ),
        ("GET", "oauth2/v2.0/authorize") => authorize(directory, &query_pairs(query)),
        ("POST", "oauth2/v2.0/token") => {
            let origin = request
                .headers
                .get("origin")
                .and_then(|o| o.to_str().ok())
                .map(str::to_string);
            let form = query_pairs(&String::from_utf8_lossy(&request.body));
            token(directory, origin.as_deref(), &form)
        }
        _ => error_page(
            "AADSTS900561",
            "The endpoint only accepts POST, OPTIONS requests.",
        ),
    }
}

fn authorize(directory: &Mutex<Directory>, q: &[(String, String)]) -> Reply {
    let mut d = directory.lock().unwrap();
    if d.hold_sign_in {
        let body = "<!doctype html><title>Sign in to your account</title><h1>Pick an account</h1>";
        return Reply::new(200, body).header("Content-Type", "text/html; charset=utf-8");
    }
    if param(q, "client_id") != Some(CLIENT_ID) {
        return error_page(
            "AADSTS700016",
            "Application with identifier was not found in the directory.",
        );
    }
    let redirect = param(q, "redirect_uri").unwrap_or("");
    if !d.spa_redirect_uris.iter().any(|r| r == redirect) {
        return error_page("AADSTS50011", "The redirect URI specified in the request does not match the redirect URIs configured for the application.");
    }
    let state = param(q, "state").unwrap_or("");
    if param(q, "response_type") != Some("code") {
        return fragment_error(
            redirect,
            state,
            "unsupported_response_type",
            "AADSTS700054: response_type 'id_token' is not enabled for the application.",
        );
    }
    if param(q, "response_mode").is_some_and(|m| m != "fragment" && m != "query") {
        return fragment_error(
            redirect,
            state,
            "invalid_request",
            "AADSTS900144: The request body must contain the following parameter: 'response_mode'.",
        );
    }
    let challenge = match (
        param(q, "code_challenge"),
        param(q, "code_challenge_method"),
    ) {
        (Some(c), Some(m @ ("S256" | "plain"))) => Some((c.to_string(), m.to_string())),
        (Some(c), None) => Some((c.to_string(), "plain".to_string())),
        _ => None,
    };
    // A single-page app must use PKCE.
    if challenge.is_none() {
        return fragment_error(redirect, state, "invalid_request", "AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.");
    }
    let mut scopes = Vec::new();
    for s in param(q, "scope").unwrap_or("").split_whitespace() {
        match s {
            "openid" | "profile" | "email" | "offline_access" => {}
            s => match s.strip_prefix("https://graph.microsoft.com/") {
                Some(p) if fake_graph::DELEGATED.contains(&p) => scopes.push(p.to_string()),
                _ => {
                    let text = format!("AADSTS65005: The application asked for scope '{s}' that doesn't exist on the resource.");
                    return fragment_error(redirect, state, "invalid_client", &text);
                }
            },
        }
    }
    if !d.consented {
        return fragment_error(redirect, state, "consent_required", "AADSTS65001: The user or administrator has not consented to use the application with ID '4a1e0c55-7b6f-4c3e-9d2a-1f8e3b7c6d5e'. Send an interactive authorization request for this user and resource.");
    }
    let code = format!("0.A{}", random_token());
    d.grants.insert(
        code.clone(),
        Grant {
            client_id: CLIENT_ID.into(),
            redirect_uri: redirect.into(),
            challenge,
            scopes,
            nonce: param(q, "nonce").map(str::to_string),
            redeemed: false,
        },
    );
    let fragment = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("code", &code)
        .append_pair("state", state)
        .append_pair("session_state", &uuid::Uuid::new_v4().to_string())
        .finish();
    if d.hostile_page {
        return hostile_redirect_page(&format!("{redirect}#{fragment}"), state);
    }
    redirect_page(&format!("{redirect}#{fragment}"))
}

fn random_token() -> String {
    let bytes: Vec<u8> = (0..3)
        .flat_map(|_| *uuid::Uuid::new_v4().as_bytes())
        .collect();
    Base64UrlUnpadded::encode_string(&bytes)
}

fn origin_of(uri: &str) -> String {
    let url = url::Url::parse(uri).expect("a registered redirect URI is a URL");
    url.origin().ascii_serialization()
}

fn oauth_error(error: &str, code: u32, text: &str) -> Value {
    json!({
        "error": error,
        "error_description": format!("AADSTS{code}: {text} Trace ID: {} Correlation ID: {} Timestamp: 2026-12-08 01:00:00Z", uuid::Uuid::new_v4(), uuid::Uuid::new_v4()),
        "error_codes": [code],
        "timestamp": "2026-12-08 01:00:00Z",
        "trace_id": uuid::Uuid::new_v4().to_string(),
        "correlation_id": uuid::Uuid::new_v4().to_string(),
    })
}

fn json_reply(status: u16, body: Value, allow_origin: Option<&str>) -> Reply {
    let reply = Reply::new(status, body.to_string())
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Cache-Control", "no-store, no-cache");
    match allow_origin {
        Some(o) => reply.header("Access-Control-Allow-Origin", o),
        None => reply,
    }
}

fn token(directory: &Mutex<Directory>, origin: Option<&str>, form: &[(String, String)]) -> Reply {
    let mut d = directory.lock().unwrap();
    // CORS only for the origin of a single-page-app redirect URI.
    let spa_origin = origin.filter(|o| d.spa_redirect_uris.iter().any(|r| origin_of(r) == *o));
    let fail = |error: &str, code: u32, text: &str| {
        json_reply(400, oauth_error(error, code, text), spa_origin)
    };
    if param(form, "grant_type") != Some("authorization_code") {
        return fail(
            "unsupported_grant_type",
            70003,
            "The app requested an unsupported grant type.",
        );
    }
    if param(form, "client_secret").is_some() || param(form, "client_assertion").is_some() {
        return fail("invalid_request", 700025, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.");
    }
    let Some(origin) = origin else {
        return fail("invalid_request", 9002327, "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.");
    };
    let code = param(form, "code").unwrap_or("");
    d.redeemed.push(code.to_string());
    let Some(grant) = d.grants.get_mut(code) else {
        return fail(
            "invalid_grant",
            70008,
            "The provided authorization code or refresh token has expired due to inactivity.",
        );
    };
    if grant.redeemed {
        return fail("invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");
    }
    if param(form, "client_id") != Some(grant.client_id.as_str()) {
        return fail(
            "invalid_grant",
            700005,
            "Provided Authorization Code is intended to use against other tenant or client.",
        );
    }
    if param(form, "redirect_uri") != Some(grant.redirect_uri.as_str()) {
        return fail("invalid_grant", 500112, "The reply address does not match the reply address provided when requesting Authorization code.");
    }
    if origin_of(&grant.redirect_uri) != origin {
        return fail("invalid_request", 9002326, "Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin does not match.");
    }
    let verifier = param(form, "code_verifier").unwrap_or("");
    let verified = match &grant.challenge {
        Some((c, m)) if m == "S256" => {
            Base64UrlUnpadded::encode_string(&Sha256::digest(verifier.as_bytes())) == *c
        }
        Some((c, _)) => verifier == c,
        None => true,
    };
    if verifier.is_empty() || !verified {
        return fail("invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
    }
    grant.redeemed = true;
    let scopes = grant.scopes.clone();
    let nonce = grant.nonce.clone();
    let access_token = format!("eyJ0eXAiOiJKV1Qi.{}", random_token());
    d.tokens.insert(
        access_token.clone(),
        Token {
            scopes: scopes.clone(),
            user: ADMIN.into(),
        },
    );
    let claims = json!({
        "aud": CLIENT_ID, "iss": format!("https://login.microsoftonline.com/{TENANT}/v2.0"),
        "iat": 1_765_155_600, "nbf": 1_765_155_600, "exp": 1_765_159_500,
        "nonce": nonce, "oid": ADMIN, "tid": TENANT, "sub": "placeholder-subject",
        "preferred_username": ADMIN_UPN, "ver": "2.0",
    });
    let id_token = format!(
        "{}.{}.{}",
        Base64UrlUnpadded::encode_string(br#"{"typ":"JWT","alg":"RS256","kid":"stand-in"}"#),
        Base64UrlUnpadded::encode_string(claims.to_string().as_bytes()),
        random_token()
    );
    let scope = std::iter::once("openid".to_string())
        .chain(
            scopes
                .iter()
                .map(|s| format!("https://graph.microsoft.com/{s}")),
        )
        .collect::<Vec<_>>()
        .join(" ");
    json_reply(
        200,
        json!({
            "token_type": "Bearer", "scope": scope, "expires_in": 4329, "ext_expires_in": 4329,
            "access_token": access_token, "id_token": id_token,
        }),
        spa_origin,
    )
}
