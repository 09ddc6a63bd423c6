#!/usr/bin/env bash
# Builds the product and a bare Leptos login page in release, then prints one
# table: first page against the bare page, Generate Public Key against
# WebCrypto alone, the account list and the link form at 1,000 accounts, and
# the in-browser generation bench (tests/bench); then bundle sizes per file and
# per crate. Progress goes to stderr, the report to stdout.
#
# Never run by scripts/test.sh: it takes minutes and its figures depend on the
# machine. BENCH_RUNS (default 15) and BENCH_WARMUPS (default 2) set the page
# figures' runs; fewer than 15 runs is only for trying the script out.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Followed under shellcheck -x; plain shellcheck follows no sourced file.
# shellcheck source=setup.sh source-path=SCRIPTDIR disable=SC1091
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

say() { printf '[bench] %s\n' "$*" >&2; }

if ! command -v twiggy >/dev/null 2>&1; then
  say "installing twiggy"
  cargo install twiggy --locked
fi

OUT="$ROOT/target/bench"
APP_DIST="$OUT/app"
BARE_DIST="$OUT/bare"
BARE="$ROOT/benches/bare"
LOGS="$OUT/logs"
mkdir -p "$LOGS"
# Table rows, "ROW" or "NOTE" and tab-separated cells, gathered per source
# and printed in this order: sizes, pages, then tests/bench.
ROWS_SIZE="$LOGS/rows-size.tsv"
ROWS_PAGE="$LOGS/rows-page.tsv"
ROWS_WASM="$LOGS/rows-wasm.tsv"
export CHROMEDRIVER=/usr/bin/chromedriver

# Runs a step with its output in a log, which is shown only if it fails.
step() {
  local name="$1"; shift
  local log="$LOGS/$name.log"
  say "$name: $*"
  if ! "$@" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    say "$name failed; full log: $log"
    exit 1
  fi
}

# --- builds: never dist/, which trunk serve fills with a debug build --------
step build-app trunk build --release --dist "$APP_DIST"
(cd "$BARE" && cargo fetch --locked --quiet)
# The bare page is a plain Leptos app: an empty RUSTFLAGS overrides the
# repository's .cargo/config.toml, so the product's erase_components cfg does
# not reach it. Its own target dir keeps the two sets of flags from
# rebuilding each other's dependencies.
(cd "$BARE" && RUSTFLAGS="" CARGO_TARGET_DIR="$OUT/bare-target" step build-bare trunk build --release --dist "$BARE_DIST")

# --- bundle sizes ----------------------------------------------------------
# Prints "file raw gzip brotli" for every file under $1, then a TOTAL line.
sizes() {
  local dir="$1" f raw gz br total_raw=0 total_gz=0 total_br=0
  while IFS= read -r f; do
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    br=$(brotli -q 11 -c "$f" | wc -c)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
    printf '%s %d %d %d\n' "${f#"$dir"/}" "$raw" "$gz" "$br"
  done < <(find "$dir" -type f | sort)
  printf 'TOTAL %d %d %d\n' "$total_raw" "$total_gz" "$total_br"
}
say "measuring bundle sizes"
sizes "$APP_DIST" >"$LOGS/sizes-app.txt"
sizes "$BARE_DIST" >"$LOGS/sizes-bare.txt"
app_br=$(awk '$1 == "TOTAL" { print $4 }' "$LOGS/sizes-app.txt")
bare_br=$(awk '$1 == "TOTAL" { print $4 }' "$LOGS/sizes-bare.txt")
awk -v a="$app_br" -v b="$bare_br" 'BEGIN {
  printf "ROW\tbundle: brotli total, KB\t%.1f\t-\t-\tbare page %.1f\t%.2fx\t<= 330\n", a / 1000, b / 1000, a / b
}' >"$ROWS_SIZE"

# --- size per crate ----------------------------------------------------------
# twiggy needs the names that trunk's wasm-opt strips, so the same cargo build
# goes through wasm-bindgen and wasm-opt again, keeping them (-g).
step build-wasm cargo build --release --target wasm32-unknown-unknown --bin cloudlink
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
NAMED="$OUT/named"
rm -rf "$NAMED"
mkdir -p "$NAMED"
step wasm-bindgen wasm-bindgen --target web --no-typescript --out-dir "$NAMED" \
  "$TARGET_DIR/wasm32-unknown-unknown/release/cloudlink.wasm"
step wasm-opt wasm-opt -Oz -g "$NAMED/cloudlink_bg.wasm" -o "$NAMED/cloudlink.named.wasm"
twiggy top -n 100000 --format csv "$NAMED/cloudlink.named.wasm" >"$NAMED/top.csv"
python3 - "$NAMED/top.csv" >"$LOGS/crates.txt" <<'PY'
import collections, csv, re, sys

# Shallow bytes per crate. A demangled name starts with its crate
# (`tachys::view::…`); an impl starts with `<` and the type's crate
# (`<leptos::…`, also behind `&` or `dyn`); a generic instantiation counts to
# the outer path (`core::ptr::drop_in_place<cloudlink::…>` is core's). A
# blanket impl (`<T as tachys::view::IntoAny>`, `<(A,B) as …>`) has no crate
# of its own type, so it counts to its trait's crate, where its code lives.
# Sections only a debug build keeps (names, producers) are left out.
CRATE = r"([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::"
LEAD = re.compile(r"^<?(?:&(?:mut )?)?(?:dyn )?" + CRATE)
TRAIT = re.compile(r"^<[^<>]*? as " + CRATE)
sizes = collections.Counter()
for row in csv.DictReader(open(sys.argv[1], newline="")):
    name, size = row["Name"], int(row["ShallowSize"])
    if name.endswith(" subsection") or name.startswith("custom section"):
        continue
    if name.startswith("data[") or name.startswith("data segment"):
        group = "data segments"
    else:
        m = LEAD.match(name) or TRAIT.match(name)
        group = m.group(1) if m else "other"
    sizes[group] += size
