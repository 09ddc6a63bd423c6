#!/usr/bin/env bash
# A stand-in for the Azure CLI, put first on PATH as `az` by the setup-script
# tests. It records every call and answers the way `az` answers the queries
# the script makes, so the script runs end to end without a tenant. The app
# registration, Exchange Online's service principal and app role assignments
# come from fake_graph.py (beside this file), in Microsoft Graph's shapes and
# with the call's --query and --output applied as the Azure CLI applies them.
#
# Environment:
#   FAKE_AZ_LOG          required: each call is appended as one line, its
#                        arguments separated by tabs
#   FAKE_AZ_CERT_OUT     where to copy the file passed as `--cert @file`
#   FAKE_AZ_CLOUD        what `cloud show` answers (default AzureCloud)
#   FAKE_AZ_TENANT       the tenant `account show` answers
#   FAKE_AZ_APP_ID       the appId `ad app create` answers
#   FAKE_AZ_SP_ID        the service principal id `ad sp create` answers
#   FAKE_AZ_USER_ID      the signed-in user's object id (`ad signed-in-user show`)
#   FAKE_AZ_EXISTING_APP an appId `ad app list` finds (default: none)
#   FAKE_AZ_APP_OWNERS   that app's owners, one per line: object id, tab, name
#   FAKE_AZ_APP_PASSWORDS its client secrets, one per line: key id, tab,
#                        display name
#   FAKE_AZ_APP_CERTS    its certificates, one per line: key id, tab, Base64 of
#                        the DER, tab, display name
#   FAKE_AZ_APP_FEDERATED its federated credentials, one per line: id, tab,
#                        name, tab, issuer, tab, subject
#   FAKE_AZ_APP_JSON     that app's Graph properties that differ from those of
#                        an app `ad app create --sign-in-audience AzureADMyOrg`
#                        makes, as a JSON object, such as
#                        {"web": {"redirectUris": ["https://x.example/cb"]}}
#   FAKE_AZ_EXISTING_SP  the object id of its service principal (default: none)
#   FAKE_AZ_SP_OWNERS, FAKE_AZ_SP_PASSWORDS, FAKE_AZ_SP_CERTS
#                        the same for that service principal
#   FAKE_AZ_IN_PLACE     what an earlier run already granted, any of:
#                        permission consent global-reader reader
#   FAKE_AZ_EXCHANGE_SP  the object id of Office 365 Exchange Online's service
#                        principal (default c4d5e6f7-0819-4a2b-8c3d-4e5f60718293)
#   FAKE_AZ_FAIL         fail every call whose command words end with this,
#                        such as "admin-consent" or "sp create"
#   FAKE_AZ_FAIL_MESSAGE what such a failure prints after "ERROR: "
#   FAKE_AZ_FAIL_ONCE    the same, for the first such call only
#   FAKE_AZ_FAIL_URI     fail every `rest` call whose --uri ends with this, such
#                        as "/appRoleAssignedTo", with FAKE_AZ_FAIL_MESSAGE
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

: "${FAKE_AZ_LOG:?FAKE_AZ_LOG must name the call log}"

for arg in "$@"; do
  if [[ $arg == *$'\t'* || $arg == *$'\n'* ]]; then
    printf 'fake az: an argument holds a tab or newline: %q\n' "$arg" >&2
    exit 3
  fi
done
(
  IFS=$'\t'
  printf '%s\n' "$*"
) >>"$FAKE_AZ_LOG"

# The command words: everything before the first option.
words=''
for arg in "$@"; do
  [[ $arg == -* ]] && break
  words+=" $arg"
