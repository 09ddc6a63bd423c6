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
pub fn add_certificate(pem: &str) -> Step {
    Step {
        title: "Add the certificate",
        body: format!(
            r#"# Whether the certificate is on the app already, read from the app itself,
# so that running the script again adds it only once.
has_certificate() {{
  local lines key_id key _
  lines=$(key_credentials "applications(appId='$APP_ID')") || return 1
  while IFS=$'\t' read -r key_id key _; do
    if [[ -n $key_id && $(thumbprint_of "$key") == "$THUMBPRINT_SHA1" ]]; then
      return 0
    fi
  done <<<"$lines"
  return 1
}}
if has_certificate; then
  printf 'The certificate %s is already on the app registration.\n' "$THUMBPRINT_SHA1"
else
  CERT_FILE=$(mktemp) || fail "Could not create a temporary file for the certificate."
  trap 'rm -f "$CERT_FILE"' EXIT
  cat >"$CERT_FILE" <<'END_OF_CERTIFICATE'
{pem}END_OF_CERTIFICATE
  if ! retry az_quiet ad app credential reset --id "$APP_ID" --cert "@$CERT_FILE" --append; then
    fail "Could not add the certificate to the app registration. Check that your account owns the app registration or may manage its credentials, for example as Application Administrator."
  fi
  printf 'Added the certificate to the app registration.\n'
fi
"#
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
