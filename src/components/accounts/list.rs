//! A list page's accounts: searched, shown a page at a time, or a line saying
//! none are linked yet.

use leptos::prelude::*;

use crate::components::accounts::{AccountFilter, SearchBox, ShowMore};
use crate::domain::links::Integration;

/// The accounts `filter` shows, each drawn by `row`; `list_heading` names
/// them when there are none.
#[component]
pub fn AccountList(
    filter: AccountFilter,
    list_heading: &'static str,
    row: Callback<Integration, AnyView>,
) -> impl IntoView {
    view! {
        <Show when=move || filter.total.get() != 0 fallback=move || view! { <p class="panel">{format!("No {list_heading} are linked yet.")}</p> }>
            <SearchBox filter />
            <ul class="account-list" role="list">
                <For each=move || filter.visible.get() key=|i| i.id.clone() children=move |account| row.run(account) />
            </ul>
            <ShowMore filter />
        </Show>
    }
}
