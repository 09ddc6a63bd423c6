use super::call::{Call, Method};
use super::graph_error::*;
use super::problem::Problem;
use super::requests::*;
use crate::domain::entra::Guid;
use serde_json::json;

fn guid(n: u8) -> Guid {
    Guid::parse(&format!("00000000-0000-4000-8000-0000000000{n:02x}")).unwrap()
}

#[test]
fn each_call_has_its_method_path_and_body() {
    let kc = json!({"type": "AsymmetricX509Cert", "usage": "Verify", "key": "AAAA", "displayName": "CloudLink"});
    let app = create_application("Contoso Mail", kc.clone());
    assert_eq!(
        (app.method, app.path.as_str()),
        (Method::Post, "/v1.0/applications")
    );
    assert_eq!(
        app.body.unwrap(),
        json!({
            "displayName": "Contoso Mail",
            "signInAudience": "AzureADMyOrg",
            "keyCredentials": [kc],
            "requiredResourceAccess": [{
                "resourceAppId": "00000002-0000-0ff1-ce00-000000000000",
                "resourceAccess": [{"id": "dc50a0fb-09a3-484d-be87-e023b12c6440", "type": "Role"}]
            }]
        })
    );
    let sp = create_service_principal(&guid(1));
    assert_eq!(
        (sp.method, sp.path.as_str()),
        (Method::Post, "/v1.0/servicePrincipals")
    );
    assert_eq!(sp.body.unwrap(), json!({"appId": guid(1).as_str()}));

    let grant = grant_exchange_manage_as_app(&guid(2), &guid(3));
    assert_eq!(
        grant.path,
        format!(
            "/v1.0/servicePrincipals/{}/appRoleAssignedTo",
            guid(2).as_str()
        )
    );
    assert_eq!(
        grant.body.unwrap(),
        json!({"principalId": guid(3).as_str(), "resourceId": guid(2).as_str(), "appRoleId": EXCHANGE_MANAGE_AS_APP_ROLE})
    );
    let role = assign_global_reader(&guid(3));
    assert_eq!(role.path, "/v1.0/roleManagement/directory/roleAssignments");
    assert_eq!(
        role.body.unwrap(),
        json!({"roleDefinitionId": "f2ef992c-3afb-46b9-b7cf-a126ee74c451", "principalId": guid(3).as_str(), "directoryScopeId": "/"})
    );
    let patch = replace_key(&guid(4), kc.clone());
    assert_eq!(patch.method, Method::Patch);
    assert_eq!(patch.body.unwrap(), json!({"keyCredentials": [kc]}));
    for get in [
        read_organization(),
        read_signed_in_user(),
        read_application(&guid(4)),
    ] {
        assert_eq!(get.method, Method::Get);
        assert!(get.body.is_none());
    }
}

#[test]
fn searches_escape_the_name_for_odata_and_the_url() {
    let find = find_applications("O'Brien & Co #1");
    assert_eq!(
        find.path,
        "/v1.0/applications?$filter=displayName%20eq%20%27O%27%27Brien%20%26%20Co%20%231%27&$select=id,appId,displayName"
    );
    let sp = find_service_principal(EXCHANGE_ONLINE_APP_ID);
    assert!(sp.path.starts_with(
        "/v1.0/servicePrincipals?$filter=appId%20eq%20%2700000002-0000-0ff1-ce00-000000000000%27"
    ));
}

#[test]
fn the_url_uses_the_cloud_s_graph_host() {
    let req = read_organization();
    assert_eq!(
        req.url("https://graph.microsoft.us/"),
        "https://graph.microsoft.us/v1.0/organization?$select=id,displayName,verifiedDomains"
    );
    assert!(req
        .url("https://microsoftgraph.chinacloudapi.cn")
        .starts_with("https://microsoftgraph.chinacloudapi.cn/v1.0/"));
    assert!(req
        .url("http://127.0.0.1:4568")
        .starts_with("http://127.0.0.1:4568/v1.0/"));
}

fn graph_body(code: &str, message: &str) -> String {
    json!({"error": {"code": code, "message": message, "innerError": {
        "date": "2025-09-01T10:00:00", "request-id": "5c4b7a2e-0000-4000-8000-000000000001",
        "client-request-id": "5c4b7a2e-0000-4000-8000-000000000001"}}})
    .to_string()
}

#[test]
fn graph_s_error_shape_is_read() {
    let e = parse_graph_error(&graph_body(
        "Request_ResourceNotFound",
        "Resource 'x' does not exist.",
    ));
    assert_eq!(e.code, "Request_ResourceNotFound");
    assert_eq!(
        e.inner_error.unwrap().request_id.as_deref(),
        Some("5c4b7a2e-0000-4000-8000-000000000001")
    );
    assert_eq!(
        parse_graph_error("<html>bad gateway</html>"),
        GraphError::default()
    );
}

#[test]
fn each_graph_failure_says_why_and_what_to_do() {
    let denied = graph_body(
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
    );
    let p = graph_problem(Call::AssignDirectoryRole, 403, &denied);
    assert_eq!(
        p,
        Problem::RoleMissing {
            action: "assign directory roles such as Global Reader",
            roles: "Privileged Role Administrator or Global Administrator"
        }
    );
    assert!(p.what_to_do().contains("Privileged Role Administrator"));
    // Where users may not register apps, creating one is refused the same way.
    assert!(matches!(
        graph_problem(Call::CreateApplication, 403, &denied),
        Problem::RegistrationBlocked { .. }
    ));
    let policy = graph_body(
        "Request_BadRequest",
        "Credential lifetime exceeds the max value allowed as per assigned policy.",
    );
    assert!(matches!(
        graph_problem(Call::CreateApplication, 400, &policy),
        Problem::RegistrationBlocked { detail } if detail.contains("policy")
    ));
    assert_eq!(
        graph_problem(
            Call::GrantAppRole,
            404,
            &graph_body("Request_ResourceNotFound", "gone")
        ),
        Problem::NotFound {
            what: "the service principal to grant Exchange.ManageAsApp to"
        }
    );
    assert_eq!(
        graph_problem(
            Call::ReadOrganization,
            401,
            &graph_body("InvalidAuthenticationToken", "expired")
        ),
        Problem::SignInExpired
    );
    assert_eq!(
        graph_problem(
            Call::GrantAppRole,
            403,
            &graph_body("Forbidden", "Missing scope permissions on the request.")
        ),
        Problem::ConsentMissing
    );
    let other = graph_problem(Call::CreateServicePrincipal, 500, "not json");
    assert_eq!(
        other,
        Problem::Unexpected {
            status: 500,
            code: String::new(),
            message: String::new()
        }
    );
    for call in Call::ALL {
        let p = graph_problem(call, 403, &denied);
        assert!(
            !p.why().is_empty() && !p.what_to_do().is_empty(),
            "{call:?}"
        );
    }
}
