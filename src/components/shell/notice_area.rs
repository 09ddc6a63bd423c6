//! The notices above the page content.

use leptos::prelude::*;

use crate::state::notices::{NoticeKind, Notices};

/// Every open notice, each with a Dismiss button.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let notices = Notices::expect();
    view! {
        <div class="notice-area" role="status" aria-live="polite">
            <For each=move || notices.list().get() key=|n| n.id let:n>
                {
                    let class = match n.kind {
                        NoticeKind::Success => "notice notice-success",
                        NoticeKind::Warning => "notice notice-warning",
                        NoticeKind::Error => "notice notice-error",
                    };
                    let id = n.id;
                    view! {
                        <div class=class data-notice=id>
                            <p>{n.text.clone()}</p>
                            <button type="button" class="button-link" on:click=move |_| notices.dismiss(id)>
                                "Dismiss"
                            </button>
                        </div>
                    }
                }
            </For>
        </div>
    }
}
