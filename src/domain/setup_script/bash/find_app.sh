if ! FOUND_APP_ID=$(az ad app show --id "$APP_ID" --query appId -o tsv) || ! is_guid "$FOUND_APP_ID"; then
  fail "No app registration with Application ID $APP_ID was found in tenant $TENANT_ID. Check that you are signed in to the tenant where it was registered, and that your account can read it."
fi
printf 'Found the app registration %s.\n' "$APP_ID"
