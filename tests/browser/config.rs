//! Reading `config.json`: from the read `index.html` starts, and without it.

use cloudlink::browser::config::{self, LoadError};
use cloudlink::domain::app::Config;
use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const GLOBAL: &str = "cloudlinkConfig";

/// Stands in for `index.html`'s early read until dropped.
struct StartedRead;

impl StartedRead {
    fn settled_with(value: JsValue) -> StartedRead {
        let window = web_sys::window().unwrap();
        Reflect::set(&window, &GLOBAL.into(), &Promise::resolve(&value)).unwrap();
        StartedRead
    }

    fn answered(status: u16, body: &str) -> StartedRead {
        let pair = Array::of2(&JsValue::from(status), &JsValue::from_str(body));
        StartedRead::settled_with(pair.into())
    }
}

impl Drop for StartedRead {
    fn drop(&mut self) {
        let window = web_sys::window().unwrap();
        Reflect::delete_property(&window, &GLOBAL.into()).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_started_read_is_the_configuration() {
    let _read = StartedRead::answered(200, r#"{"productName":"Acme Link"}"#);
    let loaded = config::load().await.expect("a valid file");
    assert_eq!(loaded.product_name, "Acme Link");
}

#[wasm_bindgen_test]
async fn a_started_read_of_a_bad_file_is_an_error_naming_the_key() {
    let _read = StartedRead::answered(200, r#"{"productName":""}"#);
    let error = config::load().await.expect_err("an empty name is refused");
    let LoadError::Invalid(error) = error else {
        panic!("{error}");
    };
    assert_eq!(error.key, "productName");
}

#[wasm_bindgen_test]
async fn a_started_read_that_reached_nothing_is_asked_again_and_no_file_means_the_defaults() {
    for read in [
        StartedRead::settled_with(JsValue::NULL),
        StartedRead::answered(404, "Not found"),
    ] {
        assert_eq!(config::load().await.unwrap(), Config::default());
        drop(read);
    }
    let _read = StartedRead::answered(500, "");
    let error = config::load()
        .await
        .expect_err("a server error is not the defaults");
    assert!(error.to_string().contains("HTTP 500"), "{error}");
}

#[wasm_bindgen_test]
async fn without_a_started_read_or_a_file_the_app_starts_with_the_defaults() {
    // The test page has no config.json beside it, and no early read.
    assert!(Reflect::get(&web_sys::window().unwrap(), &GLOBAL.into())
        .unwrap()
        .is_undefined());
    assert_eq!(config::load().await.unwrap(), Config::default());
}

#[wasm_bindgen_test]
async fn a_started_read_that_never_settles_is_asked_again() {
    let window = web_sys::window().unwrap();
    let never = Promise::new(&mut |_, _| {});
    Reflect::set(&window, &GLOBAL.into(), &never).unwrap();
    let _read = StartedRead;
    // The test server has no config.json: the second read finds none, and
    // the app starts with the defaults instead of waiting for ever.
    assert_eq!(config::load().await.unwrap(), Config::default());
}
