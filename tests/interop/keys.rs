//! Native stand-ins for the WebCrypto keys the browser generates. Keys live
//! only in memory and are never written to disk.

use std::sync::OnceLock;

use cloudlink::crypto::AssertionAlg;
use p256::pkcs8::EncodePublicKey as _;
use rsa::signature::{RandomizedSigner as _, SignatureEncoding as _, Signer as _};
use rsa::traits::PublicKeyParts as _;
use sha2::Sha256;

pub enum TestKey {
    Rsa(rsa::PrivateKey),
    P256(p256::ecdsa::SigningKey),
}

pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    getrandom::fill(&mut out).expect("system randomness");
    out
}

/// Generating RSA keys is slow in debug builds, so every test shares one.
pub fn rsa_key() -> &'static TestKey {
    static KEY: OnceLock<TestKey> = OnceLock::new();
    KEY.get_or_init(|| {
        let key = rsa::PrivateKey::new(&mut getrandom::SysRng, 2048).expect("RSA keygen");
        assert_eq!(key.size(), 256);
        TestKey::Rsa(key)
    })
}

pub fn p256_key() -> &'static TestKey {
    static KEY: OnceLock<TestKey> = OnceLock::new();
    KEY.get_or_init(|| loop {
        // Almost every 32-byte string is a valid scalar; retry the rest.
        if let Ok(key) = p256::ecdsa::SigningKey::from_slice(&random_bytes::<32>()) {
            break TestKey::P256(key);
        }
    })
}

impl TestKey {
    /// SubjectPublicKeyInfo DER, as WebCrypto's `exportKey("spki")` gives it.
    pub fn spki_der(&self) -> Vec<u8> {
        let doc = match self {
            TestKey::Rsa(key) => {
                rsa::pkcs8::EncodePublicKey::to_public_key_der(&key.to_public_key())
            }
            TestKey::P256(key) => key.verifying_key().to_public_key_der(),
        };
        doc.expect("SPKI export").as_bytes().to_vec()
    }

    /// What WebCrypto's `sign` returns: PKCS#1 v1.5 bytes for RSASSA, raw
    /// `r || s` for ECDSA.
    pub fn sign_certificate(&self, tbs: &[u8]) -> Vec<u8> {
        match self {
            TestKey::Rsa(key) => rsa::pkcs1v15::SigningKey::<Sha256>::new(key.clone())
                .sign(tbs)
                .to_vec(),
            TestKey::P256(key) => {
                let sig: p256::ecdsa::Signature = key.sign(tbs);
                sig.to_bytes().to_vec()
            }
        }
    }

    pub fn sign_assertion(&self, alg: AssertionAlg, input: &[u8]) -> Vec<u8> {
        let TestKey::Rsa(key) = self else {
            panic!("assertions are RSA-only: Entra ID refuses EC keys for sign-in");
        };
        match alg {
            AssertionAlg::Rs256 => rsa::pkcs1v15::SigningKey::<Sha256>::new(key.clone())
                .sign(input)
                .to_vec(),
            AssertionAlg::Ps256 => {
                rsa::pss::SigningKey::<Sha256>::new_with_salt_len(key.clone(), 32)
                    .try_sign_with_rng(&mut getrandom::SysRng, input)
                    .expect("PSS signing")
                    .to_vec()
            }
        }
    }
}
