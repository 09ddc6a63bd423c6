//! Microsoft Graph v1.0 for the stand-in tenant: the calls that register an
//! app, as the Graph API reference (learn.microsoft.com/graph/api) documents
//! each one, and nothing the set-up does not call.
//!
//! - Every call needs `Authorization: Bearer` with a token the sign-in
//!   issued, else 401 `InvalidAuthenticationToken`.
//! - Every call checks the token's delegated permissions against the least
//!   privileged ones of its reference page ("Permissions" tables), and the
//!   signed-in admin's directory roles against the roles the page lists for
//!   delegated work accounts; without them 403 `Authorization_RequestDenied`,
//!   "Insufficient privileges to complete the operation."
//! - Errors take Graph's shape, `{"error":{"code","message","innerError"}}`
//!   ("Microsoft Graph error responses and resource types").
//! - Request bodies may name only properties of the v1.0 schema (the CSDL
//!   extract the product's own check uses); key credentials must be base64
//!   DER X.509 certificates of type `AsymmetricX509Cert` and usage `Verify`
//!   ("keyCredential resource type"); app role IDs and role definition IDs
//!   must exist.
//! - CORS as Graph answers a browser: `Access-Control-Allow-Origin: *` and a
//!   preflight that allows `Authorization` and `Content-Type`.
//! - `$filter=name eq 'value'` and `$select` on the collections the set-up
//!   reads ("Use query parameters").

use std::sync::Mutex;

use base64ct::{Base64, Encoding};
use der::Decode;
use serde_json::{json, Value};

use super::fake_microsoft::{
    Directory, APPLICATION_ADMINISTRATOR, GLOBAL_ADMINISTRATOR, GLOBAL_READER, ORGANIZATION,
    PRIVILEGED_ROLE_ADMINISTRATOR, TENANT, TENANT_DOMAIN,
};
use super::http::{Reply, Request};

pub const EXCHANGE_APP_ID: &str = "00000002-0000-0ff1-ce00-000000000000";
pub const EXCHANGE_MANAGE_AS_APP: &str = "dc50a0fb-09a3-484d-be87-e023b12c6440";

/// The delegated Graph permissions the stand-in's resource offers.
pub const DELEGATED: &[&str] = &[
    "User.Read",
    "Application.Read.All",
    "Application.ReadWrite.All",
    "AppRoleAssignment.ReadWrite.All",
    "RoleManagement.ReadWrite.Directory",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
];

/// Role definitions the stand-in's tenant knows (built-in templates).
const ROLE_TEMPLATES: &[&str] = &[
    GLOBAL_READER,
    PRIVILEGED_ROLE_ADMINISTRATOR,
    APPLICATION_ADMINISTRATOR,
    GLOBAL_ADMINISTRATOR,
];

/// The v1.0 schema's properties, from the same extract of the CSDL.
const SCHEMA: &str = include_str!("../../../src/domain/entra/setup/graph_v1_properties.txt");

fn schema_has(kind: &str, property: &str) -> bool {
    SCHEMA
        .lines()
        .filter_map(|l| l.split_once(':'))
        .filter(|(k, _)| k.trim() == kind)
        .any(|(_, names)| names.split_whitespace().any(|n| n == property))
}

fn graph_error(status: u16, code: &str, message: &str) -> Reply {
    let body = json!({"error": {"code": code, "message": message, "innerError": {
        "date": "2026-12-08T01:00:00", "request-id": uuid::Uuid::new_v4().to_string(),
        "client-request-id": uuid::Uuid::new_v4().to_string(),
    }}});
    cors(Reply::new(status, body.to_string()).header("Content-Type", "application/json"))
}

fn denied() -> Reply {
    graph_error(
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
    )
}

fn cors(reply: Reply) -> Reply {
    reply.header("Access-Control-Allow-Origin", "*").header(
        "Access-Control-Expose-Headers",
        "request-id, client-request-id, Location",
    )
}

fn ok(status: u16, body: Value) -> Reply {
    cors(Reply::new(status, body.to_string()).header("Content-Type", "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"))
}

fn bad(message: &str) -> Reply {
    graph_error(400, "Request_BadRequest", message)
}

