//! The Web Locks API (`navigator.locks`), which serialises writers across the
//! tabs of one origin. web-sys keeps it behind an unstable flag, so the few
//! calls used here are declared by hand. Where the API is missing (older
//! browsers, native tests) work runs at once and the revision check in
//! `store::write` is the only guard.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    type LockManager;

    // Where storage is refused, the browser may throw at once instead of
    // rejecting the promise; `catch` turns either into a value.
    #[wasm_bindgen(method, catch, js_name = request)]
    fn request(this: &LockManager, name: &str, callback: &Function) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn query(this: &LockManager) -> Result<Promise, JsValue>;
}

fn manager() -> Option<LockManager> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

/// Whether this browser has Web Locks.
pub fn supported() -> bool {
    manager().is_some()
}

/// Runs `work` while this tab holds the exclusive lock `name`, so no other
/// tab runs work under the same name meanwhile.
pub async fn exclusive<R: 'static>(name: &str, work: impl FnOnce() -> R + 'static) -> R {
    let result = Rc::new(RefCell::new(None));
    let out = result.clone();
    exclusive_dyn(name, Box::new(move || *out.borrow_mut() = Some(work()))).await;
    let done = result.borrow_mut().take();
    done.expect("the work ran")
}

/// The body of [`exclusive`], without the result's type, so the lock
/// callback's glue is compiled once rather than once per caller
/// (a size trick: docs/size-ledger.md).
async fn exclusive_dyn(name: &str, work: Box<dyn FnOnce()>) {
    let work = Rc::new(RefCell::new(Some(work)));
    if let Some(manager) = manager() {
        let w = work.clone();
        let callback = Closure::once_into_js(move |_lock: JsValue| {
            if let Some(work) = w.borrow_mut().take() {
                work();
            }
            JsValue::UNDEFINED
        });
        if let Ok(granted) = manager.request(name, callback.unchecked_ref()) {
            let _ = JsFuture::from(granted).await;
        }
    }
    // No lock manager, or it refused (an opaque origin): run unguarded. Work
    // that ran under the lock is gone from the slot.
    let left = work.borrow_mut().take();
    if let Some(work) = left {
        work();
    }
}

/// Holds the lock `name` until the page goes away, so other tabs can see
/// that this one is open.
pub fn hold_while_open(name: &str) {
    let Some(manager) = manager() else {
        return;
    };
    let forever = Closure::<dyn FnMut(JsValue) -> Promise>::new(|_lock: JsValue| {
        Promise::new(&mut |_resolve, _reject| {})
    });
    if let Ok(held) = manager.request(name, forever.as_ref().unchecked_ref()) {
        // Refused where storage is blocked: nothing to hold, nothing to report.
        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = held.catch(&ignore);
        ignore.forget();
    }
    forever.forget();
}

/// The names of every lock held on this origin, by any tab; `None` where
/// the browser cannot tell.
pub async fn held() -> Option<Vec<String>> {
    let snapshot = JsFuture::from(manager()?.query().ok()?).await.ok()?;
    let held = Reflect::get(&snapshot, &JsValue::from_str("held")).ok()?;
    let held: Array = held.dyn_into().ok()?;
    Some(
        held.iter()
            .filter_map(|lock| Reflect::get(&lock, &JsValue::from_str("name")).ok())
            .filter_map(|name| name.as_string())
            .collect(),
    )
}
