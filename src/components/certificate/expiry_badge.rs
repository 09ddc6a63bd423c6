//! A certificate's expiry as a date and a badge.

use leptos::prelude::*;

use crate::browser::clock;
use crate::crypto::utc_date;
use crate::domain::links::ExpiryStatus;

/// "2027-11-26" with Valid / Expires in N days / Expired.
#[component]
pub fn ExpiryBadge(not_after_unix: i64) -> impl IntoView {
    let status = ExpiryStatus::at(not_after_unix, clock::now_unix());
    let class = match status {
        ExpiryStatus::Valid => "badge badge-ok",
        ExpiryStatus::ExpiringSoon { .. } => "badge badge-warning",
        ExpiryStatus::Expired => "badge badge-danger",
    };
    view! {
        <span class="expiry">
            {utc_date(not_after_unix)} " " <span class=class>{status.label()}</span>
        </span>
    }
}
