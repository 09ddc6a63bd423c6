//! The first page on each network: the product's `/login`, its front door `/`
//! for a visitor signed out, its Home for a person already signed in, and the
//! bare Leptos login page, each from a cold Chromium, taken in turns within
//! each round so all of them see the same load on the machine.

use serde_json::Value;

use crate::network::{Profile, CABLE, FOUR_G, LOOPBACK};
use crate::report::{self, ms, note, ratio, row, single, summary, timed};
use crate::serve::BrotliServer;
use crate::support::flows::PASSWORD;
use crate::tab::Tab;
use crate::{seed, Settings, PROBE, READY_AT};

const PROFILES: [Profile; 3] = [LOOPBACK, FOUR_G, CABLE];

/// The first page's way to its target, in order, as [`READY_AT`] reports it.
const PHASES: [(&str, &str); 3] = [
    ("fetched", "wasm file arrived"),
    ("started", "wasm started (trunk's loader)"),
    ("mounted", "first element in the body"),
];

/// What is loaded in each round: the product's login, its Home for a person
/// signed in, the bare page, and the product's `/` for a visitor signed out
/// (the hosted page's front door); the round's order turns by one each time.
const SIDES: usize = 4;
const APP_LOGIN: usize = 0;
const APP_HOME: usize = 1;
const BARE: usize = 2;
const APP_ROOT: usize = 3;

/// One cold load, timed by the page.
struct Load {
    /// From navigation start to the target: `#email` taking focus, or Home's
    /// certificate summary.
    t: f64,
    /// When WebDriver's `goto` had returned, from navigation start.
    returned: f64,
    phases: Vec<f64>,
    /// When the app's own header was there: on Home, when the inert copy
    /// gave way to the page that takes clicks.
    app: f64,
    /// When the app itself had mounted: on Log in, when the copy's form gave
    /// way to the app's.
    taken: f64,
    /// Bytes on the wire before `t`.
    bytes: f64,
    wasm_requests: u64,
}

pub async fn first_page(s: &Settings) {
    let app = BrotliServer::start(&s.app, None, PROBE);
    let bare = BrotliServer::start(&s.bare, None, PROBE);
    let stored = signed_in_storage(&app).await;
    let mut stuck = Vec::new();
    let mut loads: Vec<[Vec<Load>; SIDES]> = PROFILES.iter().map(|_| Default::default()).collect();
    for i in 0..s.total() {
        for (p, profile) in PROFILES.iter().enumerate() {
            for k in 0..SIDES {
                let side = (i + k) % SIDES;
                // A load that never reaches its target is told in a note
                // and taken again once; a second one ends the bench.
                let mut load = None;
                for attempt in 0..2 {
                    let got = match side {
                        APP_LOGIN => cold_load(&app, "/login", profile, None).await,
                        APP_HOME => cold_load(&app, "/", profile, Some(&stored)).await,
                        APP_ROOT => cold_load(&app, "/", profile, None).await,
                        _ => cold_load(&bare, &s.bare_path, profile, None).await,
                    };
                    match got {
                        Ok(l) => {
                            load = Some(l);
                            break;
                        }
                        Err(e) if attempt == 0 => stuck.push(e),
                        Err(e) => panic!("{e}"),
                    }
                }
                let load = load.unwrap();
                if i >= s.warmups {
                    loads[p][side].push(load);
                }
            }
        }
    }
    for (profile, loads) in PROFILES.iter().zip(&loads) {
        report_profile(profile, loads);
    }
    for e in &stuck {
        let shown: String = e.chars().take(300).collect();
        note(&format!("first page: a load was taken again: {shown}"));
    }
    let all: Vec<&Load> = loads.iter().flatten().flatten().collect();
    let late = all.iter().filter(|l| l.returned > l.t).count();
    let returned: Vec<f64> = all.iter().map(|l| l.returned).collect();
    note("first page: every load is a new Chromium process with an empty profile (nothing cached); files are sent with Content-Encoding: br; on 4G and cable, DevTools' network emulation (ChromeDriver's chromium/network_conditions, CDP Network.emulateNetworkConditions) adds the RTT to every request and caps the throughput, upload 1.5 and 1 Mbit/s; a rAF poller added to each entry page's head times the first frame with the target there");
    note("first page: \"#email takes typing\" is the first frame where #email is there, enabled, not read-only and takes focus; \"Home with its accounts\" is the first frame with Home's certificate summary (index.html's inert copy of Home, where one is kept, or the app's), and \"the app's Home takes clicks\" is when the app's own header replaced it, for a person signed up in the product with one linked account who last looked at Home, restored into local storage before the load; \"the app itself takes input\" is when the app mounted (window.cloudlinkMounted, set in the task that mounts it), which on /login is when the copy's form gave way to the app's; \"/ signed out\" is the hosted page's front door for a visitor with nothing stored; ratios are against the bare page's login on the same network");
    note("first page, on the way: times from navigation start; \"wasm file arrived\" is the file's responseEnd, \"wasm started\" is trunk's TrunkApplicationStarted event after the module's main has run, and \"first element in the body\" is a MutationObserver seeing the app's first element; \"KB arrived\" adds the transferSize (headers included) of the entry page and every file finished before the target");
    note(&format!(
        "first page: WebDriver's goto returns after the load event (median {} ms after navigation start), and the target was already there in {late} of {} loads, so a poll begun only after goto would time WebDriver, not the page",
        ms(summary(&returned).median),
        all.len()
    ));
}

