#!/usr/bin/env bash
# Installs every tool the project uses that is missing, and nothing else:
# a second run only checks. Sourced by scripts/serve.sh and scripts/test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
# wasm-bindgen's CLI must equal the library version locked in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # --locked fails on a yanked transitive crate, so it is left out on purpose.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "installing wasm-opt from binaryen@$BINARYEN_VERSION"
  $SUDO npm install -g "binaryen@$BINARYEN_VERSION"
fi

# The browser and e2e tests drive Chromium; the build itself needs none.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver"
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

missing_debs=""
command -v openssl >/dev/null 2>&1 || missing_debs="$missing_debs openssl"
command -v brotli >/dev/null 2>&1 || missing_debs="$missing_debs brotli"
command -v shellcheck >/dev/null 2>&1 || missing_debs="$missing_debs shellcheck"
if [ -n "$missing_debs" ]; then
  say "installing$missing_debs"
  $SUDO apt-get update
  # shellcheck disable=SC2086 # one argument per package name
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $missing_debs
fi

# jmespath runs the fake Azure CLI's --query, as it runs the real one's.
if ! python3 -c 'import cryptography, yaml, jmespath' 2>/dev/null || ! command -v cfn-lint >/dev/null 2>&1; then
  say "installing Python cryptography, PyYAML, jmespath and cfn-lint"
  python3 -m pip install --quiet cryptography PyYAML jmespath cfn-lint
fi

# Trunk runs cargo offline, so every crate must already be downloaded.
(cd "$ROOT" && cargo fetch --locked --quiet)
