# Part of the CloudLink setup script (steps.rs includes it in step 2); it
# uses the script's helpers and values, and is not run on its own.
#
# An app registration with this name that this run did not create. Anyone who
# may register apps could have made it, kept a credential for it, or set it up
# to collect users' sign-ins, and then whatever this script grants, they would
# hold too. So it is reused only when it is provably CloudLink's own:
#  - its only credentials are certificates of this account, matched by the
#    SHA-1 thumbprint of the certificate itself (TRUSTED_THUMBPRINTS);
#  - it has no client secret and no federated credential;
#  - it has no owner but the signed-in admin, or none;
#  - it asks for no permission that this script would not ask for
#    (ALLOWED_PERMISSIONS: for Microsoft 365, Exchange.ManageAsApp, an
#    application permission of Office 365 Exchange Online; for Azure, none),
#    has no redirect URI (web, single-page application or public client), is
#    not a public client (isFallbackPublicClient), and signs in only accounts
#    of this directory (AzureADMyOrg);
# and the first three hold for its service principal too, if it has one.
FOUND=''
OWN_CERTIFICATES=0
found() {
  FOUND+="  - $1"$'\n'
}

is_trusted() {
  [[ -n $1 && " $TRUSTED_THUMBPRINTS " == *" $1 "* ]]
}

# Adds to FOUND whatever lets someone other than the signed-in admin act as
# an app registration or service principal. $1: app or sp; $2: its ID for az;
# $3: its path in Microsoft Graph; $4: how to name it.
inspect() {
  local kind=$1 id=$2 graph_path=$3 what=$4 lines first second third thumbprint
  if ! lines=$(az ad "$kind" owner list --id "$id" --query "[].[id, userPrincipalName || displayName || '-']" -o tsv); then
    fail "Could not read the owners of the $what. Check that your account can read applications in Microsoft Entra ID."
  fi
  while IFS=$'\t' read -r first second; do
    if [[ -n $first && $first != "$ADMIN_ID" ]]; then
      found "$what: owner $(shown "$second") (object ID $(shown "$first"))"
    fi
  done <<<"$lines"
  if ! lines=$(az ad "$kind" credential list --id "$id" --query "[].[keyId || '-', displayName || '-']" -o tsv); then
    fail "Could not read the client secrets of the $what. Check that your account can read applications in Microsoft Entra ID."
  fi
  while IFS=$'\t' read -r first second; do
    if [[ -n $first ]]; then
      found "$what: client secret \"$(shown "$second")\" (key ID $(shown "$first"))"
    fi
  done <<<"$lines"
  if ! lines=$(key_credentials "$graph_path"); then
    fail "Could not read the certificates of the $what. Check that your account can read applications in Microsoft Entra ID."
  fi
  while IFS=$'\t' read -r first second third; do
    if [[ -z $first ]]; then
      continue
    elif ! thumbprint=$(thumbprint_of "$second"); then
      found "$what: credential \"$(shown "$third")\" (key ID $(shown "$first")), not a certificate that can be checked"
    elif ! is_trusted "$thumbprint"; then
      found "$what: certificate \"$(shown "$third")\" (key ID $(shown "$first"), thumbprint $thumbprint), not one of this account's certificates"
    else
      OWN_CERTIFICATES=$((OWN_CERTIFICATES + 1))
    fi
  done <<<"$lines"
  if [[ $kind == app ]]; then
    if ! lines=$(az ad app federated-credential list --id "$id" --query "[].[name || '-', issuer || '-', subject || '-']" -o tsv); then
      fail "Could not read the federated credentials of the $what. Check that your account can read applications in Microsoft Entra ID."
    fi
    while IFS=$'\t' read -r first second third; do
      if [[ -n $first ]]; then
        found "$what: federated credential \"$(shown "$first")\" (issuer $(shown "$second"), subject $(shown "$third"))"
      fi
    done <<<"$lines"
  fi
}

