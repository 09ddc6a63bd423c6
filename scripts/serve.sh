#!/usr/bin/env bash
# Installs what is missing, then serves the app at http://127.0.0.1:8080 with
# live reload. Extra arguments go to `trunk serve` (for example --release).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
exec trunk serve "$@"
