#!/usr/bin/env python3
"""Serves the release build at http://127.0.0.1:8080 configured for the
example portal, and the example portal at http://127.0.0.1:8081."""

import http.server
import json
import os
import sys
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP_PORT, PORTAL_PORT = 8080, 8081
CONFIG = json.dumps(
    {"parentOrigin": f"http://127.0.0.1:{PORTAL_PORT}", "identityMode": "host"}
).encode()


class App(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=os.path.join(ROOT, "dist"), **kwargs)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/config.json":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(CONFIG)))
            self.end_headers()
            self.wfile.write(CONFIG)
            return
        # A deep link is the app's to route, as on a static host's 404 page.
        if not os.path.exists(self.translate_path(path)):
            self.path = "/index.html"
        super().do_GET()

    def end_headers(self):
        # The portal imports the SDK as a module, which needs CORS.
        if self.path.startswith("/embed/"):
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


class Portal(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=os.path.join(ROOT, "examples", "portal"), **kwargs)


def main():
    App.extensions_map[".wasm"] = "application/wasm"
    Portal.extensions_map[".js"] = "text/javascript"
    servers = [
        http.server.ThreadingHTTPServer(("127.0.0.1", APP_PORT), App),
        http.server.ThreadingHTTPServer(("127.0.0.1", PORTAL_PORT), Portal),
    ]
    for s in servers[1:]:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    print(f"App:    http://127.0.0.1:{APP_PORT}/ (configured for the portal)")
    print(f"Portal: http://127.0.0.1:{PORTAL_PORT}/?user=pat@contoso.com&email=pat@contoso.com")
    sys.stdout.flush()
    try:
        servers[0].serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
