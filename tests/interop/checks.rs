//! Checks of a certificate and a client assertion with real `openssl` and
//! Python `cryptography`. Only `std` is used so another test target (the
//! browser end-to-end test) can include this file with `#[path]` and run the
//! same checks on a certificate downloaded from the page.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

/// A fresh directory under the system temp dir, removed on drop. Only
/// certificates and assertions are written here, never private keys.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let unique = format!(
            "cloudlink-{label}-{}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default()
        );
        let path = std::env::temp_dir().join(unique);
        std::fs::create_dir(&path).expect("create temp dir");
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).expect("write temp file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What the checks learned, for callers that assert more (e.g. the CN).
#[derive(Debug)]
pub struct CertificateReport {
    pub openssl_text: String,
    /// Validity as openssl reads it, `YYYY-MM-DDTHH:MM:SSZ`.
    pub not_before: String,
    pub not_after: String,
    pub sha1: String,
    pub sha256: String,
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/interop")
        .join(name)
}

fn run(cmd: &mut Command) -> Result<Output, String> {
    cmd.output()
        .map_err(|e| format!("could not start {cmd:?}: {e}"))
}

fn describe(what: &str, out: &Output) -> String {
    format!(
        "{what} failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn inform(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("der") | Some("cer") => "DER",
        _ => "PEM",
    }
}

/// `openssl x509 -noout -text`.
pub fn openssl_text(path: &Path) -> Result<String, String> {
    let out = run(Command::new("openssl")
        .args(["x509", "-noout", "-text", "-inform", inform(path), "-in"])
        .arg(path))?;
    if !out.status.success() {
        return Err(describe("openssl x509 -text", &out));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `openssl x509 -fingerprint`, colons stripped, uppercase.
pub fn openssl_fingerprint(path: &Path, digest: &str) -> Result<String, String> {
    let out = run(Command::new("openssl")
        .args(["x509", "-noout", "-fingerprint"])
        .arg(format!("-{digest}"))
        .args(["-inform", inform(path), "-in"])
        .arg(path))?;
    if !out.status.success() {
        return Err(describe("openssl x509 -fingerprint", &out));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let value = text
        .trim()
        .split_once('=')
        .ok_or_else(|| format!("unexpected fingerprint output {text:?}"))?
        .1;
    Ok(value.replace(':', "").to_ascii_uppercase())
}

/// NotBefore and NotAfter as `YYYY-MM-DDTHH:MM:SSZ`, read by openssl.
pub fn openssl_dates(path: &Path) -> Result<(String, String), String> {
    let out = run(Command::new("openssl")
        .args([
            "x509",
            "-noout",
            "-startdate",
            "-enddate",
            "-dateopt",
            "iso_8601",
        ])
        .args(["-inform", inform(path), "-in"])
        .arg(path))?;
    if !out.status.success() {
        return Err(describe("openssl x509 -dates", &out));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().replace(' ', "T"))
            .ok_or_else(|| format!("openssl printed no {name} in {text:?}"))
    };
    Ok((field("notBefore=")?, field("notAfter=")?))
}

/// `openssl verify -check_ss_sig` with the certificate as its own trust anchor.
pub fn openssl_verify_self_signed(pem_path: &Path) -> Result<(), String> {
    let out = run(Command::new("openssl")
        .args(["verify", "-check_ss_sig", "-CAfile"])
        .arg(pem_path)
        .arg(pem_path))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if out.status.success() && stdout.trim_end().ends_with(": OK") {
        Ok(())
    } else {
        Err(describe("openssl verify", &out))
    }
}

/// `tests/interop/check_cert.py`: loads both files, verifies the
/// self-signature and the profile (v3, extensions, SHA-256, thumbprint).
pub fn python_check_certificate(
    pem_path: &Path,
    der_path: &Path,
    expected_sha1: &str,
) -> Result<(), String> {
    let out = run(Command::new("python3")
        .arg(script("check_cert.py"))
        .arg(pem_path)
        .arg(der_path)
        .arg(expected_sha1))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(describe("check_cert.py", &out))
    }
}

/// `tests/interop/verify_assertion.py`: checks a compact JWT's header and
/// signature against the certificate's public key.
pub fn python_verify_assertion(pem_path: &Path, jwt_path: &Path) -> Result<(), String> {
    let out = run(Command::new("python3")
        .arg(script("verify_assertion.py"))
        .arg(pem_path)
        .arg(jwt_path))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(describe("verify_assertion.py", &out))
    }
}

/// Every check a CloudLink certificate must pass, on a PEM and a DER file
/// holding the same certificate. `openssl verify` checks validity against the
/// current clock, so the certificate must be valid now.
pub fn check_certificate_files(
    pem_path: &Path,
    der_path: &Path,
    expected_sha1: &str,
) -> Result<CertificateReport, String> {
    let openssl_text = openssl_text(pem_path)?;
    if openssl_text != self::openssl_text(der_path)? {
        return Err("openssl reads different certificates from the PEM and the DER".into());
    }
    for needle in [
        "Version: 3 (0x2)",
        "CA:FALSE",
        "Digital Signature",
        "TLS Web Client Authentication",
        "X509v3 Key Usage: critical",
        "X509v3 Subject Key Identifier",
    ] {
        if !openssl_text.contains(needle) {
            return Err(format!("openssl text lacks {needle:?}:\n{openssl_text}"));
        }
    }
    if !openssl_text.contains("Signature Algorithm: sha256WithRSAEncryption")
        && !openssl_text.contains("Signature Algorithm: ecdsa-with-SHA256")
    {
        return Err(format!("unexpected signature algorithm:\n{openssl_text}"));
    }
    openssl_verify_self_signed(pem_path)?;
    let sha1 = openssl_fingerprint(pem_path, "sha1")?;
    if sha1 != expected_sha1.to_ascii_uppercase() {
        return Err(format!("openssl SHA-1 {sha1} differs from {expected_sha1}"));
    }
    if openssl_fingerprint(der_path, "sha1")? != sha1 {
        return Err("the DER file's SHA-1 differs from the PEM file's".into());
    }
    let sha256 = openssl_fingerprint(pem_path, "sha256")?;
    let (not_before, not_after) = openssl_dates(pem_path)?;
    python_check_certificate(pem_path, der_path, expected_sha1)?;
    Ok(CertificateReport {
        openssl_text,
        not_before,
        not_after,
        sha1,
        sha256,
    })
}
