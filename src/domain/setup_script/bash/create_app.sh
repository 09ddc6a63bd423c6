if ! EXISTING_APP_IDS=$(az ad app list --filter "displayName eq '$APP_NAME_ODATA'" --query '[].appId' -o tsv); then
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
