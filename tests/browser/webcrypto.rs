//! WebCrypto glue in a real Chromium: derivation, key generation, sealing.

use base64ct::{Base64, Base64UrlUnpadded, Encoding};
use cloudlink::browser::{random, webcrypto};
use cloudlink::crypto::{AssertionAlg, KeyType, Lifetime};
use cloudlink::state::certificates::{AssertionFor, KeyError, NewCertificate};
use der::Decode;

use crate::support::{generate_sealed, sign_assertion};
use wasm_bindgen_test::wasm_bindgen_test;

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn new(key_type: KeyType) -> NewCertificate {
    NewCertificate {
        common_name: "Browser test".into(),
        organization: Some("Contoso".into()),
        key_type,
        lifetime: Lifetime::OneYear,
    }
}

#[wasm_bindgen_test]
async fn pbkdf2_matches_the_published_sha256_vector() {
    // PBKDF2-HMAC-SHA256("password", "salt", 1 iteration, 32 bytes).
    let out = webcrypto::pbkdf2_sha256("password", b"salt", 1, 256)
        .await
        .unwrap();
    assert_eq!(
        hex(&out),
        "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
    );
    let more = webcrypto::pbkdf2_sha256("password", b"salt", 2, 256)
        .await
        .unwrap();
    assert_eq!(
        hex(&more),
        "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"
    );
}

#[wasm_bindgen_test]
async fn the_master_secret_is_wiped_when_dropped() {
    // Zeroizing's wipe is a volatile write the compiler may not remove; a
    // plain Vec would keep the secret until its memory is reused.
    let master: zeroize::Zeroizing<Vec<u8>> = webcrypto::pbkdf2_sha256("password", b"salt", 1, 256)
        .await
        .unwrap();
    assert_eq!(master.len(), 32);
    assert!(master.iter().any(|&b| b != 0));
}

#[wasm_bindgen_test]
async fn hkdf_labels_give_unrelated_outputs() {
    let ikm = random::bytes::<32>();
    let a = webcrypto::hkdf_bits(&ikm, "one").await.unwrap();
    let b = webcrypto::hkdf_bits(&ikm, "two").await.unwrap();
    assert_eq!(a.len(), 32);
    assert_ne!(a, b);
    assert_eq!(a, webcrypto::hkdf_bits(&ikm, "one").await.unwrap());
}

#[wasm_bindgen_test]
async fn rsa_certificates_are_made_and_their_keys_sealed() {
    let kek = webcrypto::hkdf_aes_key(&random::bytes::<32>(), "test")
        .await
        .unwrap();
    let record = generate_sealed(&kek, new(KeyType::Rsa2048), None)
        .await
        .unwrap();
    let cert = record.certificate().unwrap();
    let parsed = x509_cert::Certificate::from_der(cert.der()).unwrap();
    assert_eq!(
        parsed.tbs_certificate().subject().to_string(),
        "CN=Browser test,O=Contoso"
    );
    assert_eq!(cert.sha1_thumbprint().len(), 40);
    let lifetime = cert.not_after_unix().unwrap() - cert.not_before_unix().unwrap();
    assert!(
        (365 * 86_400..=367 * 86_400).contains(&lifetime),
        "{lifetime}"
    );
    // The sealed key is not a PKCS#8 structure in the clear.
    let cloudlink::domain::entra::PrivateKey::Sealed(key) = &record.key else {
        panic!("a password seals the key beside the certificate");
    };
    let sealed = Base64::decode_vec(&key.sealed).unwrap();
    assert!(sealed.len() > 1_000);
    assert_ne!(&sealed[4..7], &[0x02, 0x01, 0x00]);
}

#[wasm_bindgen_test]
async fn assertions_open_the_sealed_key_only_with_the_right_kek() {
    let kek = webcrypto::hkdf_aes_key(&random::bytes::<32>(), "test")
        .await
        .unwrap();
    let record = generate_sealed(&kek, new(KeyType::Rsa2048), None)
        .await
        .unwrap();
    let cert = record.certificate().unwrap();
    let req = || AssertionFor {
        record: &record,
        alg: AssertionAlg::Ps256,
        tenant: "72f988bf-86f1-41af-91ab-2d7cd011db47",
        application_id: "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b",
        authority_host: "login.microsoftonline.com",
    };
    let jwt = sign_assertion(&kek, req()).await.unwrap();
    let parts: Vec<&str> = jwt.split('.').collect();
    assert_eq!(parts.len(), 3);
    let header = Base64UrlUnpadded::decode_vec(parts[0]).unwrap();
    let header: serde_json::Value = serde_json::from_slice(&header).unwrap();
    assert_eq!(header["alg"], "PS256");
    assert_eq!(header["x5t#S256"], cert.x5t_s256());
    assert_eq!(Base64UrlUnpadded::decode_vec(parts[2]).unwrap().len(), 256);

    let other = webcrypto::hkdf_aes_key(&random::bytes::<32>(), "test")
        .await
        .unwrap();
    assert_eq!(
        sign_assertion(&other, req()).await.unwrap_err(),
        KeyError::Damaged
    );
}

#[wasm_bindgen_test]
async fn p256_certificates_are_made_but_refused_for_assertions() {
    let kek = webcrypto::hkdf_aes_key(&random::bytes::<32>(), "test")
        .await
        .unwrap();
    let record = generate_sealed(&kek, new(KeyType::EcdsaP256), None)
        .await
        .unwrap();
    assert!(record.certificate().is_ok());
    let err = sign_assertion(
        &kek,
        AssertionFor {
            record: &record,
            alg: AssertionAlg::Ps256,
            tenant: "contoso.onmicrosoft.com",
            application_id: "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b",
            authority_host: "login.microsoftonline.com",
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err, KeyError::NotRsa);
    assert!(err.to_string().contains("only RSA"), "{err}");
}

#[wasm_bindgen_test]
async fn a_key_pair_made_ahead_serves_one_certificate_only() {
    use cloudlink::state::certificates::KeyAhead;
    let _owner = leptos::prelude::Owner::new();
    _owner.set();
    let kek = webcrypto::hkdf_aes_key(&random::bytes::<32>(), "ahead")
        .await
        .unwrap();
    let ahead = KeyAhead::new();
    ahead.prepare(KeyType::Rsa2048);
    // A different key type does not get it, and the prepared one is gone.
    assert!(ahead.take(KeyType::Rsa3072).is_none());
    assert!(ahead.take(KeyType::Rsa2048).is_none());

    ahead.prepare(KeyType::Rsa2048);
    ahead.prepare(KeyType::Rsa2048);
    let job = ahead.take(KeyType::Rsa2048).expect("prepared");
    assert!(ahead.take(KeyType::Rsa2048).is_none(), "handed out once");
    let first = generate_sealed(&kek, new(KeyType::Rsa2048), Some(job))
        .await
        .unwrap();
    let second = generate_sealed(&kek, new(KeyType::Rsa2048), ahead.take(KeyType::Rsa2048))
        .await
        .unwrap();
    let key_of = |r: &cloudlink::domain::entra::CertificateRecord| {
        use der::{Decode, Encode};
        let der = r.certificate().unwrap().der().to_vec();
        let cert = x509_cert::Certificate::from_der(&der).unwrap();
        cert.tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .unwrap()
    };
    assert_ne!(
        key_of(&first),
        key_of(&second),
        "two certificates, two keys"
    );
}
