//! Key pairs: made, used to sign, and sealed under a key-encryption key.

use js_sys::Object;
use wasm_bindgen::JsCast;
use web_sys::CryptoKey;

use super::{bytes_of, object, refused, settle, subtle, u8s, usages, Result};

fn gcm(iv: &[u8], aad: &[u8]) -> Object {
    object(&[
        ("name", "AES-GCM".into()),
        ("iv", u8s(iv).into()),
        ("additionalData", u8s(aad).into()),
    ])
}

/// The algorithms this app signs with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignAlg {
    /// sha256WithRSAEncryption (certificates) and RS256 (assertions).
    RsaPkcs1Sha256,
    /// PS256 assertions: RSA-PSS, SHA-256, 32-byte salt.
    RsaPssSha256,
    /// ecdsa-with-SHA256; WebCrypto returns r||s.
    EcdsaP256Sha256,
}

impl SignAlg {
    fn import_params(self) -> Object {
        match self {
            SignAlg::RsaPkcs1Sha256 => object(&[
                ("name", "RSASSA-PKCS1-v1_5".into()),
                ("hash", "SHA-256".into()),
            ]),
            SignAlg::RsaPssSha256 => {
                object(&[("name", "RSA-PSS".into()), ("hash", "SHA-256".into())])
            }
            SignAlg::EcdsaP256Sha256 => {
                object(&[("name", "ECDSA".into()), ("namedCurve", "P-256".into())])
            }
        }
    }

    fn sign_params(self) -> Object {
        match self {
            SignAlg::RsaPkcs1Sha256 => object(&[("name", "RSASSA-PKCS1-v1_5".into())]),
            SignAlg::RsaPssSha256 => {
                object(&[("name", "RSA-PSS".into()), ("saltLength", 32.into())])
            }
            SignAlg::EcdsaP256Sha256 => {
                object(&[("name", "ECDSA".into()), ("hash", "SHA-256".into())])
            }
        }
    }
}

/// A key pair WebCrypto is making, off the main thread. The promise can be
/// awaited later, once.
pub struct KeyPairJob(js_sys::Promise);

/// Starts making a key pair: RSA of `rsa_bits`, or P-256 when `None`.
pub fn start_key_pair(rsa_bits: Option<u32>) -> Result<KeyPairJob> {
    let s = subtle()?;
    let alg = match rsa_bits {
        Some(bits) => object(&[
            ("name", "RSASSA-PKCS1-v1_5".into()),
            ("modulusLength", bits.into()),
            ("publicExponent", u8s(&[1, 0, 1]).into()),
            ("hash", "SHA-256".into()),
        ]),
        None => object(&[("name", "ECDSA".into()), ("namedCurve", "P-256".into())]),
    };
    s.generate_key_with_object(&alg, true, &usages(&["sign", "verify"]))
        .map(KeyPairJob)
        .map_err(refused)
}

/// The finished key pair: the SubjectPublicKeyInfo DER and the private key.
/// The private key is extractable only so that `wrap_private_key` can seal
/// it; it is never exported in plaintext.
pub async fn finish_key_pair(job: KeyPairJob) -> Result<(Vec<u8>, CryptoKey)> {
    let s = subtle()?;
    let pair = settle(Ok(job.0)).await?;
    let pair: web_sys::CryptoKeyPair = pair.unchecked_into();
    let spki = settle(s.export_key("spki", &pair.get_public_key())).await?;
    Ok((bytes_of(&spki), pair.get_private_key()))
}

/// A fresh key pair, made now.
pub async fn generate_key_pair(rsa_bits: Option<u32>) -> Result<(Vec<u8>, CryptoKey)> {
    finish_key_pair(start_key_pair(rsa_bits)?).await
}

/// Signs `data` with `key`, which must have been made for `alg`.
pub async fn sign(alg: SignAlg, key: &CryptoKey, data: &[u8]) -> Result<Vec<u8>> {
    let s = subtle()?;
    let sig = settle(s.sign_with_object_and_u8_array(&alg.sign_params(), key, data)).await?;
    Ok(bytes_of(&sig))
}

