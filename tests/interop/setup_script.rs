//! The Cloud Shell setup script, checked by `bash -n` and ShellCheck and run
//! by real Bash against `fake_az.sh`, which records every `az` call.
//!
//! The certificate is a real one built like the other interop tests build
//! theirs; only its public PEM goes into the scripts.

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use cloudlink::crypto::{Certificate, KeyType};
use cloudlink::domain::entra::AzureScope;
use cloudlink::domain::entra::Cloud;
use cloudlink::domain::links::Provider;
use cloudlink::domain::setup_script::{
    az_cloud_name, build, parse_output, ScriptMode, SetupScript,
};
use cloudlink::domain::text::DisplayName;

use crate::checks::TempDir;

const HOSTILE: &str = "O'Brien \"$HOME\" `id` ; rm -rf / ü";
const TENANT: &str = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
const APP_ID: &str = "6731de76-14a6-49ae-97bc-6eba6914391e";
pub(crate) const SP_ID: &str = "0b1d2c3e-4f50-4617-8a9b-0c1d2e3f4a5b";
pub(crate) const EXISTING_APP_ID: &str = "11111111-2222-4333-8444-555555555555";
const MANAGEMENT_GROUP: &str = "Contoso-Prod_(EU).1";
const SUBSCRIPTION: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const GLOBAL_READER: &str = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

pub(crate) fn certificate() -> &'static Certificate {
    static CERT: OnceLock<Certificate> = OnceLock::new();
    CERT.get_or_init(|| {
        let req = crate::request("CloudLink setup script", KeyType::Rsa2048, crate::now());
        crate::build(crate::keys::rsa_key(), &req)
    })
}

fn management_group() -> AzureScope {
    AzureScope::parse(Some(MANAGEMENT_GROUP), None).unwrap()
}

fn subscription() -> AzureScope {
    AzureScope::parse(None, Some(SUBSCRIPTION)).unwrap()
}

fn new_app(provider: Provider, cloud: Cloud, name: &str, scope: Option<&AzureScope>) -> String {
    new_app_knowing(provider, cloud, name, scope, &[])
}

/// A new-app script from an account whose other certificates are `known`.
fn new_app_knowing(
    provider: Provider,
    cloud: Cloud,
    name: &str,
    scope: Option<&AzureScope>,
    known: &[String],
) -> String {
    let pem = certificate().pem();
    build(&SetupScript {
        provider,
        cloud,
        app_name: &DisplayName::parse(name).unwrap(),
        certificate_pem: &pem,
        azure_scope: scope,
        mode: ScriptMode::NewApp {
            known_thumbprints: known,
        },
        thumbprint_sha1: None,
    })
    .unwrap()
}

fn renewal(cloud: Cloud) -> String {
    let cert = certificate();
    let (pem, sha1) = (cert.pem(), cert.sha1_thumbprint());
    build(&SetupScript {
        provider: Provider::Microsoft,
        cloud,
        app_name: &DisplayName::parse(HOSTILE).unwrap(),
        certificate_pem: &pem,
        azure_scope: None,
        mode: ScriptMode::AppendCertificate {
            application_id: APP_ID,
        },
        thumbprint_sha1: Some(&sha1),
    })
    .unwrap()
}

/// Every script the builder can produce, named for error messages.
fn every_script() -> Vec<(String, String)> {
    let (mg, sub) = (management_group(), subscription());
    let mut out = Vec::new();
    for cloud in Cloud::ALL {
        let c = az_cloud_name(cloud);
        for (label, name) in [("plain", "CloudLink Prod"), ("hostile", HOSTILE)] {
            for (kind, provider, scope) in [
                ("microsoft", Provider::Microsoft, None),
                ("azure-mg", Provider::Azure, Some(&mg)),
                ("azure-sub", Provider::Azure, Some(&sub)),
            ] {
                out.push((
                    format!("{kind}-{c}-{label}.sh"),
                    new_app(provider, cloud, name, scope),
                ));
            }
        }
        out.push((format!("renewal-{c}.sh"), renewal(cloud)));
    }
    out
}

