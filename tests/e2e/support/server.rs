//! A plain static file server, as a CDN would be: files from `dist/` under a
//! mount path, `404.html` (or the entry page) for unknown paths, and optional
//! headers such as a Content-Security-Policy.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

use tiny_http::{Header, Method, Response, Server};

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

    fn wait(&self) {
        let mut open = self.0 .0.lock().unwrap();
        while !*open {
            open = self.0 .1.wait(open).unwrap();
        }
    }
}

pub struct StaticServer {
    server: Arc<Server>,
    thread: Option<JoinHandle<()>>,
    pub origin: String,
    pub mount: String,
    reports: Arc<Mutex<Vec<String>>>,
    requests: Arc<Mutex<Vec<String>>>,
}

impl StaticServer {
    pub fn start(dist: &Path, options: ServerOptions) -> StaticServer {
        let server = Arc::new(Server::http("127.0.0.1:0").expect("bind a loopback port"));
        let port = server.server_addr().to_ip().unwrap().port();
        let mount = if options.mount.is_empty() {
            "/".to_string()
        } else {
            options.mount.clone()
        };
        let dist = dist.to_path_buf();
        let worker = Arc::clone(&server);
        let mount_for_thread = mount.clone();
        let reports = Arc::new(Mutex::new(Vec::new()));
        let reports_for_thread = Arc::clone(&reports);
        let requests = Arc::new(Mutex::new(Vec::new()));
        let requests_for_thread = Arc::clone(&requests);
        let thread = std::thread::spawn(move || {
            for mut request in worker.incoming_requests() {
                requests_for_thread
                    .lock()
                    .unwrap()
                    .push(request.url().to_string());
                // The browser reports CSP violations here, including those
                // before any script of the test could listen for them.
                if *request.method() == Method::Post
                    && request.url().ends_with(&format!("/{CSP_REPORT_PATH}"))
                {
                    let mut body = String::new();
                    let _ = request.as_reader().read_to_string(&mut body);
                    reports_for_thread.lock().unwrap().push(body);
                    let _ = request.respond(Response::empty(204));
                    continue;
                }
                let reply = answer(&dist, &mount_for_thread, &options, request.url());
                match &options.wasm_gate {
                    // Its own thread, so the other files are still served.
                    Some(gate) if request.url().ends_with(".wasm") => {
                        let gate = gate.clone();
                        std::thread::spawn(move || {
                            gate.wait();
                            let _ = request.respond(reply);
                        });
                    }
                    // Each answer on its own thread, as a real host serves
                    // connections side by side: one slow reader must not
                    // hold back every other request.
                    _ => {
                        std::thread::spawn(move || {
                            let _ = request.respond(reply);
                        });
                    }
                }
            }
        });
        StaticServer {
            server,
            thread: Some(thread),
            origin: format!("http://127.0.0.1:{port}"),
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

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn answer(
    dist: &Path,
    mount: &str,
    options: &ServerOptions,
    url: &str,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let Some(rest) = path.strip_prefix(mount.trim_end_matches('/')) else {
        return Response::from_string("not under the mount path").with_status_code(404);
    };
    let rest = rest.trim_start_matches('/');
    let missing = options.wasm_missing && rest.ends_with(".wasm");
    if rest == "config.json" && options.config_unreachable {
        return Response::from_data(Vec::new())
            .with_status_code(302)
            .with_header(
                Header::from_bytes("Location", "http://127.0.0.1:1/config.json").unwrap(),
            );
    }
    if rest == "config.json" {
        if let Some(config) = &options.config_json {
            return with_type(
                Response::from_data(config.clone().into_bytes()),
                "config.json",
            );
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
            let bytes = with_first_script(bytes, &file.to_string_lossy(), options);
            let r = html_headers(
                with_type(Response::from_data(bytes), &file.to_string_lossy()),
                options,
            );
            // Portals on other origins import the embed SDK as a module,
            // which the browser fetches with CORS, as docs/hosting.md tells hosts.
            if file.starts_with("embed") {
                return r
                    .with_header(Header::from_bytes("Access-Control-Allow-Origin", "*").unwrap());
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
    html_headers(with_type(Response::from_data(page), "index.html"), options)
        .with_status_code(status)
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

fn with_type(
    r: Response<std::io::Cursor<Vec<u8>>>,
    name: &str,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let ty = match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        _ => "application/octet-stream",
    };
    r.with_header(Header::from_bytes("Content-Type", ty).unwrap())
}

fn html_headers(
    mut r: Response<std::io::Cursor<Vec<u8>>>,
    options: &ServerOptions,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let is_html = r
        .headers()
        .iter()
        .any(|h| h.field.equiv("Content-Type") && h.value.as_str().starts_with("text/html"));
    if is_html {
        for (k, v) in &options.html_headers {
            r = r.with_header(Header::from_bytes(k.as_bytes(), v.as_bytes()).unwrap());
        }
    }
    r
}
