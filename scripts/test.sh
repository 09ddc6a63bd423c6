#!/usr/bin/env bash
# Installs what is missing, then runs every test layer and prints a summary:
#   native   cargo test for pure logic, plus interop checks with openssl/Python
#   browser  wasm-bindgen-test in headless Chromium
#   size     the release build's brotli total against docs/size-ceiling
#   e2e      the release build in dist/, driven in headless Chromium
# Exits non-zero when anything fails.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" || exit 1
set +e
cd "$ROOT"

LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"
export CHROMEDRIVER=/usr/bin/chromedriver

declare -a NAMES PASSED FAILED STATUS

# Runs one layer, keeps its log, and records its counts from cargo's result lines.
layer() {
  local name="$1"; shift
  local log="$LOGS/$name.log"
  printf '\n==> %s: %s\n' "$name" "$*"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local p f
  p=$(grep -Eo '[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  NAMES+=("$name"); PASSED+=("$p"); FAILED+=("$f")
  if [ "$rc" -eq 0 ]; then STATUS+=("ok"); else STATUS+=("FAILED (log: $log)"); fi
}

layer native cargo test --lib --test interop --test docs
layer browser cargo test --target wasm32-unknown-unknown --test browser
layer build trunk build --release
layer size scripts/size.sh --no-build
layer build-subpath trunk build --release --public-url /tools/link/ --dist dist-subpath
layer e2e cargo test --test e2e -- --test-threads=2

total_p=0; total_f=0
printf '\n%-14s %8s %8s  %s\n' layer passed failed status
for i in "${!NAMES[@]}"; do
  printf '%-14s %8s %8s  %s\n' "${NAMES[$i]}" "${PASSED[$i]}" "${FAILED[$i]}" "${STATUS[$i]}"
  total_p=$((total_p + PASSED[i])); total_f=$((total_f + FAILED[i]))
done
echo
echo "${total_p} passed, ${total_f} failed"
[ "$total_f" -eq 0 ]