#[test]
fn bash_parses_every_script() {
    let dir = TempDir::new("setup-syntax");
    for (name, script) in every_script() {
        let path = dir.write(&name, script);
        let out = Command::new("bash").arg("-n").arg(&path).output().unwrap();
        assert!(
            out.status.success(),
            "bash -n {name}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn shellcheck_finds_nothing_in_any_script() {
    match Command::new("shellcheck").arg("--version").output() {
        Ok(out) if out.status.success() => {}
        other => panic!(
            "shellcheck is required and could not be run ({other:?}). Install it, \
             for example with `apt-get install -y shellcheck` (0.9 or later)."
        ),
    }
    let dir = TempDir::new("setup-shellcheck");
    let paths: Vec<PathBuf> = every_script()
        .into_iter()
        .map(|(name, script)| dir.write(&name, script))
        .collect();
    let out = Command::new("shellcheck")
        .args(["--severity=style", "--shell=bash"])
        .args(&paths)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "shellcheck:\n{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fake(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/interop")
        .join(name)
}

fn executable(path: &Path, contents: impl AsRef<[u8]>) {
    std::fs::write(path, contents).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// One run of a script against the fake `az`.
pub(crate) struct Run {
    output: Output,
    /// Each `az` call's arguments.
    calls: Vec<Vec<String>>,
    /// What the script passed as `--cert @file`, read while the file existed.
    uploaded: Option<String>,
    _dir: TempDir,
}

pub(crate) fn run(script: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let dir = TempDir::new("setup-run");
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    executable(&bin.join("az"), std::fs::read(fake("fake_az.sh")).unwrap());
    executable(
        &bin.join("fake_graph.py"),
        std::fs::read(fake("fake_graph.py")).unwrap(),
    );
    // The script waits between retries; the fake answers at once.
    executable(&bin.join("sleep"), "#!/bin/sh\nexit 0\n");
    let path = dir.write("setup.sh", script);
    let log = dir.path().join("calls.log");
    let uploaded = dir.path().join("uploaded.pem");
    let search_path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = Command::new("bash");
    // Settings left in the outer environment must not reach the fake.
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("FAKE_AZ_") {
            cmd.env_remove(key);
        }
    }
    cmd.arg(&path)
        .args(args)
        .current_dir(dir.path())
        .env("PATH", search_path)
        .env("FAKE_AZ_LOG", &log)
        .env("FAKE_AZ_CERT_OUT", &uploaded)
        .env("FAKE_AZ_TENANT", TENANT)
        .env("FAKE_AZ_APP_ID", APP_ID)
        .env("FAKE_AZ_SP_ID", SP_ID)
        .envs(env.iter().copied());
    let output = cmd.output().expect("run bash");
    let calls = std::fs::read_to_string(&log)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('\t').map(String::from).collect())
        .collect();
    Run {
        output,
        calls,
        uploaded: std::fs::read_to_string(&uploaded).ok(),
        _dir: dir,
    }
}

impl Run {
    pub(crate) fn stdout(&self) -> String {
        text(&self.output.stdout)
    }

    pub(crate) fn stderr(&self) -> String {
        text(&self.output.stderr)
    }

    pub(crate) fn code(&self) -> Option<i32> {
        self.output.status.code()
    }

    pub(crate) fn succeeded(&self) -> &Run {
        assert!(self.output.status.success(), "{}", self.describe());
        self
    }

    pub(crate) fn describe(&self) -> String {
        format!(
            "status {:?}\n--- stdout\n{}--- stderr\n{}--- calls\n{:#?}",
            self.code(),
            self.stdout(),
            self.stderr(),
            self.calls
        )
    }

