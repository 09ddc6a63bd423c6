//! Progress for forms whose work is asynchronous.

use leptos::prelude::*;

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
