#!/usr/bin/env bash
# Prints the raw, gzip and brotli size of every file in the release dist/ and
# the total. Exits non-zero when the brotli total is more than 2% above the
# figure in docs/size-ceiling, so the bundle cannot creep up unnoticed; a
# change that needs more raises that figure in the same commit and says why.
# It also says how far the total is from the 330 KB brotli target.
#
# It gates the first download the same way, against docs/size-first-download:
# index.html, config.json and every file index.html asks for before the app
# runs (its scripts, stylesheet and preloads, the icon left out). That is
# what a visitor at / or /login waits for, and the figure that must not creep.
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
FIRST_CAP_BYTES=$((160 * 1000))
# The first line that is not a comment of docs/$1 holds a figure, in bytes.
figure() {
  local file="$ROOT/docs/$1" n
  n=$(grep -v '^[[:space:]]*#' "$file" | grep -m 1 -Eo '^[[:space:]]*[0-9]+' | tr -d '[:space:]' || true)
  if [ -z "$n" ]; then
    echo "size.sh: no figure in docs/$1" >&2
    exit 2
  fi
  printf '%s\n' "$n"
}
ceiling=$(figure size-ceiling)
allowed=$((ceiling + ceiling * 2 / 100))
first_ceiling=$(figure size-first-download)
first_allowed=$((first_ceiling + first_ceiling * 2 / 100))
# The files the entry page asks for before the app runs, as dist/ paths.
first_files() {
  printf 'dist/index.html\ndist/config.json\n'
  grep -Eo '<(link|script)[^>]*>' dist/index.html | grep -Ev '\brel=("?)icon\b' |
    grep -Eo '\b(href|src)=("[^"]*"|[^ >]+)' | sed -E 's/^(href|src)=//; s/"//g; s#^/##' |
    while IFS= read -r f; do [ -f "dist/$f" ] && printf 'dist/%s\n' "$f"; done
}

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
first_br=0
while IFS= read -r f; do
  first_br=$((first_br + $(brotli -q 11 -c "$f" | wc -c)))
done < <(first_files | sort -u)
printf '%-48s %10s %10s %10d\n' "FIRST DOWNLOAD ($(first_files | sort -u | wc -l) files)" - - "$first_br"

kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }
status=0
# Says how far `bytes` is from its target (not a failure, so without the
# word the gate uses), then gates it at its figure in docs/ plus 2%.
report() {
  local what="$1" bytes="$2" target="$3" figure="$4" allowed="$5" file="$6" verdict
  if [ "$bytes" -le "$target" ]; then
    printf '%s %s KB: within the %s KB target\n' "$what" "$(kb "$bytes")" "$(kb "$target")"
  else
    printf '%s %s KB: %s KB above the %s KB target (not a failure)\n' \
      "$what" "$(kb "$bytes")" "$(kb $((bytes - target)))" "$(kb "$target")"
  fi
  if [ "$bytes" -le "$allowed" ]; then verdict="within"; else verdict="OVER"; status=1; fi
  printf '%s %s KB: %s the ceiling of %s KB + 2%% (%s KB, docs/%s)\n' \
    "$what" "$(kb "$bytes")" "$verdict" "$(kb "$figure")" "$(kb "$allowed")" "$file"
  if [ "$verdict" = OVER ]; then
    echo "size.sh: the $what grew more than 2%; make it smaller, or raise docs/$file in the commit that explains why" >&2
  fi
}
echo
report "brotli total" "$total_br" "$CAP_BYTES" "$ceiling" "$allowed" size-ceiling
report "first download" "$first_br" "$FIRST_CAP_BYTES" "$first_ceiling" "$first_allowed" size-first-download
exit "$status"
