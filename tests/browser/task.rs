//! `state::task`, the one way async work runs: what a page reads from a
//! task while its runs overlap, end, or outlive the page.

use std::cell::Cell;
use std::rc::Rc;

use cloudlink::state::task::Task;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{mount, sleep_ms, texts};

type Run = (i32, &'static str);

/// Sleeps for the given time, then answers the given label.
fn labelled() -> Task<Run, &'static str> {
    Task::new(|&(ms, label): &Run| async move {
        sleep_ms(ms).await;
        label
    })
}

#[wasm_bindgen_test]
async fn the_latest_run_sets_the_value_and_pending_lasts_until_every_run_ends() {
    let slot = Rc::new(Cell::new(None));
    let made = slot.clone();
    let (root, _mounted) = mount(move || {
        let t = labelled();
        made.set(Some(t));
        view! {
            <p class="pending">{move || t.pending().get().to_string()}</p>
            <p class="value">{move || t.value().get().unwrap_or("none")}</p>
        }
    });
    let t = slot.get().unwrap();
    let seen = || {
        (
            texts(&root, ".pending")[0].clone(),
            texts(&root, ".value")[0].clone(),
        )
    };
    assert_eq!(seen(), ("false".into(), "none".into()));

    t.dispatch_always((120, "first"));
    t.dispatch_always((10, "second"));
    sleep_ms(50).await;
    assert_eq!(
        seen(),
        ("true".into(), "second".into()),
        "the second run ended while the first still runs"
    );
    sleep_ms(150).await;
    assert_eq!(
        seen(),
        ("false".into(), "second".into()),
        "the first run, dispatched earlier, ended last and must not win"
    );
}

/// A task counting how often its work started; each run takes 30 ms.
fn counted(runs: Rc<Cell<u32>>) -> Task<(), ()> {
    Task::new(move |_: &()| {
        runs.set(runs.get() + 1);
        async { sleep_ms(30).await }
    })
}

#[wasm_bindgen_test]
async fn dispatch_ignores_a_second_click_while_a_run_is_under_way() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    let runs = Rc::new(Cell::new(0));
    let t = counted(runs.clone());
    t.dispatch(());
    t.dispatch(());
    assert_eq!(runs.get(), 1, "the second click came while the first ran");
    assert!(t.pending().get_untracked());
    sleep_ms(60).await;
    assert!(!t.pending().get_untracked());
    t.dispatch(());
    assert_eq!(runs.get(), 2, "a click after the run ended runs again");
}

#[wasm_bindgen_test]
async fn dispatch_always_runs_every_request_even_while_one_is_under_way() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    let runs = Rc::new(Cell::new(0));
    let t = counted(runs.clone());
    t.dispatch_always(());
    t.dispatch_always(());
    t.dispatch(());
    assert_eq!(
        runs.get(),
        2,
        "both requests run; a guarded dispatch still waits its turn"
    );
    sleep_ms(60).await;
    assert!(!t.pending().get_untracked(), "pending lasts until both end");
}

#[wasm_bindgen_test]
async fn a_run_that_ends_after_its_page_is_gone_changes_nothing() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let t = owner.with(labelled);
    owner.with(|| t.dispatch((20, "late")));
    drop(owner);
    // The run ends after this: quietly, as a panic would fail the test.
    sleep_ms(60).await;
    assert_eq!(
        t.value().try_get_untracked(),
        None,
        "its signals went with the page"
    );
    assert_eq!(t.pending().try_get_untracked(), None);
}

#[wasm_bindgen_test]
async fn dispatch_in_order_starts_each_run_when_the_one_before_has_ended() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    let log = Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let seen = log.clone();
    let t = Task::new(move |&(ms, label): &Run| {
        let seen = seen.clone();
        async move {
            seen.borrow_mut().push(format!("start {label}"));
            sleep_ms(ms).await;
            seen.borrow_mut().push(format!("end {label}"));
            label
        }
    });
    t.dispatch_in_order((80, "sign-in"));
    t.dispatch_in_order((5, "sign-out"));
    t.dispatch_in_order((5, "external id"));
    assert!(t.pending().get_untracked());
    sleep_ms(40).await;
    assert_eq!(*log.borrow(), ["start sign-in"], "the later ones wait");
    sleep_ms(150).await;
    assert_eq!(
        *log.borrow(),
        [
            "start sign-in",
            "end sign-in",
            "start sign-out",
            "end sign-out",
            "start external id",
            "end external id"
        ]
    );
    assert_eq!(t.value().get_untracked(), Some("external id"));
    assert!(
        !t.pending().get_untracked(),
        "pending ends with the last run"
    );
    t.dispatch_in_order((5, "again"));
    sleep_ms(30).await;
    assert_eq!(
        t.value().get_untracked(),
        Some("again"),
        "a new queue starts"
    );
}