/// A new Chromium on `server`'s origin, with `stored` put in its local
/// storage first when given, that loads `path` over `profile`.
async fn cold_load(
    server: &BrotliServer,
    path: &str,
    profile: &Profile,
    stored: Option<&Value>,
) -> Result<Load, String> {
    let tab = Tab::cold(server).await;
    if let Some(stored) = stored {
        // A file of the origin that is not the app, so nothing starts.
        tab.goto("/config.json").await;
        tab.run(
            "for (const [k, v] of Object.entries(__args[0])) localStorage.setItem(k, v);",
            vec![stored.clone()],
        )
        .await;
    }
    profile.apply(tab.client()).await;
    tab.goto(path).await;
    let v = tab.run(READY_AT, vec![]).await;
    tab.close().await;
    if let Some(stuck) = v["stuck"].as_str() {
        return Err(format!(
            "{path} over {}: no target after 45 s; {stuck}",
            profile.name
        ));
    }
    let expected = if stored.is_some() { "home" } else { "login" };
    assert_eq!(
        v["seen"].as_str(),
        Some(expected),
        "{path} over {} showed another page than {expected}",
        profile.name
    );
    let at = |key: &str| v["phases"][key].as_f64().unwrap_or(f64::NAN);
    Ok(Load {
        t: v["t"].as_f64().unwrap(),
        returned: v["started"].as_f64().unwrap(),
        phases: PHASES.iter().map(|(key, _)| at(key)).collect(),
        app: at("app"),
        taken: at("taken"),
        bytes: v["bytes"].as_f64().unwrap_or(f64::NAN),
        wasm_requests: v["wasm_requests"].as_u64().unwrap_or(0),
    })
}

/// Local storage of a person who signed up in the product, has one linked
/// Microsoft 365 account and last looked at Home: a load of `/` with it shows
/// Home at once.
async fn signed_in_storage(app: &BrotliServer) -> Value {
    let tab = Tab::cold(app).await;
    tab.goto("/signup").await;
    tab.expect_heading("Create account").await;
    tab.fill("Email", "bench@example.com").await;
    tab.fill("Password", PASSWORD).await;
    tab.fill("Confirm password", PASSWORD).await;
    tab.click_button("Create account").await;
    tab.expect_heading("Select your preferred cloud service or platform")
        .await;
    let user_key = format!("cloudlink.user.{}", tab.user_id().await);
    let doc = seed::user_document(1, &seed::certificate_der());
    tab.storage_set(&user_key, &doc).await;
    // Home looked at once more before the tab closes, as a person leaves it:
    // the app keeps its copy of Home for the next load.
    tab.goto("/").await;
    tab.expect_heading("Home").await;
    tab.run(
        "await until('the copy of Home', () => (localStorage.getItem('cloudlink.home') || '').includes('expiry-title'));",
        vec![],
    )
    .await;
    let stored = tab
        .run(
            "const o = {}; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); o[k] = localStorage.getItem(k); } return o;",
            vec![],
        )
        .await;
    tab.close().await;
    stored
}

