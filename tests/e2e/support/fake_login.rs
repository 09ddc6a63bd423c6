//! A local stand-in for Microsoft's sign-in host: answers the tenant's OpenID
//! configuration the way login.microsoftonline.com does, including its error
//! for a tenant that does not exist.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use super::http::{HttpServer, Reply};

pub struct FakeLogin {
    _server: HttpServer,
    pub origin: String,
    requests: Arc<AtomicUsize>,
}

impl FakeLogin {
    /// `tenants` maps what a person may type (GUID or domain) to the GUID.
    pub fn start(tenants: &[(&str, &str)]) -> FakeLogin {
        let known: HashMap<String, String> = tenants
            .iter()
            .map(|(k, v)| (k.to_lowercase(), v.to_string()))
            .collect();
        let requests = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&requests);
        let server = HttpServer::start(move |request| {
            count.fetch_add(1, Ordering::Relaxed);
            let path = request.url;
            let tenant = path
                .trim_start_matches('/')
                .split('/')
                .next()
                .unwrap_or("")
                .to_lowercase();
            let is_openid = path.ends_with("/v2.0/.well-known/openid-configuration");
            let (status, body) = match known.get(&tenant) {
                Some(guid) if is_openid => (
                    200,
                    format!(
                        r#"{{"token_endpoint":"https://login.microsoftonline.com/{guid}/oauth2/v2.0/token","issuer":"https://login.microsoftonline.com/{guid}/v2.0","tenant_region_scope":"EU"}}"#
                    ),
                ),
                _ => (
                    400,
                    format!(
                        r#"{{"error":"invalid_tenant","error_description":"AADSTS90002: Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID.","error_codes":[90002]}}"#
                    ),
                ),
            };
            Reply::new(status, body)
                .header("Content-Type", "application/json")
                .header("Access-Control-Allow-Origin", "*")
        });
        FakeLogin {
            origin: server.origin.clone(),
            _server: server,
            requests,
        }
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }

    /// A `config.json` that points the Global cloud at this host.
    pub fn config_json(&self) -> String {
        format!(r#"{{"signInHosts":{{"global":"{}"}}}}"#, self.origin)
    }
}

/// A `config.json` whose sign-in host refuses connections: the check cannot run.
pub fn offline_config_json() -> String {
    let port = super::browser::free_port();
    format!(r#"{{"signInHosts":{{"global":"http://127.0.0.1:{port}"}}}}"#)
}
