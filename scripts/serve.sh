#!/usr/bin/env bash
# Installs what is missing, then serves the app at http://127.0.0.1:8080 with
# live reload. Extra arguments go to `trunk serve` (for example --release).
#
# `scripts/serve.sh --portal` instead builds the release and serves it beside
# the example portal (examples/portal) at http://127.0.0.1:8081.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
if [ "${1:-}" = "--portal" ]; then
  trunk build --release
  exec python3 "$ROOT/scripts/portal.py"
fi
exec trunk serve "$@"
