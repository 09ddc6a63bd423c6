//! The steps of the script, in Bash. Values from the form are never written
//! into these bodies: they arrive as the variables the script assigns at its
//! top (`APP_NAME`, `SCOPE`, …), so each body is fixed text.
//!
//! A call made right after creating something goes through `retry`. Before
//! each grant the script reads from the directory whether it is already in
//! place, so that running the script again after a failure picks up where it
//! stopped.

pub struct Step {
    pub title: &'static str,
    pub body: String,
}

fn step(title: &'static str, body: &str) -> Step {
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

/// Exchange.ManageAsApp is granted as one app role assignment: this role,
/// for the app's service principal, on Office 365 Exchange Online's. Admin
/// consent (`az ad app permission admin-consent`, or the button in the admin
/// center) would grant every permission the app asks for, so it is never
/// used. The body names only GUIDs the script checked, so it is valid JSON.
pub fn grant_exchange() -> Step {
    step(
        "Grant Exchange.ManageAsApp",
        r#"# Office 365 Exchange Online, and its Exchange.ManageAsApp application role.
# Asking for it shows it under the app's API permissions.
if ! REQUESTED=$(retry az ad app permission list --id "$APP_ID" \
  --query "[?resourceAppId=='00000002-0000-0ff1-ce00-000000000000'].resourceAccess[].id" -o tsv); then
  fail "Could not read the permissions of the app registration. Check that your account can read applications in Microsoft Entra ID."
fi
if [[ $REQUESTED == *dc50a0fb-09a3-484d-be87-e023b12c6440* ]]; then
  printf 'The app registration already asks for Exchange.ManageAsApp.\n'
elif ! retry az_quiet ad app permission add --id "$APP_ID" \
  --api 00000002-0000-0ff1-ce00-000000000000 \
  --api-permissions dc50a0fb-09a3-484d-be87-e023b12c6440=Role; then
  fail "Could not add the Exchange.ManageAsApp permission to the app registration. Check that your account may manage this app registration."
fi
if ! EXCHANGE_SP_ID=$(az ad sp show --id 00000002-0000-0ff1-ce00-000000000000 --query id -o tsv) ||
  ! is_guid "$EXCHANGE_SP_ID"; then
  fail "Could not find Office 365 Exchange Online in tenant $TENANT_ID. The tenant needs Exchange Online, which comes with most Microsoft 365 subscriptions."
fi
if ! GRANTED=$(retry az rest --method GET \
  --uri "$GRAPH/v1.0/servicePrincipals/$SP_ID/appRoleAssignments" \
  --query "value[?appRoleId=='dc50a0fb-09a3-484d-be87-e023b12c6440' && resourceId=='$EXCHANGE_SP_ID'].id" -o tsv); then
  fail "Could not read the permissions granted to the service principal. Check that your account can read enterprise applications in Microsoft Entra ID."
fi
EXCHANGE_ROLE_BODY="{\"principalId\":\"$SP_ID\",\"resourceId\":\"$EXCHANGE_SP_ID\",\"appRoleId\":\"dc50a0fb-09a3-484d-be87-e023b12c6440\"}"
if [[ -n $GRANTED ]]; then
  printf 'Exchange.ManageAsApp was already granted.\n'
elif ! retry az_quiet rest --method POST \
  --uri "$GRAPH/v1.0/servicePrincipals/$EXCHANGE_SP_ID/appRoleAssignedTo" \
  --headers Content-Type=application/json --body "$EXCHANGE_ROLE_BODY"; then
  fail "Could not grant Exchange.ManageAsApp. The signed-in admin needs a role that can grant application permissions, such as Privileged Role Administrator or Global Administrator."
fi
printf 'Granted Exchange.ManageAsApp.\n'
"#,
    )
}

/// The body names only the service principal's id (checked to be a GUID)
/// and fixed text, so it is valid JSON whatever the app is called.
pub fn assign_global_reader() -> Step {
    step(
        "Assign the Global Reader role",
        r#"# f2ef992c-3afb-46b9-b7cf-a126ee74c451 is the Global Reader role in every tenant.
if ! ASSIGNED=$(retry az rest --method GET \
  --uri "$GRAPH/v1.0/roleManagement/directory/roleAssignments?\$filter=principalId%20eq%20'$SP_ID'" \
  --query "value[?roleDefinitionId=='f2ef992c-3afb-46b9-b7cf-a126ee74c451'].id" -o tsv); then
  fail "Could not read the directory roles of the service principal. The signed-in admin needs Privileged Role Administrator or Global Administrator."
fi
GLOBAL_READER_BODY="{\"principalId\":\"$SP_ID\",\"roleDefinitionId\":\"f2ef992c-3afb-46b9-b7cf-a126ee74c451\",\"directoryScopeId\":\"/\"}"
if [[ -n $ASSIGNED ]]; then
  printf 'Global Reader was already assigned.\n'
elif ! retry az_quiet rest --method POST \
  --uri "$GRAPH/v1.0/roleManagement/directory/roleAssignments" \
  --headers Content-Type=application/json --body "$GLOBAL_READER_BODY"; then
  fail "Could not assign the Global Reader role to the service principal. The signed-in admin needs Privileged Role Administrator or Global Administrator."
fi
printf 'Assigned Global Reader.\n'
"#,
    )
}

pub fn assign_reader() -> Step {
    step(
        "Assign the Reader role in Azure",
        r#"printf 'Scope: %s\n' "$SCOPE"
if ! ASSIGNED=$(retry az role assignment list --assignee "$SP_ID" --role Reader --scope "$SCOPE" \
  --query '[].id' -o tsv); then
  fail "Could not read the role assignments on $SCOPE. Check that this management group or subscription is in the tenant you are signed in to, and that your account can read it."
fi
if [[ -n $ASSIGNED ]]; then
  printf 'Reader was already assigned.\n'
elif ! retry az_quiet role assignment create --assignee-object-id "$SP_ID" \
  --assignee-principal-type ServicePrincipal --role Reader --scope "$SCOPE"; then
  fail "Could not assign the Reader role on $SCOPE. Check that this management group or subscription is in the tenant you are signed in to, and that your account is Owner or User Access Administrator there. A Global Administrator can get that access in Microsoft Entra ID under Properties, Access management for Azure resources."
fi
printf 'Assigned Reader.\n'
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