fn report_profile(profile: &Profile, loads: &[Vec<Load>; SIDES]) {
    let tag = profile.label();
    let times = |side: usize| -> Vec<f64> { loads[side].iter().map(|l| l.t).collect() };
    let (login, home, bare) = (times(APP_LOGIN), times(APP_HOME), times(BARE));
    let b = summary(&bare).median;
    let login_target = if profile.emulated() {
        "<= 1.00x"
    } else {
        "<= 1.30x"
    };
    timed(
        &format!("{tag}: /login, nav start -> #email takes typing"),
        &login,
        &format!("bare page {}", ms(b)),
        &ratio(summary(&login).median, b),
        login_target,
    );
    timed(
        &format!("{tag}: bare Leptos login, same measure"),
        &bare,
        "-",
        "-",
        "-",
    );
    within(
        &format!("{tag}: /login / bare, within each round"),
        &login,
        &bare,
        login_target,
    );
    let root = times(APP_ROOT);
    timed(
        &format!("{tag}: signed out, / -> #email takes typing"),
        &root,
        &format!("bare page {}", ms(b)),
        &ratio(summary(&root).median, b),
        login_target,
    );
    within(
        &format!("{tag}: / signed out / bare, within each round"),
        &root,
        &bare,
        login_target,
    );
    let taken: Vec<f64> = loads[APP_LOGIN].iter().map(|l| l.taken).collect();
    timed(
        &format!("{tag}: /login -> the app itself takes input"),
        &taken,
        &format!("bare page {}", ms(b)),
        &ratio(summary(&taken).median, b),
        "<= 1.30x",
    );
    within(
        &format!("{tag}: the app takes input / bare, within each round"),
        &taken,
        &bare,
        "<= 1.30x",
    );
    timed(
        &format!("{tag}: signed in, / -> Home with its accounts"),
        &home,
        &format!("bare login {}", ms(b)),
        &ratio(summary(&home).median, b),
        "<= 1.30x",
    );
    within(
        &format!("{tag}: Home / bare login, within each round"),
        &home,
        &bare,
        "<= 1.30x",
    );
    let takes_clicks: Vec<f64> = loads[APP_HOME].iter().map(|l| l.app).collect();
    timed(
        &format!("{tag}: signed in, / -> the app's Home takes clicks"),
        &takes_clicks,
        &format!("bare login {}", ms(b)),
        &ratio(summary(&takes_clicks).median, b),
        "<= 1.30x",
    );
    let kb = |side: usize| -> f64 {
        let v: Vec<f64> = loads[side].iter().map(|l| l.bytes / 1000.0).collect();
        summary(&v).median
    };
    single(
        &format!("{tag}: KB arrived when #email took typing, median"),
        &format!("{:.1}", kb(APP_LOGIN)),
        &format!("bare page {:.1}", kb(BARE)),
        &ratio(kb(APP_LOGIN), kb(BARE)),
        "-",
    );
    single(
        &format!("{tag}: KB arrived when Home was there, median"),
        &format!("{:.1}", kb(APP_HOME)),
        "-",
        "-",
        "-",
    );
    let most = |side: usize| {
        loads[side]
            .iter()
            .map(|l| l.wasm_requests)
            .max()
            .unwrap_or(0)
    };
    single(
        &format!("{tag}: requests for the wasm in one load, most seen"),
        &most(APP_LOGIN).max(most(APP_HOME)).to_string(),
        &format!("bare page {}", most(BARE)),
        "-",
        "1",
    );
    for (i, (_, what)) in PHASES.iter().enumerate() {
        let of = |side: usize| -> Vec<f64> {
            loads[side]
                .iter()
                .map(|l| l.phases[i])
                .filter(|t| t.is_finite())
                .collect()
        };
        let (app_at, bare_at) = (of(APP_LOGIN), of(BARE));
        if app_at.is_empty() || bare_at.is_empty() {
            note(&format!(
                "first page, {tag}: \"{what}\" was not seen; no row for it"
            ));
            continue;
        }
        let (a, b) = (summary(&app_at).median, summary(&bare_at).median);
        timed(
            &format!("{tag}, /login on the way: {what}"),
            &app_at,
            &format!("bare page {}", ms(b)),
            &ratio(a, b),
            "-",
        );
    }
}

/// Each round loads both pages one after the other, so a round's ratio
/// leaves out the load that drifts between rounds on a shared machine.
fn within(what: &str, a: &[f64], b: &[f64], target: &str) {
    let paired: Vec<f64> = a.iter().zip(b).map(|(a, b)| a / b).collect();
    let p = summary(&paired);
    let (q1, q3) = report::quartiles(&paired);
    row([
        &format!("{what} (n={})", paired.len()),
        &format!("{:.2}x", p.median),
        &format!("{:.2}x", p.min),
        &format!("{:.2}x", p.max),
        &format!("middle half {q1:.2}x-{q3:.2}x"),
        "-",
        target,
    ]);
}
