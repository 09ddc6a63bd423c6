//! `scripts/csp.py` takes the origins it puts in a policy by the app's own
//! rule (`parse_origin`): a header must never allow an origin the app itself
//! refuses to talk to, such as plain `http://` to another machine.

use std::process::Command;

use cloudlink::domain::app::parse_origin;

/// What csp.py makes of each input: its normalised origin, or `None`.
fn csp_py(inputs: &[&str]) -> Vec<Option<String>> {
    let scripts = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts");
    let program = "import json, sys\nsys.path.insert(0, sys.argv[1])\nimport csp\n\
                   print(json.dumps([csp.parse_origin(v) for v in json.loads(sys.argv[2])]))";
    let out = Command::new("python3")
        .args(["-c", program, scripts])
        .arg(serde_json::to_string(inputs).unwrap())
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "csp.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn csp_py_accepts_exactly_the_origins_the_app_accepts() {
    let inputs = [
        "https://portal.example.com",
        "https://Portal.Example.com/",
        "https://portal.example.com:443",
        "https://portal.example.com:8443",
        "https://portal.example.com:008443",
        "http://127.0.0.1:8081",
        "http://localhost",
        "http://[::1]:9000",
        "http://portal.example.com",
        "http://10.0.0.7:8080",
        "http://localhost.evil.example",
        "https://portal.example.com/path",
        "https://user@portal.example.com",
        "https://portal.example.com:0",
        "https://portal.example.com:65536",
        "https://-portal.example.com",
        "https://portal_example.com",
        "https://[::1].evil.example",
        "ftp://portal.example.com",
        "https://",
        "portal.example.com",
        " https://portal.example.com ",
    ];
    let app: Vec<Option<String>> = inputs.iter().map(|i| parse_origin(i).ok()).collect();
    let script = csp_py(&inputs);
    for ((input, app), script) in inputs.iter().zip(&app).zip(&script) {
        assert_eq!(
            app, script,
            "{input:?}: the app says {app:?}, csp.py {script:?}"
        );
    }
}

/// `connect-src` of `scripts/csp.sh` for a build whose `config.json` is
/// `config` (and no origins on the command line).
fn connect_src(config: &str) -> Vec<String> {
    let dist = crate::checks::TempDir::new("csp");
    dist.write("index.html", "<script>start()</script>");
    dist.write("config.json", config);
    let out = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/csp.sh"))
        .arg(dist.path())
        .output()
        .expect("csp.sh runs");
    assert!(
        out.status.success(),
        "csp.sh: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let policy = String::from_utf8(out.stdout).unwrap();
    let directive = policy
        .split(';')
        .map(str::trim)
        .find_map(|d| d.strip_prefix("connect-src "))
        .expect("a connect-src directive")
        .to_string();
    directive.split(' ').map(str::to_string).collect()
}

#[test]
fn connect_src_follows_the_hosts_config_json_names() {
    let microsoft = [
        "'self'",
        "https://login.microsoftonline.com",
        "https://login.microsoftonline.us",
        "https://login.chinacloudapi.cn",
    ];
    assert_eq!(connect_src("{}"), microsoft);

    // The set-up calls Graph: with a sign-in app, each cloud's Graph host.
    let mut with_graph = microsoft.to_vec();
    with_graph.extend([
        "https://graph.microsoft.com",
        "https://graph.microsoft.us",
        "https://microsoftgraph.chinacloudapi.cn",
    ]);
    assert_eq!(
        connect_src(r#"{"setupClientId":"4a1e0c55-7b6f-4c3e-9d2a-1f8e3b7c6d5e"}"#),
        with_graph
    );

    // Overrides replace their cloud's host, as the app reads them.
    let overridden = connect_src(
        r#"{"setupClientId":"4a1e0c55-7b6f-4c3e-9d2a-1f8e3b7c6d5e",
            "signInHosts":{"global":"http://127.0.0.1:8081"},
            "graphHosts":{"global":"http://localhost:8082"}}"#,
    );
    assert!(overridden.contains(&"http://127.0.0.1:8081".to_string()));
    assert!(overridden.contains(&"http://localhost:8082".to_string()));
    assert!(!overridden.contains(&"https://graph.microsoft.com".to_string()));
    assert!(!overridden.contains(&"https://login.microsoftonline.com".to_string()));
    assert!(overridden.contains(&"https://graph.microsoft.us".to_string()));
}
