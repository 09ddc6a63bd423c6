//! "Set up with Azure Cloud Shell": the page's certificate and form turned
//! into one script the administrator pastes into Cloud Shell, and a box that
//! reads back the Tenant ID and Application ID it prints. The manual steps
//! stay as they are; this is a shortcut beside them.

use leptos::prelude::*;

use crate::browser::{clipboard, download};
use crate::domain::entra::AzureScope;
use crate::domain::entra::Cloud;
use crate::domain::links::Provider;
use crate::domain::setup_script::{
    build, cloud_shell_url, explanation, file_name, parse_output, ScriptMode, SetupScript,
};
use crate::domain::text::DisplayName;
use crate::state::task::Task;

/// What the script is built from: the link form's fields as typed, each
/// validated as the form validates it before it reaches the script.
#[derive(Clone, Copy)]
pub struct ScriptInputs {
    pub name: RwSignal<String>,
    pub cloud: RwSignal<Cloud>,
    pub management_group: RwSignal<String>,
    pub subscription: RwSignal<String>,
}

/// The section, shown once a certificate exists (`pem`).
#[component]
pub fn CloudShellSetup(
    provider: Provider,
    pem: Signal<Option<String>>,
    /// SHA-1 thumbprints of the account's certificates (`known_thumbprints`):
    /// an existing app registration that holds any other credential is
    /// never set up.
    known_thumbprints: Signal<Vec<String>>,
    inputs: ScriptInputs,
    /// Filled from the pasted output.
    tenant: RwSignal<String>,
    application_id: RwSignal<String>,
) -> impl IntoView {
    let script = Memo::new(move |_| {
        let pem = pem.get()?;
        let scope = match provider {
            Provider::Azure => Some(
                AzureScope::parse(
                    Some(&inputs.management_group.get()),
                    Some(&inputs.subscription.get()),
                )
                .map_err(|e| e.message().to_string()),
            ),
            Provider::Microsoft | Provider::Aws => None,
        };
        let scope = match scope.transpose() {
            Ok(s) => s,
            Err(e) => return Some(Err(format!("The script needs the Reader scope: {e}"))),
        };
        // The name field shows the same message next to itself.
        let name = match DisplayName::parse(&inputs.name.get()) {
            Ok(name) => name,
            Err(e) => {
                return Some(Err(format!(
                    "The script needs a valid name: {}.",
                    e.message()
                )))
            }
        };
        let known = known_thumbprints.get();
        Some(
            build(&SetupScript {
                provider,
                cloud: inputs.cloud.get(),
                app_name: &name,
                certificate_pem: &pem,
                azure_scope: scope.as_ref(),
                mode: ScriptMode::NewApp {
                    known_thumbprints: &known,
                },
                thumbprint_sha1: None,
            })
            .map_err(|e| e.message().to_string()),
        )
    });
    let pasted = RwSignal::new(String::new());
    let paste_error = RwSignal::new(None::<String>);
    let filled = RwSignal::new(None::<String>);
    let fill = move |_| match parse_output(&pasted.get_untracked()) {
        Ok(out) => {
            tenant.set(out.tenant.as_str().to_string());
            application_id.set(out.application_id.as_str().to_string());
            paste_error.set(None);
            filled.set(Some(format!(
                "Filled Tenant ID {} and Application ID {} from the script's output.",
                out.tenant.as_str(),
                out.application_id.as_str()
            )));
        }
        Err(e) => {
            filled.set(None);
            paste_error.set(Some(e.message().to_string()));
        }
    };

    view! {
        <Show when=move || pem.with(Option::is_some)>
            <section class="panel" aria-labelledby="cloud-shell-title">
                <h2 id="cloud-shell-title">"Set up with Azure Cloud Shell"</h2>
                <p>"Instead of the steps in the admin center, an administrator who can grant admin consent and assign directory roles can paste one script into Azure Cloud Shell (Bash). It needs nothing else installed. It will:"</p>
                <ul class="steps">
                    {explanation(provider).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
                <ScriptBox script=script.into() cloud=inputs.cloud.into() name=inputs.name.into() />
                <div class="field">
                    <label for="script-output">"Paste the script's output"</label>
                    <p class="field-hint" id="script-output-hint">"The lines starting with CLOUDLINK_ fill in Tenant ID and Application ID above."</p>
                    <textarea
                        id="script-output"
                        rows="4"
                        aria-describedby=move || if paste_error.with(Option::is_some) { "script-output-hint script-output-error" } else { "script-output-hint" }
                        aria-invalid=move || paste_error.with(Option::is_some).then_some("true")
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                    ></textarea>
                    <p class="field-error" id="script-output-error" aria-live="polite">{move || paste_error.get()}</p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=fill>"Fill in from the output"</button>
                    </div>
                    <p class="field-hint" role="status">{move || filled.get()}</p>
                </div>
            </section>
        </Show>
    }
}

/// The script with Copy, Download and a link to Cloud Shell; or why it
/// cannot be made yet.
#[component]
pub fn ScriptBox(
    script: Signal<Option<Result<String, String>>>,
    cloud: Signal<Cloud>,
    /// The account name, for the file name.
    name: Signal<String>,
) -> impl IntoView {
    let text = move || script.get().and_then(Result::ok);
    let problem = move || script.get().and_then(Result::err);
    let copy = Task::new(|body: &String| {
        let body = body.clone();
        async move {
            if clipboard::copy(&body).await {
                "Script copied."
            } else {
                "The browser did not allow copying. Select the script and copy it by hand."
            }
        }
    });
    let copied = copy.value();
    let blocked = RwSignal::new(false);
    let save = move |_| {
        if let Some(body) = text() {
            let file = file_name(name.get_untracked().trim());
            blocked.set(!download::save(
                &file,
                "text/x-shellscript",
                body.as_bytes(),
            ));
        }
    };
    view! {
        <p class="field-hint">"The script carries only the public certificate, never the private key."</p>
        <p class="form-error" role="alert">{problem}</p>
        <Show when=move || text().is_some()>
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| {
                    if let Some(body) = text() {
                        copy.dispatch(body);
                    }
                }>"Copy script"</button>
                <button type="button" class="button" on:click=save>"Download setup script (.sh)"</button>
                <a class="button" href=move || cloud_shell_url(cloud.get()) target="_blank" rel="noopener noreferrer external">"Open Azure Cloud Shell"</a>
            </div>
            <p class="field-hint" role="status">{move || copied.get()}</p>
            <Show when=move || blocked.get()>
                <p class="form-error" role="alert">"The browser blocked the download. Allow downloads for this site and try again."</p>
            </Show>
            // Copy and Download carry the script; its text, hundreds of
            // lines, opens on demand so the page stays short.
            <details class="script-text">
                <summary>"Read the script"</summary>
                <pre class="script" tabindex="0" aria-label="Setup script"><code>{text}</code></pre>
            </details>
        </Show>
    }
}
