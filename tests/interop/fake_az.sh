#!/usr/bin/env bash
# A stand-in for the Azure CLI, put first on PATH as `az` by the setup-script
# tests. It records every call and answers the way `az` answers the queries
# the script makes, so the script runs end to end without a tenant.
#
# Environment:
#   FAKE_AZ_LOG          required: each call is appended as one line, its
#                        arguments separated by tabs
#   FAKE_AZ_CERT_OUT     where to copy the file passed as `--cert @file`
#   FAKE_AZ_CLOUD        what `cloud show` answers (default AzureCloud)
#   FAKE_AZ_TENANT       the tenant `account show` answers
#   FAKE_AZ_APP_ID       the appId `ad app create` answers
#   FAKE_AZ_SP_ID        the service principal id `ad sp create` answers
#   FAKE_AZ_EXISTING_APP an appId `ad app list` finds (default: none)
#   FAKE_AZ_FAIL         fail every call whose command words end with this,
#                        such as "admin-consent" or "sp create"
#   FAKE_AZ_FAIL_ONCE    the same, for the first such call only
set -euo pipefail

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

matches() {
  [[ -n $1 && " $words" == *" $1" ]]
}

if matches "${FAKE_AZ_FAIL:-}"; then
  printf 'ERROR: (Forbidden) fake failure of az %s\n' "$words" >&2
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
  'ad app list')
    if [[ -n ${FAKE_AZ_EXISTING_APP:-} ]]; then
      printf '%s\n' "$FAKE_AZ_EXISTING_APP"
    fi
    ;;
  'ad app create')
    printf '%s\n' "${FAKE_AZ_APP_ID:-6731de76-14a6-49ae-97bc-6eba6914391e}"
    ;;
  'ad app show')
    option --id "$@"
    printf '\n'
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
  'ad sp show')
    printf "ERROR: Service principal '%s' doesn't exist\n" "$(option --id "$@")" >&2
    exit 3
    ;;
  'ad sp create')
    printf '%s\n' "${FAKE_AZ_SP_ID:-0b1d2c3e-4f50-4617-8a9b-0c1d2e3f4a5b}"
    ;;
  'ad app permission add')
    printf 'WARNING: A Global Administrator must grant consent for the permission.\n' >&2
    ;;
  'ad app permission admin-consent') ;;
  'rest' | 'role assignment create')
    printf '{}\n'
    ;;
  *)
    printf 'fake az: unexpected call: az %s\n' "$*" >&2
    exit 2
    ;;
esac
