//! Troubleshoot, on each Entra account's page: a pasted error or access
//! token, checked against this account. The parsing and checks live in
//! `domain::entra::troubleshoot`; this part only arranges them.

mod finding;
mod token_checks;

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::entra::troubleshoot::{
    check_token, decode_token, diagnose, scan, AccountFacts, Finding, TokenCheck,
};
use crate::domain::links::Integration;
use finding::FindingItem;
use token_checks::TokenChecks;

/// A labelled textarea with its hint and error bound to it.
#[component]
fn PasteBox(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.with(Option::is_some) {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p class="field-hint" id=hint_id>{hint}</p>
            <textarea
                id=id
                name=id
                rows="6"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    error.set(None);
                }
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
            ></textarea>
            <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// The Troubleshoot section of an Entra account's page.
#[component]
pub fn Troubleshoot(account: Memo<Option<Integration>>) -> impl IntoView {
    let error_text = RwSignal::new(String::new());
    let token_text = RwSignal::new(String::new());
    let error_problem = RwSignal::new(None::<String>);
    let token_problem = RwSignal::new(None::<String>);
    let findings = RwSignal::new(Vec::<Finding>::new());
    let token_checks = RwSignal::new(None::<Vec<TokenCheck>>);
    // The token is not kept once the page is left.
    on_cleanup(move || {
        token_text.try_set(String::new());
    });

    let check = move |_| {
        let Some(facts) = account.with_untracked(|a| a.as_ref().and_then(AccountFacts::of)) else {
            return;
        };
        let now = clock::now_unix();
        let (text, token) = (error_text.get_untracked(), token_text.get_untracked());
        if text.trim().is_empty() && token.trim().is_empty() {
            error_problem.set(Some("Paste an error or an access token first.".into()));
            findings.set(Vec::new());
            token_checks.set(None);
            return;
        }
        match (!text.trim().is_empty()).then(|| scan(&text)) {
            None => {
                error_problem.set(None);
                findings.set(Vec::new());
            }
            Some(Ok(e)) => {
                error_problem.set(None);
                findings.set(diagnose(&e, &facts, now));
            }
            Some(Err(e)) => {
                error_problem.set(Some(e.message()));
                findings.set(Vec::new());
            }
        }
        match (!token.trim().is_empty()).then(|| decode_token(&token)) {
            None => {
                token_problem.set(None);
                token_checks.set(None);
            }
            Some(Ok(claims)) => {
                token_problem.set(None);
                token_checks.set(Some(check_token(&claims, &facts, now)));
            }
            Some(Err(e)) => {
                token_problem.set(Some(e.message()));
                token_checks.set(None);
            }
        }
    };

    view! {
        <section class="panel troubleshoot" aria-labelledby="troubleshoot-title">
            <h2 id="troubleshoot-title">"Troubleshoot"</h2>
            <p>"When the platform reports an error for this account, paste it here. The page reads the error codes and the values in the message and checks them against this account."</p>
            <PasteBox
                id="troubleshoot-error"
                label="Paste an error"
                hint="The text the platform or a script printed, up to 20,000 characters."
                value=error_text
                error=error_problem
            />
            <PasteBox
                id="troubleshoot-token"
                label="Paste an access token (optional)"
                hint="An access token the platform obtained. It is decoded in this page, without verifying it, and never leaves the page; the box is cleared when you leave the page."
                value=token_text
                error=token_problem
            />
            <div class="button-row">
                <button type="button" class="button button-primary" on:click=check>"Check"</button>
            </div>
            <div class="troubleshoot-results" aria-live="polite">
                <Show when=move || findings.with(|f| !f.is_empty())>
                    <h3>"What the error says about this account"</h3>
                    <ul class="finding-list">
                        {move || findings.get().into_iter().map(|f| view! { <FindingItem finding=f account /> }).collect_view()}
                    </ul>
                </Show>
                {move || token_checks.get().map(|checks| view! { <TokenChecks checks /> })}
            </div>
        </section>
    }
}
