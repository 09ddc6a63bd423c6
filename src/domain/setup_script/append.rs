//! The renewal script for a linked account: it appends one of the account's
//! certificates to the app registration the account already names.

use super::error::SetupScriptError;
use super::script::{build, ScriptMode, SetupScript};
use crate::crypto::Certificate;
use crate::domain::links::Integration;

/// `None` for an account that has no app registration (AWS).
pub fn append_certificate(
    account: &Integration,
    certificate: &Certificate,
) -> Option<Result<String, SetupScriptError>> {
    let link = account.entra()?;
    let (pem, sha1) = (certificate.pem(), certificate.sha1_thumbprint());
    Some(build(&SetupScript {
        provider: account.provider,
        cloud: link.cloud,
        app_name: &account.name,
        certificate_pem: &pem,
        azure_scope: link.azure_scope.as_ref(),
        mode: ScriptMode::AppendCertificate {
            application_id: link.application_id.as_str(),
        },
        thumbprint_sha1: Some(&sha1),
    }))
}
