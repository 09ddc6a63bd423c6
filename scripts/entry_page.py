"""Trunk's post_build step for the entry page, run on the staging folder:

1. Moves the requests for the wasm and its JavaScript loader to the start of
   <head>, right after <base>. Trunk writes them last; the wasm is nearly all
   of the bytes a first visit waits for, so the browser is asked for it from
   the first bytes of index.html on, and with a high priority. The loader's own fetch of the
   wasm then takes the preloaded response (the bench counts one request).
2. In a release build, copies Log in and Create account, as the app draws
   them, into <template>s at the end of <body> (prerender.py), for
   index.html's inline script to show until the wasm has arrived.
3. Writes 404.html, a byte-for-byte copy of index.html, for hosts that answer
   an unknown path (a deep link) with it.

usage: python3 scripts/entry_page.py STAGING_DIR
"""

import os
import re
import sys
from pathlib import Path

import prerender

LINK = re.compile(r"<link\b[^>]*>", re.I)
REL = re.compile(r"""\brel\s*=\s*["']?(preload|modulepreload)\b""", re.I)
WASM_HREF = re.compile(r"""\bhref\s*=\s*["']?[^"'\s>]+\.wasm\b""", re.I)
# After <base>, which every URL below it resolves against; trunk writes it
# right after the title.
BASE = re.compile(r"<base\b[^>]*>", re.I)
BASE_HREF = re.compile(r"""<base\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)""", re.I)


def early_requests(html):
    """The wasm preload and the loader's modulepreload, wasm first."""
    wasm, loader = [], []
    for link in LINK.findall(html):
        rel = REL.search(link)
        if not rel:
            continue
        if rel.group(1).lower() == "preload" and WASM_HREF.search(link):
            wasm.append(link)
        elif rel.group(1).lower() == "modulepreload":
            loader.append(link)
    return wasm, loader


def with_priority(link):
    if re.search(r"\bfetchpriority\b", link, re.I):
        return link
    return re.sub(r"^<link\b", "<link fetchpriority=high", link)


def reorder(html):
    wasm, loader = early_requests(html)
    if len(wasm) != 1 or len(loader) != 1:
        raise SystemExit(
            f"entry_page.py: expected one wasm preload and one modulepreload, found {len(wasm)} and {len(loader)}"
        )
    for link in wasm + loader:
        html = html.replace(link, "", 1)
    base = BASE.search(html)
    if not base:
        raise SystemExit("entry_page.py: no <base> in index.html")
    early = with_priority(wasm[0]) + loader[0]
    return html[: base.end()] + early + html[base.end() :]


def with_pages(html, staging):
    base = BASE_HREF.search(html)
    base = base.group(1) if base else "/"
    base = base if base.endswith("/") else base + "/"
    pages = prerender.pages(staging, base)
    templates = "".join(
        f'<template id="prerender-{route}">{body}</template>' for route, body in pages.items()
    )
    at = html.rfind("</body>")
    if at < 0:
        raise SystemExit("entry_page.py: no </body> in index.html")
    return html[:at] + templates + html[at:]


def main(argv):
    if len(argv) != 1:
        raise SystemExit(__doc__.strip())
    staging = Path(argv[0])
    index = staging / "index.html"
    html = reorder(index.read_text(encoding="utf-8"))
    index.write_text(html, encoding="utf-8")
    if os.environ.get("TRUNK_PROFILE") == "release":
        html = with_pages(html, staging)
        index.write_text(html, encoding="utf-8")
    (staging / "404.html").write_text(html, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
