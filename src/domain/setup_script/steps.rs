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
        r#"if ! ACTIVE_CLOUD=$(az cloud show --query name -o tsv); then
  fail "Could not read the Azure CLI's active cloud (az cloud show). Run this script in Azure Cloud Shell, in Bash."
fi
if [[ $ACTIVE_CLOUD != "$EXPECTED_CLOUD" ]]; then
  fail "The Azure CLI is set to the cloud $ACTIVE_CLOUD, but this script is for $EXPECTED_CLOUD ($CLOUD_LABEL). Switch with: az cloud set --name $EXPECTED_CLOUD, then sign in with: az login, then run this script again."
fi
if ! TENANT_ID=$(az account show --query tenantId -o tsv) || ! is_guid "$TENANT_ID"; then
  fail "The Azure CLI is not signed in. Run: az login, then run this script again."
fi
printf 'Signed in to tenant %s in %s.\n' "$TENANT_ID" "$EXPECTED_CLOUD"
"#,
    )
}

/// `az ad app list --display-name` matches names that merely start with the
/// text and does not escape quotes, so the search uses an OData filter with
/// the name escaped for OData (`APP_NAME_ODATA`). Whether the app exists is
/// what that search returns.
pub fn create_app() -> Step {
    step(
        "Create the app registration",
        &[
            CHECK_EXISTING_APP,
            r#"if ! EXISTING_APP_IDS=$(az ad app list --filter "displayName eq '$APP_NAME_ODATA'" --query '[].appId' -o tsv); then
  fail "Could not search the app registrations for the name \"$APP_NAME\". Check that your account can read applications in Microsoft Entra ID."
fi
if [[ $EXISTING_APP_IDS == *$'\n'* ]]; then
  fail "Several app registrations are named \"$APP_NAME\". Delete or rename the extra ones in the Microsoft Entra admin center, or choose another name in CloudLink and download a new script."
elif [[ -n $EXISTING_APP_IDS ]]; then
  APP_ID=$EXISTING_APP_IDS
  if ! is_guid "$APP_ID"; then
    fail "The Azure CLI answered \"$(shown "$APP_ID")\" where an Application ID was expected."
  fi
  check_existing_app
  if ((REUSE == 0)); then
    if ((OWN_CERTIFICATES > 0)); then
      HELD="its only credentials are certificates of this CloudLink account"
    else
      HELD="it has no credentials yet"
    fi
    fail "An app registration named \"$APP_NAME\" already exists (Application ID $APP_ID). It has no owner but you, $HELD, and it asks for no permission CloudLink does not need, so CloudLink can set it up. To do that, run: bash $0 --reuse. To create a new one instead, choose another name in CloudLink and download a new script."
  fi
  APP_DONE='existing app registration reused'
  printf 'Reusing the existing app registration %s.\n' "$APP_ID"
else
  if ! APP_ID=$(az ad app create --display-name "$APP_NAME" --sign-in-audience AzureADMyOrg --query appId -o tsv); then
    fail "Could not create the app registration. Check that your account may register applications, for example as Application Administrator or Cloud Application Administrator."
  fi
  APP_DONE='app registration created'
  printf 'Created the app registration %s.\n' "$APP_ID"
fi
if ! is_guid "$APP_ID"; then
  fail "The Azure CLI answered \"$APP_ID\" where an Application ID was expected."
fi
"#,
        ]
        .concat(),
    )
}

/// The rule for an app registration that this run did not create, in Bash:
/// `check_existing_app` stops the script, before any change, unless the app
/// is provably CloudLink's own.
const CHECK_EXISTING_APP: &str = include_str!("check_existing_app.sh");

pub fn find_app() -> Step {
    step(
        "Find the app registration",
        r#"if ! FOUND_APP_ID=$(az ad app show --id "$APP_ID" --query appId -o tsv) || ! is_guid "$FOUND_APP_ID"; then
  fail "No app registration with Application ID $APP_ID was found in tenant $TENANT_ID. Check that you are signed in to the tenant where it was registered, and that your account can read it."
fi
printf 'Found the app registration %s.\n' "$APP_ID"
"#,
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
        r#"find_or_create_sp() {
  local id
  id=$(az ad sp list --filter "appId eq '$APP_ID'" --query '[].id' -o tsv) || return 1
  if [[ -z $id ]]; then
    id=$(az ad sp create --id "$APP_ID" --query id -o tsv) || return 1
  fi
  printf '%s\n' "$id"
}
if ! SP_ID=$(retry find_or_create_sp) || ! is_guid "$SP_ID"; then
  fail "Could not create the service principal (enterprise application) of the app registration. Check that your account may create enterprise applications, for example as Application Administrator."
fi
printf 'Service principal object ID: %s\n' "$SP_ID"
"#,
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
