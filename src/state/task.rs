//! The one way async work runs: a Leptos local `Action`, whose `pending()`
//! says it is under way and whose `value()` holds its result.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::{Action, GetUntracked};

/// A job's future, boxed so that every action with the same output shares
/// one copy of the action's polling code in the bundle instead of one per
/// async block.
pub type Job<O> = Pin<Box<dyn Future<Output = O>>>;

/// An action running `work` on this thread for each `dispatch`.
#[track_caller]
pub fn action<I, O, Fu>(work: impl Fn(&I) -> Fu + 'static) -> Action<I, O>
where
    I: 'static,
    O: 'static,
    Fu: Future<Output = O> + 'static,
{
    Action::new_local(move |input: &I| -> Job<O> { Box::pin(work(input)) })
}

/// Starts `action` with `input` unless a run is still under way, so a second
/// click on a button whose work is in flight does nothing.
pub fn start<I, O>(action: Action<I, O>, input: I)
where
    I: Send + Sync + 'static,
    O: Send + Sync + 'static,
{
    if !action.pending().get_untracked() {
        action.dispatch(input);
    }
}
