//! Certificates and client assertions built by `cloudlink::crypto`, signed
//! natively the way WebCrypto signs in the browser, and checked with real
//! `openssl` and Python `cryptography`; and the Cloud Shell setup script, run
//! by Bash against a fake `az`.

#![cfg(not(target_arch = "wasm32"))]

mod app_trust;
mod bash_files;
mod checks;
mod csp_origins;
mod keys;
mod setup_script;

use cloudlink::crypto::{
    assemble, assertion_finish, assertion_signing_input, to_be_signed, utc_iso8601, AssertionAlg,
    AssertionRequest, Certificate, CertificateRequest, KeyType, Lifetime,
};

use checks::{
    check_certificate_files, openssl_dates, openssl_text, openssl_verify_self_signed,
    python_check_certificate, python_verify_assertion, TempDir,
};
use keys::{p256_key, rsa_key, TestKey};

/// `openssl verify` checks validity against the real clock, so certificates
/// that must verify are issued now, as the browser would issue them.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs() as i64
}

fn request(common_name: &str, key_type: KeyType, now_unix: i64) -> CertificateRequest {
    CertificateRequest {
        common_name: common_name.into(),
        organization: Some("Contoso Interop Ltd".into()),
        key_type,
        lifetime: Lifetime::OneYear,
        now_unix,
        serial: keys::random_bytes(),
    }
}

fn build(key: &TestKey, req: &CertificateRequest) -> Certificate {
    let tbs = to_be_signed(req, &key.spki_der()).expect("to_be_signed");
    let signature = key.sign_certificate(tbs.der());
    assemble(&tbs, &signature).expect("assemble")
}

fn write(
    dir: &TempDir,
    name: &str,
    pem: &str,
    der: &[u8],
) -> (std::path::PathBuf, std::path::PathBuf) {
    (
        dir.write(&format!("{name}.pem"), pem),
        dir.write(&format!("{name}.der"), der),
    )
}

fn certificate_passes_everything(key: &TestKey, key_type: KeyType, cn: &str) {
    let now = now();
    let cert = build(key, &request(cn, key_type, now));
    let dir = TempDir::new("cert");
    let (pem, der) = write(&dir, "c", &cert.pem(), cert.der());

    let report = check_certificate_files(&pem, &der, &cert.sha1_thumbprint())
        .unwrap_or_else(|e| panic!("{key_type:?}: {e}"));
    assert_eq!(report.sha1, cert.sha1_thumbprint());
    assert_eq!(report.sha256, cert.sha256_thumbprint());
    let subject = format!("Subject: O = Contoso Interop Ltd, CN = {cn}");
    assert!(
        report.openssl_text.contains(&subject),
        "{}",
        report.openssl_text
    );
    assert!(report
        .openssl_text
        .contains(&format!("Issuer: O = Contoso Interop Ltd, CN = {cn}")));
    assert_eq!(report.not_before, utc_iso8601(now - 300));
    assert_eq!(
        report.not_after,
        utc_iso8601(Lifetime::OneYear.not_after(now))
    );
    assert_eq!(
        report.not_after,
        utc_iso8601(cert.not_after_unix().unwrap())
    );
    assert_eq!(
        report.not_before,
        utc_iso8601(cert.not_before_unix().unwrap())
    );

    let reloaded = Certificate::from_der(&std::fs::read(&der).unwrap()).unwrap();
    assert_eq!(reloaded, cert);
}

#[test]
fn rsa_2048_certificate_passes_openssl_and_python() {
    certificate_passes_everything(rsa_key(), KeyType::Rsa2048, "CloudLink interop RSA");
}

#[test]
fn p256_certificate_passes_openssl_and_python() {
    certificate_passes_everything(p256_key(), KeyType::EcdsaP256, "CloudLink interop P-256");
}

