//! The generated certificate: thumbprints to copy, validity, and downloads.

use leptos::prelude::*;

use crate::browser::download;
use crate::crypto::{utc_iso8601, Certificate};
use crate::domain::text::safe_file_stem;
use crate::hooks::use_copy::{use_copy, CopyText, UseCopyReturn};

/// Everything a person needs to upload the certificate to Entra ID.
#[component]
pub fn CertificatePanel(
    certificate: Certificate,
    account_name: String,
    /// Keeps element ids apart where two certificates share a page.
    #[prop(optional)]
    id_prefix: &'static str,
) -> impl IntoView {
    let stem = safe_file_stem(&account_name);
    let UseCopyReturn {
        status: copied,
        copy,
    } = use_copy();
    let copy = move |label: &'static str, text: String| {
        copy.run(CopyText {
            text,
            copied: format!("{label} copied."),
            refused: format!(
                "The browser did not allow copying. Select the {label} and copy it by hand."
            ),
        })
    };
    let sha1 = certificate.sha1_thumbprint();
    let sha256 = certificate.sha256_thumbprint();
    let der = certificate.der().to_vec();
    let pem = certificate.pem();
    let failed = RwSignal::new(false);
    let save_cer = {
        let stem = stem.clone();
        move |_| {
            failed.set(!download::save(
                &format!("{stem}.cer"),
                "application/pkix-cert",
                &der,
            ))
        }
    };
    let save_pem = move |_| {
        failed.set(!download::save(
            &format!("{stem}.pem"),
            "application/x-pem-file",
            pem.as_bytes(),
        ))
    };
    let (s1, s256) = (sha1.clone(), sha256.clone());
    view! {
        <dl class="data-list certificate-facts">
            <dt>"SHA-1 thumbprint"</dt>
            <dd>
                <code id=format!("{id_prefix}thumbprint-sha1")>{sha1}</code>
                " "
                <button type="button" class="button-link" on:click=move |_| copy("SHA-1 thumbprint", s1.clone())>
                    "Copy SHA-1 thumbprint"
                </button>
            </dd>
            <dt>"SHA-256 thumbprint"</dt>
            <dd>
                <code id=format!("{id_prefix}thumbprint-sha256")>{sha256}</code>
                " "
                <button type="button" class="button-link" on:click=move |_| copy("SHA-256 thumbprint", s256.clone())>
                    "Copy SHA-256 thumbprint"
                </button>
            </dd>
            <dt>"Valid from"</dt>
            <dd id=format!("{id_prefix}valid-from")>{date_or_unknown(certificate.not_before_unix())}</dd>
            <dt>"Valid until"</dt>
            <dd id=format!("{id_prefix}valid-until")>{date_or_unknown(certificate.not_after_unix())}</dd>
        </dl>
        <p class="field-hint" role="status">{move || copied.get()}</p>
        <div class="button-row">
            <button type="button" class="button" on:click=save_cer>"Download certificate (.cer)"</button>
            <button type="button" class="button" on:click=save_pem>"Download certificate (.pem)"</button>
        </div>
        <Show when=move || failed.get()>
            <p class="form-error" role="alert">"The browser blocked the download. Allow downloads for this site and try again."</p>
        </Show>
    }
}

/// A stored certificate whose DER cannot be read has no known validity.
fn date_or_unknown(unix: Option<i64>) -> String {
    unix.map(utc_iso8601)
        .unwrap_or_else(|| "Unknown: the stored certificate could not be read".into())
}
