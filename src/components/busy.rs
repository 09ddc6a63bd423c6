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

/// `busy`'s text once it has lasted `delay`: a wait too short to notice
/// shows no progress at all, so a quick Generate does not flicker.
pub fn shown_after<T>(busy: Signal<Option<T>>, delay: std::time::Duration) -> Signal<Option<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let shown = RwSignal::new(None::<T>);
    Effect::new(move |_| match busy.get() {
        None => shown.set(None),
        Some(text) => {
            // The page may be gone by then (Connect navigates away).
            set_timeout(
                move || {
                    if busy.try_get_untracked().flatten().as_ref() == Some(&text) {
                        shown.try_set(Some(text));
                    }
                },
                delay,
            );
        }
    });
    shown.into()
}
