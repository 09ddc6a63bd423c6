//! The steps that grant the app what it needs: Exchange.ManageAsApp, Global
//! Reader, and for Azure, Reader at the chosen scope. Each reads first
//! whether the grant is already in place, so a second run picks up where an
//! earlier one stopped.

use super::steps::{step, Step};

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
