//! Generation speed in headless Chromium: run by `scripts/bench.sh`, not by the
//! test command. Prints median, min and max over the runs, next to WebCrypto's
//! `generateKey` alone, and the longest main-thread task seen meanwhile.
#![cfg(target_arch = "wasm32")]

use cloudlink::browser::{random, webcrypto};
use cloudlink::crypto::{KeyType, Lifetime};
use cloudlink::state::certificates::{generate_kept, KeyCustody, NewCertificate};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 21;

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

async fn pause(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

fn stats(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (v[v.len() / 2], v[0], v[v.len() - 1])
}

/// Starts recording long tasks; returns a function that reads the longest.
fn watch_long_tasks() -> js_sys::Function {
    js_sys::Function::new_no_args(
        "window.__long = []; \
         new PerformanceObserver(l => l.getEntries().forEach(e => window.__long.push(e.duration))) \
           .observe({ type: 'longtask', buffered: false }); \
         return () => window.__long.length ? Math.max(...window.__long) : 0;",
    )
    .call0(&JsValue::NULL)
    .unwrap()
    .into()
}

async fn time_generation(kek: &web_sys::CryptoKey, key_type: KeyType) -> Vec<f64> {
    let mut times = Vec::new();
    for i in 0..RUNS + 2 {
        let t0 = now();
        generate_kept(
            &KeyCustody::Sealed(kek.clone()),
            NewCertificate {
                common_name: "Bench".into(),
                organization: Some("Bench Org".into()),
                key_type,
                lifetime: Lifetime::OneYear,
            },
            None,
        )
        .await
        .unwrap();
        if i >= 2 {
            times.push(now() - t0);
        }
    }
    times
}

#[wasm_bindgen_test]
async fn key_and_certificate_generation() {
    let longest = watch_long_tasks();
    let kek = webcrypto::hkdf_aes_key(&random::bytes::<32>(), "bench")
        .await
        .unwrap();

    let mut keygen = Vec::new();
    for i in 0..RUNS + 2 {
        let t0 = now();
        webcrypto::generate_key_pair(Some(2048)).await.unwrap();
        if i >= 2 {
            keygen.push(now() - t0);
        }
    }
    let rsa = time_generation(&kek, KeyType::Rsa2048).await;
    let ec = time_generation(&kek, KeyType::EcdsaP256).await;
    pause(200).await;
    let long_ms = longest
        .call0(&JsValue::NULL)
        .unwrap()
        .as_f64()
        .unwrap_or(0.0);

    // Proof that the observer works here: a deliberate 80 ms task must show.
    let calibration = watch_long_tasks();
    let t0 = now();
    while now() - t0 < 80.0 {}
    pause(200).await;
    let seen = calibration
        .call0(&JsValue::NULL)
        .unwrap()
        .as_f64()
        .unwrap_or(0.0);
    assert!(
        seen >= 80.0,
        "the long-task observer missed an 80 ms task (saw {seen} ms)"
    );

    console_log!(
        "BENCH {:<52} {:>8} {:>8} {:>8}",
        "what (ms, runs = 21)",
        "median",
        "min",
        "max"
    );
    for (what, v) in [
        ("WebCrypto generateKey RSA-2048 alone", keygen),
        ("RSA-2048 key + certificate + sealed key", rsa),
        ("P-256 key + certificate + sealed key", ec),
    ] {
        let (med, min, max) = stats(v);
        console_log!("BENCH {what:<52} {med:>8.1} {min:>8.1} {max:>8.1}");
    }
    console_log!(
        "BENCH {:<52} {:>8.1}",
        "longest main-thread task while generating",
        long_ms
    );
    console_log!(
        "BENCH {:<52} {:>8.1}",
        "(observer check: a deliberate 80 ms task read as)",
        seen
    );
}
