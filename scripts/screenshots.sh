#!/usr/bin/env bash
# Renews the docs' pictures in docs/screenshots/: the release build,
# driven in headless Chromium by an ignored e2e test that saves WebDriver
# screenshots.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh source-path=SCRIPTDIR disable=SC1091
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

export CHROMEDRIVER=/usr/bin/chromedriver
OUT="$ROOT/docs/screenshots"
export SCREENSHOTS_DIR="$OUT"

# A dist/ older than any input would picture an app that no longer exists.
if [ ! -f dist/index.html ] ||
  [ -n "$(find src style public index.html Cargo.toml Cargo.lock Trunk.toml .cargo -newer dist/index.html -print -quit)" ]; then
  trunk build --release
fi

cargo test --test e2e screenshots::readme_screenshots -- --ignored --exact
cargo test --test e2e portal::portal_screenshot -- --ignored --exact

for name in link-light link-dark accounts account portal; do
  echo "$OUT/$name.png"
done
