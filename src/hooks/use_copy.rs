//! Copying to the clipboard, and what to tell the person afterwards.

use leptos::prelude::*;

use crate::browser::clipboard;
use crate::state::task::Task;

/// One copy: the text, and the two ways it can end.
#[derive(Clone)]
pub struct CopyText {
    pub text: String,
    pub copied: String,
    pub refused: String,
}

#[derive(Clone, Copy)]
pub struct UseCopyReturn {
    /// What the last copy ended with, for a `role="status"` line.
    pub status: Signal<Option<String>>,
    pub copy: Callback<CopyText>,
}

/// A copy action whose outcome stays readable until the next copy.
pub fn use_copy() -> UseCopyReturn {
    let action = Task::new(|c: &CopyText| {
        let c = c.clone();
        async move {
            if clipboard::copy(&c.text).await {
                c.copied
            } else {
                c.refused
            }
        }
    });
    let value = action.value();
    UseCopyReturn {
        status: Signal::derive(move || value.get()),
        copy: Callback::new(move |c| {
            action.dispatch(c);
        }),
    }
}
