//! The steps of the script, in Bash. Values from the form are never written
//! into these bodies: they arrive as the variables the script assigns at its
//! top (`APP_NAME`, `SCOPE`, …), so each body is fixed text.
//!
//! A call made right after creating something goes through `retry`. Before
//! each grant the script reads from the directory whether it is already in
//! place, so that running the script again after a failure picks up where it
//! stopped.

pub use super::grants::{assign_global_reader, assign_reader, grant_exchange};

pub struct Step {
    pub title: &'static str,
    pub body: String,
}

pub(super) fn step(title: &'static str, body: &str) -> Step {
    Step {
        title,
        body: body.to_string(),
    }
}

pub fn check_sign_in() -> Step {
    step(
        "Check the Azure CLI sign-in and cloud",
        include_str!("bash/check_sign_in.sh"),
    )
}

/// `az ad app list --display-name` matches names that merely start with the
/// text and does not escape quotes, so the search uses an OData filter with
/// the name escaped for OData (`APP_NAME_ODATA`). Whether the app exists is
/// what that search returns.
pub fn create_app() -> Step {
    step(
        "Create the app registration",
        &[CHECK_EXISTING_APP, include_str!("bash/create_app.sh")].concat(),
    )
}

/// The rule for an app registration that this run did not create, in Bash:
/// `check_existing_app` stops the script, before any change, unless the app
/// is provably CloudLink's own.
const CHECK_EXISTING_APP: &str = include_str!("bash/check_existing_app.sh");

pub fn find_app() -> Step {
    step(
        "Find the app registration",
        include_str!("bash/find_app.sh"),
    )
}

/// The delimiter holds `_`, which Base64 never uses, so no line of the
/// certificate can end the heredoc; quoting it stops any expansion.
/// The certificate arrives as a function that prints it: the heredoc's
/// delimiter holds `_`, which Base64 never uses, so no line of the
/// certificate can end it, and quoting it stops any expansion.
pub fn add_certificate(pem: &str) -> Step {
    Step {
        title: "Add the certificate",
        body: format!(
            "certificate_pem() {{\n  cat <<'END_OF_CERTIFICATE'\n{pem}END_OF_CERTIFICATE\n}}\n{}",
            include_str!("bash/add_certificate.sh")
        ),
    }
}

/// The service principal is looked up by the app's ID first, so that a run
/// after an earlier one finds it instead of failing to create it twice.
pub fn create_service_principal() -> Step {
    step(
        "Create the service principal",
        include_str!("bash/create_service_principal.sh"),
    )
}

/// The `CLOUDLINK_` lines are what `parse_output` reads back; no line of the
/// script itself starts with `CLOUDLINK_`, so pasting the script along with
/// its output cannot confuse the parser.
pub fn print_result(thumbprint: bool, summary: &str) -> Step {
    let thumbprint = if thumbprint {
        "printf 'CLOUDLINK_THUMBPRINT_SHA1=%s\\n' \"$THUMBPRINT_SHA1\"\n"
    } else {
        ""
    };
    Step {
        title: "Copy the result into CloudLink",
        body: format!(
            r#"printf 'Copy everything from here down and paste it into CloudLink.\n\n'
printf 'CLOUDLINK_TENANT_ID=%s\n' "$TENANT_ID"
printf 'CLOUDLINK_APPLICATION_ID=%s\n' "$APP_ID"
{thumbprint}printf 'CLOUDLINK_SUMMARY=%s\n' "{summary}"
"#
        ),
    }
}
