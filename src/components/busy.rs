//! One submit at a time for forms whose work is asynchronous.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

/// Runs `work` unless a run is already under way; `busy` is true meanwhile,
/// so the form can show progress and disable its button.
pub fn run_once<F, Fut>(busy: RwSignal<bool>, work: F)
where
    F: FnOnce() -> Fut + 'static,
    Fut: Future<Output = ()> + 'static,
{
    if busy.get_untracked() {
        return;
    }
    busy.set(true);
    spawn_local(async move {
        work().await;
        busy.set(false);
    });
}
