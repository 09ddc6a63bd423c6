if ! ACTIVE_CLOUD=$(az cloud show --query name -o tsv); then
  fail "Could not read the Azure CLI's active cloud (az cloud show). Run this script in Azure Cloud Shell, in Bash."
fi
if [[ $ACTIVE_CLOUD != "$EXPECTED_CLOUD" ]]; then
  fail "The Azure CLI is set to the cloud $ACTIVE_CLOUD, but this script is for $EXPECTED_CLOUD ($CLOUD_LABEL). Switch with: az cloud set --name $EXPECTED_CLOUD, then sign in with: az login, then run this script again."
fi
if ! TENANT_ID=$(az account show --query tenantId -o tsv) || ! is_guid "$TENANT_ID"; then
  fail "The Azure CLI is not signed in. Run: az login, then run this script again."
fi
printf 'Signed in to tenant %s in %s.\n' "$TENANT_ID" "$EXPECTED_CLOUD"
