//! A static host as a CDN would run it: every file precompressed with brotli
//! and sent as `Content-Encoding: br` to a browser that accepts it, the
//! `docs/hosting.md`'s `Cache-Control` headers, the entry page for any unknown path, and
//! a `config.json` of the bench's choosing.
//!
//! It can also add a classic script at the end of the entry page's head: the
//! page then times itself from its first frame on, which a script sent by
//! WebDriver cannot do, as WebDriver only runs one after the `load` event.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::http::{content_type, HttpServer, Reply};

struct File {
    raw: Vec<u8>,
    br: Vec<u8>,
    content_type: &'static str,
    cache_control: &'static str,
}

pub struct BrotliServer {
    _server: HttpServer,
    pub origin: String,
}

impl BrotliServer {
    /// Serves `dist`; `config_json`, when set, replaces its `config.json`,
    /// and `head_script` is added to the entry page.
    pub fn start(dist: &Path, config_json: Option<String>, head_script: &str) -> BrotliServer {
        let mut files = HashMap::new();
        load_dir(dist, dist, &mut files, head_script);
        if let Some(config) = config_json {
            files.insert(
                "config.json".to_string(),
                file("config.json", config.into_bytes()),
            );
        }
        assert!(
            files.contains_key("index.html"),
            "no index.html in {}",
            dist.display()
        );
        let server = HttpServer::start(move |request| {
            let accepts_br = request
                .headers
                .get("Accept-Encoding")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("br")));
            let path = request.url.split(['?', '#']).next().unwrap_or("/");
            let name = path.trim_start_matches('/');
            let name = if name.is_empty() { "index.html" } else { name };
            reply(files.get(name).unwrap_or(&files["index.html"]), accepts_br)
        });
        BrotliServer {
            origin: server.origin.clone(),
            _server: server,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.origin, path)
    }
}

fn reply(f: &File, accepts_br: bool) -> Reply {
    let body = if accepts_br { &f.br } else { &f.raw };
    let r = Reply::new(200, body.clone())
        .header("Content-Type", f.content_type)
        .header("Vary", "Accept-Encoding")
        .header("Cache-Control", f.cache_control);
    if accepts_br {
        r.header("Content-Encoding", "br")
    } else {
        r
    }
}

fn load_dir(root: &Path, dir: &Path, files: &mut HashMap<String, File>, head_script: &str) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            load_dir(root, &path, files, head_script);
            continue;
        }
        let name = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let mut raw = std::fs::read(&path).unwrap();
        if name == "index.html" && !head_script.is_empty() {
            let html = String::from_utf8(raw).unwrap();
            let at = html.find("</head>").expect("an entry page with </head>");
            raw = format!(
                "{}<script>{head_script}</script>{}",
                &html[..at],
                &html[at..]
            )
            .into_bytes();
        }
        files.insert(name.clone(), file(&name, raw));
    }
}

fn file(name: &str, raw: Vec<u8>) -> File {
    File {
        br: brotli(&raw),
        raw,
        content_type: content_type(name),
        cache_control: cache_control(name),
    }
}

/// What docs/hosting.md asks of a host: a file with trunk's
/// content hash in its name never changes, so it is kept a year without
/// asking again; the entry page, `config.json` and the logos change in place,
/// so a browser asks each time. First loads come from an empty profile, so
/// only reloads in one tab see the difference.
fn cache_control(name: &str) -> &'static str {
    if hashed(name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Trunk names a file `stem-<16 hex digits>` and a wasm `stem-<hash>_bg`.
fn hashed(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    let stem = file.split('.').next().unwrap_or(file);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Quality 11, as `scripts/size.sh` measures and a build step would ship.
fn brotli(raw: &[u8]) -> Vec<u8> {
    let mut child = Command::new("brotli")
        .args(["-q", "11", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run brotli (scripts/setup.sh installs it)");
    let mut stdin = child.stdin.take().unwrap();
    let input = raw.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success(), "brotli failed");
    out.stdout
}