# Adds to FOUND what the app registration asks for or allows beyond what
# CloudLink needs. Whoever made it chose these, and consent to the app would
# cover them.
inspect_settings() {
  local what="app registration $APP_ID" lines first second fields api permissions permission kind
  if ! lines=$(az ad app show --id "$APP_ID" \
    --query "[signInAudience, to_string(isFallbackPublicClient)]" -o tsv); then
    fail "Could not read the settings of the $what. Check that your account can read applications in Microsoft Entra ID."
  fi
  mapfile -t fields <<<"$lines"
  if [[ ${fields[0]:-} != AzureADMyOrg ]]; then
    found "$what: signs in accounts of $(shown "${fields[0]:-}"), not only of this directory (AzureADMyOrg)"
  fi
  if [[ ${fields[1]:-} != null && ${fields[1]:-} != false ]]; then
    found "$what: treated as a public client (isFallbackPublicClient is $(shown "${fields[1]:-}"))"
  fi
  if ! lines=$(az ad app show --id "$APP_ID" \
    --query "[web.redirectUris[].['web', @], spa.redirectUris[].['single-page application', @], publicClient.redirectUris[].['public client', @]][]" -o tsv); then
    fail "Could not read the redirect URIs of the $what. Check that your account can read applications in Microsoft Entra ID."
  fi
  while IFS=$'\t' read -r first second; do
    if [[ -n $first ]]; then
      found "$what: $first redirect URI $(shown "$second")"
    fi
  done <<<"$lines"
  # One line per API: its application ID, then each permission as ID=type
  # (Role: application permission; Scope: on behalf of a signed-in user).
  if ! lines=$(az ad app show --id "$APP_ID" \
    --query "requiredResourceAccess[].[resourceAppId, join(' ', resourceAccess[].join('=', [id, type]))]" -o tsv); then
    fail "Could not read the permissions the $what asks for. Check that your account can read applications in Microsoft Entra ID."
  fi
  while IFS=$'\t' read -r first second; do
    case $first in
      00000003-0000-0000-c000-000000000000) api='Microsoft Graph' ;;
      00000002-0000-0ff1-ce00-000000000000) api='Office 365 Exchange Online' ;;
      *) api="the API with application ID $(shown "$first")" ;;
    esac
    read -ra permissions <<<"$second"
    for permission in "${permissions[@]}"; do
      case ${permission#*=} in
        Role) kind='an application permission' ;;
        Scope) kind='a delegated permission, used on behalf of whoever signs in' ;;
        *) kind="of type $(shown "${permission#*=}")" ;;
      esac
      if [[ " $ALLOWED_PERMISSIONS " != *" $first/$permission "* ]]; then
        found "$what: asks $api for permission $(shown "${permission%%=*}"), $kind"
      fi
    done
  done <<<"$lines"
}

check_existing_app() {
  local sp_id
  # Not every sign-in has a user object; then any owner counts as another.
  ADMIN_ID=$(az ad signed-in-user show --query id -o tsv 2>/dev/null) || ADMIN_ID=''
  is_guid "$ADMIN_ID" || ADMIN_ID=''
  inspect app "$APP_ID" "applications(appId='$APP_ID')" "app registration $APP_ID"
  inspect_settings
  if ! sp_id=$(az ad sp list --filter "appId eq '$APP_ID'" --query '[].id' -o tsv); then
    fail "Could not look for the service principal of app registration $APP_ID. Check that your account can read enterprise applications in Microsoft Entra ID."
  fi
  if [[ -n $sp_id ]]; then
    if ! is_guid "$sp_id"; then
      found "service principal: the Azure CLI answered \"$(shown "$sp_id")\" where one object ID was expected"
    else
      inspect sp "$sp_id" "servicePrincipals/$sp_id" "service principal $sp_id"
    fi
  fi
  if [[ -n $FOUND ]]; then
    fail "An app registration named \"$APP_NAME\" already exists (Application ID $APP_ID), and it is not provably CloudLink's own. This script changed nothing. It found:
$FOUND
An owner or credential may let someone else sign in as this app, and a permission, redirect URI or sign-in setting may let it reach more than CloudLink needs. So this script will not set it up, with or without --reuse. Either choose another name in CloudLink and download a new script, or first check with whoever added these, then remove them in the Microsoft Entra admin center (App registrations and Enterprise applications: Owners, Certificates & secrets, API permissions, Authentication) and run this script again with --reuse."
  fi
}
