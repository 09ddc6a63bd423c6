//! Time from JavaScript: `SystemTime::now()` panics in WebAssembly.

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

pub fn now_unix() -> i64 {
    now_ms().div_euclid(1000)
}
