"""Prints the Content-Security-Policy header value for a trunk release build.

The page's one inline script is the module trunk emits to load the wasm,
allowed by its sha256 hash so that 'unsafe-inline' is never needed. The
page's own start scripts (public/start.js, public/first-page.js) are files
served with the app, allowed by 'self', so their edits change no hash.

With --host, prints instead the headers for that kind of host, ready to paste:
the policy, nosniff, and Cache-Control. Files with trunk's content hash in
their name never change, so they are cached for a year without revalidation;
the entry page, 404.html, config.json and the logos change in place and are
sent with no-cache. Hosts: nginx, apache (.htaccess), headers (the _headers
file of Netlify and Cloudflare Pages), s3 (aws s3 cp commands).
"""

import base64
import hashlib
import json
import re
import sys
from pathlib import Path

# Per cloud, as config.json names them (src/domain/entra/cloud.rs).
CLOUDS = ("global", "us-government", "china")
DEFAULT_SIGN_IN = [
    "https://login.microsoftonline.com",
    "https://login.microsoftonline.us",
    "https://login.chinacloudapi.cn",
]
DEFAULT_GRAPH = [
    "https://graph.microsoft.com",
    "https://graph.microsoft.us",
    "https://microsoftgraph.chinacloudapi.cn",
]

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
# What a browser runs: no type, a JavaScript MIME type, or a module. Data
# blocks (application/json, importmap) are never run, so they need no hash.
TYPE = re.compile(r"""\btype\s*=\s*(["']?)([^"'\s>]*)\1""", re.I)
RUN = {"", "module", "text/javascript", "application/javascript"}
SRC = re.compile(r"\bsrc\s*=", re.I)
# The app's rule for origins (src/domain/app/origin.rs), which
# tests/interop/csp_origins.rs holds this copy to.
LOOPBACK = ("localhost", "127.0.0.1", "[::1]")
LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
PORT = re.compile(r"[0-9]{1,5}")


USAGE = "usage: scripts/csp.sh [--write] [--host nginx|apache|headers|s3] [--parent-origin ORIGIN] DIST_DIR [CONNECT_ORIGINS...]"

HOSTS = ("nginx", "apache", "headers", "s3")
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# trunk's names: stem-<16 hex digits>.ext, and the wasm stem-<hash>_bg.wasm.
HASHED = re.compile(r"-[0-9a-f]{16}(_bg)?\.[A-Za-z0-9]+$")
BASE = re.compile(r"""<base\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)""", re.I)
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
}


def usage(message):
    sys.stderr.write(f"csp.sh: {message}\n{USAGE}\n")
    sys.exit(2)


def runs(attrs):
    kind = TYPE.search(attrs)
    return (kind.group(2).lower() if kind else "") in RUN


def inline_script_hashes(html):
    hashes = []
    for attrs, body in SCRIPT.findall(html):
        if SRC.search(attrs) or not runs(attrs):
            continue
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return hashes


def read_config(dist):
    path = dist / "config.json"
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return config if isinstance(config, dict) else {}


def parent_origin_from_config(dist):
    # The deployment's config.json already names the portal allowed to embed
    # the app; reading it keeps the header and the app from disagreeing.
    value = read_config(dist).get("parentOrigin")
    return value if isinstance(value, str) and value else None


def per_cloud(config, key, defaults):
    """The hosts of each cloud: config.json's override, else Microsoft's."""
    given = config.get(key)
    given = given if isinstance(given, dict) else {}
    out = []
    for cloud, default in zip(CLOUDS, defaults):
        value = given.get(cloud)
        out.append(value if isinstance(value, str) and value else default)
    return out


def connect_origins_from_config(dist):
    """What the page fetches from: the sign-in hosts (the tenant check, and
    the set-up's token request), and with setupClientId the Graph hosts the
    set-up calls. From the build's config.json, so the header and the app
    agree."""
    config = read_config(dist)
    origins = per_cloud(config, "signInHosts", DEFAULT_SIGN_IN)
    setup = config.get("setupClientId")
    if isinstance(setup, str) and setup.strip():
        origins += per_cloud(config, "graphHosts", DEFAULT_GRAPH)
    return origins


def parse_origin(value):
    """The origin as a browser serialises it, or None where the app refuses
    it: https:// anywhere, http:// only on this machine."""
    scheme, sep, rest = value.strip().lower().partition("://")
    if not sep or scheme not in ("https", "http"):
        return None
    authority = rest[:-1] if rest.endswith("/") else rest
    if any(c in authority for c in "/?#@\\"):
        return None
    if authority.startswith("["):
        end = authority.find("]")
        end = len(authority) if end < 0 else end + 1
    else:
        end = authority.find(":")
        end = len(authority) if end < 0 else end
    host, tail = authority[:end], authority[end:]
    if tail and not tail.startswith(":"):
        return None
    loopback = host in LOOPBACK
    if not loopback and not all(LABEL.fullmatch(label) for label in host.split(".")):
        return None
    if scheme == "http" and not loopback:
        return None
    port = None
    if tail:
        port = tail[1:]
        if not PORT.fullmatch(port) or not 1 <= int(port) <= 65535:
            return None
        port = port.lstrip("0")
        if port == ("443" if scheme == "https" else "80"):
            port = None
    return f"{scheme}://{host}" + (f":{port}" if port else "")


