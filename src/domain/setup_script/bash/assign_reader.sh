printf 'Scope: %s\n' "$SCOPE"
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