pub fn answer(directory: &Mutex<Directory>, request: Request) -> Reply {
    if request.method == http::Method::OPTIONS {
        return cors(Reply::new(200, Vec::new()))
            .header(
                "Access-Control-Allow-Methods",
                "GET, POST, PUT, PATCH, DELETE, OPTIONS",
            )
            .header(
                "Access-Control-Allow-Headers",
                "authorization, content-type, client-request-id, consistencylevel, prefer",
            )
            .header("Access-Control-Max-Age", "3600");
    }
    let mut d = directory.lock().unwrap();
    d.graph_calls
        .push(format!("{} {}", request.method, request.url));
    let bearer = request
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if bearer.is_empty() {
        return graph_error(401, "InvalidAuthenticationToken", "Access token is empty.");
    }
    let Some(token) = d.tokens.get(bearer).cloned() else {
        return graph_error(
            401,
            "InvalidAuthenticationToken",
            "Access token validation failure. Invalid audience.",
        );
    };
    let (path, query) = request.url.split_once('?').unwrap_or((&request.url, ""));
    let Some(path) = path.strip_prefix("/v1.0/") else {
        return graph_error(400, "BadRequest", "Invalid version.");
    };
    let query: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let body: Option<Value> = if request.body.is_empty() {
        None
    } else {
        match serde_json::from_slice(&request.body) {
            Ok(v) => Some(v),
            Err(_) => return bad("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format."),
        }
    };
    let has = |any: &[&str]| any.iter().any(|p| token.scopes.iter().any(|s| s == p));
    let role = |any: &[&str]| any.iter().any(|r| d.admin_roles.iter().any(|h| h == r));
    // Creating apps and service principals needs the permission, and either
    // the tenant's "Users can register applications" or an app admin role.
    let may_create_apps = has(&["Application.ReadWrite.All", "Directory.ReadWrite.All"])
        && (d.users_may_register_apps || role(&[APPLICATION_ADMINISTRATOR, GLOBAL_ADMINISTRATOR]));
    let read_apps = [
        "Application.Read.All",
        "Application.ReadWrite.All",
        "Directory.Read.All",
    ];
    let segments: Vec<&str> = path.split('/').collect();
    let method = request.method.as_str();
    match (method, segments.as_slice()) {
        ("GET", ["organization"]) => {
            if !has(&["User.Read", "Directory.Read.All"]) {
                return denied();
            }
            let org = json!({"id": TENANT, "displayName": ORGANIZATION, "verifiedDomains": [
                {"capabilities": "Email, OfficeCommunicationsOnline", "isDefault": true, "isInitial": true, "name": TENANT_DOMAIN, "type": "Managed"}]});
            ok(200, json!({"value": [select(&org, &query)]}))
        }
        ("GET", ["me"]) => {
            if !has(&["User.Read"]) {
                return denied();
            }
            let me =
                json!({"id": token.user, "userPrincipalName": super::fake_microsoft::ADMIN_UPN});
            ok(200, select(&me, &query))
        }
        ("GET", ["applications"]) if has(&read_apps) => list(&d.applications, &query),
        ("GET", ["servicePrincipals"]) if has(&read_apps) => list(&d.service_principals, &query),
        ("GET", ["applications", id]) if has(&read_apps) => match find(&d.applications, id) {
            Some(app) => ok(200, select(&with_keys(app, &query), &query)),
            None => not_found(id),
        },
        ("GET", ["servicePrincipals", id]) if has(&read_apps) => {
            match find(&d.service_principals, id) {
                Some(sp) => ok(200, select(&with_keys(sp, &query), &query)),
                None => not_found(id),
            }
        }
        ("GET", ["applications", id, "federatedIdentityCredentials"]) if has(&read_apps) => {
            match find(&d.applications, id) {
                Some(_) => ok(200, json!({"value": []})),
                None => not_found(id),
            }
        }
        ("GET", [kind @ ("applications" | "servicePrincipals"), id, "owners"])
            if has(&read_apps) =>
        {
            let all = if *kind == "applications" {
                &d.applications
            } else {
                &d.service_principals
            };
            match find(all, id) {
                Some(_) => {
                    let owners = d.owners.get(*id).cloned().unwrap_or_default();
                    let value: Vec<Value> = owners
                        .iter()
                        .map(|o| json!({"@odata.type": "#microsoft.graph.user", "id": o}))
                        .collect();
                    ok(200, json!({"value": value}))
                }
                None => not_found(id),
            }
        }
        ("GET", _) => denied(),
        ("POST", ["applications"]) => {
            if !may_create_apps {
                return denied();
            }
            create_application(&mut d, body.unwrap_or(Value::Null), &token.user)
        }
        ("PATCH", ["applications", id]) => {
            if !has(&["Application.ReadWrite.All"]) {
                return denied();
            }
            patch_application(&mut d, id, body.unwrap_or(Value::Null))
        }
        ("POST", ["servicePrincipals"]) => {
            if !may_create_apps {
                return denied();
            }
            create_service_principal(&mut d, body.unwrap_or(Value::Null), &token.user)
        }
        ("POST", ["servicePrincipals", id, "appRoleAssignedTo"]) => {
            if !has(&["AppRoleAssignment.ReadWrite.All"])
                || !has(&read_apps)
                || !role(&[PRIVILEGED_ROLE_ADMINISTRATOR, GLOBAL_ADMINISTRATOR])
            {
                return denied();
            }
            assign_app_role(&mut d, id, body.unwrap_or(Value::Null))
        }
        ("POST", ["roleManagement", "directory", "roleAssignments"]) => {
            if !has(&["RoleManagement.ReadWrite.Directory"])
                || !role(&[PRIVILEGED_ROLE_ADMINISTRATOR, GLOBAL_ADMINISTRATOR])
            {
                return denied();
            }
            assign_role(&mut d, body.unwrap_or(Value::Null))
        }
        ("POST", ["oauth2PermissionGrants"]) => {
            let grant = body.unwrap_or(Value::Null);
            d.oauth2_permission_grants.push(grant.clone());
            ok(201, grant)
        }
        (_, [first, ..]) => graph_error(
            400,
            "BadRequest",
            &format!("Resource not found for the segment '{first}'."),
        ),
        _ => graph_error(400, "BadRequest", "Invalid request."),
    }
}

