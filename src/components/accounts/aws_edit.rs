//! Edit a linked AWS account in place: name, account type and Role ARN. The
//! External ID stays, since the stack trusts exactly that value.

use leptos::prelude::*;

use crate::components::account_form::AwsFields;
use crate::components::accounts::{after_save, EditFormFrame, SaveOutcome, FIX_FIELDS};
use crate::domain::aws::{validate, AwsField, AwsValues};
use crate::domain::links::{AwsDraft, Integration};
use crate::hooks::use_aws_draft::AwsInputs;
use crate::hooks::use_touched::use_touched;
use crate::state::accounts::Accounts;
use crate::state::auth::Auth;
use crate::state::manage;
use crate::state::notices::Notices;
use crate::state::task::Task;
use crate::state::AppState;

/// Name, account type and Role ARN of a linked AWS account, saved in place.
#[component]
pub fn AwsEditForm(account: Integration, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let auth = Auth::expect();
    let accounts = Accounts::expect();
    let notices = Notices::expect();
    let config = AppState::expect().config;
    let Some(link) = account.aws().cloned() else {
        return ().into_any();
    };
    let name = RwSignal::new(account.name.as_str().to_string());
    let role_arn = RwSignal::new(link.role_arn.as_str().to_string());
    let account_type = RwSignal::new(link.account_type);
    let external_id = link.external_id.as_str().to_string();
    let draft = Memo::new(move |_| AwsDraft {
        account_type: account_type.get(),
        name: name.get(),
        role_arn: role_arn.get(),
        external_id: external_id.clone(),
    });
    let touched = use_touched::<AwsField>();
    let inputs = AwsInputs {
        account_type,
        name,
        role_arn,
    };
    let outcome = SaveOutcome::new();
    let form_error = outcome.form_error;
    let id = account.id.clone();
    let save_action = Task::new(move |values: &AwsValues| {
        let (config, id, values) = (config.clone(), id.clone(), values.clone());
        async move {
            let saved = manage::save_aws(&auth, accounts, &config, &id, values).await;
            after_save(saved, notices, outcome, on_close);
        }
    });
    let saving = save_action.pending();
    let save = move |()| {
        touched.touch_all(&[AwsField::Name, AwsField::RoleArn]);
        let Some(values) = validate(&draft.get_untracked()) else {
            form_error.set(Some(FIX_FIELDS.into()));
            return;
        };
        save_action.dispatch(values);
    };
    view! {
        <EditFormFrame outcome saving on_save=save on_close>
            <AwsFields inputs draft touched id_prefix="edit-"
                role_arn_hint="The role must trust the platform with this account's External ID." />
        </EditFormFrame>
    }
    .into_any()
}
