//! Page-level figures in headless Chromium, against the release builds that
//! `scripts/bench.sh` makes: the first page next to a bare Leptos page, Generate
//! Public Key next to WebCrypto alone, and the list and forms at 1,000 linked
//! accounts. Prints `ROW` and `NOTE` lines for the script's table.
//!
//! Not part of the test command: `scripts/bench.sh` runs it with `--ignored`.
//! `BENCH_BARE_DIST` and `BENCH_BARE_PATH=/login` put another build of the
//! product on the bare side, for a same-run A/B of two builds' first pages
//! (the journeys are then skipped). `BENCH_FIRST_PAGE_ONLY=1` skips them too.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../e2e/support/mod.rs"]
mod support;

mod first_page;
mod network;
mod report;
mod seed;
mod serve;
mod tab;

use std::path::PathBuf;

use serde_json::{json, Value};

use report::{grouped, note, ratio, single, summary, timed};
use serve::BrotliServer;
use support::fake_login::FakeLogin;
use support::flows::PASSWORD;
use tab::Tab;

const LIST: &str = "/integrations/microsoft/m365";
const NEW: &str = "/integrations/microsoft/m365/new";
const LINK_HEADING: &str = "Link a New Microsoft Account";
const LIST_HEADING: &str = "Microsoft 365 accounts";
const APP_ID: &str = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";
const MANY: usize = 1000;
/// What a browser gives one origin's local storage, in characters.
const STORAGE_BUDGET: u64 = 5_200_000;

struct Settings {
    app: PathBuf,
    bare: PathBuf,
    /// Where the bare side's login is: `/` on the bare page, `/login` when
    /// the other side is another build of the product, for an A/B run.
    bare_path: String,
    runs: usize,
    warmups: usize,
}

impl Settings {
    fn from_env() -> Settings {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let dir = |var: &str, default: &str| {
            let d = std::env::var_os(var)
                .map(PathBuf::from)
                .unwrap_or_else(|| root.join(default));
            assert!(
                d.join("index.html").is_file(),
                "no build at {} ({var}): run scripts/bench.sh",
                d.display()
            );
            d
        };
        let count = |var: &str, default: usize| {
            std::env::var(var)
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(default)
        };
        Settings {
            app: dir("BENCH_APP_DIST", "target/bench/app"),
            bare: dir("BENCH_BARE_DIST", "target/bench/bare"),
            bare_path: std::env::var("BENCH_BARE_PATH").unwrap_or_else(|_| "/".into()),
            runs: count("BENCH_RUNS", 15).max(1),
            warmups: count("BENCH_WARMUPS", 2),
        }
    }