fn flipped_signature_fails(key: &TestKey, key_type: KeyType) {
    let cert = build(key, &request("CloudLink tamper", key_type, now()));
    let mut der = cert.der().to_vec();
    // The signature BIT STRING ends the certificate, so the last byte is
    // always signature material (the last byte of s for ECDSA).
    *der.last_mut().unwrap() ^= 0x01;
    let tampered = Certificate::from_der(&der).expect("still well-formed DER");
    let dir = TempDir::new("tamper");
    let (pem, der_path) = write(&dir, "t", &tampered.pem(), tampered.der());

    assert!(
        openssl_text(&pem).is_ok(),
        "the tampered file must still parse"
    );
    let err = openssl_verify_self_signed(&pem).expect_err("openssl verify must fail");
    assert!(err.contains("signature"), "{key_type:?}: {err}");
    let err = python_check_certificate(&pem, &der_path, &tampered.sha1_thumbprint())
        .expect_err("python must fail");
    assert!(
        err.contains("self-signature does not verify"),
        "{key_type:?}: {err}"
    );

    // The untouched certificate passes the very same checks.
    let (pem, der_path) = write(&dir, "good", &cert.pem(), cert.der());
    openssl_verify_self_signed(&pem).unwrap();
    python_check_certificate(&pem, &der_path, &cert.sha1_thumbprint()).unwrap();
}

#[test]
fn flipped_rsa_signature_fails_openssl_and_python() {
    flipped_signature_fails(rsa_key(), KeyType::Rsa2048);
}

#[test]
fn flipped_p256_signature_fails_openssl_and_python() {
    flipped_signature_fails(p256_key(), KeyType::EcdsaP256);
}

/// Fixed dates cannot pass `openssl verify` on every day the tests run, so
/// only the time-independent checks apply here.
fn fixed_dates(now_unix: i64, lifetime: Lifetime) -> (String, String) {
    let mut req = request("CloudLink dates", KeyType::Rsa2048, now_unix);
    req.lifetime = lifetime;
    let cert = build(rsa_key(), &req);
    let dir = TempDir::new("dates");
    let (pem, der) = write(&dir, "c", &cert.pem(), cert.der());
    python_check_certificate(&pem, &der, &cert.sha1_thumbprint()).unwrap();
    openssl_dates(&der).unwrap()
}

#[test]
fn month_end_lifetime_is_clamped_in_the_certificate() {
    // 2025-08-31T10:00:00Z plus six months has no Feb 31.
    let (not_before, not_after) = fixed_dates(1_756_634_400, Lifetime::SixMonths);
    assert_eq!(not_before, "2025-08-31T09:55:00Z");
    assert_eq!(not_after, "2026-02-28T10:00:00Z");
}

#[test]
fn validity_past_2049_uses_generalized_time_and_still_parses() {
    // 2049-12-01: NotBefore stays UTCTime, NotAfter (2050-12-01) cannot.
    let (not_before, not_after) = fixed_dates(2_521_929_600, Lifetime::OneYear);
    assert_eq!(not_before, "2049-11-30T23:55:00Z");
    assert_eq!(not_after, "2050-12-01T00:00:00Z");
}

fn assertion_verifies(alg: AssertionAlg) {
    let key = rsa_key();
    let cert = build(
        key,
        &request("CloudLink assertion", KeyType::Rsa2048, now()),
    );
    let req = AssertionRequest {
        certificate: &cert,
        alg,
        tenant: "contoso.onmicrosoft.com",
        application_id: "6731de76-14a6-49ae-97bc-6eba6914391e",
        authority_host: "login.microsoftonline.com",
        now_unix: now(),
        lifetime_secs: 600,
        jti: uuid::Uuid::new_v4(),
    };
    let input = assertion_signing_input(&req);
    let signature = key.sign_assertion(alg, input.as_bytes());
    let jwt = assertion_finish(&input, &signature);

    let dir = TempDir::new("jwt");
    let pem = dir.write("c.pem", cert.pem());
    let good = dir.write("good.jwt", &jwt);
    python_verify_assertion(&pem, &good).unwrap_or_else(|e| panic!("{alg:?}: {e}"));

    // Same signature over different claims (one second later) must fail.
    let other_input = assertion_signing_input(&AssertionRequest {
        now_unix: req.now_unix + 1,
        ..req
    });
    assert_ne!(other_input, input);
    let forged = dir.write("forged.jwt", assertion_finish(&other_input, &signature));
    let err = python_verify_assertion(&pem, &forged).expect_err("changed payload must fail");
    assert!(err.contains("signature does not verify"), "{alg:?}: {err}");
}

#[test]
fn ps256_assertion_verifies_with_python() {
    assertion_verifies(AssertionAlg::Ps256);
}

