#!/usr/bin/env bash
# Prints the raw, gzip and brotli size of every file in the release dist/ and
# the total. Builds dist/ first unless --no-build is given.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
if [ "${1:-}" != "--no-build" ]; then
  trunk build --release >/dev/null
fi
GOAL_BYTES=$((150 * 1000))

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
if [ "$total_br" -le "$GOAL_BYTES" ]; then verdict="within"; else verdict="OVER"; fi
printf '\nbrotli total %.1f KB: %s the 150 KB goal\n' "$(awk -v b="$total_br" 'BEGIN { print b / 1000 }')" "$verdict"
