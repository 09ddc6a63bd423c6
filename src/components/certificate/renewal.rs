//! Renew certificate: a new certificate waits beside the current one while it
//! is uploaded to the app registration, then takes over; the old one stays as
//! Previous certificate until it is forgotten.

use leptos::prelude::*;

use crate::components::certificate::KeyOptions;
use crate::components::certificate::PendingCertificate;
use crate::components::certificate::PreviousCertificate;
use crate::components::certificate::UnlockWhenNeeded;
use crate::crypto::{Certificate, Lifetime};
use crate::domain::links::Integration;
use crate::domain::setup_script::append_certificate;
use crate::state::accounts::Accounts;
use crate::state::auth::Auth;
use crate::state::certificates::{KeyAhead, KeyError};
use crate::state::manage::{self, ChangeError, RenewError};
use crate::state::notices::{NoticeKind, Notices};
use crate::state::task::Task;
use crate::state::AppState;

/// The lifetime choice closest to how long `c` was valid for; the default
/// when its validity is unknown.
fn lifetime_of(c: &Certificate) -> Lifetime {
    let (Some(from), Some(until)) = (c.not_before_unix(), c.not_after_unix()) else {
        return Lifetime::default();
    };
    let months = (until - from) as f64 / (30.44 * 86_400.0);
    Lifetime::ALL
        .into_iter()
        .min_by_key(|l| (f64::from(l.months()) - months).abs() as i64)
        .unwrap_or_default()
}

/// What the renewal's buttons do once a new certificate exists.
#[derive(Clone, Copy)]
enum Step {
    Use,
    Cancel,
    Forget,
}

/// What runs once the password unlocks the keys.
#[derive(Clone, Copy)]
enum AfterUnlock {
    Generate,
    Step(Step),
}

