//! Time from JavaScript: `SystemTime::now()` panics in WebAssembly. Native
//! builds (the tests) read the system clock instead.

pub fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    }
}

pub fn now_unix() -> i64 {
    now_ms().div_euclid(1000)
}
