//! Set up with Microsoft sign-in, run: the admin signs in through a popup,
//! then the pure set-up (`domain::entra::setup::Setup`) names each Graph
//! call and this sends it with the admin's token.
//!
//! The token lives only inside one run: it is dropped when the run finishes
//! or stops, so it is never stored, and Retry signs in again. A run stops
//! before its next call when the page locks or signs out, so the token does
//! not outlive the session it was given in. What the form
//! gets is written into the form's own signals, which save the draft
//! through the one write path like typing does.

mod graph;
mod sign_in;

use leptos::prelude::*;

use crate::browser::{location, random, sign_in_popup};
use crate::domain::app::Config;
use crate::domain::entra::setup::{
    redirect_uri, setup_scope, Authority, Problem, Setup, SetupInput, SignInSecrets, SignedIn,
    StepId, StepState,
};
use crate::domain::entra::Cloud;
use crate::state::auth::Auth;
use crate::state::task::Task;
use graph::drive;
use sign_in::{complete, SignInStart};

/// The form fields a run fills: only those the set-up says are empty, and
/// Application ID at the end.
#[derive(Clone, Copy)]
pub struct FillTargets {
    pub tenant: RwSignal<String>,
    pub organization: RwSignal<String>,
    pub application_id: RwSignal<String>,
}

/// The label of the line before the six steps.
pub const SIGN_IN_LABEL: &str = "Sign in to Microsoft";

/// One set-up on the link page: its lines, and the run in progress.
#[derive(Clone, Copy)]
pub struct SignInSetup {
    pub sign_in: RwSignal<StepState>,
    pub steps: RwSignal<Vec<(StepId, StepState)>>,
    setup: StoredValue<Option<Setup>>,
    /// What the current `setup` was made from, so a changed form or a new
    /// certificate starts afresh instead of retrying the old one.
    input: StoredValue<Option<SetupInput>>,
    run: Task<Run, ()>,
}

#[derive(Clone)]
struct Run {
    start: SignInStart,
    graph_base: String,
    /// Who was signed in when the run began, and whether the keys were
    /// unlocked then (a page reloaded with a certificate made before may
    /// run the set-up while they are still locked: it needs no private key).
    user: Option<String>,
    unlocked: bool,
}

/// Whether the page is still as the run found it: the same person signed
/// in, and the keys not locked since.
fn still_open(auth: &Auth, user: &Option<String>, unlocked: bool) -> bool {
    auth.user_id_untracked() == *user && (!unlocked || auth.key_custody().is_some())
}

impl SignInSetup {
    pub fn new(targets: FillTargets) -> SignInSetup {
        let sign_in = RwSignal::new(StepState::Pending);
        let steps = RwSignal::new(Vec::new());
        let setup = StoredValue::new(None::<Setup>);
        let auth = Auth::expect();
        let run = Task::new(move |run: &Run| {
            let Run {
                start,
                graph_base,
                user,
                unlocked,
            } = run.clone();
            async move {
                // The page may have been left while Microsoft answered: then
                // the signals are gone, and nothing more is sent.
                let signed_in = match complete(start).await {
                    Ok(s) => s,
                    Err(problem) => {
                        sign_in.try_set(StepState::Failed(problem));
                        return;
                    }
                };
                if !still_open(&auth, &user, unlocked) {
                    sign_in.try_set(StepState::Failed(Problem::Interrupted));
                    return;
                }
                let same = setup.try_with_value(|s| same_tenant(s.as_ref(), &signed_in));
                match same {
                    Some(Ok(())) => {}
                    Some(Err(problem)) => {
                        sign_in.try_set(StepState::Failed(problem));
                        return;
                    }
                    None => return,
                }
                sign_in.try_set(StepState::Done);
                let open = || still_open(&auth, &user, unlocked);
                drive(&signed_in, &graph_base, &open, setup, steps, targets).await;
                // `signed_in`, and the token in it, end here.
            }
        });
        SignInSetup {
            sign_in,
            steps,
            setup,
            input: StoredValue::new(None),
            run,
        }
    }

