//! Search and paging for the account lists: a search box that filters as
//! one types, and only a page of rows rendered at a time, so a list of a
//! thousand accounts stays quick to open and to search.

use leptos::prelude::*;

use crate::components::form::TextField;
use crate::domain::links::Integration;

/// Rows rendered before "Show more accounts".
const PAGE: usize = 50;

#[derive(Clone, Copy)]
pub struct AccountFilter {
    pub query: RwSignal<String>,
    limit: RwSignal<usize>,
    /// The accounts to render now.
    pub visible: Memo<Vec<Integration>>,
    /// How many accounts match the search.
    pub matched: Memo<usize>,
    pub total: Memo<usize>,
}

pub fn use_account_filter(linked: Memo<Vec<Integration>>) -> AccountFilter {
    let query = RwSignal::new(String::new());
    let limit = RwSignal::new(PAGE);
    let needle = Memo::new(move |_| query.with(|q| q.trim().to_lowercase()));
    let matched = Memo::new(move |_| {
        needle.with(|q| linked.with(|l| l.iter().filter(|i| i.matches(q)).count()))
    });
    let visible = Memo::new(move |_| {
        let n = limit.get();
        needle
            .with(|q| linked.with(|l| l.iter().filter(|i| i.matches(q)).take(n).cloned().collect()))
    });
    let total = Memo::new(move |_| linked.with(Vec::len));
    AccountFilter {
        query,
        limit,
        visible,
        matched,
        total,
    }
}

/// The search box, with how many accounts it shows.
#[component]
pub fn SearchBox(filter: AccountFilter) -> impl IntoView {
    let status = move || {
        let (shown, matched, total) = (
            filter.visible.with(Vec::len),
            filter.matched.get(),
            filter.total.get(),
        );
        match (filter.query.with(|q| q.trim().is_empty()), matched) {
            (true, _) if shown == total => format!("{total} linked"),
            (true, _) => format!("Showing {shown} of {total} linked"),
            (false, 0) => "No linked account matches the search.".to_string(),
            (false, _) => format!("Showing {shown} of {matched} matching"),
        }
    };
    view! {
        <TextField id="account-search" label="Search accounts" value=filter.query kind="search"
            error=Signal::derive(|| None::<String>)
            hint="Name, organization, tenant, application ID or role ARN." />
        <p class="field-hint" role="status">{status}</p>
    }
}

/// Renders the next page of rows.
#[component]
pub fn ShowMore(filter: AccountFilter) -> impl IntoView {
    view! {
        <Show when=move || filter.visible.with(Vec::len) < filter.matched.get()>
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| filter.limit.update(|n| *n += PAGE)>
                    "Show more accounts"
                </button>
            </div>
        </Show>
    }
}
