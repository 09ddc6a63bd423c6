//! "Link a New AWS Account": a CloudFormation stack creates a read-only role
//! that trusts the platform with this page's External ID; the person pastes
//! the stack's Role ARN and connects.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::browser::{clipboard, download};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::dialog::Dialog;
use crate::components::field::TextField;
use crate::components::touched::use_touched;
use crate::domain::aws::{
    field_error, read_only_role_template, validate, AwsAccountType, AwsField, ExternalId,
};
use crate::domain::links::{AwsDraft, Provider};
use crate::routes::{self, Page};
use crate::state::accounts::Accounts;
use crate::state::connect::connect_aws;
use crate::state::drafts::Drafts;
use crate::state::notices::{NoticeKind, Notices};
use crate::state::AppState;
use crate::store::drafts::FormDraft;

fn fresh_external_id() -> String {
    ExternalId::generate()
        .map(|e| e.as_str().to_string())
        .unwrap_or_default()
}

#[component]
pub fn AwsLinkPage() -> impl IntoView {
    let accounts = Accounts::expect();
    let drafts = Drafts::expect();
    let state = AppState::expect();
    let notices = Notices::expect();
    let navigate = use_navigate();
    let own = drafts.own(Provider::Aws).and_then(|f| f.aws().cloned());
    let adopt = own.is_none();
    let initial = own.unwrap_or_else(|| AwsDraft {
        external_id: fresh_external_id(),
        ..Default::default()
    });
    let account_type = RwSignal::new(initial.account_type);
    let name = RwSignal::new(initial.name.clone());
    let role_arn = RwSignal::new(initial.role_arn.clone());
    let external_id = RwSignal::new(initial.external_id.clone());
    let draft = Memo::new(move |_| AwsDraft {
        account_type: account_type.get(),
        name: name.get(),
        role_arn: role_arn.get(),
        external_id: external_id.get(),
    });
    // The first run is what was loaded; only changes are saved.
    Effect::new(move |seen: Option<()>| {
        let d = draft.get();
        if seen.is_some() {
            drafts.save_soon(Provider::Aws, FormDraft::Aws(d));
        }
    });
    if adopt {
        // A draft a closed tab left behind fills the form, unless typing began.
        spawn_local(async move {
            if let Some(FormDraft::Aws(d)) = drafts.adopt(Provider::Aws).await {
                // Not if the page was left meanwhile (its signals are gone).
                let pristine =
                    |s: RwSignal<String>| s.try_with_untracked(String::is_empty) == Some(true);
                if pristine(name) && pristine(role_arn) {
                    account_type.set(d.account_type);
                    name.set(d.name);
                    role_arn.set(d.role_arn);
                    external_id.set(d.external_id);
                }
            }
        });
    }

    let touched = use_touched::<AwsField>();
    let touch = move |f: AwsField| touched.touch(f);
    let error_of = move |f| touched.error(f, move |f| draft.with(|d| field_error(d, f)));

    let instructions_open = RwSignal::new(false);
    let instructions_button = NodeRef::<html::Button>::new();
    let copied = RwSignal::new(None::<&'static str>);
    let copy = move |_| {
        spawn_local(async move {
            let ok = clipboard::copy(&external_id.get_untracked()).await;
            copied.set(Some(if ok {
                "External ID copied."
            } else {
                "The browser did not allow copying; select the External ID and copy it by hand."
            }));
        });
    };
    let platform = state.config.aws_platform_account_id.clone();
    let template_error = RwSignal::new(false);
    let download_template = move |_| {
        let d = draft.get_untracked();
        let Ok(id) = ExternalId::parse(&d.external_id) else {
            return;
        };
        let yaml = read_only_role_template(d.account_type, &id, platform.as_deref());
        template_error.set(!download::save(
            "cloudlink-read-only-role.yaml",
            "application/x-yaml",
            yaml.as_bytes(),
        ));
    };

    let action_error = RwSignal::new(None::<String>);
    let config = state.config.clone();
    let connect = move |_| {
        touched.touch_all(&[AwsField::Name, AwsField::RoleArn]);
        let Some(values) = validate(&draft.get_untracked()) else {
            action_error.set(Some("Fix the fields marked above, then Connect.".into()));
            return;
        };
        let (config, navigate) = (config.clone(), navigate.clone());
        spawn_local(async move {
            match connect_aws(accounts, drafts, &config, values).await {
                Ok(link) => {
                    notices.push(
                        NoticeKind::Success,
                        format!("Connected \"{}\".", link.name.as_str()),
                    );
                    navigate(routes::list(Provider::Aws), Default::default());
                }
                Err(e) => action_error.set(Some(e.to_string())),
            }
        });
    };
    let start_over = move |_| {
        name.set(String::new());
        role_arn.set(String::new());
        account_type.set(AwsAccountType::default());
        external_id.set(fresh_external_id());
        touched.reset();
        action_error.set(None);
        spawn_local(async move { drafts.discard(Provider::Aws).await });
    };
    let type_radio = move |t: AwsAccountType| {
        let id = format!("account-type-{}", t.slug());
        view! {
            <label class="choice" for=id.clone()>
                <input type="radio" id=id.clone() name="account-type" prop:checked=move || account_type.get() == t on:change=move |_| account_type.set(t) />
                {t.label()}
            </label>
        }
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <Breadcrumbs page=Page::New(Provider::Aws) />
            <h1 id="page-title">"Link a New AWS Account"</h1>
            <p>
                <button type="button" class="button" node_ref=instructions_button on:click=move |_| instructions_open.set(true)>
                    "Click here for detailed instructions on how to connect"
                </button>
            </p>
            <Dialog open=instructions_open title_id="instructions-title" title="Connect AWS".to_string() return_focus=instructions_button>
                <ol class="steps">
                    <li>"Choose the account type and press " <strong>"Download CloudFormation template"</strong> "."</li>
                    <li>
                        "Sign in to the AWS account, open the " <strong>"CloudFormation console"</strong> " → "
                        <strong>"Create stack"</strong> " → " <strong>"With new resources"</strong> " → "
                        <strong>"Upload a template file"</strong> ", and choose the downloaded file."
                    </li>
                    <li>
                        "Name the stack, keep the parameters (the External ID must stay as shown on this page), acknowledge that the stack creates IAM resources, and "
                        <strong>"Submit"</strong> "."
                    </li>
                    <li>
                        "When the stack reaches CREATE_COMPLETE, open its " <strong>"Outputs"</strong>
                        " tab and copy the value of " <strong>"RoleArn"</strong> "."
                    </li>
                    <li>"Paste it into " <strong>"Role ARN"</strong> " below and press " <strong>"Connect"</strong> "."</li>
                </ol>
            </Dialog>
            <form class="panel" novalidate on:submit=|ev| ev.prevent_default()>
                <fieldset class="field">
                    <legend>"Account type"</legend>
                    {type_radio(AwsAccountType::Management)}
                    {type_radio(AwsAccountType::Linked)}
                    <p class="field-hint">"A management account also grants read access to billing."</p>
                </fieldset>
                <TextField id="aws-account-name" label="AWS Account Name" value=name error=error_of(AwsField::Name) on_blur=move |_| touch(AwsField::Name) />
                <div class="field">
                    <span class="field-label" id="external-id-label">"External ID"</span>
                    <p class="field-hint">"The stack trusts the platform only with this value. It stays the same for this draft."</p>
                    <code id="external-id" aria-labelledby="external-id-label">{move || external_id.get()}</code>
                    <div class="button-row">
                        <button type="button" class="button" on:click=copy>"Copy External ID"</button>
                        <button type="button" class="button" on:click=download_template>"Download CloudFormation template"</button>
                    </div>
                    <p class="field-hint" role="status">{move || copied.get()}</p>
                    <Show when=move || template_error.get()>
                        <p class="form-error" role="alert">"The browser blocked the download. Allow downloads for this site and try again."</p>
                    </Show>
                </div>
                <TextField id="role-arn" label="Role ARN" value=role_arn error=error_of(AwsField::RoleArn)
                    hint="From the stack's Outputs, such as arn:aws:iam::123456789012:role/CloudLinkReadOnly."
                    on_blur=move |_| touch(AwsField::RoleArn) />
            </form>
            <div class="panel">
                <p class="form-error" role="alert">{move || action_error.get()}</p>
                <div class="button-row">
                    <button type="button" class="button button-primary" on:click=connect>"Connect"</button>
                    <button type="button" class="button" on:click=start_over>"Start over"</button>
                </div>
            </div>
        </section>
    }
}
