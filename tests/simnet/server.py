"""Serve a network on 127.0.0.1: one threaded HTTP/1.1 server per host, as real portals answer.

Every response carries ETag and Last-Modified and a conditional GET that matches gets 304, so a
re-crawl can be cheap. Every request is logged (host, method, path, status, bytes, 304 or not,
User-Agent) for counting. Hosts may sit behind a JavaScript cookie challenge like 加速乐 (HTTP 521,
a fixed cookie the script computes), one bound to the User-Agent (HTTP 412: the cookie is a hash
of navigator.userAgent, checked against the User-Agent header), or one whose cookie is good for a
single request (every page sets the next one; only a browser keeps up).

    with serve_network(net) as running:
        running.urls["c01"]         # "http://127.0.0.1:PORT/"
        running.requests            # the request log
        running.switch(net2)        # serve another state of the network on the same ports

The standard library's ThreadingHTTPServer is enough here (and is what the other test replicas
use); what it lacks, conditional requests, challenges and the log, is the point of this module.
"""
from __future__ import annotations

import email.utils
import hashlib
import itertools
import re
import socket
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from tests.simnet.model import Host, Network, Request, Resource

MARK = re.compile(rb"@@HOST\[([A-Za-z0-9_]+)\]@@")
PORT_MARK = re.compile(rb"@@PORT\[([A-Za-z0-9_]+)\]@@")
COOKIE = "__jsl_clearance_s"
UA_COOKIE = "FSSBBIl1UgzbN7N80T"      # the name 瑞数-style challenges use for their second cookie
ROTATE_COOKIE = "__rs_token"
_GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
ASSETS = {".css": "text/css", ".js": "application/javascript", ".gif": "image/gif", ".png": "image/png",
          ".jpg": "image/jpeg", ".ico": "image/x-icon"}
NOT_FOUND = ("<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>"
             "<p>您访问的页面不存在或已被删除！</p></body></html>").encode("utf-8")


def ua_token(user_agent: str, salt: str) -> str:
    """The cookie value a UA-bound challenge expects (djb2 over salt + User-Agent, as its script does)."""
    h = 5381
    for ch in salt + user_agent:
        h = ((h * 33) ^ ord(ch)) & 0xFFFFFFFF
    return format(h, "08x")


def static_token(host_key: str) -> str:
    return hashlib.md5(host_key.encode()).hexdigest()[:20]


def _xor_codes(text: str, key: int = 7) -> str:
    return ",".join(str(ord(c) ^ key) for c in text)


def static_challenge(host_key: str) -> bytes:
    """加速乐-style first answer: a script that builds the cookie from char codes and reloads."""
    return ("<html><script>var _0x=[" + _xor_codes(COOKIE + "=" + static_token(host_key)) + "];"
            "document.cookie=_0x.map(function(c){return String.fromCharCode(c^7)}).join('')"
            "+';max-age=3600;path=/';location.href=location.pathname+location.search</script></html>").encode()


def ua_challenge(salt: str) -> bytes:
    return ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>"
            "<script>(function(){var s='" + salt + "'+navigator.userAgent,h=5381;"
            "for(var i=0;i<s.length;i++){h=(((h*33)>>>0)^s.charCodeAt(i))>>>0;}"
            "var t=('0000000'+h.toString(16)).slice(-8);"
            "document.cookie='" + UA_COOKIE + "='+t+';path=/';location.reload();})();</script></body></html>").encode()


def rotate_script(token: str) -> bytes:
    return ("<script>document.cookie='" + ROTATE_COOKIE + "=" + token + ";path=/';</script>").encode()


def rotate_challenge(token: str) -> bytes:
    return ("<html><body><script>document.cookie='" + ROTATE_COOKIE + "=" + token + ";path=/';"
            "location.href=location.pathname+location.search;</script></body></html>").encode()