fn not_found(id: &str) -> Reply {
    graph_error(404, "Request_ResourceNotFound", &format!("Resource '{id}' does not exist or one of its queried reference-property objects are not present."))
}

fn find<'a>(all: &'a [Value], id: &str) -> Option<&'a Value> {
    all.iter().find(|o| o["id"] == id)
}

/// Graph leaves `key` out of key credentials, except on one object read
/// with `$select=keyCredentials`.
fn strip_keys(object: &Value) -> Value {
    let mut o = object.clone();
    if let Some(keys) = o.get_mut("keyCredentials").and_then(Value::as_array_mut) {
        for k in keys {
            k["key"] = Value::Null;
        }
    }
    o
}

fn with_keys(object: &Value, query: &[(String, String)]) -> Value {
    let selected = query
        .iter()
        .any(|(k, v)| k == "$select" && v.split(',').any(|p| p == "keyCredentials"));
    if selected {
        object.clone()
    } else {
        strip_keys(object)
    }
}

fn select(object: &Value, query: &[(String, String)]) -> Value {
    let Some((_, fields)) = query.iter().find(|(k, _)| k == "$select") else {
        return object.clone();
    };
    let mut out = serde_json::Map::new();
    for f in fields.split(',') {
        if let Some(v) = object.get(f) {
            out.insert(f.to_string(), v.clone());
        }
    }
    Value::Object(out)
}

/// `$filter=prop eq 'value'` (OData quotes doubled), the only filter the
/// set-up sends; anything else is refused as Graph refuses an unsupported query.
fn list(all: &[Value], query: &[(String, String)]) -> Reply {
    let mut found: Vec<Value> = all.iter().map(strip_keys).collect();
    if let Some((_, filter)) = query.iter().find(|(k, _)| k == "$filter") {
        let parsed = filter.split_once(" eq '").and_then(|(name, rest)| {
            Some((name.trim(), rest.strip_suffix('\'')?.replace("''", "'")))
        });
        let Some((name, value)) = parsed.filter(|(n, _)| ["displayName", "appId"].contains(n))
        else {
            return graph_error(400, "Request_UnsupportedQuery", "Unsupported Query.");
        };
        found.retain(|o| o[name] == value.as_str());
    }
    ok(
        200,
        json!({"value": found.iter().map(|o| select(o, query)).collect::<Vec<_>>()}),
    )
}

/// Properties not in the v1.0 schema of `kind`, as Graph names the first.
fn unknown_property(kind: &str, body: &Value) -> Option<Reply> {
    let object = body.as_object()?;
    object.keys().find(|k| !schema_has(kind, k)).map(|k| {
        bad(&format!(
            "Property '{k}' does not exist as a declared property or extension property."
        ))
    })
}

