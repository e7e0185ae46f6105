"""A sample network of portals for crawls spread over workers: the registry portals (JSON list,
ASP.NET postbacks, a county with township and department subsites, copies and misfiled
reports) and the portal variants that need no browser and sit on one host, each on its own
127.0.0.1 port, given to the crawl as a registry of name and homepage only.

Every server counts the requests it answers by (method, path and query, form fields), so a test can
tell whether any URL was fetched twice, and records when each request started and ended, per
server, so politeness can be checked where it matters: at the portal.
"""
from __future__ import annotations

import csv
import hashlib
import io
import threading
import time
from collections import Counter
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path

from tests.portal_variants.server import handler_for

VARIANT_MODULES = ("trs_pagediv", "trs_countpage", "hanweb_jpage", "zwgk_tree", "iframe_list", "numbered_pager",
                   "gbk_jsp", "select_catalog", "pdf_direct", "table_pageindex", "xxgk_yearcols",
                   "hanweb_pgcontainer", "gopage_js")


def variants(small: bool = False) -> list:
    import importlib

    from tests.registry_portals import copies, county, gkmlpt, postback

    out = [b()[0] for b in (gkmlpt, postback, county, copies)]
    if not small:
        out += [importlib.import_module(f"tests.portal_variants.{m}").build() for m in VARIANT_MODULES]
    return out


class Counted:
    """The requests one portal answered."""

    def __init__(self):
        self.lock = threading.Lock()
        self.fetches: Counter = Counter()
        self.spans: list[tuple[float, float]] = []   # (start, end) of each request, monotonic


def form_key(body: bytes) -> str:
    """What a request body asks for. An ASP.NET postback carries the state of the page it was
    sent from (__VIEWSTATE): the same page asked from page 2's form or from page 3's is the same
    request, and which page's form asks first depends on which response was read first."""
    from urllib.parse import parse_qsl, urlencode

    fields = [(k, v) for k, v in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
              if not k.startswith(("__VIEWSTATE", "__EVENTVALIDATION"))]
    return hashlib.sha1(urlencode(sorted(fields)).encode()).hexdigest()[:12]


def counting_handler(variant, counted: Counted, delay: float = 0.0):
    base = handler_for(variant)

    class Handler(base):
        def _answer(self):
            started = time.monotonic()
            body, connection = b"", self.rfile
            if self.command == "POST":  # read the body here, and let the portal read it again
                body = connection.read(int(self.headers.get("Content-Length") or 0))
                self.rfile = io.BytesIO(body)
            if delay:
                time.sleep(delay)
            try:
                super()._answer()
            finally:
                self.rfile = connection
            with counted.lock:
                counted.fetches[(self.command, self.path, form_key(body))] += 1
                counted.spans.append((started, time.monotonic()))

        do_GET = do_HEAD = do_POST = _answer

    return Handler


@contextmanager
def serve_network(vs: list, delay: float = 0.0):
    """Serve every variant on its own port; yields {key: (base_url, Counted)}."""
    servers, out = [], {}
    try:
        for v in vs:
            counted = Counted()
            server = ThreadingHTTPServer(("127.0.0.1", 0), counting_handler(v, counted, delay))
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
            out[v.key] = (f"http://127.0.0.1:{server.server_address[1]}/", counted)
        yield out
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def write_registry(path: Path, vs: list, served: dict) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name", "homepage", "level"])
        for v in vs:
            writer.writerow([v.spider["site_name"], served[v.key][0], v.spider.get("level") or ""])
    return path


def reset(served: dict) -> None:
    for _, counted in served.values():
        with counted.lock:
            counted.fetches.clear()
            counted.spans.clear()


def fetched_twice(served: dict) -> list:
    return [(key, k, n) for key, (_, counted) in served.items() for k, n in counted.fetches.items() if n > 1]


def total_fetches(served: dict) -> int:
    return sum(sum(c.fetches.values()) for _, c in served.values())