    /// Each call's command words, up to the first option.
    pub(crate) fn commands(&self) -> Vec<String> {
        self.calls
            .iter()
            .map(|c| {
                c.iter()
                    .take_while(|a| !a.starts_with('-'))
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The `az rest` calls that change something.
    pub(crate) fn posts(&self) -> Vec<&Vec<String>> {
        self.calls_to("rest")
            .into_iter()
            .filter(|c| option(c, "--method") != "GET")
            .collect()
    }

    pub(crate) fn calls_to(&self, command: &str) -> Vec<&Vec<String>> {
        self.commands()
            .iter()
            .zip(&self.calls)
            .filter(|(c, _)| *c == command)
            .map(|(_, call)| call)
            .collect()
    }

    /// The only call to `command`.
    pub(crate) fn call(&self, command: &str) -> &Vec<String> {
        match self.calls_to(command).as_slice() {
            [one] => one,
            other => panic!(
                "expected one `az {command}`, got {}\n{}",
                other.len(),
                self.describe()
            ),
        }
    }
}

/// The value after `name` in one call's arguments.
pub(crate) fn option<'a>(call: &'a [String], name: &str) -> &'a str {
    call.iter()
        .position(|a| a == name)
        .and_then(|i| call.get(i + 1))
        .unwrap_or_else(|| panic!("no {name} in {call:?}"))
}

fn has_flag(call: &[String], flag: &str) -> bool {
    call.iter().any(|a| a == flag)
}

fn assert_global_reader_posted(run: &Run, graph: &str) {
    let posts: Vec<_> = run
        .posts()
        .into_iter()
        .filter(|c| option(c, "--uri").contains("/roleManagement/"))
        .collect();
    let post = match posts.as_slice() {
        [one] => *one,
        other => panic!("expected one POST of a directory role, got {other:?}"),
    };
    assert_eq!(option(post, "--method"), "POST");
    assert_eq!(
        option(post, "--uri"),
        format!("{graph}/v1.0/roleManagement/directory/roleAssignments")
    );
    assert_eq!(option(post, "--headers"), "Content-Type=application/json");
    let body: serde_json::Value = serde_json::from_str(option(post, "--body")).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "principalId": SP_ID,
            "roleDefinitionId": GLOBAL_READER,
            "directoryScopeId": "/",
        })
    );
}

fn assert_certificate_uploaded(run: &Run, app_id: &str) {
    let reset = run.call("ad app credential reset");
    assert_eq!(option(reset, "--id"), app_id);
    assert!(has_flag(reset, "--append"), "{reset:?}");
    let cert_file = option(reset, "--cert").strip_prefix('@').unwrap();
    assert!(
        !Path::new(cert_file).exists(),
        "the temporary certificate file must be removed on exit"
    );
    assert_eq!(run.uploaded.as_deref(), Some(certificate().pem().as_str()));
}

fn assert_ids_printed(run: &Run, app_id: &str) {
    let out = parse_output(&run.stdout()).unwrap_or_else(|e| panic!("{e}\n{}", run.describe()));
    assert_eq!(out.tenant.as_str(), TENANT);
    assert_eq!(out.application_id.as_str(), app_id);
}

