#!/usr/bin/env bash
# Prints the raw, gzip and brotli size of every file in the release dist/ and
# the total. Exits non-zero when the brotli total is more than 2% above the
# figure in docs/size-ceiling, so the bundle cannot creep up unnoticed; a
# change that needs more raises that figure in the same commit and says why.
# It also says how far the total is from the 330 KB brotli target.
# Builds dist/ first unless --no-build is given.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh source-path=SCRIPTDIR disable=SC1091
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
if [ "${1:-}" != "--no-build" ]; then
  trunk build --release >/dev/null
fi
CAP_BYTES=$((330 * 1000))
CEILING_FILE="$ROOT/docs/size-ceiling"
# The first line that is not a comment holds the figure, in bytes.
ceiling=$(grep -v '^[[:space:]]*#' "$CEILING_FILE" | grep -m 1 -Eo '^[[:space:]]*[0-9]+' | tr -d '[:space:]' || true)
if [ -z "$ceiling" ]; then
  echo "size.sh: no figure in ${CEILING_FILE#"$ROOT"/}" >&2
  exit 2
fi
allowed=$((ceiling + ceiling * 2 / 100))

printf '%-48s %10s %10s %10s\n' file raw gzip brotli
total_raw=0; total_gz=0; total_br=0
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-48s %10d %10d %10d\n' "${f#dist/}" "$raw" "$gz" "$br"
done < <(find dist -type f | sort)
printf '%-48s %10d %10d %10d\n' TOTAL "$total_raw" "$total_gz" "$total_br"

kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }
status=0
# The 330 KB figure is a target, not the gate: say how far off it is
# without the word the gate uses for a failure.
if [ "$total_br" -le "$CAP_BYTES" ]; then
  printf '\nbrotli total %s KB: within the %s KB target\n' "$(kb "$total_br")" "$(kb "$CAP_BYTES")"
else
  printf '\nbrotli total %s KB: %s KB above the %s KB target (not a failure)\n' \
    "$(kb "$total_br")" "$(kb $((total_br - CAP_BYTES)))" "$(kb "$CAP_BYTES")"
fi
if [ "$total_br" -le "$allowed" ]; then verdict="within"; else verdict="OVER"; status=1; fi
printf 'brotli total %s KB: %s the ceiling of %s KB + 2%% (%s KB, docs/size-ceiling)\n' \
  "$(kb "$total_br")" "$verdict" "$(kb "$ceiling")" "$(kb "$allowed")"
if [ "$status" -ne 0 ]; then
  echo "size.sh: the bundle grew more than 2%; make it smaller, or raise docs/size-ceiling in the commit that explains why" >&2
fi
exit "$status"