/// A key credential as the keyCredential resource documents it: returns its
/// stored form, or why it is invalid.
fn key_credential(key: &Value, d: &mut Directory) -> Result<Value, String> {
    let invalid = || {
        "Invalid value specified for property 'keyCredentials' of resource 'Application'."
            .to_string()
    };
    if let Some(object) = key.as_object() {
        if let Some(k) = object.keys().find(|k| !schema_has("keyCredential", k)) {
            return Err(format!(
                "Property '{k}' does not exist as a declared property or extension property."
            ));
        }
    }
    if key["type"] != "AsymmetricX509Cert" || key["usage"] != "Verify" {
        return Err(invalid());
    }
    let der = key["key"]
        .as_str()
        .and_then(|k| Base64::decode_vec(k).ok())
        .ok_or_else(invalid)?;
    let cert = x509_cert::Certificate::from_der(&der).map_err(|_| invalid())?;
    let validity = cert.tbs_certificate().validity();
    let iso = |t: x509_cert::time::Time| chrono_like(t.to_unix_duration().as_secs() as i64);
    let (start, end) = (iso(validity.not_before), iso(validity.not_after));
    for (field, want) in [("startDateTime", &start), ("endDateTime", &end)] {
        if let Some(given) = key[field].as_str() {
            if given.trim_end_matches('Z').trim_end_matches(".000") != want.trim_end_matches('Z') {
                return Err(format!(
                    "Key credential {field} does not match the certificate's validity."
                ));
            }
        }
    }
    let thumbprint = sha1_base64(&der);
    Ok(json!({
        "keyId": d.new_id(), "type": "AsymmetricX509Cert", "usage": "Verify",
        "displayName": key["displayName"].clone(), "customKeyIdentifier": thumbprint,
        "startDateTime": format!("{start}Z"), "endDateTime": format!("{end}Z"), "key": key["key"].clone(),
    }))
}

fn sha1_base64(der: &[u8]) -> String {
    use sha1::Digest;
    Base64::encode_string(&sha1::Sha1::digest(der))
}

/// `YYYY-MM-DDTHH:MM:SS` of a Unix time (UTC), without a date crate.
fn chrono_like(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

fn create_application(d: &mut Directory, body: Value, owner: &str) -> Reply {
    if let Some(r) = unknown_property("application", &body) {
        return r;
    }
    let Some(name) = body["displayName"].as_str().filter(|n| !n.is_empty()) else {
        return bad("Property 'displayName' is required.");
    };
    let audience = body["signInAudience"].as_str().unwrap_or("AzureADMyOrg");
    if ![
        "AzureADMyOrg",
        "AzureADMultipleOrgs",
        "AzureADandPersonalMicrosoftAccount",
        "PersonalMicrosoftAccount",
    ]
    .contains(&audience)
    {
        return bad(
            "Invalid value specified for property 'signInAudience' of resource 'Application'.",
        );
    }
    let mut keys = Vec::new();
    for k in body["keyCredentials"]
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        match key_credential(&k, d) {
            Ok(k) => keys.push(k),
            Err(e) => return bad(&e),
        }
    }
    let required = body["requiredResourceAccess"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for r in &required {
        let resource = d
            .service_principals
            .iter()
            .find(|sp| sp["appId"] == r["resourceAppId"]);
        for access in r["resourceAccess"].as_array().cloned().unwrap_or_default() {
            let known = resource.is_some_and(|sp| {
                sp["appRoles"]
                    .as_array()
                    .is_some_and(|roles| roles.iter().any(|role| role["id"] == access["id"]))
            });
            if access["type"] != "Role" || !known {
                return bad("Invalid value specified for property 'resourceAccess' of resource 'RequiredResourceAccess'.");
            }
        }
    }
    let (id, app_id) = (d.new_id(), d.new_id());
    let app = json!({
        "id": id, "appId": app_id, "displayName": name, "signInAudience": audience,
        "createdDateTime": "2026-12-08T01:00:00Z", "publisherDomain": TENANT_DOMAIN,
        "keyCredentials": keys, "passwordCredentials": [], "requiredResourceAccess": required,
        "web": {"redirectUris": []}, "spa": {"redirectUris": []}, "publicClient": {"redirectUris": []},
        "isFallbackPublicClient": null, "identifierUris": [], "appRoles": [],
    });
    d.applications.push(app.clone());
    // An app created with delegated permissions is owned by whoever created it.
    d.owners.insert(id, vec![owner.to_string()]);
    ok(201, strip_keys(&app))
}

fn patch_application(d: &mut Directory, id: &str, body: Value) -> Reply {
    if let Some(r) = unknown_property("application", &body) {
        return r;
    }
    let mut keys = Vec::new();
    for k in body["keyCredentials"]
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        match key_credential(&k, d) {
            Ok(k) => keys.push(k),
            Err(e) => return bad(&e),
        }
    }
    let Some(app) = d.applications.iter_mut().find(|a| a["id"] == id) else {
        return not_found(id);
    };
    if body.get("keyCredentials").is_some() {
        app["keyCredentials"] = Value::Array(keys);
    }
    cors(Reply::new(204, Vec::new()))
}