#[test]
fn microsoft_script_registers_the_app_with_a_hostile_name() {
    let run = run(
        &new_app(Provider::Microsoft, Cloud::Global, HOSTILE, None),
        &[],
        &[],
    );
    run.succeeded();
    assert_eq!(
        run.commands(),
        [
            "cloud show",
            "account show",
            "ad app list",
            "ad app create",
            "rest",
            "ad app credential reset",
            "ad sp list",
            "ad sp create",
            "ad app permission list",
            "ad app permission add",
            "ad sp show",
            "rest",
            "rest",
            "rest",
            "rest",
        ]
    );
    let list = run.call("ad app list");
    assert_eq!(
        option(list, "--filter"),
        "displayName eq 'O''Brien \"$HOME\" `id` ; rm -rf / ü'"
    );
    let create = run.call("ad app create");
    assert_eq!(
        option(create, "--display-name").as_bytes(),
        HOSTILE.as_bytes()
    );
    assert_eq!(option(create, "--sign-in-audience"), "AzureADMyOrg");
    assert_certificate_uploaded(&run, APP_ID);
    assert_eq!(option(run.call("ad sp create"), "--id"), APP_ID);

    let add = run.call("ad app permission add");
    assert_eq!(option(add, "--id"), APP_ID);
    assert_eq!(option(add, "--api"), "00000002-0000-0ff1-ce00-000000000000");
    assert_eq!(
        option(add, "--api-permissions"),
        "dc50a0fb-09a3-484d-be87-e023b12c6440=Role"
    );
    assert!(run.calls_to("ad app permission admin-consent").is_empty());
    assert_global_reader_posted(&run, "https://graph.microsoft.com");

    assert_ids_printed(&run, APP_ID);
    assert_eq!(parse_output(&run.stdout()).unwrap().thumbprint_sha1, None);
    let summary = run.stdout();
    let summary = summary
        .lines()
        .find_map(|l| l.strip_prefix("CLOUDLINK_SUMMARY="))
        .unwrap();
    assert!(
        summary.starts_with("app registration created;"),
        "{summary}"
    );
    assert!(
        summary.contains("Exchange.ManageAsApp granted;"),
        "{summary}"
    );
}

#[test]
fn azure_script_assigns_reader_on_a_management_group_in_us_government() {
    let mg = management_group();
    let run = run(
        &new_app(Provider::Azure, Cloud::UsGovernment, "CloudLink", Some(&mg)),
        &[],
        &[("FAKE_AZ_CLOUD", "AzureUSGovernment")],
    );
    run.succeeded();
    assert_eq!(
        run.commands(),
        [
            "cloud show",
            "account show",
            "ad app list",
            "ad app create",
            "rest",
            "ad app credential reset",
            "ad sp list",
            "ad sp create",
            "rest",
            "rest",
            "role assignment list",
            "role assignment create",
        ]
    );
    assert_global_reader_posted(&run, "https://graph.microsoft.us");
    let assign = run.call("role assignment create");
    assert_eq!(option(assign, "--assignee-object-id"), SP_ID);
    assert_eq!(
        option(assign, "--assignee-principal-type"),
        "ServicePrincipal"
    );
    assert_eq!(option(assign, "--role"), "Reader");
    assert_eq!(
        option(assign, "--scope"),
        format!("/providers/Microsoft.Management/managementGroups/{MANAGEMENT_GROUP}")
    );
    assert_certificate_uploaded(&run, APP_ID);
    assert_ids_printed(&run, APP_ID);
}

#[test]
fn azure_script_assigns_reader_on_a_subscription_in_china() {
    let sub = subscription();
    let run = run(
        &new_app(Provider::Azure, Cloud::China, "CloudLink", Some(&sub)),
        &[],
        &[("FAKE_AZ_CLOUD", "AzureChinaCloud")],
    );
    run.succeeded();
    assert_global_reader_posted(&run, "https://microsoftgraph.chinacloudapi.cn");
    assert_eq!(
        option(run.call("role assignment create"), "--scope"),
        format!("/subscriptions/{SUBSCRIPTION}")
    );
    assert!(run.calls_to("ad app permission add").is_empty());
    assert_ids_printed(&run, APP_ID);
}