done
words=${words# }
ARGS=("$@")

option() {
  local name=$1
  shift
  while (($# > 1)); do
    if [[ $1 == "$name" ]]; then
      printf '%s' "$2"
      return 0
    fi
    shift
  done
  return 1
}

# The answer of fake_graph.py for the object $1 ($2 and any more arguments),
# with this call's --query and --output.
graph() {
  local query output
  query=$(option --query "${ARGS[@]}") || query=''
  output=$(option -o "${ARGS[@]}") || output=$(option --output "${ARGS[@]}") || output=''
  python3 "$HERE/fake_graph.py" "$@" "$query" "$output"
}

matches() {
  [[ -n $1 && " $words" == *" $1" ]]
}

# Prints a state variable's lines, if it holds any.
lines() {
  if [[ -n $1 ]]; then
    printf '%s\n' "$1"
  fi
}

in_place() {
  [[ " ${FAKE_AZ_IN_PLACE:-} " == *" $1 "* ]]
}

# The certificates of an app registration or service principal, as
# `--query 'keyCredentials[].[keyId, key, displayName]' -o tsv` prints them.
certificates() {
  local key_id der name
  while IFS=$'\t' read -r key_id der name; do
    if [[ -n $key_id ]]; then
      printf '%s\t%s\t%s\n' "$key_id" "$der" "$name"
    fi
  done <<<"$1"
}

if matches "${FAKE_AZ_FAIL:-}"; then
  printf 'ERROR: %s\n' "${FAKE_AZ_FAIL_MESSAGE:-(Forbidden) fake failure of az $words}" >&2
  exit 1
fi
uri=$(option --uri "$@") || uri=''
if [[ $words == rest && -n ${FAKE_AZ_FAIL_URI:-} && $uri == *"$FAKE_AZ_FAIL_URI" ]]; then
  printf 'ERROR: %s\n' "${FAKE_AZ_FAIL_MESSAGE:-(Forbidden) fake failure of az rest $uri}" >&2
  exit 1
fi
once_marker="$FAKE_AZ_LOG.failed-once"
if matches "${FAKE_AZ_FAIL_ONCE:-}" && [[ ! -e $once_marker ]]; then
  : >"$once_marker"
  printf 'ERROR: (NotFound) fake one-time failure of az %s\n' "$words" >&2
  exit 1
fi

case $words in
  'cloud show')
    printf '%s\n' "${FAKE_AZ_CLOUD:-AzureCloud}"
    ;;
  'account show')
    printf '%s\n' "${FAKE_AZ_TENANT:-72f988bf-86f1-41af-91ab-2d7cd011db47}"
    ;;
  'ad signed-in-user show')
    printf '%s\n' "${FAKE_AZ_USER_ID:-5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f}"
    ;;
  'ad app list')
    lines "${FAKE_AZ_EXISTING_APP:-}"
    ;;
  'ad app owner list')
    lines "${FAKE_AZ_APP_OWNERS:-}"
    ;;
  'ad app credential list')
    lines "${FAKE_AZ_APP_PASSWORDS:-}"
    ;;
  'ad app federated-credential list')
    lines "${FAKE_AZ_APP_FEDERATED:-}"
    ;;
  'ad app permission list')
    graph permissions "$(option --id "$@")"
    ;;
  'ad sp list')
    lines "${FAKE_AZ_EXISTING_SP:-}"
    ;;
  'ad sp owner list')
    lines "${FAKE_AZ_SP_OWNERS:-}"
    ;;
  'ad sp credential list')
    lines "${FAKE_AZ_SP_PASSWORDS:-}"
    ;;
  'ad app create')
    printf '%s\n' "${FAKE_AZ_APP_ID:-6731de76-14a6-49ae-97bc-6eba6914391e}"
    ;;
  'ad app show')
    graph app "$(option --id "$@")"
    ;;
  'ad sp show')
    graph sp "$(option --id "$@")"
    ;;
  'ad app credential reset')
    cert=$(option --cert "$@")
    if [[ $cert != @* ]]; then
      printf 'fake az: --cert must be @file, got %s\n' "$cert" >&2
      exit 3
    fi
    cp "${cert#@}" "${FAKE_AZ_CERT_OUT:?FAKE_AZ_CERT_OUT must name where the certificate goes}"
    printf '{"appId": "%s", "password": null, "tenant": "%s"}\n' \
      "$(option --id "$@")" "${FAKE_AZ_TENANT:-72f988bf-86f1-41af-91ab-2d7cd011db47}"
    ;;
  'ad sp create')
    printf '%s\n' "${FAKE_AZ_SP_ID:-0b1d2c3e-4f50-4617-8a9b-0c1d2e3f4a5b}"
    ;;
  'ad app permission add')
    printf 'WARNING: A Global Administrator must grant consent for the permission.\n' >&2
    ;;
  'ad app permission admin-consent') ;;
  'rest')
    sp=${uri##*/servicePrincipals/}
    sp=${sp%%/*}
    case $(option --method "$@"):$uri in
      GET:*'/applications(appId='*'?$select=keyCredentials')
        certificates "${FAKE_AZ_APP_CERTS:-}"
        ;;
      GET:*'/servicePrincipals/'*'?$select=keyCredentials')
        certificates "${FAKE_AZ_SP_CERTS:-}"
        ;;
      GET:*'/servicePrincipals/'*'/appRoleAssignments')
        graph assignments "$sp"
        ;;
      POST:*'/servicePrincipals/'*'/appRoleAssignedTo')
        graph assign "$sp" "$(option --body "$@")"
        ;;
      GET:*'/roleManagement/directory/roleAssignments?'*)
        if in_place global-reader; then
          printf 'lAPpYvVpN0KRkAEhdxReEJC2sEqbR_9Hr48lds9SGHI-1\n'
        fi
        ;;
      POST:*'/roleManagement/directory/roleAssignments')
        printf '{}\n'
        ;;
      *)
        printf 'fake az: unexpected call: az %s\n' "$*" >&2
        exit 2
        ;;
    esac
    ;;
  'role assignment list')
    if in_place reader; then
      printf '/providers/Microsoft.Authorization/roleAssignments/0a1b2c3d\n'
    fi
    ;;
  'role assignment create')
    printf '{}\n'
    ;;
  *)
    printf 'fake az: unexpected call: az %s\n' "$*" >&2
    exit 2
    ;;
esac
