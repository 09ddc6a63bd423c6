//! The link page's Set up with Microsoft sign-in: the run, the form values
//! it starts from, and the fields it fills.

use leptos::prelude::*;

use crate::domain::app::Config;
use crate::domain::entra::setup::{Problem, SetupInput, StepId, StepState};
use crate::domain::entra::{EntraField, TenantId};
use crate::domain::links::Provider;
use crate::domain::setup_script::known_thumbprints;
use crate::domain::text::DisplayName;
use crate::hooks::use_entra_draft::UseEntraDraftReturn;
use crate::hooks::use_touched::Touched;
use crate::state::sign_in_setup::{FillTargets, SignInSetup, SIGN_IN_LABEL};
use crate::state::AppState;

/// The name each key credential carries in the app registration.
const KEY_NAME: &str = "CloudLink";

#[derive(Clone, Copy)]
pub struct UseSignInSetupReturn {
    /// Whether the platform configured a sign-in app (`setupClientId`), on
    /// the Microsoft 365 page: the steps grant Exchange.ManageAsApp, which an
    /// Azure account does not take.
    pub offered: bool,
    pub run: SignInSetup,
    /// Why the set-up cannot start, said next to its button.
    pub blocked: RwSignal<Option<String>>,
    form: UseEntraDraftReturn,
    touched: Touched<EntraField>,
    config: StoredValue<Config>,
}

impl UseSignInSetupReturn {
    /// Every line as (label, state), the sign-in first; none before a start.
    pub fn lines(&self) -> Vec<(&'static str, StepState)> {
        let steps = self.run.steps.get();
        if steps.is_empty() {
            return Vec::new();
        }
        let mut lines = vec![(SIGN_IN_LABEL, self.run.sign_in.get())];
        lines.extend(steps.into_iter().map(|(id, st)| (id.label(), st)));
        lines
    }

    /// A tenant that is not the one typed, shown next to Tenant ID too.
    pub fn tenant_error(&self) -> Option<String> {
        let different = |st: &StepState| match st {
            StepState::Failed(p @ Problem::DifferentTenant { .. }) => Some(p.why()),
            _ => None,
        };
        let from_steps = self.run.steps.with(|s| {
            s.iter()
                .find(|(id, _)| *id == StepId::Organization)
                .and_then(|(_, st)| different(st))
        });
        from_steps.or_else(|| self.run.sign_in.with(different))
    }

    /// Set up with Microsoft sign-in, and Retry: from a click only.
    pub fn start(&self) {
        let input = match setup_input(&self.form) {
            Ok(input) => input,
            Err((field, message)) => {
                self.touched.touch(field);
                return self.blocked.set(Some(message));
            }
        };
        self.blocked.set(None);
        let cloud = self.form.cloud.get_untracked();
        self.config.with_value(|c| self.run.start(c, cloud, input));
    }
}

pub fn use_sign_in_setup(
    provider: Provider,
    form: UseEntraDraftReturn,
    touched: Touched<EntraField>,
) -> UseSignInSetupReturn {
    let state = AppState::expect();
    let run = SignInSetup::new(FillTargets {
        tenant: form.tenant,
        organization: form.organization,
        application_id: form.application_id,
    });
    UseSignInSetupReturn {
        offered: provider == Provider::Microsoft && state.config.setup_client_id.is_some(),
        run,
        blocked: RwSignal::new(None),
        form,
        touched,
        config: StoredValue::new(state.config.clone()),
    }
}

/// The set-up's input from the form as typed now.
fn setup_input(form: &UseEntraDraftReturn) -> Result<SetupInput, (EntraField, String)> {
    let certificate = form.certificate.get_untracked();
    let parsed = certificate.as_ref().and_then(|r| r.certificate().ok());
    let Some(cert) = parsed else {
        return Err((EntraField::Name, "Generate Public Key first.".into()));
    };
    let name = DisplayName::parse(&form.name.get_untracked()).map_err(|e| {
        let message = format!(
            "The set-up needs a valid Microsoft Account Name: {}.",
            e.message()
        );
        (EntraField::Name, message)
    })?;
    let tenant = form.tenant.get_untracked();
    let tenant_typed = match tenant.trim() {
        "" => None,
        t => Some(TenantId::parse(t).map_err(|_| {
            let message = "Correct Tenant ID, or clear it to fill it from the sign-in.";
            (EntraField::Tenant, message.to_string())
        })?),
    };
    let organization = form.organization.get_untracked();
    Ok(SetupInput {
        account_name: name.as_str().to_string(),
        tenant_typed,
        organization_typed: Some(organization.trim().to_string()).filter(|o| !o.is_empty()),
        key_credential: cert.key_credential(KEY_NAME),
        thumbprint: cert.sha1_thumbprint(),
        known_thumbprints: known_thumbprints(&certificate),
    })
}