#[test]
fn an_existing_app_stops_the_script_unless_reuse_is_given() {
    let script = new_app(Provider::Microsoft, Cloud::Global, "CloudLink", None);
    let existing = [("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID)];

    let stopped = run(&script, &[], &existing);
    assert_eq!(stopped.code(), Some(1), "{}", stopped.describe());
    let err = stopped.stderr();
    assert!(
        err.contains("step 2/7 Create the app registration")
            && err.contains("\"CloudLink\" already exists")
            && err.contains(EXISTING_APP_ID)
            && err.contains("no owner but you, it has no credentials yet,")
            && err.contains("--reuse"),
        "{err}"
    );
    assert_eq!(
        stopped.commands(),
        [
            "cloud show",
            "account show",
            "ad app list",
            "ad signed-in-user show",
            "ad app owner list",
            "ad app credential list",
            "rest",
            "ad app federated-credential list",
            "ad app show",
            "ad app show",
            "ad app show",
            "ad sp list",
        ]
    );
    stopped.refused_without_change();

    let reused = run(&script, &["--reuse"], &existing);
    reused.succeeded();
    assert!(reused.calls_to("ad app create").is_empty());
    assert_certificate_uploaded(&reused, EXISTING_APP_ID);
    assert!(reused
        .calls_to("ad app permission admin-consent")
        .is_empty());
    assert_ids_printed(&reused, EXISTING_APP_ID);
    assert!(reused
        .stdout()
        .contains("CLOUDLINK_SUMMARY=existing app registration reused;"));
}

#[test]
fn a_cli_set_to_another_cloud_stops_before_any_change() {
    let script = new_app(Provider::Microsoft, Cloud::Global, "CloudLink", None);
    let run = run(&script, &[], &[("FAKE_AZ_CLOUD", "AzureUSGovernment")]);
    assert_eq!(run.code(), Some(1), "{}", run.describe());
    let err = run.stderr();
    assert!(
        err.contains("set to the cloud AzureUSGovernment")
            && err.contains("az cloud set --name AzureCloud")
            && err.contains("az login"),
        "{err}"
    );
    assert_eq!(run.commands(), ["cloud show"]);
}

#[test]
fn a_signed_out_cli_is_told_to_sign_in() {
    let script = new_app(Provider::Microsoft, Cloud::Global, "CloudLink", None);
    let run = run(&script, &[], &[("FAKE_AZ_FAIL", "account show")]);
    assert_eq!(run.code(), Some(1), "{}", run.describe());
    assert!(run.stderr().contains("Run: az login"), "{}", run.stderr());
    assert_eq!(run.commands(), ["cloud show", "account show"]);
}

#[test]
fn a_service_principal_not_yet_visible_is_retried() {
    let script = new_app(Provider::Microsoft, Cloud::Global, "CloudLink", None);
    let run = run(&script, &[], &[("FAKE_AZ_FAIL_ONCE", "sp create")]);
    run.succeeded();
    assert_eq!(run.calls_to("ad sp create").len(), 2);
    assert!(run.stderr().contains("Trying again in 10 seconds"));
    assert_global_reader_posted(&run, "https://graph.microsoft.com");
}

#[test]
fn unknown_options_print_usage_and_change_nothing() {
    let script = new_app(Provider::Azure, Cloud::Global, "x", Some(&subscription()));
    let run = run(&script, &["--force"], &[]);
    assert_eq!(run.code(), Some(2), "{}", run.describe());
    assert!(run.stderr().contains("Unknown option: --force"));
    assert!(run.stderr().contains("[--reuse]"));
    assert!(run.calls.is_empty());

    let renew = self::run(&renewal(Cloud::Global), &["--reuse"], &[]);
    assert_eq!(renew.code(), Some(2), "{}", renew.describe());
    assert!(renew.calls.is_empty());
}

#[test]
fn renewal_adds_the_certificate_to_the_given_app_only() {
    let run = run(&renewal(Cloud::Global), &[], &[]);
    run.succeeded();
    assert_eq!(
        run.commands(),
        [
            "cloud show",
            "account show",
            "ad app show",
            "rest",
            "ad app credential reset"
        ]
    );
    assert_eq!(option(run.call("ad app show"), "--id"), APP_ID);
    assert_certificate_uploaded(&run, APP_ID);
    let out = parse_output(&run.stdout()).unwrap();
    assert_eq!(out.application_id.as_str(), APP_ID);
    assert_eq!(
        out.thumbprint_sha1.as_deref(),
        Some(certificate().sha1_thumbprint().as_str())
    );
}

#[test]
fn renewal_of_an_unknown_app_says_which_tenant_was_searched() {
    let run = run(
        &renewal(Cloud::Global),
        &[],
        &[("FAKE_AZ_FAIL", "ad app show")],
    );
    assert_eq!(run.code(), Some(1), "{}", run.describe());
    let err = run.stderr();
    assert!(
        err.contains(&format!("No app registration with Application ID {APP_ID}"))
            && err.contains(TENANT),
        "{err}"
    );
    assert!(run.calls_to("ad app credential reset").is_empty());
}

// An app registration found under the chosen name. Anyone who may register
// apps could have made it, so the script reuses it only when it is provably
// CloudLink's own, and otherwise changes nothing and says what it found.

pub(crate) const ADMIN_ID: &str = "5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
const OTHER_OWNER_ID: &str = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
pub(crate) const EXISTING_SP_ID: &str = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
const SECRET_KEY_ID: &str = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";
const CERT_KEY_ID: &str = "3b4c5d6e-7f80-4a9b-8c0d-1e2f3a4b5c6d";

/// Someone else's certificate: a valid one, but not made for this account.
fn foreign_certificate() -> &'static Certificate {
    static CERT: OnceLock<Certificate> = OnceLock::new();
    CERT.get_or_init(|| {
        let req = crate::request("Someone else", KeyType::Rsa2048, crate::now());
        crate::build(crate::keys::rsa_key(), &req)
    })
}

/// A line of `FAKE_AZ_APP_CERTS` or `FAKE_AZ_SP_CERTS`.
pub(crate) fn certificate_line(key_id: &str, cert: &Certificate, name: &str) -> String {
    use base64ct::{Base64, Encoding};
    format!("{key_id}\t{}\t{name}", Base64::encode_string(cert.der()))
}

/// The calls that only read; anything else changes the tenant.
const READS: [&str; 14] = [
    "cloud show",
    "account show",
    "ad signed-in-user show",
    "ad app list",
    "ad app show",
    "ad app owner list",
    "ad app credential list",
    "ad app federated-credential list",
    "ad app permission list",
    "ad sp list",
    "ad sp show",
    "ad sp owner list",
    "ad sp credential list",
    "role assignment list",
];

impl Run {
    /// The script stopped with its error, having called `az` only to read.
    pub(crate) fn refused_without_change(&self) -> String {
        assert_eq!(self.code(), Some(1), "{}", self.describe());
        for (command, call) in self.commands().iter().zip(&self.calls) {
            let read = READS.contains(&command.as_str())
                || (command == "rest" && option(call, "--method") == "GET");
            assert!(
                read,
                "`az {command}` changes the tenant\n{}",
                self.describe()
            );
        }
        for change in [
            "ad app create",
            "ad app credential reset",
            "ad sp create",
            "ad app permission add",
            "ad app permission admin-consent",
            "role assignment create",
        ] {
            assert!(self.calls_to(change).is_empty(), "{change}");
        }
        assert!(!self.stdout().contains("CLOUDLINK_"), "{}", self.describe());
        self.stderr()
    }
}

pub(crate) fn microsoft_script() -> String {
    new_app(Provider::Microsoft, Cloud::Global, "CloudLink Prod", None)
}

pub(crate) fn azure_script() -> String {
    new_app(
        Provider::Azure,
        Cloud::Global,
        "CloudLink Prod",
        Some(&subscription()),
    )
}

#[test]
fn an_app_with_another_owner_and_a_secret_is_never_granted_anything() {
    let owners = format!("{OTHER_OWNER_ID}\tmallory@contoso.example");
    let secrets = format!("{SECRET_KEY_ID}\tMallory's secret");
    let state = [
        ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
        ("FAKE_AZ_APP_OWNERS", owners.as_str()),
        ("FAKE_AZ_APP_PASSWORDS", secrets.as_str()),
    ];
    for (kind, script) in [("microsoft", microsoft_script()), ("azure", azure_script())] {
        for args in [&[][..], &["--reuse"][..]] {
            let err = run(&script, args, &state).refused_without_change();
            let context = format!("{kind} {args:?}:\n{err}");
            for found in [
                EXISTING_APP_ID,
                "mallory@contoso.example",
                OTHER_OWNER_ID,
                "Mallory's secret",
                SECRET_KEY_ID,
            ] {
                assert!(err.contains(found), "{found} not named; {context}");
            }
            assert!(
                err.contains("choose another name") && err.contains("remove"),
                "what to do; {context}"
            );
        }
    }
}

#[test]
fn an_app_with_a_certificate_this_account_did_not_make_is_refused() {
    let certs = certificate_line(CERT_KEY_ID, foreign_certificate(), "CN=Someone else");
    let state = [
        ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
        ("FAKE_AZ_APP_CERTS", certs.as_str()),
    ];
    let err = run(&microsoft_script(), &["--reuse"], &state).refused_without_change();
    for found in [
        CERT_KEY_ID,
        "CN=Someone else",
        &foreign_certificate().sha1_thumbprint(),
    ] {
        assert!(err.contains(found), "{found} not named:\n{err}");
    }
}

#[test]
fn an_app_whose_service_principal_has_a_secret_or_an_owner_is_refused() {
    let owners = format!("{OTHER_OWNER_ID}\tmallory@contoso.example");
    let secrets = format!("{SECRET_KEY_ID}\tsp secret");
    for (variable, value, found) in [
        ("FAKE_AZ_SP_PASSWORDS", secrets.as_str(), "sp secret"),
        (
            "FAKE_AZ_SP_OWNERS",
            owners.as_str(),
            "mallory@contoso.example",
        ),
    ] {
        let state = [
            ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
            ("FAKE_AZ_EXISTING_SP", EXISTING_SP_ID),
            (variable, value),
        ];
        let err = run(&azure_script(), &["--reuse"], &state).refused_without_change();
        assert!(err.contains(found) && err.contains(EXISTING_SP_ID), "{err}");
    }
}

#[test]
fn an_app_with_a_federated_credential_is_refused() {
    let federated = "e1e2e3e4-f1f2-4a3a-8b4b-c5c6c7c8c9c0\tdeploy\t\
                     https://token.actions.githubusercontent.com\trepo:mallory/x:ref:refs/heads/main";
    let state = [
        ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
        ("FAKE_AZ_APP_FEDERATED", federated),
    ];
    let err = run(&microsoft_script(), &["--reuse"], &state).refused_without_change();
    assert!(
        err.contains("deploy") && err.contains("repo:mallory/x:ref:refs/heads/main"),
        "{err}"
    );
}

#[test]
fn names_chosen_by_others_cannot_drive_the_terminal() {
    let secrets = format!("{SECRET_KEY_ID}\tnice\u{1b}]0;owned\u{7}\u{1b}[2Jname");
    let state = [
        ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
        ("FAKE_AZ_APP_PASSWORDS", secrets.as_str()),
    ];
    let err = run(&microsoft_script(), &["--reuse"], &state).refused_without_change();
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("nice") && err.contains("name"), "{err}");
}

