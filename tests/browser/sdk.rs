//! The embed SDK (public/embed/cloudlink-embed.js) in a real Chromium,
//! against a stand-in page in a frame: replies are matched to their request,
//! requests time out, messages from other windows are ignored, and a page of
//! another major protocol version is refused.

use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

const SDK: &str = include_str!("../../public/embed/cloudlink-embed.js");
const HARNESS: &str = include_str!("sdk.js");

/// A stand-in page: says it is ready in `protocol`, then runs `on_message`
/// for each message (`m`), with `reply(data)` posting to the portal.
fn stand_in(protocol: &str, on_message: &str) -> String {
    format!(
        "const reply = (d) => parent.postMessage(d, '*');
         addEventListener('message', (e) => {{ const m = e.data; {on_message} }});
         reply({{ type: 'cloudlink:ready', protocol: '{protocol}' }});"
    )
}

/// Runs `steps` (the body of an async function of `{ mount, settled,
/// sleep, events }`) with the SDK against `page`.
async fn run(page: &str, steps: &str) -> Value {
    let body = format!(
        "const steps = async ({{ mount, settled, sleep, events }}) => {{ {steps} }};
         return (async () => {{ {HARNESS} }})();"
    );
    let f = js_sys::Function::new_with_args("sdk,page", &body);
    let out = f.call2(&JsValue::NULL, &SDK.into(), &page.into()).unwrap();
    let done = JsFuture::from(js_sys::Promise::resolve(&out))
        .await
        .unwrap();
    let text = js_sys::JSON::stringify(&done).unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The `type` of every event the portal's `onEvent` received, in order.
fn event_kinds(out: &Value) -> Vec<&str> {
    out["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["type"].as_str())
        .collect()
}

#[wasm_bindgen_test]
async fn replies_settle_the_request_they_answer_even_out_of_order() {
    // The page answers the second request first, and the first after it.
    let page = stand_in(
        "1.0",
        "if (m.type !== 'cloudlink:assertion-request') return;
         window.held = window.held || [];
         window.held.push(m);
         if (window.held.length === 2) for (const r of window.held.reverse())
           reply({ type: 'cloudlink:assertion', requestId: r.requestId, accountId: r.accountId,
                   assertion: 'jwt-for-' + r.accountId, tokenEndpoint: 'https://t' });",
    );
    let out = run(
        &page,
        "const link = mount();
         await link.ready;
         const [a, b] = await Promise.all([
           settled(link.requestAssertion('first')),
           settled(link.requestAssertion('second')),
         ]);
         link.destroy();
         return [a, b];",
    )
    .await;
    assert_eq!(
        out["result"][0]["ok"]["assertion"], "jwt-for-first",
        "{out}"
    );
    assert_eq!(
        out["result"][1]["ok"]["assertion"], "jwt-for-second",
        "{out}"
    );
    assert_eq!(out["events"][0]["type"], "ready");
}

#[wasm_bindgen_test]
async fn a_request_without_an_answer_times_out_once_and_errors_carry_their_code() {
    let page = stand_in(
        "1.0",
        "if (m.type === 'cloudlink:assertion-request' && m.accountId === 'locked')
           reply({ type: 'cloudlink:error', requestId: m.requestId, code: 'locked', message: 'unlock first' });",
    );
    let out = run(
        &page,
        "const link = mount({ timeoutMs: 150 });
         await link.ready;
         const silent = await settled(link.requestAssertion('nobody-answers'));
         const locked = await settled(link.requestAssertion('locked'));
         const empty = await settled(link.requestAssertion(''));
         link.destroy();
         return { silent, locked, empty };",
    )
    .await;
    assert_eq!(out["result"]["silent"]["code"], "timeout", "{out}");
    assert_eq!(out["result"]["locked"]["code"], "locked", "{out}");
    assert_eq!(out["result"]["locked"]["message"], "unlock first");
    assert_eq!(out["result"]["empty"]["code"], "unknown-account");
}

#[wasm_bindgen_test]
async fn messages_from_another_window_are_ignored() {
    let page = stand_in("1.0", "");
    let out = run(
        &page,
        "const link = mount({ timeoutMs: 400 });
         await link.ready;
         const pending = settled(link.requestAssertion('acc'));
         // This window, not the frame, says an account was linked and
         // answers every request id it might guess.
         window.postMessage({ type: 'cloudlink:account-linked', account: { id: 'forged' } }, '*');
         window.postMessage({ type: 'cloudlink:assertion', requestId: '*', assertion: 'forged' }, '*');
         const answer = await pending;
         await sleep(50);
         link.destroy();
         return answer;",
    )
    .await;
    assert_eq!(out["result"]["code"], "timeout", "{out}");
    let kinds = event_kinds(&out);
    assert_eq!(kinds, ["ready"], "{out}");
}

#[wasm_bindgen_test]
async fn a_page_of_another_major_version_is_refused() {
    let page = stand_in("2.0", "window.heard = (window.heard || 0) + 1;");
    let out = run(
        &page,
        "const link = mount({ timeoutMs: 300 });
         const ready = await settled(link.ready);
         const asked = await settled(link.requestAssertion('acc'));
         link.destroy();
         return { ready, asked };",
    )
    .await;
    assert_eq!(
        out["result"]["ready"]["code"], "unsupported-protocol",
        "{out}"
    );
    assert_eq!(out["result"]["asked"]["code"], "unsupported-protocol");
    assert_eq!(out["events"][0]["type"], "error");
    assert_eq!(out["events"][0]["code"], "unsupported-protocol");
}

#[wasm_bindgen_test]
async fn destroy_removes_the_frame_fails_what_is_pending_and_stops_listening() {
    let page = stand_in(
        "1.0",
        "if (m.type === 'cloudlink:assertion-request')
           setTimeout(() => reply({ type: 'cloudlink:account-linked', account: { id: 'late' } }), 100);",
    );
    let out = run(
        &page,
        "const link = mount({ timeoutMs: 5000 });
         await link.ready;
         const frame = link.frame;
         const pending = settled(link.requestAssertion('acc'));
         link.destroy();
         const after = await settled(link.requestAssertion('acc'));
         await sleep(250);
         return { pending: await pending, after, attached: frame.isConnected };",
    )
    .await;
    assert_eq!(out["result"]["pending"]["code"], "destroyed", "{out}");
    assert_eq!(out["result"]["after"]["code"], "destroyed");
    assert_eq!(out["result"]["attached"], false);
    let kinds = event_kinds(&out);
    assert_eq!(kinds, ["ready"], "nothing heard after destroy: {out}");
}
