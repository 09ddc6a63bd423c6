//! Edit a linked AWS account in place: name, account type and Role ARN. The
//! External ID stays, since the stack trusts exactly that value.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::entra_edit::after_save;
use crate::components::field::TextField;
use crate::components::touched::use_touched;
use crate::domain::aws::{field_error, validate, AwsAccountType, AwsField};
use crate::domain::links::{AwsDraft, Integration};
use crate::state::accounts::Accounts;
use crate::state::manage;
use crate::state::notices::Notices;
use crate::state::AppState;

#[component]
pub fn AwsEditForm(account: Integration, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
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
    let error_of = move |f| touched.error(f, move |f| draft.with(|d| field_error(d, f)));
    let form_error = RwSignal::new(None::<String>);
    let id = account.id.clone();
    let save = move |_| {
        touched.touch_all(&[AwsField::Name, AwsField::RoleArn]);
        let Some(values) = validate(&draft.get_untracked()) else {
            form_error.set(Some(
                "Fix the fields marked above, then Save changes.".into(),
            ));
            return;
        };
        let (config, id) = (config.clone(), id.clone());
        spawn_local(async move {
            let saved = manage::save_aws(accounts, &config, &id, values).await;
            after_save(saved, notices, form_error, on_close);
        });
    };
    let radio = move |t: AwsAccountType| {
        let id = format!("edit-account-type-{}", t.slug());
        view! {
            <label class="choice" for=id.clone()>
                <input type="radio" id=id.clone() name="edit-account-type" prop:checked=move || account_type.get() == t on:change=move |_| account_type.set(t) />
                {t.label()}
            </label>
        }
    };
    view! {
        <form class="panel" novalidate aria-labelledby="edit-title" on:submit=|ev| ev.prevent_default()>
            <h2 id="edit-title">"Edit account"</h2>
            <fieldset class="field">
                <legend>"Account type"</legend>
                {radio(AwsAccountType::Management)}
                {radio(AwsAccountType::Linked)}
            </fieldset>
            <TextField id="aws-account-name" label="AWS Account Name" value=name error=error_of(AwsField::Name)
                on_blur=move |_| touched.touch(AwsField::Name) />
            <TextField id="role-arn" label="Role ARN" value=role_arn error=error_of(AwsField::RoleArn)
                hint="The role must trust the platform with this account's External ID."
                on_blur=move |_| touched.touch(AwsField::RoleArn) />
            <p class="form-error" role="alert">{move || form_error.get()}</p>
            <div class="button-row">
                <button type="button" class="button button-primary" on:click=save>"Save changes"</button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </form>
    }
    .into_any()
}