/// The private key as PKCS#8 sealed with AES-256-GCM under `kek`; the
/// plaintext never leaves the browser's crypto engine.
pub async fn wrap_private_key(
    key: &CryptoKey,
    kek: &CryptoKey,
    iv: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>> {
    let s = subtle()?;
    let sealed = settle(s.wrap_key_with_object("pkcs8", key, kek, &gcm(iv, aad))).await?;
    Ok(bytes_of(&sealed))
}

/// Opens a sealed PKCS#8 key as a non-extractable key for `alg`. Fails when
/// the key-encryption key, nonce or context differ from sealing time.
pub async fn unwrap_private_key(
    sealed: &[u8],
    kek: &CryptoKey,
    iv: &[u8],
    aad: &[u8],
    alg: SignAlg,
) -> Result<CryptoKey> {
    let s = subtle()?;
    let key = settle(s.unwrap_key_with_u8_array_and_object_and_object(
        "pkcs8",
        sealed,
        kek,
        &gcm(iv, aad),
        &alg.import_params(),
        false,
        &usages(&["sign"]),
    ))
    .await?;
    Ok(key.unchecked_into())
}

/// Non-extractable signing keys, one per algorithm a key serves: for RSA
/// RSASSA-PKCS1-v1_5 and RSA-PSS, for P-256 ECDSA alone.
pub struct SigningKeys {
    pub pkcs1: CryptoKey,
    pub pss: Option<CryptoKey>,
}

fn held_algs(rsa: bool) -> (SignAlg, Option<SignAlg>) {
    if rsa {
        (SignAlg::RsaPkcs1Sha256, Some(SignAlg::RsaPssSha256))
    } else {
        (SignAlg::EcdsaP256Sha256, None)
    }
}

async fn unwrap_signing_keys(
    wrapped: &Object,
    kek: &CryptoKey,
    params: &Object,
    rsa: bool,
) -> Result<SigningKeys> {
    let s = subtle()?;
    let open = |alg: SignAlg| {
        settle(s.unwrap_key_with_buffer_source_and_object_and_object(
            "pkcs8",
            wrapped,
            kek,
            params,
            &alg.import_params(),
            false,
            &usages(&["sign"]),
        ))
    };
    let (first, second) = held_algs(rsa);
    let pkcs1 = open(first).await?.unchecked_into();
    let pss = match second {
        Some(alg) => Some(open(alg).await?.unchecked_into()),
        None => None,
    };
    Ok(SigningKeys { pkcs1, pss })
}

/// Non-extractable copies of a freshly made private key, for keeping in
/// IndexedDB. The PKCS#8 never reaches script: it is wrapped under a
/// throwaway AES key that is itself non-extractable, unwrapped inside the
/// crypto engine once per algorithm, and the throwaway key is dropped. The
/// throwaway key wraps exactly once, so a fixed nonce is safe.
pub async fn hold_private_key(key: &CryptoKey, rsa: bool) -> Result<SigningKeys> {
    let s = subtle()?;
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let throwaway: CryptoKey =
        settle(s.generate_key_with_object(&aes, false, &usages(&["wrapKey", "unwrapKey"])))
            .await?
            .unchecked_into();
    let params = gcm(&[0; 12], &[]);
    let wrapped = settle(s.wrap_key_with_object("pkcs8", key, &throwaway, &params)).await?;
    unwrap_signing_keys(wrapped.unchecked_ref(), &throwaway, &params, rsa).await
}

/// Opens a sealed PKCS#8 key straight into non-extractable signing keys,
/// for moving keys sealed by the first host mode into IndexedDB.
pub async fn unseal_to_hold(
    sealed: &[u8],
    kek: &CryptoKey,
    iv: &[u8],
    aad: &[u8],
    rsa: bool,
) -> Result<SigningKeys> {
    unwrap_signing_keys(&u8s(sealed), kek, &gcm(iv, aad), rsa).await
}
