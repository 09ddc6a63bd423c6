//! Secrets from a password: PBKDF2 for the slow step, HKDF to split its
//! output into unrelated keys.
//!
//! The password and the PBKDF2 output cross into JavaScript as byte arrays;
//! each copy is overwritten as soon as the browser has read it, and the Rust
//! copy is [`Zeroizing`], whose wipe the compiler may not remove.

use js_sys::{Object, Uint8Array};
use wasm_bindgen::JsCast;
use web_sys::CryptoKey;
use zeroize::Zeroizing;

use super::{bytes_of, object, settle, subtle, u8s, usages, Result};

/// PBKDF2-HMAC-SHA256 of `password`, wiped from memory when dropped.
pub async fn pbkdf2_sha256(
    password: &str,
    salt: &[u8],
    iterations: u32,
    bits: u32,
) -> Result<Zeroizing<Vec<u8>>> {
    let s = subtle()?;
    let raw = u8s(password.as_bytes());
    let imported = settle(s.import_key_with_object(
        "raw",
        &raw,
        &object(&[("name", "PBKDF2".into())]),
        false,
        &usages(&["deriveBits"]),
    ))
    .await;
    wipe(&raw);
    let base = imported?.unchecked_into::<CryptoKey>();
    let alg = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", u8s(salt).into()),
        ("iterations", iterations.into()),
    ]);
    let bits = Uint8Array::new(&settle(s.derive_bits_with_object(&alg, &base, bits)).await?);
    let out = Zeroizing::new(bits.to_vec());
    wipe(&bits);
    Ok(out)
}

/// Overwrites a JavaScript copy of secret bytes once the browser has read it.
fn wipe(bytes: &Uint8Array) {
    bytes.fill(0, 0, bytes.length());
}

fn hkdf_params(info: &str) -> Object {
    object(&[
        ("name", "HKDF".into()),
        ("hash", "SHA-256".into()),
        ("salt", u8s(&[]).into()),
        ("info", u8s(info.as_bytes()).into()),
    ])
}

async fn hkdf_base(ikm: &[u8]) -> Result<CryptoKey> {
    let s = subtle()?;
    let raw = u8s(ikm);
    let imported = settle(s.import_key_with_object(
        "raw",
        &raw,
        &object(&[("name", "HKDF".into())]),
        false,
        &usages(&["deriveBits", "deriveKey"]),
    ))
    .await;
    wipe(&raw);
    Ok(imported?.unchecked_into())
}

/// 256 bits of HKDF-SHA256 output for `info`.
pub async fn hkdf_bits(ikm: &[u8], info: &str) -> Result<Vec<u8>> {
    let s = subtle()?;
    let base = hkdf_base(ikm).await?;
    let bits = settle(s.derive_bits_with_object(&hkdf_params(info), &base, 256)).await?;
    Ok(bytes_of(&bits))
}

/// A non-extractable AES-256-GCM key derived by HKDF for `info`.
pub async fn hkdf_aes_key(ikm: &[u8], info: &str) -> Result<CryptoKey> {
    let s = subtle()?;
    let base = hkdf_base(ikm).await?;
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    Ok(settle(s.derive_key_with_object_and_object(
        &hkdf_params(info),
        &base,
        &aes,
        false,
        &usages(&["wrapKey", "unwrapKey"]),
    ))
    .await?
    .unchecked_into())
}