total = sum(sizes.values())
top = [(g, s) for g, s in sizes.most_common() if g != "other"][:10]
rest = total - sum(s for _, s in top)
for g, s in top + [("other", rest)]:
    print(f"{g}\t{s}\t{100 * s / total:.1f}")
print(f"TOTAL\t{total}\t100.0")
PY

# --- generation in the browser: tests/bench (wasm-bindgen-test) --------------
step wasm-bench cargo test --release --target wasm32-unknown-unknown --test bench -- --nocapture
# "BENCH <what, 52 wide> <median> <min> <max>", or a single figure.
grep '^BENCH ' "$LOGS/wasm-bench.log" | awk '
  function trim(s) { gsub(/^ +| +$/, "", s); return s }
  {
    what = trim(substr($0, 7, 52)); n = split(trim(substr($0, 59)), v, / +/)
    if (what ~ /^what/) { runs = what; sub(/.*runs = /, "", runs); sub(/\).*/, "", runs); next }
    if (what ~ /alone/) { keygen = v[1] }
    if (n == 3) {
      cmp = "-"; r = "-"; goal = "-"
      if (what ~ /RSA-2048 key/) { cmp = sprintf("keygen alone %.1f", keygen); r = sprintf("%.2fx", v[1] / keygen); goal = "<= 150" }
      printf "ROW\twasm test: %s (n=%s)\t%s\t%s\t%s\t%s\t%s\t%s\n", what, runs, v[1], v[2], v[3], cmp, r, goal
    } else {
      goal = (what ~ /observer/) ? ">= 80" : "<= 50"
      sub(/^\(/, "", what); sub(/\)$/, "", what)
      printf "ROW\twasm test: %s\t%s\t-\t-\t-\t-\t%s\n", what, v[1], goal
    }
  }
  END { print "NOTE\twasm test: tests/bench, the library called directly in headless Chromium (wasm-bindgen-test, release), no page around it" }
' >"$ROWS_WASM"

# --- page figures: tests/perf ------------------------------------------------
export BENCH_APP_DIST="$APP_DIST" BENCH_BARE_DIST="$BARE_DIST"
step perf cargo test --test perf -- --ignored --nocapture --test-threads=1
grep -E '^(ROW|NOTE)'$'\t' "$LOGS/perf.log" >"$ROWS_PAGE"

# --- report ------------------------------------------------------------------
commit=$(git rev-parse --short HEAD)
if [ -n "$(git status --porcelain)" ]; then commit="$commit + local changes"; fi
printf 'CloudLink bench, %s, commit %s, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$commit" \
  "$(nproc) cores, $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
printf "Times in ms from the page's own clock; sizes in KB (1,000 bytes).\n\n"

awk -F '\t' '
  $1 == "ROW" {
    n++
    for (i = 2; i <= 8; i++) { cell[n, i] = $i; if (length($i) > w[i]) w[i] = length($i) }
  }
  $1 == "NOTE" { notes[++m] = $2 }
  END {
    split("what|median|min|max|compared with|ratio|target", head, "|")
    for (i = 2; i <= 8; i++) if (length(head[i - 1]) > w[i]) w[i] = length(head[i - 1])
    line = ""
    for (i = 2; i <= 8; i++) line = line sprintf(i == 2 ? "%-*s" : (i == 6 || i == 8 ? "  %-*s" : "  %*s"), w[i], head[i - 1])
    print line
    rule = ""; for (k = 0; k < length(line); k++) rule = rule "-"; print rule
    for (r = 1; r <= n; r++) {
      line = ""
      for (i = 2; i <= 8; i++) line = line sprintf(i == 2 ? "%-*s" : (i == 6 || i == 8 ? "  %-*s" : "  %*s"), w[i], cell[r, i])
      print line
    }
    if (m) print ""
    for (k = 1; k <= m; k++) print "* " notes[k]
  }' "$ROWS_SIZE" "$ROWS_PAGE" "$ROWS_WASM"

printf '\nBundle, product (%s)\n' "${APP_DIST#"$ROOT"/}"
awk '{ printf "  %-40s %10s %10s %10s\n", $1, $2, $3, $4 }' \
  <(printf 'file raw gzip brotli\n'; cat "$LOGS/sizes-app.txt")
printf '\nBundle, bare Leptos login (%s)\n' "${BARE_DIST#"$ROOT"/}"
awk '{ printf "  %-40s %10s %10s %10s\n", $1, $2, $3, $4 }' \
  <(printf 'file raw gzip brotli\n'; cat "$LOGS/sizes-bare.txt")

printf '\nPer crate: shallow bytes in cloudlink.wasm (twiggy, wasm-opt -Oz -g, name sections left out)\n'
awk -F '\t' '{ printf "  %-24s %10s %7s%%\n", $1, $2, $3 }' "$LOGS/crates.txt"

say "done in ${SECONDS}s; logs in ${LOGS#"$ROOT"/}"