fn create_service_principal(d: &mut Directory, body: Value, owner: &str) -> Reply {
    if let Some(r) = unknown_property("servicePrincipal", &body) {
        return r;
    }
    let app_id = body["appId"].as_str().unwrap_or("").to_string();
    let Some(app) = d
        .applications
        .iter()
        .find(|a| a["appId"] == app_id.as_str())
        .cloned()
    else {
        return bad(&format!("The appId '{app_id}' of the service principal does not reference a valid application object."));
    };
    if d.service_principals
        .iter()
        .any(|s| s["appId"] == app_id.as_str())
    {
        return graph_error(
            409,
            "Request_MultipleObjectsWithSameKeyValue",
            "Another object with the same value for property servicePrincipalNames already exists.",
        );
    }
    let id = d.new_id();
    let sp = json!({
        "id": id, "appId": app_id, "displayName": app["displayName"], "appDisplayName": app["displayName"],
        "appOwnerOrganizationId": TENANT, "servicePrincipalType": "Application", "accountEnabled": true,
        "keyCredentials": [], "passwordCredentials": [], "appRoles": [],
    });
    d.service_principals.push(sp.clone());
    d.owners.insert(id, vec![owner.to_string()]);
    ok(201, sp)
}

fn assign_app_role(d: &mut Directory, resource: &str, body: Value) -> Reply {
    if let Some(r) = unknown_property("appRoleAssignment", &body) {
        return r;
    }
    let Some(sp) = find(&d.service_principals, resource).cloned() else {
        return not_found(resource);
    };
    let principal = body["principalId"].as_str().unwrap_or("");
    if body["resourceId"] != resource || find(&d.service_principals, principal).is_none() {
        return bad("Invalid value specified for property 'principalId' or 'resourceId' of resource 'AppRoleAssignment'.");
    }
    let role_ok = sp["appRoles"].as_array().is_some_and(|roles| {
        roles.iter().any(|r| {
            r["id"] == body["appRoleId"]
                && r["allowedMemberTypes"]
                    .as_array()
                    .is_some_and(|t| t.iter().any(|t| t == "Application"))
        })
    });
    if !role_ok {
        return bad("Permission being assigned was not found on application");
    }
    let duplicate = d.app_role_assignments.iter().any(|a| {
        a["principalId"] == principal
            && a["resourceId"] == resource
            && a["appRoleId"] == body["appRoleId"]
    });
    if duplicate {
        return bad("Permission being assigned already exists on the object");
    }
    let assignment = json!({
        "id": d.new_id(), "appRoleId": body["appRoleId"], "principalId": principal, "principalType": "ServicePrincipal",
        "resourceId": resource, "resourceDisplayName": sp["displayName"], "createdDateTime": "2026-12-08T01:00:00Z",
    });
    d.app_role_assignments.push(assignment.clone());
    ok(201, assignment)
}

fn assign_role(d: &mut Directory, body: Value) -> Reply {
    if let Some(r) = unknown_property("unifiedRoleAssignment", &body) {
        return r;
    }
    let definition = body["roleDefinitionId"].as_str().unwrap_or("");
    if !ROLE_TEMPLATES.contains(&definition) {
        return graph_error(404, "Request_ResourceNotFound", &format!("Resource '{definition}' does not exist or one of its queried reference-property objects are not present."));
    }
    let principal = body["principalId"].as_str().unwrap_or("");
    if find(&d.service_principals, principal).is_none() || body["directoryScopeId"] != "/" {
        return bad("Invalid value specified for property 'principalId' or 'directoryScopeId' of resource 'UnifiedRoleAssignment'.");
    }
    if d.role_assignments
        .iter()
        .any(|a| a["principalId"] == principal && a["roleDefinitionId"] == definition)
    {
        return graph_error(409, "Request_BadRequest", "A conflicting object with one or more of the specified property values is present in the directory.");
    }
    let assignment = json!({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleAssignments/$entity",
        "id": d.new_id(), "roleDefinitionId": definition, "principalId": principal, "directoryScopeId": "/",
    });
    d.role_assignments.push(assignment.clone());
    ok(201, assignment)
}
