//! The AWS link page's External ID, with the template that carries it.

use leptos::prelude::*;

use crate::browser::download;
use crate::domain::aws::{read_only_role_template, ExternalId, ExternalIdSource};
use crate::domain::links::AwsDraft;
use crate::hooks::use_copy::{use_copy, CopyText, UseCopyReturn};

/// The External ID to copy, and the CloudFormation template made for it.
#[component]
pub fn ExternalIdField(
    #[prop(into)] draft: Signal<AwsDraft>,
    /// Who chose the External ID, said next to it.
    #[prop(into)]
    source: Signal<ExternalIdSource>,
    /// The platform's AWS account the role trusts, when configured.
    platform: Option<String>,
) -> impl IntoView {
    let origin = move || {
        match source.get() {
        ExternalIdSource::Portal => {
            "This External ID was issued by the portal; it cannot be changed here."
        }
        ExternalIdSource::AwaitingPortal => {
            "Waiting for the portal to issue the External ID. Reload the portal if it does not appear."
        }
        ExternalIdSource::Page => {
            "This page made this External ID; it cannot be changed here. The platform must accept only External IDs it issued."
        }
    }
    };
    let UseCopyReturn { status, copy } = use_copy();
    let on_copy = move |_| {
        copy.run(CopyText {
            text: draft.with_untracked(|d| d.external_id.clone()),
            copied: "External ID copied.".into(),
            refused:
                "The browser did not allow copying; select the External ID and copy it by hand."
                    .into(),
        })
    };
    let awaiting = move || source.get() == ExternalIdSource::AwaitingPortal;
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
    view! {
        <div class="field">
            <span class="field-label" id="external-id-label">"External ID"</span>
            <p class="field-hint">"The stack trusts the platform only with this value. It stays the same for this draft."</p>
            <code id="external-id" aria-labelledby="external-id-label" aria-describedby="external-id-source">{move || draft.with(|d| d.external_id.clone())}</code>
            <p class="field-hint" id="external-id-source" role="status">{origin}</p>
            <div class="button-row">
                <button type="button" class="button" on:click=on_copy disabled=awaiting>"Copy External ID"</button>
                <button type="button" class="button" on:click=download_template disabled=awaiting>"Download CloudFormation template"</button>
            </div>
            <p class="field-hint" role="status">{move || status.get()}</p>
            <Show when=move || template_error.get()>
                <p class="form-error" role="alert">"The browser blocked the download. Allow downloads for this site and try again."</p>
            </Show>
        </div>
    }
}