#[test]
fn cloudlink_s_own_app_is_set_up_again_with_reuse() {
    let owners = format!("{ADMIN_ID}\tadmin@contoso.example");
    let certs = certificate_line(CERT_KEY_ID, certificate(), "CN=CloudLink setup script");
    let state = [
        ("FAKE_AZ_USER_ID", ADMIN_ID),
        ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
        ("FAKE_AZ_APP_OWNERS", owners.as_str()),
        ("FAKE_AZ_APP_CERTS", certs.as_str()),
        ("FAKE_AZ_EXISTING_SP", EXISTING_SP_ID),
    ];
    let script = microsoft_script();

    let err = run(&script, &[], &state).refused_without_change();
    assert!(
        err.contains("already exists")
            && err.contains("its only credentials are certificates of this CloudLink account")
            && err.contains("--reuse"),
        "{err}"
    );

    let reused = run(&script, &["--reuse"], &state);
    reused.succeeded();
    assert!(reused.calls_to("ad app create").is_empty());
    // The certificate is on it already; the directory says so.
    assert!(reused.calls_to("ad app credential reset").is_empty());
    assert!(reused.calls_to("ad sp create").is_empty());
    assert!(reused
        .calls_to("ad app permission admin-consent")
        .is_empty());
    let post = reused.posts()[0];
    let body: serde_json::Value = serde_json::from_str(option(post, "--body")).unwrap();
    assert_eq!(body["principalId"], EXISTING_SP_ID);
    assert_ids_printed(&reused, EXISTING_APP_ID);
}

