//! The Bash that every setup script starts with: the helpers the steps call
//! and the command-line options.
//!
//! The steps call `az` only inside `if` or through these helpers, so that
//! every failure ends in `fail`, which names the step and what to check,
//! instead of in `set -e`'s silent exit.

/// Expects `CURRENT_STEP` to be set; `step` keeps it current.
pub const HELPERS: &str = r#"ATTEMPTS=6
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

# For calls whose output is not needed. An "already exists" answer means an
# earlier run did the work, so running the script again is safe.
az_apply() {
  local err
  if err=$(az "$@" 2>&1 >/dev/null); then
    return 0
  fi
  case $err in
    *RoleAssignmentExists* | *'conflicting object'* | *'already exist'*)
      printf 'Already in place.\n'
      return 0
      ;;
  esac
  printf '%s\n' "$err" >&2
  return 1
}

trap 'fail "A command failed unexpectedly at line $LINENO."' ERR
"#;

/// A new app may already exist under the chosen name; `--reuse` is the
/// admin's explicit say-so to take it over.
pub const NEW_APP_OPTIONS: &str = r#"
usage() {
  printf 'Usage: bash %s [--reuse]\n' "$0" >&2
  printf '  --reuse  set up the existing app registration with this name\n' >&2
}

REUSE=0
for arg in "$@"; do
  case $arg in
    --reuse) REUSE=1 ;;
    *)
      printf 'Unknown option: %s\n' "$arg" >&2
      usage
      exit 2
      ;;
  esac
done
"#;

pub const RENEWAL_OPTIONS: &str = r#"
if (($# > 0)); then
  printf 'Unknown option: %s\nUsage: bash %s\n' "$1" "$0" >&2
  exit 2
fi
"#;