#[component]
pub fn RenewalPanel(
    /// The account as stored now; its certificates change as the renewal goes.
    account: Memo<Option<Integration>>,
    /// Opened from a link that asks for the renewal (Home's expiry list).
    start_open: bool,
) -> impl IntoView {
    let auth = Auth::expect();
    let accounts = Accounts::expect();
    let notices = Notices::expect();
    let config = AppState::expect().config;
    let current = move || {
        account.with(|a| {
            a.as_ref()
                .and_then(|a| a.entra())
                .map(|e| e.certificate.clone())
        })
    };
    let first = current();
    let key_type = RwSignal::new(first.as_ref().map(|r| r.key_type).unwrap_or_default());
    let lifetime = RwSignal::new(
        first
            .and_then(|r| r.certificate().ok())
            .map(|c| lifetime_of(&c))
            .unwrap_or_default(),
    );
    let pending = Memo::new(move |_| {
        account.with(|a| {
            a.as_ref()
                .and_then(|a| a.entra())
                .and_then(|e| e.pending_certificate.as_ref())
                .and_then(|r| r.certificate().ok())
        })
    });
    let previous = Memo::new(move |_| {
        account.with(|a| {
            a.as_ref()
                .and_then(|a| a.entra())
                .and_then(|e| e.previous_certificate.as_ref())
                .and_then(|r| r.certificate().ok())
        })
    });
    // The same kind of script as on the link page, for the existing app.
    let script = Signal::derive(move || {
        let c = pending.get()?;
        account.with(|a| {
            let a = a.as_ref()?;
            append_certificate(a, &c).map(|r| r.map_err(|e| e.message().to_string()))
        })
    });
    let cloud = Signal::derive(move || {
        account.with(|a| {
            a.as_ref()
                .and_then(|a| a.entra())
                .map(|e| e.cloud)
                .unwrap_or_default()
        })
    });
    let name = move || {
        account.with(|a| {
            a.as_ref()
                .map(|a| a.name.as_str().to_string())
                .unwrap_or_default()
        })
    };
    let id =
        move || account.with_untracked(|a| a.as_ref().map(|a| a.id.clone()).unwrap_or_default());

    let open = RwSignal::new(start_open);
    // Once the renewal is open with unlocked keys, the key pair starts early.
    let ahead = KeyAhead::new();
    Effect::new(move |_| {
        pending.track();
        if open.get() && auth.is_unlocked() {
            ahead.prepare(key_type.get());
        }
    });
    on_cleanup(move || ahead.drop_unused());
    let needs_unlock = RwSignal::new(false);
    let after_unlock = StoredValue::new(AfterUnlock::Generate);
    let error = RwSignal::new(None::<String>);
    // The page may be left while a step finishes, so results use `try_set`.
    let renew = Task::new(move |snapshot: &Integration| {
        let snapshot = snapshot.clone();
        let (key_type, lifetime) = (key_type.get_untracked(), lifetime.get_untracked());
        async move {
            match manage::renew(&auth, accounts, &snapshot, key_type, lifetime, ahead).await {
                Ok(()) => {}
                Err(RenewError::Key(KeyError::Locked)) => {
                    after_unlock.try_set_value(AfterUnlock::Generate);
                    needs_unlock.try_set(true);
                }
                Err(e) => {
                    error.try_set(Some(e.to_string()));
                }
            }
        }
    });
    let busy = renew.pending();
    let generate = move || {
        let Some(snapshot) = account.get_untracked() else {
            return;
        };
        error.set(None);
        renew.dispatch(snapshot);
    };
    let config = StoredValue::new(config);
    let step = Task::new(move |what: &Step| {
        let (what, config, id) = (*what, config.get_value(), id());
        async move {
            let done = match what {
                Step::Use => manage::use_new(&auth, accounts, &config, &id).await,
                Step::Cancel => manage::cancel_renewal(&auth, accounts, &config, &id).await,
                Step::Forget => manage::forget_previous(accounts, &config, &id).await,
            };
            match (done, what) {
                (Err(ChangeError::Locked), _) => {
                    after_unlock.try_set_value(AfterUnlock::Step(what));
                    needs_unlock.try_set(true);
                }
                (Err(e), _) => {
                    error.try_set(Some(e.to_string()));
                }
                (Ok(()), Step::Use) => {
                    open.try_set(false);
                    notices.push(
                        NoticeKind::Success,
                        "The new certificate is in use. Delete the previous one from the app registration once nothing signs in with it.",
                    );
                }
                (Ok(()), Step::Cancel | Step::Forget) => {}
            }
        }
    });
    let run = move |what: Step| {
        Callback::new(move |()| {
            step.dispatch(what);
        })
    };
    let (use_new, cancel, forget) = (run(Step::Use), run(Step::Cancel), run(Step::Forget));

    view! {
        <section class="panel" aria-labelledby="renew-title" id="renewal">
            <h2 id="renew-title">"Renew certificate"</h2>
            <Show
                when=move || open.get() || pending.with(Option::is_some)
                fallback=move || view! {
                    <p>"Make a new certificate before this one expires. The current one keeps working until you switch."</p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| open.set(true)>"Renew certificate"</button>
                    </div>
                }
            >
                <KeyOptions key_type lifetime />
                <UnlockWhenNeeded needed=needs_unlock then=move |_| match after_unlock.get_value() {
                    AfterUnlock::Generate => generate(),
                    AfterUnlock::Step(what) => step.dispatch(what),
                } />
                <div class="button-row">
                    <button type="button" class="button button-primary" on:click=move |_| generate() disabled=move || busy.get()>
                        {move || if pending.with(Option::is_some) { "Generate another new certificate" } else { "Generate new certificate" }}
                    </button>
                </div>
                <p class="progress" role="status" aria-live="polite">
                    {move || busy.get().then(|| view! { <span class="spinner" aria-hidden="true"></span> " Generating the key pair and certificate…" })}
                </p>
                {move || pending.get().map(|c| view! {
                    <PendingCertificate certificate=c account_name=format!("{} new", name()) name=Signal::derive(name) script cloud on_use=use_new on_cancel=cancel />
                })}
            </Show>
            <p class="form-error" role="alert">{move || error.get()}</p>
            <PreviousCertificate previous on_forget=forget />
        </section>
    }
}