#[test]
fn rs256_assertion_verifies_with_python() {
    assertion_verifies(AssertionAlg::Rs256);
}

mod expiry {
    //! Home's expiry report, at the day before, the day of and the day after
    //! a real certificate's NotAfter.

    use cloudlink::crypto::{Certificate, KeyType};
    use cloudlink::domain::entra::{ApplicationId, CertificateRecord, Cloud, SealedKey, TenantId};
    use cloudlink::domain::links::{
        report, Details, EntraLink, ExpiryStatus, Integration, LinkStatus, Provider,
    };
    use cloudlink::domain::text::DisplayName;

    const DAY: i64 = 86_400;

    fn account(id: &str, issued_unix: i64) -> (Integration, i64) {
        let key = super::rsa_key();
        let cert = super::build(key, &super::request(id, KeyType::Rsa2048, issued_unix));
        let not_after = cert.not_after_unix().unwrap();
        let account = Integration {
            id: id.into(),
            provider: Provider::Microsoft,
            name: DisplayName::parse(id).unwrap(),
            created_ms: 0,
            status: LinkStatus::Connected,
            details: Details::Entra(EntraLink {
                tenant: TenantId::parse("contoso.onmicrosoft.com").unwrap(),
                tenant_guid: None,
                application_id: ApplicationId::parse("0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b")
                    .unwrap(),
                organization: None,
                cloud: Cloud::Global,
                certificate: CertificateRecord::new(
                    &cert,
                    KeyType::Rsa2048,
                    SealedKey {
                        iv: String::new(),
                        sealed: String::new(),
                    },
                ),
                azure_scope: None,
                pending_certificate: None,
                previous_certificate: None,
            }),
        };
        (account, not_after)
    }

    #[test]
    fn certificates_are_due_from_the_warning_window_and_expired_from_not_after() {
        let (soon, not_after) = account("Soon", 1_700_000_000);
        let (later, later_not_after) = account("Later", 1_700_000_000 + 100 * DAY);
        let all = [later, soon];

        let calm = report(&all, not_after - 31 * DAY);
        assert!(calm.due.is_empty());
        assert_eq!(calm.next_expiry_unix, Some(not_after));

        let day_before = report(&all, not_after - DAY);
        assert_eq!(day_before.due.len(), 1);
        assert_eq!(day_before.due[0].name, "Soon");
        assert_eq!(
            day_before.due[0].status,
            ExpiryStatus::ExpiringSoon { days_left: 1 }
        );
        assert_eq!(day_before.due[0].not_after_unix, not_after);

        assert_eq!(report(&all, not_after).due[0].status, ExpiryStatus::Expired);
        let day_after = report(&all, not_after + DAY);
        assert_eq!(day_after.due[0].status, ExpiryStatus::Expired);
        assert_eq!(day_after.due.len(), 1, "the later one is not due yet");

        let both = report(&all, later_not_after - DAY);
        let names: Vec<_> = both.due.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["Soon", "Later"], "soonest first");
    }

    #[test]
    fn kept_facts_equal_what_the_der_says() {
        let cert = super::build(
            super::rsa_key(),
            &super::request("Facts", KeyType::Rsa2048, 1_700_000_000),
        );
        let key = SealedKey {
            iv: String::new(),
            sealed: String::new(),
        };
        let kept = CertificateRecord::new(&cert, KeyType::Rsa2048, key);
        // What an independent decoder reads from the same DER.
        let read = Certificate::from_der(cert.der()).unwrap();
        assert_eq!(kept.certificate().unwrap(), read);
        assert_eq!(kept.not_before_unix, read.not_before_unix());
        assert_eq!(kept.expires_unix(), read.not_after_unix());
        assert_eq!(kept.sha1(), Some(read.sha1_thumbprint()));
        // A record from before the facts were kept: the thumbprint is hashed
        // from the DER and the validity read from it.
        let older = CertificateRecord {
            not_before_unix: None,
            not_after_unix: None,
            sha1_thumbprint: None,
            ..kept.clone()
        };
        assert_eq!(older.sha1(), kept.sha1());
        assert_eq!(older.expires_unix(), kept.expires_unix());
        assert_eq!(older.certificate().unwrap(), read);
    }
}
