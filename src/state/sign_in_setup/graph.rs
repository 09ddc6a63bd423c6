//! The Graph half of a run: each request the set-up names, sent with the
//! admin's token, and the form filled as the set-up learns.

use leptos::prelude::*;

use super::FillTargets;
use crate::browser::http;
use crate::domain::entra::setup::{Next, Problem, Setup, SignedIn, StepId, StepState};

/// Sends each request the set-up names until it finishes or stops, showing
/// every step's line as it changes and filling the form as it learns. A
/// request is sent only while `open()` holds.
pub(super) async fn drive(
    signed_in: &SignedIn,
    graph_base: &str,
    open: &dyn Fn() -> bool,
    setup: StoredValue<Option<Setup>>,
    steps: RwSignal<Vec<(StepId, StepState)>>,
    targets: FillTargets,
) {
    loop {
        let next = setup.try_update_value(|s| s.as_mut().map(Setup::next_step));
        show(setup, steps, targets);
        let Some(Some(Next::Send(request))) = next else {
            return;
        };
        if !open() {
            setup.try_update_value(|s| s.as_mut().map(|s| s.stop(Problem::Interrupted)));
            show(setup, steps, targets);
            return;
        }
        let bearer = signed_in.token.bearer();
        let body = request.body.as_ref().map(|b| b.to_string());
        let mut headers = vec![("Authorization", bearer.as_str())];
        if body.is_some() {
            headers.push(("Content-Type", "application/json"));
        }
        let method = request.method.as_str();
        let answer = http::send(method, &request.url(graph_base), &headers, body.as_deref()).await;
        setup.try_update_value(|s| {
            if let Some(s) = s {
                match &answer {
                    Ok((status, text)) => s.receive(*status, text),
                    Err(_) => s.receive_nothing("Microsoft Graph could not be reached"),
                }
            }
        });
    }
}

/// The lines, and the form fields the set-up has values for.
fn show(
    setup: StoredValue<Option<Setup>>,
    steps: RwSignal<Vec<(StepId, StepState)>>,
    targets: FillTargets,
) {
    let Some(Some((lines, fill))) = setup.try_with_value(|s| {
        s.as_ref().map(|s| {
            let lines: Vec<_> = s.steps().map(|(id, st)| (id, st.clone())).collect();
            (lines, s.fill())
        })
    }) else {
        return;
    };
    steps.try_set(lines);
    let set = |target: RwSignal<String>, value: String| {
        if target.try_get_untracked().as_deref() != Some(value.as_str()) {
            target.try_set(value);
        }
    };
    if let Some(t) = fill.tenant_id {
        set(targets.tenant, t.as_str().to_string());
    }
    if let Some(o) = fill.organization_name {
        set(targets.organization, o);
    }
    if let Some(a) = fill.application_id {
        set(targets.application_id, a.as_str().to_string());
    }
}
