//! Home: a greeting and the state of the linked accounts.

use leptos::prelude::*;

use crate::browser::clock;
use crate::components::shell::Link;
use crate::crypto::utc_date;
use crate::domain::app::routes::{self, Route};
use crate::domain::links::{report, summarise, Due, ExpiryStatus, Provider, ProviderSummary};
use crate::state::accounts::Accounts;
use crate::state::auth::Auth;

/// The landing page once an account is connected.
#[component]
pub fn HomePage() -> impl IntoView {
    let auth = Auth::expect();
    let accounts = Accounts::expect();
    let summaries = move || accounts.with(summarise);
    let any = move || accounts.has_connection();
    // Drawn again for the next load whenever what Home shows changes.
    Effect::new(move |_| {
        accounts.with(|_| ());
        let _ = auth.email();
        accounts.keep_home_copy();
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">"Home"</h1>
            <p class="lead">{move || format!("Welcome back, {}.", auth.email().unwrap_or_default())}</p>
            <Show
                when=any
                fallback=|| {
                    view! {
                        <div class="panel empty-state">
                            <h2>"No accounts linked yet"</h2>
                            <p>"Link an AWS, Azure or Microsoft account to start."</p>
                            <Link to=Route::Integrations.path() class="button button-primary">"Go to Integrations"</Link>
                        </div>
                    }
                }
            >
                <h2>"Linked accounts"</h2>
                <table class="summary-table">
                    <thead>
                        <tr>
                            <th scope="col">"Provider"</th>
                            <th scope="col">"Accounts"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Nearest certificate expiry"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || summaries().into_iter().map(summary_row).collect_view()}
                    </tbody>
                </table>
                <p>
                    <Link to=Route::Integrations.path()>"Manage integrations"</Link>
                </p>
                <section class="panel" aria-labelledby="expiry-title">
                    <h2 id="expiry-title">"Certificates"</h2>
                    {move || {
                        let r = accounts.with(|l| report(l, clock::now_unix()));
                        if r.due.is_empty() {
                            r.next_expiry_unix
                                .map(|t| view! {
                                    <p>{format!("All certificates are valid. The next one expires on {}.", utc_date(t))}</p>
                                })
                                .into_any()
                        } else {
                            view! {
                                <p>"These certificates expire within 30 days or have expired. Renew them before sign-ins stop working."</p>
                                <ul class="due-list" role="list">{r.due.into_iter().map(due_row).collect_view()}</ul>
                            }
                            .into_any()
                        }
                    }}
                </section>
            </Show>
        </section>
    }
}

fn summary_row(s: ProviderSummary) -> impl IntoView {
    let status = match (s.count, s.unverified) {
        (0, _) => "Not linked".to_string(),
        (_, 0) => "All connected".to_string(),
        (_, n) => format!("{n} tenant not verified"),
    };
    let expiry = s.nearest_expiry_unix.map(|t| {
        let state = ExpiryStatus::at(t, clock::now_unix());
        format!("{} ({})", utc_date(t), state.label())
    });
    view! {
        <tr>
            <th scope="row">{s.provider.label()}</th>
            <td>{s.count}</td>
            <td>{status}</td>
            <td>{expiry.unwrap_or_else(|| "—".to_string())}</td>
        </tr>
    }
}

fn due_row(d: Due) -> impl IntoView {
    // Only Entra accounts sign in with a certificate.
    match d.provider {
        Provider::Azure | Provider::Microsoft => {}
        Provider::Aws => return ().into_any(),
    }
    let to = routes::renew(d.provider, &d.id);
    let when = match d.status {
        ExpiryStatus::Expired => format!("expired on {}", utc_date(d.not_after_unix)),
        _ => format!(
            "expires on {} ({})",
            utc_date(d.not_after_unix),
            d.status.label()
        ),
    };
    view! {
        <li>
            <strong>{d.name.clone()}</strong>
            {format!(" ({}) {when}. ", d.provider.label())}
            <Link to>{format!("Renew the certificate of {}", d.name)}</Link>
        </li>
    }
    .into_any()
}
