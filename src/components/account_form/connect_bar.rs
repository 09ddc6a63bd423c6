//! The foot of a link page: what the steps above are doing or what went
//! wrong, then Connect and Start over. Connect submits the page's account
//! form, so Enter in one of its fields connects too.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::form::shown_after;
use crate::components::shell::use_navigate_to;
use crate::domain::app::routes::Route;
use crate::domain::aws::AwsValues;
use crate::domain::entra::EntraValues;
use crate::domain::links::{EntraDraft, LinkStatus, Provider};
use crate::state::accounts::Accounts;
use crate::state::connect::{connect_aws, connect_entra};
use crate::state::drafts::Drafts;
use crate::state::notices::{NoticeKind, Notices};
use crate::state::task::Task;
use crate::state::AppState;

/// What the steps of a link page report to its foot: one line of progress
/// and one of errors, whichever step they come from.
#[derive(Clone, Copy)]
pub struct StepStatus {
    pub error: RwSignal<Option<String>>,
    work: RwSignal<Vec<(Memo<bool>, &'static str)>>,
}

impl StepStatus {
    pub fn new() -> Self {
        Self {
            error: RwSignal::new(None),
            work: RwSignal::new(Vec::new()),
        }
    }

    /// Shows `text` as progress while `pending`.
    pub fn show(&self, pending: Memo<bool>, text: &'static str) {
        self.work.update(|w| w.push((pending, text)));
    }

    /// The text of the work under way.
    pub fn busy(&self) -> Option<&'static str> {
        let work = self.work;
        work.with(|w| w.iter().find(|(p, _)| p.get()).map(|(_, t)| *t))
    }
}

impl Default for StepStatus {
    fn default() -> Self {
        Self::new()
    }
}

/// What Connect sends, once the fields are valid.
#[derive(Clone)]
pub enum Connection {
    Entra(Provider, EntraValues, Box<EntraDraft>),
    Aws(AwsValues),
}

impl Connection {
    fn provider(&self) -> Provider {
        match self {
            Connection::Entra(provider, ..) => *provider,
            Connection::Aws(_) => Provider::Aws,
        }
    }
}

/// Connect's work, made by the page before its view: the page's account
/// form submits it (Enter in a field, or Connect, which is that form's
/// submit button though it stands in the bar below).
#[derive(Clone, Copy)]
pub struct Connect {
    provider: Provider,
    status: StepStatus,
    prepare: Callback<(), Option<Connection>>,
    task: Task<Connection, ()>,
    connecting: Option<&'static str>,
}

impl Connect {
    /// `prepare` marks every field and gives what to connect, or `None` if
    /// one is wrong; `connecting`, if given, is the progress line's text.
    pub fn new(
        provider: Provider,
        status: StepStatus,
        prepare: impl Into<Callback<(), Option<Connection>>>,
        connecting: Option<&'static str>,
    ) -> Self {
        let accounts = Accounts::expect();
        let drafts = Drafts::expect();
        let notices = Notices::expect();
        let config = AppState::expect().config;
        let navigate = use_navigate_to();
        let error = status.error;
        let task = Task::new(move |c: &Connection| {
            let (c, config, navigate) = (c.clone(), config.clone(), navigate.clone());
            async move {
                let provider = c.provider();
                let result = match c {
                    Connection::Entra(provider, values, d) => {
                        connect_entra(accounts, drafts, &config, provider, values, &d).await
                    }
                    Connection::Aws(values) => connect_aws(accounts, drafts, &config, values).await,
                };
                match result {
                    Ok(link) => {
                        notices.push(
                            NoticeKind::Success,
                            format!("Connected \"{}\".", link.name.as_str()),
                        );
                        if link.status == LinkStatus::TenantNotVerified {
                            notices.push(
                                NoticeKind::Warning,
                                format!(
                                    "\"{}\" is linked, but its tenant could not be checked. Retry the check from the account's page.",
                                    link.name.as_str()
                                ),
                            );
                        }
                        navigate(&Route::List(provider).path());
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            }
        });
        if let Some(text) = connecting {
            status.show(task.pending(), text);
        }
        Self {
            provider,
            status,
            prepare: prepare.into(),
            task,
            connecting,
        }
    }

    /// The account form's submit. While Connect or another step is at
    /// work, a second submit does nothing, as the disabled button does.
    pub fn submit(&self, ev: SubmitEvent) {
        ev.prevent_default();
        if self.status.busy().is_some() {
            return;
        }
        let error = self.status.error;
        match self.prepare.run(()) {
            Some(c) => {
                error.set(None);
                self.task.dispatch(c);
            }
            None => error.set(Some("Fix the fields marked above, then Connect.".into())),
        }
    }
}

/// Progress, errors, Connect (success notice, then the provider's list) and Start over.
#[component]
pub fn ConnectBar(
    connect: Connect,
    /// The id of the account form that Connect submits.
    form: &'static str,
    /// Connect stays disabled until this holds.
    #[prop(into, default = Signal::stored(true))]
    ready: Signal<bool>,
    /// Empties the form; the bar discards the stored draft itself.
    #[prop(into)]
    on_start_over: Callback<()>,
) -> impl IntoView {
    let drafts = Drafts::expect();
    let Connect {
        provider,
        status,
        connecting,
        ..
    } = connect;
    let error = status.error;
    let discard = Task::new(move |_: &()| async move { drafts.discard(provider).await });
    let start_over = move |_| {
        on_start_over.run(());
        error.set(None);
        discard.dispatch(());
    };
    // Progress shows only once a wait is long enough to notice.
    let progress = shown_after(
        Signal::derive(move || status.busy()),
        std::time::Duration::from_millis(150),
    );
    view! {
        <div class="panel">
            {connecting.map(|_| view! {
                <p class="progress" role="status" aria-live="polite">
                    {move || progress.get().map(|text| view! { <span class="spinner" aria-hidden="true"></span> " " {text} })}
                </p>
            })}
            <p class="form-error" role="alert">{move || error.get()}</p>
            <div class="button-row">
                <button type="submit" form=form class="button button-primary"
                    disabled=move || !ready.get() || status.busy().is_some()>
                    "Connect"
                </button>
                <button type="button" class="button" on:click=start_over>"Start over"</button>
            </div>
        </div>
    }
}
