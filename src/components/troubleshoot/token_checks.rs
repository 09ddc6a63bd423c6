//! The access token's claims, each checked against the account.

use leptos::prelude::*;

use crate::domain::entra::troubleshoot::{TokenCheck, Verdict};

#[component]
pub fn TokenChecks(checks: Vec<TokenCheck>) -> impl IntoView {
    view! {
        <h3>"What the token says"</h3>
        <ul class="token-checks">
            {checks.into_iter().map(|c| {
                let (mark, class) = match c.verdict {
                    Verdict::Pass => ("Matches", "check-pass"),
                    Verdict::Fail => ("Problem", "check-fail"),
                    Verdict::Unknown => ("Cannot tell", "check-unknown"),
                };
                view! {
                    <li class=class>
                        <strong>{mark}": "</strong><code>{c.claim}</code>" — "{c.message}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