def max_parallel(spans: list[tuple[float, float]]) -> int:
    events = sorted([(s, 1) for s, _ in spans] + [(e, -1) for _, e in spans])
    now = best = 0
    for _, step in events:
        now += step
        best = max(best, now)
    return best


FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"]


def govcrawl(*args) -> list[str]:
    import sys

    return [sys.executable, "-m", "govcrawl.cli", *args]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def redis_server(workdir: Path):
    """Debian's redis-server on a free 127.0.0.1 port, without persistence; yields its URL."""
    import subprocess

    import redis

    port = free_port()
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(workdir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        for _ in range(100):
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def run_distributed(registry: Path, redis_url: str, db: Path, archive: Path, workers: int, extra=(),
                    logs: Path | None = None, timeout: float = 600, crawl_name: str = "registry") -> dict:
    """One writer and N workers (separate processes) on a Redis; wall time and exit codes."""
    import subprocess

    logs = logs or db.parent
    started = time.monotonic()
    extra = ["--crawl-name", crawl_name, *extra]
    writer = subprocess.Popen(govcrawl("writer", "--redis", redis_url, "--db", str(db), "--archive", str(archive),
                                       "--wait", "120", "--crawl-name", crawl_name),
                              stdout=open(logs / "writer.out", "w"), stderr=subprocess.STDOUT)
    procs = [subprocess.Popen(govcrawl("crawl", "--sites", str(registry), "--redis", redis_url, "--worker",
                                       "--archive", str(archive), "--worker-id", f"w{i}", *FAST, *extra),
                              stdout=open(logs / f"worker{i}.out", "w"), stderr=subprocess.STDOUT)
             for i in range(workers)]
    codes = [p.wait(timeout=timeout) for p in procs]
    writer_code = writer.wait(timeout=timeout)
    return {"seconds": time.monotonic() - started, "workers": codes, "writer": writer_code,
            "report": (logs / "writer.out").read_text()}


def run_single(registry: Path, db: Path, archive: Path, extra=(), timeout: float = 600) -> dict:
    """The same registry crawled by one plain ``govcrawl crawl`` process."""
    import subprocess

    started = time.monotonic()
    proc = subprocess.run(govcrawl("crawl", "--sites", str(registry), "--db", str(db), "--archive", str(archive),
                                   *FAST, *extra), capture_output=True, text=True, timeout=timeout)
    return {"seconds": time.monotonic() - started, "code": proc.returncode, "report": proc.stdout + proc.stderr[-3000:]}


def rows(db: Path) -> dict[str, set]:
    """What a crawl stored, without run ids, times and capture ids (which differ run to run).

    Documents with the same text are one report with several URLs; which URL's page names the
    report depends on which arrived first, in one process as in several. So reports are compared
    as their groups of URLs, each with what does not depend on arrival: site, year, whether it
    is an annual report, its text hash, its attachments and table cells.
    """
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        groups: dict[str, frozenset] = {}
        for report_id, urls in conn.execute("select report_id, group_concat(url, ' ') from report_urls group by report_id"):
            groups[report_id] = frozenset(urls.split(" "))
        return {
            "reports": {(groups.get(r[0]), *r[1:]) for r in conn.execute(
                "select report_id, site_id, report_year, is_annual_report, content_hash from reports")},
            "sites": set(conn.execute("select site_id, name, level, parent, platform, report_columns, list_readers "
                                      "from sites")),
            "outcomes": set(conn.execute("select site_id, outcome, reports, documents, new_reports from crawl_runs")),
            "attachments": {(groups.get(r[0]), *r[1:]) for r in conn.execute(
                "select report_id, url, type, text from attachments")},
            "stats": {(groups.get(r[0]), *r[1:]) for r in conn.execute(
                'select report_id, "table", "row", "column", value from report_stats')},
            "checks": {(groups.get(r[0]), *r[1:]) for r in conn.execute(
                "select report_id, rule, scope, status from report_checks")},
        }
    finally:
        conn.close()
