//! The AWS account's fields, as the link page and Edit both show them.

use leptos::prelude::*;

use crate::components::form::TextField;
use crate::domain::aws::{field_error, AwsAccountType, AwsField};
use crate::domain::links::AwsDraft;
use crate::hooks::use_aws_draft::AwsInputs;
use crate::hooks::use_touched::Touched;

/// Account type, name and Role ARN; errors show once `touched` says so.
#[component]
pub fn AwsFields(
    inputs: AwsInputs,
    #[prop(into)] draft: Signal<AwsDraft>,
    touched: Touched<AwsField>,
    /// Keeps the radio ids and group apart from the link page's.
    #[prop(optional)]
    id_prefix: &'static str,
    #[prop(optional)] type_hint: Option<&'static str>,
    role_arn_hint: &'static str,
    /// Shown between the name and the Role ARN.
    #[prop(optional, into)]
    between: ViewFn,
) -> impl IntoView {
    let AwsInputs {
        account_type,
        name,
        role_arn,
    } = inputs;
    let error_of = move |f| touched.error(f, move |f| draft.with(|d| field_error(d, f)));
    let group = format!("{id_prefix}account-type");
    let radio = move |t: AwsAccountType| {
        let id = format!("{id_prefix}account-type-{}", t.slug());
        view! {
            <label class="choice" for=id.clone()>
                <input type="radio" id=id.clone() name=group.clone() prop:checked=move || account_type.get() == t on:change=move |_| account_type.set(t) />
                {t.label()}
            </label>
        }
    };
    view! {
        <fieldset class="field">
            <legend>"Account type"</legend>
            {radio.clone()(AwsAccountType::Management)}
            {radio(AwsAccountType::Linked)}
            {type_hint.map(|hint| view! { <p class="field-hint">{hint}</p> })}
        </fieldset>
        <TextField id="aws-account-name" label="AWS Account Name" value=name error=error_of(AwsField::Name)
            on_blur=move |_| touched.touch(AwsField::Name) />
        {between.run()}
        <TextField id="role-arn" label="Role ARN" value=role_arn error=error_of(AwsField::RoleArn)
            hint=role_arn_hint
            on_blur=move |_| touched.touch(AwsField::RoleArn) />
    }
}
