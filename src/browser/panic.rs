//! A panic must never leave a frozen page behind: log it and say so visibly.

use wasm_bindgen::JsCast;

use crate::domain::app::start_page::PANIC_NOTICE_ID as NOTICE_ID;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice(&info.to_string());
        tell_the_page();
    }));
}

/// The start script's message for a panic: a pressed Log in says it could not be
/// completed, a copy of Home stops showing, and a portal hears an
/// `unavailable` error.
fn tell_the_page() {
    crate::browser::start_failure::report(crate::browser::start_failure::Cause::Panic);
}

/// `detail` goes in an attribute, not the text, so that test failures can
/// name the panic without the person reading a stack of Rust.
fn show_notice(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_id(NOTICE_ID);
    notice.set_class_name("panic-notice");
    let _ = notice.set_attribute("data-detail", detail);
    let _ = notice.set_attribute("role", "alert");
    notice.set_text_content(Some(
        "Something went wrong and this page stopped working. Reload the page to \
         continue; your saved accounts are kept. Details are in the browser console.",
    ));
    if let Some(body) = document.body() {
        let _ = body.append_child(&notice);
        if let Ok(el) = notice.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.set_attribute("tabindex", "-1");
            let _ = el.focus();
        }
    }
}
