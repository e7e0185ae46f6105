"""Challenges beyond the simple 521 cookie: a cookie computed from navigator.userAgent (the
browser context must use the crawler's User-Agent) and a cookie good for one request only (the
host switches to 'browser always'). Both portals are crawled from a registry of name and homepage,
and every report is stored; challenge cookies are kept for the next run."""
from __future__ import annotations

import os
import secrets
import sqlite3
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from tests.helpers import ROOT
from tests.registry_portals import detail, page

pytestmark = pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="Debian chromium is not installed")
YEARS = range(2016, 2026)


def handler(mode: str, name: str):
    pages = {"/": page(name, "<a href='/zwgk/'>政府信息公开</a>"),
             "/zwgk/": page("政府信息公开", "<a href='/zwgk/ndbg/'>政府信息公开年报</a>")}
    rows = []
    for y in YEARS:
        path = f"/zwgk/ndbg/{y}.html"
        pages[path] = detail(f"{name}{y}年政府信息公开工作年度报告", f"{name}人民政府", y, f"{y + 1}-01-10")
        rows.append(f"<li><a href='{path}'>{name}{y}年政府信息公开工作年度报告</a><span>{y + 1}-01-10</span></li>")
    pages["/zwgk/ndbg/"] = page("年报", "<ul>" + "".join(rows) + "</ul>")
    valid: set[str] = set()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            path = urlsplit(self.path).path
            if path == "/robots.txt":
                return self.send(404, b"")
            jar = dict(c.strip().split("=", 1) for c in (self.headers.get("Cookie") or "").split(";") if "=" in c)
            token = jar.get("clr")
            if mode == "ua":  # the cookie is the sum of the User-Agent's character codes
                ok = token == str(sum(map(ord, self.headers.get("User-Agent") or "")))
                script = ("document.cookie='clr='+Array.from(navigator.userAgent).reduce((a,c)=>a+c.charCodeAt(0),0)"
                          "+';path=/';location.reload();")
            else:  # each cookie is good for one request; every page's script sets the next one
                with lock:
                    ok = token in valid
                    valid.discard(token)
                    nxt = secrets.token_hex(6)
                    valid.add(nxt)
                script = f"document.cookie='clr={nxt};path=/';location.reload();"
            if not ok:
                return self.send(521, f"<html><script>{script}</script></html>".encode())
            body = pages.get(path)
            if body is None:
                return self.send(404, b"<html>404</html>")
            if mode == "rotating":
                body = body.replace("</body>", f"<script>document.cookie='clr={nxt};path=/';</script></body>")
            self.send(200, body.encode())
    return Handler


def test_user_agent_bound_and_rotating_challenges(tmp_path):
    servers = []
    for mode, name in (("ua", "金寨县"), ("rotating", "霍邱县")):
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler(mode, name))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append((name, server))
    try:
        (tmp_path / "sites.csv").write_text("name,homepage\n" + "".join(
            f"{name},http://127.0.0.1:{s.server_address[1]}/\n" for name, s in servers), encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "govcrawl.cli", "crawl", "--sites", str(tmp_path / "sites.csv"), "--db",
             str(tmp_path / "m.db"), "--archive", str(tmp_path / "a"), "-s", "DOWNLOAD_DELAY=0",
             "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"],
            capture_output=True, text=True, timeout=300, cwd=ROOT)
    finally:
        for _, server in servers:
            server.shutdown()
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    conn = sqlite3.connect(tmp_path / "m.db")
    for name, _ in servers:
        years = {r[0] for r in conn.execute(
            "select r.report_year from reports r join sites s using (site_id) where s.name = ? and r.is_annual_report = 1",
            (name,))}
        assert years == set(YEARS), (name, sorted(years))
    rotating = conn.execute("select reason from crawl_errors where stage = 'challenge'").fetchall()
    assert len(rotating) == 1 and "rotates" in rotating[0][0]
    assert conn.execute("select count(*) from cookies where name = 'clr'").fetchone()[0] >= 1
