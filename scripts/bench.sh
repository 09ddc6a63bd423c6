#!/usr/bin/env bash
# Times key pair and certificate generation in headless Chromium (release
# build) and prints a table. Goals: median at most 150 ms for RSA-2048 with
# its certificate, and no main-thread task over 50 ms.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
export CHROMEDRIVER=/usr/bin/chromedriver
out=$(cargo test --release --target wasm32-unknown-unknown --test bench -- --nocapture 2>&1) || {
  echo "$out"
  exit 1
}
echo "$out" | grep '^BENCH' | sed 's/^BENCH //'