def check_origin(value, what):
    origin = parse_origin(value)
    if origin is None:
        usage(
            f"{what} {value!r} is not an origin the app accepts: https://host[:port], "
            "or http:// only for localhost, 127.0.0.1 or [::1]"
        )
    return origin


def files_of(dist):
    return sorted(p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file())


def cache_control(name):
    return IMMUTABLE if HASHED.search(name) else REVALIDATE


def host_headers(host, policy, html, dist):
    base = BASE.search(html)
    base = base.group(1) if base else "/"
    base = base if base.endswith("/") else base + "/"
    files = files_of(dist)
    hashed = r"[^/]+-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$"
    lines = []
    if host == "nginx":
        lines += [
            f"# In the server block; the files of the build are under {base}.",
            f"location {base} {{",
            f"    try_files $uri $uri/ {base}index.html;",
            f'    add_header Content-Security-Policy "{policy}" always;',
            "    add_header X-Content-Type-Options nosniff always;",
            f'    add_header Cache-Control "{REVALIDATE}" always;',
            "}",
            "# Files with a content hash in their name never change.",
            f"location ~ ^{re.escape(base)}{hashed} {{",
            "    add_header X-Content-Type-Options nosniff always;",
            f'    add_header Cache-Control "{IMMUTABLE}" always;',
            "}",
            "# The embed SDK is imported by portals on other origins.",
            f"location {base}embed/ {{",
            '    add_header Access-Control-Allow-Origin "*" always;',
            "    add_header X-Content-Type-Options nosniff always;",
            f'    add_header Cache-Control "{REVALIDATE}" always;',
            "}",
        ]
    elif host == "apache":
        lines += [
            f"# .htaccess in the folder served at {base} (mod_headers).",
            "<IfModule mod_headers.c>",
            f'  Header always set Content-Security-Policy "{policy}"',
            "  Header always set X-Content-Type-Options nosniff",
            f'  Header set Cache-Control "{REVALIDATE}"',
            f'  <FilesMatch "{hashed}">',
            f'    Header set Cache-Control "{IMMUTABLE}"',
            "  </FilesMatch>",
            "  # The embed SDK is imported by portals on other origins.",
            f'  <If "%{{REQUEST_URI}} =~ m#^{base}embed/#">',
            '    Header set Access-Control-Allow-Origin "*"',
            "  </If>",
            "</IfModule>",
            f"ErrorDocument 404 {base}404.html",
        ]
    elif host == "headers":
        # Rules that match one path add up, so Cache-Control is set per file.
        lines += [
            f"# _headers (Netlify, Cloudflare Pages) for a build served at {base}.",
            f"{base}*",
            f"  Content-Security-Policy: {policy}",
            "  X-Content-Type-Options: nosniff",
            base,
            f"  Cache-Control: {REVALIDATE}",
            "# The embed SDK is imported by portals on other origins.",
            f"{base}embed/*",
            "  Access-Control-Allow-Origin: *",
        ]
        for name in files:
            lines += [f"{base}{name}", f"  Cache-Control: {cache_control(name)}"]
    elif host == "s3":
        lines += [
            "# Each file with its type and caching; BUCKET is yours. The policy",
            "# goes in the CDN's response-headers policy (see docs/hosting.md).",
            f"# The embed SDK ({base}embed/) is imported by portals on other",
            "# origins: allow GET from them in the bucket's CORS configuration,",
            "# or add Access-Control-Allow-Origin: * in the CDN's policy.",
        ]
        for name in files:
            kind = CONTENT_TYPES.get(Path(name).suffix, "application/octet-stream")
            lines.append(
                f"aws s3 cp {dist / name} s3://BUCKET{base}{name} "
                f"--content-type '{kind}' --cache-control '{cache_control(name)}'"
            )
    return "\n".join(lines)


def main(argv):
    write = False
    host = None
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
        elif arg == "--host":
            host = next(args, None) or usage("--host needs a value")
        elif arg.startswith("--host="):
            host = arg.split("=", 1)[1]
        elif arg in ("-h", "--help"):
            print(__doc__.strip() + "\n\n" + USAGE)
            return 0
        elif arg.startswith("-"):
            usage(f"unknown option {arg}")
        else:
            rest.append(arg)
    if not rest:
        usage("DIST_DIR is required")
    if host is not None and host not in HOSTS:
        usage(f"unknown host {host!r}; one of {', '.join(HOSTS)}")
    dist = Path(rest[0])
    index = dist / "index.html"
    try:
        html = index.read_text(encoding="utf-8")
    except OSError as e:
        usage(f"cannot read {index}: {e.strerror}")

    hashes = inline_script_hashes(html)
    if not hashes:
        sys.stderr.write(f"csp.sh: no inline <script> in {index}\n")
        return 1

    connect = rest[1:] or connect_origins_from_config(dist)
    connect = list(dict.fromkeys(check_origin(o, "connect-src origin") for o in connect))
    parent = parent or parent_origin_from_config(dist)
    ancestors = check_origin(parent, "parent origin") if parent else "'none'"

    policy = "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self' " + " ".join(connect),
            "frame-ancestors " + ancestors,
            "base-uri 'self'",
            "form-action 'self'",
            "object-src 'none'",
        ]
    )
    print(host_headers(host, policy, html, dist) if host else policy)
    if write:
        (dist / "csp.txt").write_text(policy + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
