//! "Link a New AWS Account": a CloudFormation stack creates a read-only role
//! that trusts the platform with the External ID (the portal's when
//! embedded, else this page's); the person pastes the stack's Role ARN and
//! connects.

use leptos::prelude::*;

use crate::components::account_form::AwsFields;
use crate::components::account_form::ExternalIdField;
use crate::components::account_form::InstructionsButton;
use crate::components::account_form::{Connect, ConnectBar, Connection, StepStatus};
use crate::components::shell::Breadcrumbs;
use crate::domain::app::routes::Route;
use crate::domain::aws::{validate, AwsField};
use crate::domain::links::Provider;
use crate::hooks::use_aws_draft::use_aws_draft;
use crate::hooks::use_touched::use_touched;
use crate::state::AppState;

const ACCOUNT_FORM: &str = "account-form";

/// The link page for AWS.
#[component]
pub fn AwsLinkPage() -> impl IntoView {
    let state = AppState::expect();
    let form = use_aws_draft();
    let draft = form.draft;
    let touched = use_touched::<AwsField>();
    let platform = state.config.aws_platform_account_id.clone();
    let source = form.external_id_source;
    let external_id = move || view! { <ExternalIdField draft source platform=platform.clone() /> };
    let prepare = move || {
        touched.touch_all(&[AwsField::Name, AwsField::RoleArn]);
        validate(&draft.get_untracked()).map(Connection::Aws)
    };
    let connect = Connect::new(
        Provider::Aws,
        StepStatus::new(),
        prepare,
        Some("Connecting…"),
    );
    let start_over = move |_| {
        form.clear();
        touched.reset();
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <Breadcrumbs page=Route::New(Provider::Aws) />
            <h1 id="page-title">"Link a New AWS Account"</h1>
            <InstructionsButton title="Connect AWS".to_string()>
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
            </InstructionsButton>
            <form class="panel" id=ACCOUNT_FORM novalidate on:submit=move |ev| connect.submit(ev)>
                <AwsFields inputs=form.inputs() draft touched between=external_id
                    type_hint="A management account also grants read access to billing."
                    role_arn_hint="From the stack's Outputs, such as arn:aws:iam::123456789012:role/CloudLinkReadOnly." />
            </form>
            <ConnectBar connect form=ACCOUNT_FORM on_start_over=start_over />
        </section>
    }
}
