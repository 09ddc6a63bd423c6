//! What both link forms do with their draft: save it as it changes, and fill
//! an untouched form from a draft a closed tab left behind.

use leptos::prelude::*;

use crate::domain::links::Provider;
use crate::state::auth::Auth;
use crate::state::drafts::Drafts;
use crate::state::task::Task;
use crate::store::drafts::FormDraft;

/// Saves `draft` as this tab's draft for `provider` whenever it changes while
/// someone is signed in. With `take_over`, the form opened without a draft of
/// its own, so another tab's left-behind draft is offered to `fill`, which
/// applies it only if nothing has been typed yet.
pub fn keep_draft<D>(
    provider: Provider,
    draft: Memo<D>,
    wrap: fn(D) -> FormDraft,
    take_over: bool,
    fill: impl Fn(FormDraft) + Copy + 'static,
) where
    D: Clone + PartialEq + Send + Sync + 'static,
{
    let auth = Auth::expect();
    let drafts = Drafts::expect();
    // The first run is what was loaded; only changes are saved.
    Effect::new(move |seen: Option<()>| {
        let d = draft.get();
        if seen.is_some() && auth.is_signed_in_untracked() {
            drafts.save_soon(provider, wrap(d));
        }
    });
    if take_over {
        let adopt = Task::new(move |_: &()| async move {
            if let Some(d) = drafts.adopt(provider).await {
                fill(d);
            }
        });
        adopt.dispatch(());
    }
}
