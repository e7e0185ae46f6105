"""Serve built replicas over HTTP with the standard library (one ThreadingHTTPServer per site)."""
from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from .model import Portal, Resource

# Page requisites (styles, scripts, images) answer with an empty placeholder, so archives and
# browsers replaying a capture see no spurious errors; only documents can be missing.
_GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
ASSETS = {".css": ("text/css", b""), ".js": ("application/javascript", b""), ".gif": ("image/gif", _GIF),
          ".jpg": ("image/gif", _GIF), ".png": ("image/gif", _GIF), ".ico": ("image/gif", _GIF)}

SERVER_HEADER = {"generic": "Microsoft-IIS/6.0", "trs": "nginx", "hanweb": "HanWeb-Server"}


class Serving:
    """The replica a server answers with; ``PortalServers.switch`` swaps it while it runs."""

    def __init__(self, portal: Portal) -> None:
        self.portal = portal


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'


def handler_for(serving: "Serving | Portal", platform: str) -> type[BaseHTTPRequestHandler]:
    if isinstance(serving, Portal):
        serving = Serving(serving)

    class Handler(BaseHTTPRequestHandler):
        server_version = SERVER_HEADER.get(platform, "nginx")
        sys_version = ""
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args) -> None:  # quiet: tests and demo read no access log
            pass

        def _answer(self, method: str) -> None:
            portal = serving.portal
            target = self.path
            parts = urlsplit(target)
            form: list[tuple[str, str]] = []
            if method == "POST":
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                form = parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)
            resource = None
            dynamic = portal.handlers.get(parts.path)
            if dynamic is not None:
                resource = dynamic(method, parts.path, parse_qsl(parts.query, keep_blank_values=True), form)
            elif method in ("GET", "HEAD"):
                resource = portal.lookup(target)
            if resource is None and method in ("GET", "HEAD"):
                resource = _asset(parts.path)
            if resource is None:
                resource = portal.not_found or Resource(b"Not Found", "text/plain", 404)
            # Static pages answer conditional requests like a CMS's web server: an ETag of the
            # bytes, and 304 when the client already has them.
            etag = etag_of(resource.body) if resource.status == 200 and dynamic is None else None
            if etag and method in ("GET", "HEAD") and etag in (self.headers.get("If-None-Match") or ""):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(resource.status)
            self.send_header("Content-Type", resource.content_type)
            self.send_header("Content-Length", str(len(resource.body)))
            if etag:
                self.send_header("ETag", etag)
            for name, value in resource.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if method != "HEAD":
                self.wfile.write(resource.body)

        def do_GET(self) -> None:
            self._answer("GET")

        def do_HEAD(self) -> None:
            self._answer("HEAD")

        def do_POST(self) -> None:
            self._answer("POST")

    return Handler


def _asset(path: str) -> Resource | None:
    for suffix, (content_type, body) in ASSETS.items():
        if path.lower().endswith(suffix):
            return Resource(body, content_type)
    return None


class PortalServers:
    """Running replicas: .urls maps site key to its base URL; stop with .shutdown()."""

    def __init__(self) -> None:
        self.urls: dict[str, str] = {}
        self._servers: list[ThreadingHTTPServer] = []
        self._threads: list[threading.Thread] = []
        self._serving: dict[str, Serving] = {}

    def switch(self, key: str, portal: Portal) -> None:
        """Serve another state of site ``key`` from now on, on the same address."""
        self._serving[key].portal = portal

    def start(self, key: str, portal: Portal, platform: str, host: str, port: int) -> None:
        self._serving[key] = Serving(portal)
        server = ThreadingHTTPServer((host, port), handler_for(self._serving[key], platform))
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, name=f"portal-{key}", daemon=True)
        thread.start()
        self._servers.append(server)
        self._threads.append(thread)
        self.urls[key] = f"http://{host}:{server.server_address[1]}/"

    def shutdown(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> "PortalServers":
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
