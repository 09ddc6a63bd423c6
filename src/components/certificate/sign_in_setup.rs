//! "Set up with Microsoft sign-in": one sign-in in a popup, then CloudLink
//! registers the app itself. Shown where the platform configured its
//! sign-in app, once the page has a certificate to put on the app.

use leptos::html;
use leptos::prelude::*;

use crate::domain::entra::setup::{setup_permissions, StepState};
use crate::hooks::use_sign_in_setup::UseSignInSetupReturn;

fn state_word(state: &StepState) -> &'static str {
    match state {
        StepState::Pending => "waiting",
        StepState::Running => "running",
        StepState::Done => "done",
        StepState::Failed(_) => "failed",
    }
}

/// The line under way, or the one that failed; nothing before a start.
fn now_line(lines: &[(&'static str, StepState)]) -> String {
    let current = lines
        .iter()
        .find(|(_, st)| matches!(st, StepState::Running | StepState::Failed(_)));
    match current {
        Some((label, st)) => format!("{label}: {}", state_word(st)),
        None if !lines.is_empty() && lines.iter().all(|(_, st)| *st == StepState::Done) => {
            "Every step is done.".into()
        }
        None => String::new(),
    }
}

#[component]
pub fn SignInSetup(setup: UseSignInSetupReturn, has_certificate: Signal<bool>) -> impl IntoView {
    let run = setup.run;
    let running = run.running();
    let problem = move || {
        let failed = |st: StepState| match st {
            StepState::Failed(p) => Some(p),
            _ => None,
        };
        failed(run.sign_in.get())
            .or_else(|| run.steps.get().into_iter().find_map(|(_, st)| failed(st)))
    };
    let finished = move || {
        let steps = run.steps.get();
        !steps.is_empty() && steps.iter().all(|(_, st)| *st == StepState::Done)
    };
    // A run that stops takes the focus to what went wrong and its Retry.
    let problem_box = NodeRef::<html::Div>::new();
    Effect::new(move |was_running: Option<bool>| {
        let now = running.get();
        if was_running == Some(true) && !now && problem().is_some() {
            if let Some(el) = problem_box.get() {
                let _ = el.focus();
            }
        }
        now
    });
    let on_start = move |_| {
        if !running.get_untracked() {
            setup.start();
        }
    };

    view! {
        <Show when=move || setup.offered && has_certificate.get()>
            <section class="panel" aria-labelledby="sign-in-setup-title">
                <h2 id="sign-in-setup-title">"Set up with Microsoft sign-in"</h2>
                <p>"Sign in once as an administrator of the tenant, in a window Microsoft opens, and CloudLink registers the app itself: it creates the app registration with this certificate as its only credential, grants Exchange.ManageAsApp, assigns Global Reader, and fills in the form. The sign-in is forgotten when the set-up ends."</p>
                <p class="field-hint" id="sign-in-setup-hint">
                    "The account needs Privileged Role Administrator or Global Administrator. It asks Microsoft for: "
                    {setup_permissions().join(", ")}"."
                </p>
                <div class="button-row">
                    <button type="button" class="button" aria-describedby="sign-in-setup-hint sign-in-setup-blocked"
                        aria-disabled=move || running.get().then_some("true")
                        on:click=on_start>
                        "Set up with Microsoft sign-in"
                    </button>
                </div>
                <p class="form-error" id="sign-in-setup-blocked" role="alert">{move || setup.blocked.get()}</p>
                <ol class="setup-lines" aria-label="Set-up steps">
                    {move || setup.lines().into_iter().map(|(label, st)| {
                        let word = state_word(&st);
                        view! { <li data-state=word>{label}": "<strong>{word}</strong></li> }
                    }).collect_view()}
                </ol>
                // The list is redrawn as a whole; announcing only the line
                // that changed keeps a screen reader from reading all seven.
                <p class="visually-hidden" role="status">{move || now_line(&setup.lines())}</p>
                {move || problem().map(|p| view! {
                    <div class="notice notice-warning setup-problem" role="alert" tabindex="-1" node_ref=problem_box>
                        <p>{p.why()}</p>
                        <p>{p.what_to_do()}</p>
                        <div class="button-row">
                            <button type="button" class="button" on:click=on_start>"Retry"</button>
                        </div>
                    </div>
                })}
                <Show when=finished>
                    <p role="status">"The set-up is done and Application ID is filled in. Connect is the next step."</p>
                </Show>
            </section>
        </Show>
    }
}