    fn total(&self) -> usize {
        self.warmups + self.runs
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: scripts/bench.sh runs it"]
async fn perf() {
    let s = Settings::from_env();
    // The harness prints "test perf ... " without a newline: rows start clean.
    println!();
    let mut problems = Vec::new();
    first_page::first_page(&s).await;
    // An A/B of two product builds compares their first pages only, and
    // BENCH_FIRST_PAGE_ONLY asks for nothing more.
    if s.bare_path == "/" && std::env::var_os("BENCH_FIRST_PAGE_ONLY").is_none() {
        journeys(&s, &mut problems).await;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Added to both entry pages: polls once a frame, as a person sees the page,
/// from the first frame on, and keeps in `window.__ready` the time (from
/// navigation start) when the page's first target is there: on a login page
/// `#email` taking focus, on the account list its first row or its empty text,
/// on Home the first line of its certificate summary.
///
/// On the way it keeps in `window.__phases` when trunk's loader reported the
/// wasm started (its `main` has run), when the first element other than
/// `<noscript>` appeared in the body (the app, or `index.html`'s copy of the
/// page), when the app itself mounted, and when the app's own header did, so
/// the table can say where the time goes.
pub(crate) const PROBE: &str = r#"(function () {
  var list = /\/integrations\/microsoft\/m365\/?$/.test(location.pathname);
  // The root is the bare page's login, and the product's Home.
  var root = location.pathname === '/';
  var login = root || /\/login\/?$/.test(location.pathname);
  if (!list && !login) return;
  var phases = window.__phases = {};
  addEventListener('TrunkApplicationStarted', function () { phases.started = performance.now(); });
  new MutationObserver(function (_, observer) {
    if (!document.body) return;
    if (phases.mounted === undefined && document.body.querySelector('*:not(noscript)')) {
      phases.mounted = performance.now();
    }
    // The app itself mounted (src/browser/handoff.rs sets the flag in the
    // task that mounts it): on Log in, the copy's form has given way.
    if (phases.taken === undefined && window.cloudlinkMounted === true) {
      phases.taken = performance.now();
    }
    // The app's own header: on Home, the inert copy has been replaced.
    if (document.body.querySelector(':scope > .app-header')) {
      phases.app = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  var ready = function () {
    if (list) {
      if (document.querySelector('.account')) return 'list';
      var ps = document.querySelectorAll('main p.panel');
      for (var i = 0; i < ps.length; i++) {
        if (ps[i].textContent.indexOf('No Microsoft 365 accounts are linked yet.') >= 0) return 'list';
      }
      return false;
    }
    // Home is there once its certificate summary has its first line.
    var expiry = root && document.querySelector('#expiry-title');
    if (expiry && expiry.parentNode.querySelector('p, .due-list')) return 'home';
    var el = document.querySelector('#email');
    if (!el || el.disabled || el.readOnly) return false;
    el.focus();
    return document.activeElement === el && 'login';
  };
  var poll = function () {
    var seen = ready();
    if (seen) { window.__ready = performance.now(); window.__seen = seen; return; }
    if (performance.now() < 60000) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();"#;

/// Right after `goto`: waits, a frame at a time, for what [`PROBE`] saw, and
/// tells when this script began, when the wasm file had arrived, which page
/// was seen, the bytes that had arrived by then (the entry page's and every
/// finished file's `transferSize`, headers included) and how many times the
/// wasm was requested.
pub(crate) const READY_AT: &str = r#"
const started = performance.now();
return await new Promise(resolve => {
  const wait = () => {
    if (window.__ready === undefined && performance.now() > started + 45000) {
      const done = performance.getEntriesByType('resource').map(e => e.name.split('/').pop() + ' ' + Math.round(e.responseEnd) + ' ms');
      return resolve({ stuck: location.href + ': copy of the form ' + !!document.querySelector('#prerender') + ', app ' + !!document.querySelector('body > .app-header') + ', files done: ' + done.join(', ') });
    }
    // Home waits on until the app has taken over, for the row that says when
    // it takes clicks.
    // The product's pages (which define cloudlinkFailed) wait on too, for
    // the row that says when the app itself takes input.
    const home = window.__seen === 'home';
    const product = typeof window.cloudlinkFailed === 'function';
    if (window.__ready === undefined || (home && window.__phases.app === undefined) || (product && window.__phases.taken === undefined)) return requestAnimationFrame(wait);
    const files = performance.getEntriesByType('resource');
    const wasm = files.filter(e => e.name.endsWith('.wasm'));
    const phases = Object.assign({ fetched: wasm.length ? wasm[0].responseEnd : null }, window.__phases);
    const arrived = performance.getEntriesByType('navigation').concat(files)
      .filter(e => e.responseEnd <= window.__ready)
      .reduce((sum, e) => sum + (e.transferSize || 0), 0);
    resolve({ t: window.__ready, started, phases, seen: window.__seen, bytes: arrived, wasm_requests: wasm.length });
  };
  wait();
});
"#;

/// Clicks Generate Public Key and waits for a thumbprint other than the one
/// shown before. From the second certificate on, the page asks first, and
/// the script answers "Replace key" the moment it appears: that is inside
/// the time.
const GENERATE: &str = r#"
const before = (document.querySelector('#thumbprint-sha1') || {}).textContent || '';
const button = await until('Generate Public Key enabled', () => {
  const b = byText('button', before ? 'Make a new key' : 'Generate Public Key');
  return b && !b.disabled && b;
});
let replaced = false;
const t0 = performance.now();
button.click();
await until('a new thumbprint', () => {
  if (!replaced) {
    const r = byText('button', 'Replace key');
    if (r) { replaced = true; r.click(); }
  }
  const t = document.querySelector('#thumbprint-sha1');
  return t && t.textContent.trim() !== '' && t.textContent !== before
    && byText('button', 'Download certificate (.cer)');
});
const t1 = performance.now();
(window.__generating = window.__generating || []).push([t0, t1]);
return { ms: t1 - t0, replaced };
"#;

const KEYGEN: &str = r#"
const t0 = performance.now();
await crypto.subtle.generateKey(
  { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  true, ['sign', 'verify']);
return performance.now() - t0;
"#;

const WATCH_LONG_TASKS: &str = r#"
window.__long = [];
new PerformanceObserver(l => l.getEntries().forEach(e => window.__long.push([e.startTime, e.duration])))
  .observe({ type: 'longtask', buffered: false });
"#;

/// The longest task that overlaps a Generate run.
const LONGEST_WHILE_GENERATING: &str = r#"
await new Promise(r => setTimeout(r, 300));
const runs = window.__generating || [];
const inside = window.__long.filter(([start, d]) => runs.some(([a, b]) => start < b && start + d > a));
return inside.length ? Math.max(...inside.map(([, d]) => d)) : 0;
"#;

/// Proof that the observer sees long tasks here at all.
const CALIBRATE: &str = r#"
const seen = [];
const obs = new PerformanceObserver(l => l.getEntries().forEach(e => seen.push(e.duration)));
obs.observe({ type: 'longtask', buffered: false });
await new Promise(r => setTimeout(r, 50));
await new Promise(r => setTimeout(() => { const t0 = performance.now(); while (performance.now() - t0 < 80) {} r(); }, 0));
await new Promise(r => setTimeout(r, 300));
obs.disconnect();
return seen.length ? Math.max(...seen) : 0;
"#;

/// The list renders a page of at most 50 rows; a search or "Show more
/// accounts" brings the rest.
const COUNT_ACCOUNTS: &str = r#"
const rows = Math.min(__args[0], 50);
await until(rows + ' account rows', () => document.querySelectorAll('.account').length === rows);
"#;

/// Home counts every seeded account: `__args[0]` of them, all Microsoft 365.
const HOME_COUNTS: &str = r#"
const n = String(__args[0]);
await until('Home counting ' + n + ' accounts', () =>
  [...document.querySelectorAll('.summary-table td')].some(td => td.textContent.trim() === n));
"#;

/// Keystrokes into the field labelled `__args[0]`: each sets the value to one
/// more character of `__args[1]` and fires `input`. Past the end of the text
/// the field is emptied, untimed, and typing restarts.
///
/// With `__args[3]` "frames", a keystroke ends after two animation frames: the
/// handler, the re-render and the frame that shows it. With "work", it ends
/// once the queued reactive work has run and layout is done, which is the
/// main thread's share of the frame budget.
const KEYSTROKES: &str = r#"
const el = await until('field ' + __args[0], () => field(__args[0]));
const [, text, count, mode] = __args;
const task = () => new Promise(r => {
  const c = new MessageChannel();
  c.port1.onmessage = () => r();
  c.port2.postMessage(0);
});
el.focus();
type(el, '');
await frames(2);
const times = [];
for (let k = 0; k < count; k++) {
  const len = k % text.length + 1;
  if (len === 1 && k > 0) { type(el, ''); await frames(2); }
  const t0 = performance.now();
  type(el, text.slice(0, len));
  if (mode === 'frames') {
    await frames(2);
  } else {
    await task();
    document.body.getBoundingClientRect();
  }
  times.push(performance.now() - t0);
  if (mode !== 'frames') await frames(2);
}
return times;
"#;

const FRAME_INTERVAL: &str = r#"
const t0 = performance.now();
await frames(31);
return (performance.now() - t0) / 31;
"#;

/// The two ways a keystroke is timed, see [`KEYSTROKES`].
const MODES: [(&str, &str); 2] = [
    ("frames", "input -> 2 frames"),
    ("work", "input -> work done"),
];

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// One person's session: sign up, generate, link one account for real, then
/// the same tab with 1 and with 1,000 accounts seeded into local storage.
async fn journeys(s: &Settings, problems: &mut Vec<String>) {
    let fake = FakeLogin::start(&[(seed::TENANT, seed::TENANT)]);
    let server = BrotliServer::start(&s.app, Some(fake.config_json()), PROBE);
    let tab = Tab::cold(&server).await;

    tab.goto("/signup").await;
    tab.expect_heading("Create account").await;
    tab.fill("Email", "bench@example.com").await;
    tab.fill("Password", PASSWORD).await;
    tab.fill("Confirm password", PASSWORD).await;
    tab.click_button("Create account").await;
    tab.expect_heading("Select your preferred cloud service or platform")
        .await;
    // In-app, so the keys unlocked at sign-up stay unlocked.
    tab.navigate_in_app(NEW).await;
    tab.expect_heading(LINK_HEADING).await;
    tab.fill("Microsoft Account Name", "Bench account").await;
    tab.fill("Organization Name", "Bench Org").await;

    // Generate and WebCrypto alone, in turns on the same page.
    tab.run(WATCH_LONG_TASKS, vec![]).await;
    let (mut generate, mut keygen) = (Vec::new(), Vec::new());
    for i in 0..s.total() {
        let g = tab.run(GENERATE, vec![]).await;
        let k = tab.run(KEYGEN, vec![]).await;
        if i >= s.warmups {
            if i > 0 && !g["replaced"].as_bool().unwrap() {
                problems.push(format!("Generate run {i} was not asked to replace the key"));
            }
            generate.push(g["ms"].as_f64().unwrap());
            keygen.push(k.as_f64().unwrap());
        }
    }
    let longest = tab
        .run(LONGEST_WHILE_GENERATING, vec![])
        .await
        .as_f64()
        .unwrap();
    let calibration = tab.run(CALIBRATE, vec![]).await.as_f64().unwrap();
    let frame = tab.run(FRAME_INTERVAL, vec![]).await.as_f64().unwrap();
    let (g, k) = (summary(&generate).median, summary(&keygen).median);
    timed(
        "Generate Public Key -> thumbprint + downloads",
        &generate,
        &format!("WebCrypto keygen {}", report::ms(k)),
        &ratio(g, k),
        "<= 0.50x",
    );
    timed(
        "WebCrypto generateKey RSA-2048, same page",
        &keygen,
        "-",
        "-",
        "-",
    );
    single(
        "longest main-thread task, all Generate runs",
        &report::ms(longest),
        "-",
        "-",
        "<= 50",
    );
    let calibrated = calibration >= 80.0;
    single(
        "long-task check: an 80 ms busy loop reads",
        &report::ms(calibration),
        "-",
        "-",
        if calibrated {
            ">= 80 ok"
        } else {
            ">= 80 FAILED"
        },
    );
    if !calibrated {
        problems.push(format!(
            "the long-task observer missed an 80 ms task (saw {calibration} ms)"
        ));
    }
    note(&format!("Generate: from the second certificate on, each click is answered by clicking \"Replace key\" at once, inside the timed span; the {} warm-ups include the first certificate; the longest task counts warm-ups too", s.warmups));

    // One account linked for real, to compare its stored size with the seed.
    tab.fill("Tenant ID", seed::TENANT).await;
    tab.fill("Application ID", APP_ID).await;
    tab.click_button("Connect").await;
    tab.expect_heading(LIST_HEADING).await;
    let user_key = format!("cloudlink.user.{}", tab.user_id().await);
    let stored = tab.storage_get(&user_key).await.expect("the user document");
    let stored: Value = serde_json::from_str(&stored).unwrap();
    let real = &stored["data"]["integrations"][0];
    let real_account = real.to_string().len() + 1;
    let real_part = |v: &Value| v.as_str().map_or(0, str::len) as u64;
    let real_cert = &real["details"]["certificate"];

    let der = seed::certificate_der();
    let docs = [
        seed::user_document(0, &der),
        seed::user_document(1, &der),
        seed::user_document(MANY, &der),
    ];
    let envelope = docs[0].len() as u64;
    let per_account = (docs[2].len() as u64 - envelope) as f64 / MANY as f64;
    let fits = |per: f64| ((STORAGE_BUDGET - envelope) as f64 / per).floor() as u64;

    // Reloads at 1 and at 1,000 accounts, in turns.
    let mut reload = [Vec::new(), Vec::new()];
    for i in 0..s.total() {
        let order = if i % 2 == 0 { [0, 1] } else { [1, 0] };
        for which in order {
            let (doc, n) = if which == 0 {
                (&docs[1], 1)
            } else {
                (&docs[2], MANY)
            };
            tab.storage_set(&user_key, doc).await;
            tab.goto(LIST).await;
            let t = tab.run(READY_AT, vec![]).await["t"].as_f64().unwrap();
            tab.run(COUNT_ACCOUNTS, vec![json!(n)]).await;
            if i >= s.warmups {
                reload[which].push(t);
            }
        }
    }
    let (one, many) = (summary(&reload[0]).median, summary(&reload[1]).median);
    timed(
        "list reload, 1 account -> first .account",
        &reload[0],
        "-",
        "-",
        "-",
    );
    timed(
        "list reload, 1,000 accounts -> first .account",
        &reload[1],
        &format!("1 account {}", report::ms(one)),
        &format!("{:+.1} ms", many - one),
        "<= +100 ms",
    );

    // Home reloads at 1 and at 1,000 accounts, in turns: it sums up every
    // account and looks for certificates that are due.
    let mut home = [Vec::new(), Vec::new()];
    for i in 0..s.total() {
        let order = if i % 2 == 0 { [0, 1] } else { [1, 0] };
        for which in order {
            tab.storage_set(&user_key, &docs[1 + which]).await;
            tab.goto("/").await;
            let t = tab.run(READY_AT, vec![]).await["t"].as_f64().unwrap();
            tab.run(HOME_COUNTS, vec![json!(if which == 0 { 1 } else { MANY })])
                .await;
            if i >= s.warmups {
                home[which].push(t);
            }
        }
    }
    let one_home = summary(&home[0]).median;
    timed(
        "Home reload, 1 account -> certificate summary",
        &home[0],
        "-",
        "-",
        "-",
    );
    timed(
        "Home reload, 1,000 accounts -> certificate summary",
        &home[1],
        &format!("1 account {}", report::ms(one_home)),
        &format!("{:+.1} ms", summary(&home[1]).median - one_home),
        "<= +100 ms",
    );
    note("list and Home reloads: one tab, so the files with a content hash in their name come from the browser's cache, as their Cache-Control header allows, and the entry page is asked for again");
    single(
        "stored characters per account (seeded)",
        &format!("{:.0}", docs[2].len() as f64 / MANY as f64),
        &format!("real linked {}", grouped(real_account as u64)),
        "-",
        "-",
    );
    single(
        "accounts in 5,200,000 characters",
        &grouped(fits(per_account)),
        &format!("at real size {}", grouped(fits(real_account as f64))),
        "-",
        "-",
    );

    // Search, once the list page has one.
    tab.storage_set(&user_key, &docs[2]).await;
    tab.goto(LIST).await;
    tab.run(COUNT_ACCOUNTS, vec![json!(MANY)]).await;
    let has_search = tab
        .run("return !!field('Search accounts');", vec![])
        .await
        .as_bool()
        .unwrap();
    for (mode, what) in MODES {
        let what = format!("search keystroke at 1,000, {what}");
        // Two frames cannot read under 16 ms; the budget is for the work.
        let target = if mode == "work" { "<= 16" } else { "-" };
        if has_search {
            let v = tab
                .run(
                    KEYSTROKES,
                    vec![
                        json!("Search accounts"),
                        json!("Account 100"),
                        json!(s.total()),
                        json!(mode),
                    ],
                )
                .await;
            timed(&what, &numbers(&v)[s.warmups..], "-", "-", target);
        } else {
            single(&what, "n/a (no search box)", "-", "-", target);
        }
    }

    // Typing in the link form with 1 and with 1,000 accounts stored.
    let mut typing = [Vec::new(), Vec::new()];
    for (n, doc) in [&docs[1], &docs[2]].into_iter().enumerate() {
        tab.storage_set(&user_key, doc).await;
        tab.goto(NEW).await;
        tab.expect_heading(LINK_HEADING).await;
        for (mode, _) in MODES {
            let v = tab
                .run(
                    KEYSTROKES,
                    vec![
                        json!("Microsoft Account Name"),
                        json!("Contoso production"),
                        json!(s.total()),
                        json!(mode),
                    ],
                )
                .await;
            typing[n].push(numbers(&v)[s.warmups..].to_vec());
        }
    }
    for (m, (_, what)) in MODES.iter().enumerate() {
        let (one, many) = (&typing[0][m], &typing[1][m]);
        timed(
            &format!("link form keystroke, 1 account, {what}"),
            one,
            "-",
            "-",
            "-",
        );
        let t1 = summary(one).median;
        timed(
            &format!("link form keystroke, 1,000 accounts, {what}"),
            many,
            &format!("1 account {}", report::ms(t1)),
            &ratio(summary(many).median, t1),
            "<= 2.00x",
        );
    }
    note(&format!(
        "keystrokes: \"2 frames\" waits two requestAnimationFrames after the input event, so it cannot read under one frame ({frame:.1} ms here) and reads two when the keystroke starts at a frame's start; \"work\" ends when the queued reactive work has run and layout is forced, which is what the 16 ms budget is about"
    ));
    note(&format!(
        "stored characters: the seeded document is {} characters at 1,000 accounts ({} with none); a real linked account adds {} characters, of which the certificate's DER is {} and the sealed key {} (the seed's are {} and 344); the fit counts the user document alone",
        grouped(docs[2].len() as u64),
        grouped(envelope),
        grouped(real_account as u64),
        grouped(real_part(&real_cert["der"])),
        grouped(real_part(&real_cert["key"]["sealed"])),
        grouped(seed::der_base64_len(&der) as u64),
    ));
    tab.close().await;
}
