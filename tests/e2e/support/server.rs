//! A plain static file server, as a CDN would be: files from `dist/` under a
//! mount path, `404.html` (or the entry page) for unknown paths, and optional
//! headers such as a Content-Security-Policy.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use super::http::{content_type, HttpServer, Reply};

/// Where a test's CSP may send `report-uri` reports, below the mount path.
pub const CSP_REPORT_PATH: &str = "__csp-report";

#[derive(Clone, Default)]
pub struct ServerOptions {
    /// Where the app is mounted, such as `/` or `/tools/link/`.
    pub mount: String,
    /// Extra response headers for every HTML page.
    pub html_headers: Vec<(String, String)>,
    /// Served instead of `config.json` when set.
    pub config_json: Option<String>,
    /// A script run first in every HTML page, before the app: how a test
    /// puts the page in a browser that refuses something.
    pub first_script: Option<String>,
    /// While closed, every `.wasm` response waits: the page as a visitor
    /// sees it before the app has arrived.
    pub wasm_gate: Option<Gate>,
    /// Every `.wasm` answered 404 with the host's error page: a proxy that
    /// strips it, or a deployment half done.
    pub wasm_missing: bool,
    /// `config.json` redirected to a port where nothing listens: the
    /// browser's fetch fails as on a dropped connection.
    pub config_unreachable: bool,
}

/// Holds back responses while closed; opening lets them all go.
#[derive(Clone, Default)]
pub struct Gate(Arc<(Mutex<bool>, Condvar)>);

impl Gate {
    pub fn closed() -> Gate {
        Gate::default()
    }

    pub fn open(&self) {
        *self.0 .0.lock().unwrap() = true;
        self.0 .1.notify_all();
    }

    pub fn wait(&self) {
        let mut open = self.0 .0.lock().unwrap();
        while !*open {
            open = self.0 .1.wait(open).unwrap();
        }
    }
}

pub struct StaticServer {
    _server: HttpServer,
    pub origin: String,
    pub mount: String,
    reports: Arc<Mutex<Vec<String>>>,
    requests: Arc<Mutex<Vec<String>>>,
}

impl StaticServer {
    pub fn start(dist: &Path, options: ServerOptions) -> StaticServer {
        let mount = if options.mount.is_empty() {
            "/".to_string()
        } else {
            options.mount.clone()
        };
        let dist = dist.to_path_buf();
        let mount_for_server = mount.clone();
        let reports = Arc::new(Mutex::new(Vec::new()));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (reports_seen, requests_seen) = (Arc::clone(&reports), Arc::clone(&requests));
        let server = HttpServer::start(move |request| {
            requests_seen.lock().unwrap().push(request.url.clone());
            // The browser reports CSP violations here, including those
            // before any script of the test could listen for them.
            if request.method == http::Method::POST
                && request.url.ends_with(&format!("/{CSP_REPORT_PATH}"))
            {
                let body = String::from_utf8_lossy(&request.body).into_owned();
                reports_seen.lock().unwrap().push(body);
                return Reply::new(204, Vec::new());
            }
            let reply = answer(&dist, &mount_for_server, &options, &request.url);
            if let Some(gate) = &options.wasm_gate {
                if request.url.ends_with(".wasm") {
                    gate.wait();
                }
            }
            reply
        });
        StaticServer {
            origin: server.origin.clone(),
            _server: server,
            mount,
            reports,
            requests,
        }
    }

    /// The URL of every request received so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }

    /// The bodies of the CSP violation reports received so far.
    pub fn csp_reports(&self) -> Vec<String> {
        self.reports.lock().unwrap().clone()
    }

    /// The full URL of an app path such as `/integrations`.
    pub fn url(&self, path: &str) -> String {
        format!(
            "{}{}{}",
            self.origin,
            self.mount.trim_end_matches('/'),
            path
        )
    }
}

fn answer(dist: &Path, mount: &str, options: &ServerOptions, url: &str) -> Reply {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let Some(rest) = path.strip_prefix(mount.trim_end_matches('/')) else {
        return Reply::new(404, "not under the mount path");
    };
    let rest = rest.trim_start_matches('/');
    let missing = options.wasm_missing && rest.ends_with(".wasm");
    if rest == "config.json" && options.config_unreachable {
        return Reply::new(302, Vec::new()).header("Location", "http://127.0.0.1:1/config.json");
    }
    if rest == "config.json" {
        if let Some(config) = &options.config_json {
            return Reply::new(200, config.clone())
                .header("Content-Type", content_type("config.json"));
        }
    }
    let file = if rest.is_empty() {
        PathBuf::from("index.html")
    } else {
        PathBuf::from(rest)
    };
    if !missing
        && !file
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        if let Ok(bytes) = std::fs::read(dist.join(&file)) {
            let name = file.to_string_lossy();
            let bytes = with_first_script(bytes, &name, options);
            let r = html_headers(
                Reply::new(200, bytes).header("Content-Type", content_type(&name)),
                options,
            );
            // Portals on other origins import the embed SDK as a module,
            // which the browser fetches with CORS, as docs/hosting.md tells hosts.
            if file.starts_with("embed") {
                return r.header("Access-Control-Allow-Origin", "*");
            }
            return r;
        }
    }
    // Unknown path: what a static host does with its error page.
    let (page, status) = match std::fs::read(dist.join("404.html")) {
        Ok(bytes) => (bytes, 404),
        Err(_) => (
            std::fs::read(dist.join("index.html")).unwrap_or_default(),
            200,
        ),
    };
    let page = with_first_script(page, "index.html", options);
    html_headers(
        Reply::new(status, page).header("Content-Type", content_type("index.html")),
        options,
    )
}

fn with_first_script(bytes: Vec<u8>, name: &str, options: &ServerOptions) -> Vec<u8> {
    match &options.first_script {
        Some(script) if name.ends_with(".html") => String::from_utf8_lossy(&bytes)
            // The release HTML is minified and has no <head> tag; the title
            // comes before every script either way.
            .replacen("<title>", &format!("<script>{script}</script><title>"), 1)
            .into_bytes(),
        _ => bytes,
    }
}

fn html_headers(mut r: Reply, options: &ServerOptions) -> Reply {
    if r.header_value("Content-Type")
        .is_some_and(|t| t.starts_with("text/html"))
    {
        for (k, v) in &options.html_headers {
            r = r.header(k, v);
        }
    }
    r
}
