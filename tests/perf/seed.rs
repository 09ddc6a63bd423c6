//! A user document with many linked Microsoft 365 accounts, shaped as the app
//! stores one, for the list and form figures at 1,000 accounts.

use std::process::{Command, Stdio};

use base64ct::{Base64, Encoding};
use serde_json::json;

pub const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

/// A real RSA-2048 self-signed certificate, so each row's thumbprint and
/// expiry are worked out from a certificate of the usual size.
pub fn certificate_der() -> Vec<u8> {
    let dir = crate::support::temp_dir("bench-cert");
    let key = dir.join("key.pem");
    let der = dir.join("cert.der");
    let status = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "365",
        ])
        .args(["-subj", "/CN=Bench", "-outform", "DER", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&der)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run openssl");
    // The private key is never needed: only the certificate is stored.
    let _ = std::fs::remove_file(&key);
    assert!(status.success(), "openssl req failed");
    let bytes = std::fs::read(&der).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    bytes
}

/// The stored document with `n` connected accounts, each with its own
/// application id and a sealed key of the size a real one has.
pub fn user_document(n: usize, der: &[u8]) -> String {
    let der = Base64::encode_string(der);
    let integrations: Vec<_> = (0..n)
        .map(|i| {
            json!({
                "id": format!("acc-{i}"),
                "provider": "microsoft",
                "name": format!("Account {i}"),
                "created_ms": 1,
                "status": "connected",
                "details": {
                    "kind": "entra",
                    "tenant": TENANT,
                    "tenant_guid": null,
                    "application_id": format!("0b5f3c6e-8d2a-4f1e-9c3b-{i:012x}"),
                    "organization": format!("Org {i}"),
                    "cloud": "global",
                    "certificate": {
                        "der": der,
                        "key_type": "rsa-2048",
                        "key": { "iv": "AA==", "sealed": Base64::encode_string(&noise(i as u64, 256)) }
                    }
                }
            })
        })
        .collect();
    let doc = json!({ "version": 1, "revision": 1, "data": { "integrations": integrations } });
    let text = doc.to_string();
    if let Some(first) = integrations_first(&text) {
        assert_eq!(first, 344, "a sealed key is 344 base64 characters");
    }
    text
}

pub fn der_base64_len(der: &[u8]) -> usize {
    Base64::encoded_len(der)
}

fn integrations_first(doc: &str) -> Option<usize> {
    let v: serde_json::Value = serde_json::from_str(doc).ok()?;
    v["data"]["integrations"][0]["details"]["certificate"]["key"]["sealed"]
        .as_str()
        .map(str::len)
}

/// Bytes that do not repeat, as ciphertext does not (xorshift).
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}