    /// True while a run is under way.
    pub fn running(&self) -> Memo<bool> {
        self.run.pending()
    }

    /// Opens the sign-in and runs the set-up: afresh for a new `input`, or
    /// only the steps not done yet for the same one (Retry). Called straight
    /// from a click, since the browser allows the popup only then.
    pub fn start(&self, config: &Config, cloud: Cloud, input: SetupInput) {
        let Some(client_id) = config.setup_client_id else {
            return;
        };
        if self.run.pending().get_untracked() {
            return;
        }
        let fresh = self.input.with_value(|old| {
            self.setup
                .with_value(|s| needs_fresh(old.as_ref(), s.as_ref(), &input))
        });
        if fresh {
            self.setup.set_value(Some(Setup::new(input.clone())));
            self.input.set_value(Some(input));
        } else {
            self.setup.update_value(|s| {
                if let Some(s) = s {
                    s.retry();
                }
            });
        }
        self.show_steps();
        // A retry signs in to the tenant the first run found; a first run
        // lets the admin pick the account, and step 1 compares its tenant
        // with Tenant ID.
        let authority = self
            .setup
            .with_value(|s| s.as_ref().and_then(|s| s.produced().tenant_id))
            .and_then(|g| crate::domain::entra::TenantId::parse(g.as_str()).ok())
            .map_or(Authority::Organizations, Authority::Tenant);
        let secrets = SignInSecrets::from_random(&random::bytes());
        let sign_in_base = config.sign_in_host(cloud).to_string();
        let redirect = redirect_uri(&location::base_uri());
        let scope = setup_scope(cloud);
        let url = crate::domain::entra::setup::AuthorizeRequest {
            sign_in_base: &sign_in_base,
            authority: &authority,
            client_id,
            redirect_uri: &redirect,
            scope: &scope,
            secrets: &secrets,
        }
        .url();
        let auth = Auth::expect();
        let popup = match sign_in_popup::open(&url) {
            Ok(p) => p,
            Err(_) => return self.sign_in.set(StepState::Failed(Problem::PopupBlocked)),
        };
        self.sign_in.set(StepState::Running);
        self.run.dispatch(Run {
            start: SignInStart {
                popup,
                secrets,
                authority,
                client_id,
                sign_in_base,
                redirect_uri: redirect,
                scope,
            },
            graph_base: config.graph_host(cloud).to_string(),
            user: auth.user_id_untracked(),
            unlocked: auth.key_custody().is_some(),
        });
    }

    fn show_steps(&self) {
        let lines = self.setup.with_value(|s| {
            s.as_ref()
                .map(|s| s.steps().map(|(id, st)| (id, st.clone())).collect())
                .unwrap_or_default()
        });
        self.steps.set(lines);
    }
}

/// A new name or certificate is another set-up; so is another Tenant ID
/// than the one the first run was given, unless that run found it. The
/// fields a run fills itself never make a retry start over.
fn needs_fresh(old: Option<&SetupInput>, setup: Option<&Setup>, new: &SetupInput) -> bool {
    let (Some(old), Some(setup)) = (old, setup) else {
        return true;
    };
    let found = setup.produced().tenant_id;
    let tenant_moved = new.tenant_typed != old.tenant_typed
        && new.tenant_typed.as_ref().and_then(|t| t.guid())
            != found.filter(|_| new.tenant_typed.is_some());
    old.account_name != new.account_name || old.thumbprint != new.thumbprint || tenant_moved
}

/// A second sign-in (Retry) must reach the tenant the finished steps worked
/// in: its objects' IDs mean nothing in another one.
fn same_tenant(setup: Option<&Setup>, signed_in: &SignedIn) -> Result<(), Problem> {
    let Some(found) = setup.and_then(|s| s.produced().tenant_id) else {
        return Ok(());
    };
    match signed_in.tenant_id {
        Some(tid) if tid != found => Err(Problem::DifferentTenant {
            typed: found.as_str().to_string(),
            signed_in: tid.as_str().to_string(),
        }),
        _ => Ok(()),
    }
}