#[test]
fn what_an_earlier_run_granted_is_read_from_the_directory_not_redone() {
    let state = [
        ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
        ("FAKE_AZ_EXISTING_SP", EXISTING_SP_ID),
        (
            "FAKE_AZ_IN_PLACE",
            "permission consent global-reader reader",
        ),
    ];
    let microsoft = run(&microsoft_script(), &["--reuse"], &state);
    microsoft.succeeded();
    assert!(microsoft.calls_to("ad app permission add").is_empty());
    assert!(microsoft
        .calls_to("ad app permission admin-consent")
        .is_empty());
    // An Azure app never asks for Exchange.ManageAsApp.
    let state = [
        ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
        ("FAKE_AZ_EXISTING_SP", EXISTING_SP_ID),
        ("FAKE_AZ_IN_PLACE", "global-reader reader"),
    ];
    let azure = run(&azure_script(), &["--reuse"], &state);
    azure.succeeded();
    assert!(azure.calls_to("role assignment create").is_empty());
    for run in [&microsoft, &azure] {
        assert!(run.posts().is_empty());
        assert_ids_printed(run, EXISTING_APP_ID);
    }
}

#[test]
fn an_error_that_says_already_exists_is_still_an_error() {
    let script = microsoft_script();
    let run = run(
        &script,
        &[],
        &[
            ("FAKE_AZ_FAIL_URI", "/appRoleAssignedTo"),
            (
                "FAKE_AZ_FAIL_MESSAGE",
                "Permission being assigned already exists on the object",
            ),
        ],
    );
    assert_eq!(run.code(), Some(1), "{}", run.describe());
    assert!(run
        .posts()
        .iter()
        .all(|c| !option(c, "--uri").contains("/roleManagement/")));
    assert!(!run.stdout().contains("CLOUDLINK_"));
}

#[test]
fn an_app_with_the_account_s_other_certificate_is_its_own() {
    let previous = foreign_certificate();
    let certs = certificate_line(CERT_KEY_ID, previous, "CN=Previous");
    let state = [
        ("FAKE_AZ_EXISTING_APP", EXISTING_APP_ID),
        ("FAKE_AZ_APP_CERTS", certs.as_str()),
    ];
    let knowing = new_app_knowing(
        Provider::Microsoft,
        Cloud::Global,
        "CloudLink Prod",
        None,
        &[previous.sha1_thumbprint()],
    );
    let reused = run(&knowing, &["--reuse"], &state);
    reused.succeeded();
    // Not this script's own certificate, so it is added beside it.
    assert_certificate_uploaded(&reused, EXISTING_APP_ID);
    assert_ids_printed(&reused, EXISTING_APP_ID);
    // The same app is refused by a script that does not know that certificate.
    run(&microsoft_script(), &["--reuse"], &state).refused_without_change();
}
