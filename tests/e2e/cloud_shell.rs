//! Set up with Azure Cloud Shell: generate, download the script, run it
//! against a fake `az`, paste what it printed, and Connect.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use fantoccini::Locator;

use crate::support::fake_login::FakeLogin;
use crate::support::page::Page;
use crate::support::{serve_with_config, temp_dir};

const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const APP: &str = "5e8f2a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
const SP: &str = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

fn executable(path: &Path, body: &[u8]) {
    std::fs::write(path, body).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// One run of a script against the fake `az` of the interop tests.
struct ShellRun {
    success: bool,
    stdout: String,
    stderr: String,
    /// Each `az` call, its arguments separated by tabs.
    calls: Vec<String>,
    /// The certificate the script uploaded, if it did.
    uploaded: Option<String>,
}

/// Runs `script` with `args`, the fake `az` first on PATH and `state` in its
/// environment.
fn run_with_fake_az(script: &Path, args: &[&str], state: &[(&str, &str)]) -> ShellRun {
    let dir = temp_dir("cloud-shell");
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let fakes = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop");
    for (name, file) in [("az", "fake_az.sh"), ("fake_graph.py", "fake_graph.py")] {
        executable(&bin.join(name), &std::fs::read(fakes.join(file)).unwrap());
    }
    executable(&bin.join("sleep"), b"#!/bin/sh\nexit 0\n");
    let (log, uploaded) = (dir.join("calls.log"), dir.join("uploaded.pem"));
    let out = Command::new("bash")
        .arg(script)
        .args(args)
        .env(
            "PATH",
            format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
        )
        .env("FAKE_AZ_LOG", &log)
        .env("FAKE_AZ_CERT_OUT", &uploaded)
        .env("FAKE_AZ_TENANT", TENANT)
        .env("FAKE_AZ_APP_ID", APP)
        .env("FAKE_AZ_SP_ID", SP)
        .envs(state.iter().copied())
        .output()
        .unwrap();
    ShellRun {
        success: out.status.success(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        calls: std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect(),
        uploaded: std::fs::read_to_string(&uploaded).ok(),
    }
}

/// The Base64 DER of a PEM certificate, as Microsoft Graph returns it.
fn der_base64(pem: &str) -> String {
    pem.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("-----"))
        .collect()
}

/// The page's script refuses an app registration someone else prepared
/// under the same name, and sets up one that holds only this certificate.
fn check_reuse_rule(script: &Path, pem: &str) {
    const EXISTING: &str = "11111111-2222-4333-8444-555555555555";
    let foreign = run_with_fake_az(
        script,
        &["--reuse"],
        &[
            ("FAKE_AZ_EXISTING_APP", EXISTING),
            (
                "FAKE_AZ_APP_OWNERS",
                "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\tmallory@contoso.example",
            ),
            (
                "FAKE_AZ_APP_PASSWORDS",
                "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d\tMallory's secret",
            ),
        ],
    );
    assert!(!foreign.success, "{}", foreign.stdout);
    for change in [
        "credential\treset",
        "permission\tadd",
        "admin-consent",
        "POST",
        "sp\tcreate",
    ] {
        assert!(
            foreign.calls.iter().all(|c| !c.contains(change)),
            "{change}: {:?}",
            foreign.calls
        );
    }
    assert!(
        foreign.stderr.contains("mallory@contoso.example")
            && foreign.stderr.contains("Mallory's secret")
            && foreign
                .stderr
                .contains("7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d"),
        "{}",
        foreign.stderr
    );

    let ours = format!(
        "3b4c5d6e-7f80-4a9b-8c0d-1e2f3a4b5c6d\t{}\tCN=O'Brien",
        der_base64(pem)
    );
    let reused = run_with_fake_az(
        script,
        &["--reuse"],
        &[
            ("FAKE_AZ_EXISTING_APP", EXISTING),
            ("FAKE_AZ_APP_CERTS", &ours),
        ],
    );
    assert!(reused.success, "{}", reused.stderr);
    assert!(reused
        .stdout
        .contains(&format!("CLOUDLINK_APPLICATION_ID={EXISTING}")));
    // Exchange.ManageAsApp alone, as one app role assignment.
    assert!(reused.calls.iter().all(|c| !c.contains("admin-consent")));
    let grants = reused
        .calls
        .iter()
        .filter(|c| c.contains("/appRoleAssignedTo"));
    assert_eq!(grants.count(), 1, "{:?}", reused.calls);
}

/// The text of the one download Chromium holds for confirmation.
async fn held_download(folder: &Path) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let held: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                name.starts_with("Unconfirmed") || name.starts_with("setup-")
            })
            .collect();
        if let [one] = held.as_slice() {
            let text = std::fs::read_to_string(one).unwrap_or_default();
            if !text.is_empty() {
                return text;
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no setup script download in {folder:?}: {held:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_setup_script_fills_the_form_and_the_account_connects() {
    let login = FakeLogin::start(&[(TENANT, TENANT)]);
    let server = serve_with_config(login.config_json());
    let page = Page::open(&server, "/signup").await;
    page.create_account("shell@example.com").await;
    page.open_link_page_from_integrations().await;
    page.fill("Microsoft Account Name", "O'Brien \"Shell\" $HOME")
        .await;
    page.fill("Organization Name", "Contoso Ltd").await;
    page.blur().await;
    let sha1 = page.generate().await;

    page.expect_text("Set up with Azure Cloud Shell").await;
    let shell = page
        .find(Locator::LinkText("Open Azure Cloud Shell"))
        .await
        .attr("href")
        .await
        .unwrap();
    assert_eq!(shell.as_deref(), Some("https://shell.azure.com"));
    page.click_button("Download certificate (.pem)").await;
    let pem = page.downloaded("O-Brien-Shell-HOME.pem").await;
    // What Copy script copies. Chromium holds a downloaded .sh file for the
    // person to confirm, which WebDriver cannot do, so the script run is the
    // one shown, checked below to equal the downloaded bytes.
    // The text is behind a disclosure, so the buttons stay in view.
    let script_box = page.find(Locator::Css("details.script-text")).await;
    assert_eq!(
        script_box.prop("open").await.unwrap().as_deref(),
        Some("false")
    );
    page.find(Locator::XPath(
        "//summary[normalize-space()='Read the script']",
    ))
    .await
    .click()
    .await
    .unwrap();
    let text = page
        .find(Locator::Css("pre.script"))
        .await
        .text()
        .await
        .unwrap();
    assert!(text.starts_with("#!/usr/bin/env bash"), "{text}");
    assert!(!text.contains("PRIVATE KEY"), "only the public certificate");
    let script = temp_dir("setup-script").join("setup.sh");
    std::fs::write(&script, format!("{text}\n")).unwrap();
    // The download carries the same bytes: Chromium keeps them in an
    // "Unconfirmed … .crdownload" file until the person says Keep.
    page.click_button("Download setup script (.sh)").await;
    let held = held_download(&page.browser.downloads).await;
    assert_eq!(
        held.trim_end(),
        text.trim_end(),
        "the download is the script shown"
    );

    let pem = std::fs::read_to_string(&pem).unwrap();
    // The script knows this certificate by its thumbprint, and trusts no other.
    let own = sha1.replace(':', "").to_uppercase();
    assert!(
        text.contains(&format!("TRUSTED_THUMBPRINTS='{own}'")),
        "{text}"
    );
    check_reuse_rule(&script, &pem);

    let run = run_with_fake_az(&script, &[], &[]);
    assert!(run.success, "the script failed: {}", run.stderr);
    let (printed, calls) = (run.stdout, run.calls);
    assert_eq!(
        run.uploaded.as_deref().map(str::trim),
        Some(pem.trim()),
        "the script uploads the downloaded certificate"
    );
    assert!(
        calls
            .iter()
            .any(|c| c.contains("O'Brien \"Shell\" $HOME") && c.contains("AzureADMyOrg")),
        "the app is created single tenant, under the name as typed: {calls:?}"
    );

    // Noise around the lines, as a terminal copy has, is fine.
    let pasted = format!("admin@Azure:~$ bash setup.sh\r\n{printed}\r\nadmin@Azure:~$ ");
    page.fill("Paste the script's output", &pasted).await;
    page.click_button("Fill in from the output").await;
    page.expect_text(&format!(
        "Filled Tenant ID {TENANT} and Application ID {APP}"
    ))
    .await;
    for (label, value) in [("Tenant ID", TENANT), ("Application ID", APP)] {
        assert_eq!(
            page.field(label)
                .await
                .prop("value")
                .await
                .unwrap()
                .as_deref(),
            Some(value)
        );
    }

    // Wrong text gets a message next to the box, and nothing changes.
    page.fill("Paste the script's output", "bash: az: command not found")
        .await;
    page.click_button("Fill in from the output").await;
    let area = page.field("Paste the script's output").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while area.attr("aria-invalid").await.unwrap().as_deref() != Some("true") {
        assert!(std::time::Instant::now() < deadline, "marked invalid");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let message = page.find(Locator::Id("script-output-error")).await;
    assert!(!message.text().await.unwrap().is_empty());

    page.click_button("Connect").await;
    page.expect_heading("Microsoft 365 accounts").await;
    page.expect_text("O'Brien \"Shell\" $HOME").await;
    page.expect_text(APP).await;
    page.expect_text(&sha1).await;
    page.close().await;
}
