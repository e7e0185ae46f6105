"""A stdlib HTTP server per variant: path (+ query) -> (bytes, content type), dynamic handlers
for POST/GET endpoints, and the 加速乐-style 521 cookie challenge for variants that have one."""
from __future__ import annotations

import hashlib
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode, urlsplit

from tests.portal_variants.kit import Variant

CHALLENGE_COOKIE = "__jsl_clearance_s"
CHALLENGE = (
    "<html><script>document.cookie='" + CHALLENGE_COOKIE + "=1700000000.123|0|pv" +
    ";max-age=3600;path=/';location.href=location.pathname+location.search</script></html>"
).encode()


def page_key(path: str, query: str) -> str:
    """Lookup key: the path, plus the query with its fields in a fixed order."""
    if not query:
        return path
    return path + "?" + urlencode(sorted(parse_qsl(query, keep_blank_values=True)))


LAST_MODIFIED = "Mon, 15 Jan 2024 08:00:00 GMT"


def handler_for(variant: Variant) -> type[BaseHTTPRequestHandler]:
    def pages() -> dict:
        # Read afresh on every request, so a test can change the portal between two crawls.
        return {page_key(*(k.split("?", 1) + [""])[:2]): v for k, v in list(variant.pages.items())}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0" if variant.http10 else "HTTP/1.1"

        def log_message(self, format, *args):  # tests read no access log
            pass

        def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            if variant.http10:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _answer(self) -> None:
            if variant.delay:
                time.sleep(variant.delay)
            parts = urlsplit(self.path)
            form = []
            if self.command == "POST":
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qsl(self.rfile.read(length).decode("utf-8", "replace"), keep_blank_values=True)
            if variant.challenge and CHALLENGE_COOKIE not in (self.headers.get("Cookie") or ""):
                if parts.path != "/robots.txt":
                    self._send(521, CHALLENGE, "text/html")
                    return
            dynamic = variant.handlers.get(parts.path)
            if dynamic is not None:
                answer = dynamic(self.command, dict(parse_qsl(parts.query)), dict(form))
            else:
                table = pages()
                answer = table.get(page_key(parts.path, parts.query))
                if answer is None and parts.path.endswith("/"):
                    answer = table.get(page_key(parts.path + "index.html", parts.query))
            if answer is None:
                variant.log.append((self.command, self.path, 404))
                self._send(404, b"<html><body>404 Not Found</body></html>", "text/html")
                return
            body, content_type = answer[:2]
            status = answer[2] if len(answer) > 2 else 200
            headers = dict(answer[3]) if len(answer) > 3 and answer[3] else {}
            if status == 200 and variant.validators and dynamic is None:
                # Validators as a real server gives them, and 304 to a conditional request.
                etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
                headers.setdefault("ETag", etag)
                headers.setdefault("Last-Modified", LAST_MODIFIED)
                if self.headers.get("If-None-Match") == etag:
                    variant.log.append((self.command, self.path, 304))
                    self._send(304, b"", content_type, {"ETag": etag})
                    return
            variant.log.append((self.command, self.path, status))
            self._send(status, body, content_type, headers)

        do_GET = do_HEAD = do_POST = _answer

    return Handler


def moved_handler(target: str) -> type[BaseHTTPRequestHandler]:
    """A host that answers every request with 301 to the same path on ``target`` (a bare domain
    sending its visitors to www., or an old host to the new one)."""
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):
            pass

        def do_GET(self):
            self.send_response(301)
            self.send_header("Location", target.rstrip("/") + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_HEAD = do_GET

    return Handler


@contextmanager
def serve(variants: list[Variant]):
    """Run every variant on its own port; yields {key: base_url}. A variant whose homepage host
    has ``moved`` gets a second server that only redirects there: that one is its base_url."""
    servers, urls = [], {}

    def start(handler) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        for v in variants:
            urls[v.key] = start(handler_for(v))
            if v.moved:
                v.other_origins = [urls[v.key]]
                urls[v.key] = start(moved_handler(urls[v.key]))
        yield urls
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
