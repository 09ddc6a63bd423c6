"""Prints the Content-Security-Policy header value for a trunk release build.

The page's inline scripts are modules: the one trunk emits to load the wasm,
and index.html's early read of config.json. Each is allowed by its sha256 hash
so that 'unsafe-inline' is never needed.
"""

import base64
import hashlib
import json
import re
import sys
from pathlib import Path

DEFAULT_SIGN_IN = [
    "https://login.microsoftonline.com",
    "https://login.microsoftonline.us",
    "https://login.chinacloudapi.cn",
]

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
MODULE = re.compile(r"""\btype\s*=\s*(["']?)module\1(?=[\s>/]|$)""", re.I)
SRC = re.compile(r"\bsrc\s*=", re.I)
ORIGIN = re.compile(r"^https?://[A-Za-z0-9.\-]+(:[0-9]+)?$")


USAGE = "usage: scripts/csp.sh [--write] [--parent-origin ORIGIN] DIST_DIR [SIGN_IN_ORIGINS...]"


def usage(message):
    sys.stderr.write(f"csp.sh: {message}\n{USAGE}\n")
    sys.exit(2)


def inline_module_hashes(html):
    hashes = []
    for attrs, body in SCRIPT.findall(html):
        if SRC.search(attrs) or not MODULE.search(attrs):
            continue
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return hashes


def parent_origin_from_config(dist):
    # The deployment's config.json already names the portal allowed to embed
    # the app; reading it keeps the header and the app from disagreeing.
    path = dist / "config.json"
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = config.get("parentOrigin") if isinstance(config, dict) else None
    return value if isinstance(value, str) and value else None


def check_origin(value, what):
    if not ORIGIN.match(value):
        usage(f"{what} {value!r} is not an origin such as https://login.example.com")
    return value


def main(argv):
    write = False
    parent = None
    rest = []
    args = iter(argv)
    for arg in args:
        if arg == "--write":
            write = True
        elif arg == "--parent-origin":
            parent = next(args, None) or usage("--parent-origin needs a value")
        elif arg.startswith("--parent-origin="):
            parent = arg.split("=", 1)[1]
        elif arg in ("-h", "--help"):
            print(__doc__.strip() + "\n\n" + USAGE)
            return 0
        elif arg.startswith("-"):
            usage(f"unknown option {arg}")
        else:
            rest.append(arg)
    if not rest:
        usage("DIST_DIR is required")
    dist = Path(rest[0])
    index = dist / "index.html"
    try:
        html = index.read_text(encoding="utf-8")
    except OSError as e:
        usage(f"cannot read {index}: {e.strerror}")

    hashes = inline_module_hashes(html)
    if not hashes:
        sys.stderr.write(f"csp.sh: no inline <script type=\"module\"> in {index}\n")
        return 1

    sign_in = [check_origin(o.rstrip("/"), "sign-in origin") for o in rest[1:]] or DEFAULT_SIGN_IN
    parent = parent or parent_origin_from_config(dist)
    ancestors = check_origin(parent.rstrip("/"), "parent origin") if parent else "'none'"

    policy = "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self' " + " ".join(sign_in),
            "frame-ancestors " + ancestors,
            "base-uri 'self'",
            "form-action 'self'",
            "object-src 'none'",
        ]
    )
    print(policy)
    if write:
        (dist / "csp.txt").write_text(policy + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
