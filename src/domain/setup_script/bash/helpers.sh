ATTEMPTS=6
RETRY_SECONDS=10
CURRENT_STEP='0 (starting)'

fail() {
  printf '\nCloudLink setup stopped at step %s.\n%s\n' "$CURRENT_STEP" "$1" >&2
  exit 1
}

step() {
  CURRENT_STEP=$1
  printf '\n=== Step %s ===\n' "$1"
}

is_guid() {
  [[ $1 =~ ^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$ ]]
}

# Entra ID and Azure take up to a minute to see a new app registration or
# service principal everywhere, so a call made just after creating one can
# fail a few times before it succeeds.
retry() {
  local attempt=1
  until "$@"; do
    if ((attempt >= ATTEMPTS)); then
      return 1
    fi
    printf 'Trying again in %s seconds (attempt %s of %s)...\n' \
      "$RETRY_SECONDS" "$((attempt + 1))" "$ATTEMPTS" >&2
    sleep "$RETRY_SECONDS"
    attempt=$((attempt + 1))
  done
}

# For calls whose output is not needed; their errors still reach the screen.
# Whether something is already in place is read from the directory before
# the call, never guessed from the wording of an error.
az_quiet() {
  az "$@" >/dev/null
}

# Text that others chose, such as the names of owners and credentials, with
# each byte that is not printable ASCII shown as ?, so that it cannot move
# the cursor, rewrite the screen or reorder the line it is printed on.
shown() {
  printf '%s' "$1" | LC_ALL=C tr -c '[:print:]' '?'
}

# The SHA-1 thumbprint of a certificate given as Base64 DER, in uppercase hex
# as the Entra admin center shows it. It is computed from the certificate
# itself, because a credential's customKeyIdentifier is whatever its uploader
# chose.
thumbprint_of() {
  local sum
  [[ $1 =~ ^[A-Za-z0-9+/]+=*$ ]] || return 1
  sum=$(printf '%s' "$1" | base64 -d 2>/dev/null | sha1sum) || return 1
  sum=${sum%% *}
  printf '%s\n' "${sum^^}"
}

# One line per key credential of an app registration or service principal
# ($1, its path in Microsoft Graph): key ID, Base64 certificate, display name,
# separated by tabs. Graph returns the certificate itself only when
# keyCredentials is selected on one object. Empty values become -, so that no
# field can vanish between two tabs, and the display name, which its owners
# choose, comes last, so that it cannot shift the fields before it.
key_credentials() {
  az rest --method GET --uri "$GRAPH/v1.0/$1?\$select=keyCredentials" \
    --query "keyCredentials[].[keyId || '-', key || '-', displayName || '-']" -o tsv
}

trap 'fail "A command failed unexpectedly at line $LINENO."' ERR