def http_date(day: str) -> str:
    stamp = datetime.strptime(day[:10], "%Y-%m-%d").replace(hour=8, tzinfo=timezone.utc)
    return email.utils.format_datetime(stamp, usegmt=True)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that hangs up mid-answer (a crawler cutting a bomb or a huge page) is normal."""
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class Running:
    """A served network: base URLs by host key, the request log, and the state switch."""

    def __init__(self, network: Network):
        self.network = network
        self.urls: dict[str, str] = {}
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        self._servers: list[ThreadingHTTPServer] = []
        self._rotate_tokens: dict[str, set[str]] = {}
        self._counter = itertools.count(1)

    # -- the log ------------------------------------------------------------------------------
    def log(self, entry: dict) -> None:
        with self._lock:
            self.requests.append(entry)

    def mark(self) -> int:
        """Position in the log, to count the requests of one crawl: ``running.requests[mark:]``."""
        with self._lock:
            return len(self.requests)

    def switch(self, network: Network) -> None:
        """Serve another state of the network on the same ports (hosts must be the same)."""
        missing = set(network.hosts) - set(self.urls)
        if missing:
            raise ValueError(f"hosts not served: {sorted(missing)}")
        self.network = network

    @property
    def bases(self) -> dict[str, str]:
        return {k: v.rstrip("/") for k, v in self.urls.items()}

    def truth(self) -> dict:
        return self.network.truth(self.bases)

    def registry_rows(self) -> list[dict]:
        """sites.csv rows: name and homepage only, as an operator writes them."""
        return [{"name": s.name, "homepage": self.bases[s.host] + s.root} for s in self.network.registry()]

    # -- rendering ----------------------------------------------------------------------------
    def render(self, body: bytes) -> bytes:
        bases = self.bases
        body = MARK.sub(lambda m: bases.get(m.group(1).decode(), "http://127.0.0.1:9").encode(), body)
        return PORT_MARK.sub(lambda m: bases.get(m.group(1).decode(), "http://127.0.0.1:9").rsplit(":", 1)[1].encode(),
                             body)

    def new_rotate_token(self, host: str) -> str:
        token = hashlib.sha1(f"{host}:{next(self._counter)}:{time.time_ns()}".encode()).hexdigest()[:24]
        with self._lock:
            self._rotate_tokens.setdefault(host, set()).add(token)
        return token

    def use_rotate_token(self, host: str, token: str | None) -> bool:
        with self._lock:
            tokens = self._rotate_tokens.setdefault(host, set())
            if token and token in tokens:
                tokens.discard(token)
                return True
            return False

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self, ports: dict[str, int] | None = None) -> "Running":
        for key in self.network.hosts:
            port = (ports or {}).get(key, 0)
            address = self.network.hosts[key].bind
            server = _Server((address, port), _handler(self, key))
            threading.Thread(target=server.serve_forever, name=f"simnet-{key}", daemon=True).start()
            self._servers.append(server)
            self.urls[key] = f"http://{address}:{server.server_address[1]}/"
        return self

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers.clear()

    def __enter__(self) -> "Running":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def serve_network(network: Network, ports: dict[str, int] | None = None) -> Running:
    """Start every host of the network; use as a context manager."""
    running = Running(network)
    try:
        return running.start(ports)
    except BaseException:
        running.stop()
        raise


def _cookies(header: str | None) -> dict[str, str]:
    out = {}
    for part in (header or "").split(";"):
        if "=" in part:
            name, value = part.split("=", 1)
            out[name.strip()] = value.strip()
    return out


def _asset(path: str) -> Resource | None:
    for suffix, ctype in ASSETS.items():
        if path.lower().endswith(suffix):
            return Resource(b"" if suffix in (".css", ".js") else _GIF, ctype)
    return None


def _handler(running: Running, host_key: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        sys_version = ""

        def log_message(self, format, *args):  # the Running log replaces the access log
            pass

        @property
        def host(self) -> Host:
            return running.network.hosts[host_key]

        def version_string(self) -> str:
            return self.host.server

        def user_agent(self) -> str:
            """The User-Agent as the browser's navigator.userAgent has it: http.server reads header
            bytes as Latin-1, a UA with Chinese in it arrives as UTF-8."""
            raw = self.headers.get("User-Agent", "")
            try:
                return raw.encode("latin-1").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                return raw

        def _request(self) -> Request:
            parts = urlsplit(self.path)
            form = {}
            if self.command == "POST":
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                form = dict(parse_qsl(raw.decode(self.host.encoding if self.host.encoding != "utf-8" else "utf-8",
                                                 "replace"), keep_blank_values=True))
            return Request(self.command, parts.path or "/", dict(parse_qsl(parts.query, keep_blank_values=True)),
                           form, {k.lower(): v for k, v in self.headers.items()})

        def _challenge(self, req: Request) -> Resource | None:
            kind = self.host.challenge
            if not kind:
                return None
            cookies = _cookies(self.headers.get("Cookie"))
            if kind == "static":
                if cookies.get(COOKIE) == static_token(host_key):
                    return None
                return Resource(static_challenge(host_key), "text/html", 521, conditional=False)
            if kind == "ua":
                if cookies.get(UA_COOKIE) == ua_token(self.user_agent(), host_key):
                    return None
                return Resource(ua_challenge(host_key), "text/html; charset=utf-8", 412, conditional=False)
            if kind == "rotate":
                if running.use_rotate_token(host_key, cookies.get(ROTATE_COOKIE)):
                    return None
                return Resource(rotate_challenge(running.new_rotate_token(host_key)), "text/html", 521,
                                conditional=False)
            return None

        def _resolve(self, req: Request) -> Resource:
            host = self.host
            if host.down:
                return Resource(b"<html><body><h1>503 Service Unavailable</h1></body></html>", "text/html", 503,
                                conditional=False)
            blocked = self._challenge(req)
            if blocked is not None:
                return blocked
            endpoint = host.endpoints.get(req.path)
            if endpoint is not None:
                found = endpoint(req)
                if found is not None:
                    return found
            if req.method in ("GET", "HEAD"):
                found = host.lookup(self.path)
                if found is not None:
                    return found
                if req.path == "/robots.txt":
                    return Resource(b"User-agent: *\nDisallow: /search\n", "text/plain")
                found = _asset(req.path)
                if found is not None:
                    return found
            return Resource(NOT_FOUND, "text/html; charset=utf-8", 404, conditional=False)

        def _answer(self) -> None:
            started = time.monotonic()
            req = self._request()
            res = self._resolve(req)
            action = res.headers.get("X-Simnet-Action", "")
            if action == "reset":
                self._log(req, 0, 0, False, started)
                self._reset()
                return
            if action.startswith("slow:"):  # think for a while before answering at all
                time.sleep(float(action.split(":")[1]))
            body = running.render(res.body) if res.content_type.startswith(("text/", "application/json",
                                                                             "application/javascript")) else res.body
            if self.host.challenge == "rotate" and res.status == 200 and res.content_type.startswith("text/html"):
                body = body.replace(b"</body>", rotate_script(running.new_rotate_token(host_key)) + b"</body>", 1)
            headers = {k: running.render(v.encode("latin-1")).decode("latin-1")
                       for k, v in res.headers.items() if not k.startswith("X-Simnet")}
            status = res.status
            not_modified = False
            if res.conditional and status == 200:
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                headers["ETag"] = etag
                headers["Last-Modified"] = http_date(res.last_modified)
                if req.method == "GET" and self._fresh(etag, res.last_modified):
                    status, not_modified = 304, True
            self.send_response(status)
            if not not_modified:
                self.send_header("Content-Type", res.content_type)
            for name, value in headers.items():
                self.send_header(name, value)
            payload = b"" if not_modified else body
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD" and payload:
                if action.startswith("trickle:"):
                    self._trickle(payload, float(action.split(":")[1]))
                else:
                    self.wfile.write(payload)
            self._log(req, status, len(payload), not_modified, started)

        def _trickle(self, payload: bytes, seconds: float) -> None:
            """Send the body a little at a time over ``seconds`` (a server on a bad line)."""
            steps = max(1, int(seconds))
            size = max(1, len(payload) // steps)
            try:
                for i in range(0, len(payload), size):
                    self.wfile.write(payload[i:i + size])
                    self.wfile.flush()
                    time.sleep(1.0)
            except OSError:
                pass

        def _fresh(self, etag: str, last_modified: str) -> bool:
            inm = self.headers.get("If-None-Match")
            if inm is not None:
                return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
            ims = self.headers.get("If-Modified-Since")
            if ims:
                try:
                    since = email.utils.parsedate_to_datetime(ims)
                except (TypeError, ValueError):
                    return False
                modified = email.utils.parsedate_to_datetime(http_date(last_modified))
                return modified <= since
            return False

        def _reset(self) -> None:
            try:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            except OSError:
                pass
            self.close_connection = True
            try:
                self.connection.close()
            except OSError:
                pass

        def _log(self, req: Request, status: int, size: int, not_modified: bool, started: float) -> None:
            running.log({"host": host_key, "method": req.method, "path": self.path, "status": status,
                         "host_header": self.headers.get("Host", ""),
                         "bytes": size, "not_modified": not_modified, "ua": self.user_agent(),
                         "seconds": round(time.monotonic() - started, 4), "time": time.time()})

        do_GET = do_HEAD = do_POST = _answer

    return Handler
