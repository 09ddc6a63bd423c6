"""Copies the log-in and sign-up pages, as the app draws them, into the entry
page at build time.

The release build in the staging folder is served on a loopback port and
opened in headless Chromium through ChromeDriver; for each page the body the
app mounted is read once its form is there. entry_page.py puts each into a
<template id="prerender-ROUTE">, which index.html's inline script shows to a
signed-out visitor until the wasm has arrived. The markup is the app's own:
nothing is written twice by hand.
"""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from csp import CONTENT_TYPES

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
# Each page and the field that says its form is drawn.
PAGES = [("login", "#email"), ("signup", "#confirm")]
# The app's own elements in <body>, as outer HTML, once `selector` is there.
READ_BODY = """
const [selector, done] = arguments;
const read = () => {
  if (!document.querySelector(selector)) return requestAnimationFrame(read);
  requestAnimationFrame(() => done([...document.body.children]
    .filter(e => !['NOSCRIPT', 'SCRIPT', 'TEMPLATE'].includes(e.tagName))
    .map(e => e.outerHTML).join('')));
};
read();
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(staging, base):
    class Files(BaseHTTPRequestHandler):
        def do_GET(self):
            path = urlsplit(self.path).path
            rel = path[len(base):] if path.startswith(base) else None
            file = staging / rel if rel else None
            if file is None or not file.is_file():
                file = staging / "index.html"
            body = file.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", CONTENT_TYPES.get(file.suffix, "application/octet-stream"))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Files)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def call(url, method="GET", body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=120) as r:
        reply = json.loads(r.read() or b"{}")
    return reply.get("value")


def pages(staging, base):
    """{route: body HTML} for each page in PAGES."""
    server = serve(staging, base)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    port = free_port()
    profile = tempfile.mkdtemp(prefix="cloudlink-prerender-")
    driver = subprocess.Popen(
        [CHROMEDRIVER, f"--port={port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wd = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                call(f"{wd}/status")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("prerender.py: chromedriver did not start")
                time.sleep(0.1)
        session = call(
            f"{wd}/session",
            "POST",
            {
                "capabilities": {
                    "alwaysMatch": {
                        "browserName": "chrome",
                        "goog:chromeOptions": {
                            "binary": CHROMIUM,
                            "args": [
                                "--headless=new",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                f"--user-data-dir={profile}",
                            ],
                        },
                    }
                }
            },
        )["sessionId"]
        out = {}
        try:
            call(f"{wd}/session/{session}/timeouts", "POST", {"script": 60000})
            for route, selector in PAGES:
                call(f"{wd}/session/{session}/url", "POST", {"url": f"{origin}{base}{route}"})
                html = call(
                    f"{wd}/session/{session}/execute/async",
                    "POST",
                    {"script": READ_BODY, "args": [selector]},
                )
                if not html or selector.lstrip("#") not in html:
                    raise SystemExit(f"prerender.py: {route} has no {selector}")
                # The empty comments are the app's own place markers, of
                # no use in a copy that is thrown away when the app mounts.
                out[route] = html.replace("<!---->", "")
        finally:
            call(f"{wd}/session/{session}", "DELETE")
        return out
    finally:
        driver.terminate()
        driver.wait()
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
