#!/usr/bin/env bash
# Prints the Content-Security-Policy header value for a release build:
#   scripts/csp.sh [--write] [--host nginx|apache|headers|s3] [--parent-origin ORIGIN] DIST_DIR [CONNECT_ORIGINS...]
# Inline module scripts (trunk's wasm loader, index.html's early config read)
# are allowed by their sha256 hashes; the loader's changes with every build,
# so the header must be regenerated with it.
# CONNECT_ORIGINS (connect-src) default to the sign-in hosts of the three
# clouds, from DIST_DIR/config.json `signInHosts` or Microsoft's, and, when
# config.json names `setupClientId`, the Graph hosts (`graphHosts` or
# Microsoft's) that Set up with Microsoft sign-in calls.
# frame-ancestors is the parent origin (from the flag or config.json
# `parentOrigin`), else 'none'. --write also saves the value to DIST_DIR/csp.txt.
# --host prints the headers for that kind of host instead: the policy and
# Cache-Control (a year, immutable, for files with a content hash in their
# name; no-cache for the entry page and the files that change in place).
set -euo pipefail
exec python3 "$(dirname "${BASH_SOURCE[0]}")/csp.py" "$@"
