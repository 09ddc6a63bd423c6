# Office 365 Exchange Online, and its Exchange.ManageAsApp application role.
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
