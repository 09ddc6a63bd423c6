#!/usr/bin/env bash
# Prints the Content-Security-Policy header value for a release build:
#   scripts/csp.sh [--write] [--parent-origin ORIGIN] DIST_DIR [SIGN_IN_ORIGINS...]
# The inline wasm loader trunk emits is allowed by its sha256 hash, so the hash
# changes with every build and the header must be regenerated with it.
# SIGN_IN_ORIGINS default to the Global, US Government and China sign-in hosts.
# frame-ancestors is the parent origin (from the flag or config.json
# `parentOrigin`), else 'none'. --write also saves the value to DIST_DIR/csp.txt.
set -euo pipefail
exec python3 "$(dirname "${BASH_SOURCE[0]}")/csp.py" "$@"
