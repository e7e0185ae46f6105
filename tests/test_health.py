"""Site health across runs: a site that went dark between two crawls is classified so, another
that stopped answering is unreachable, the untouched one is unchanged, and the second run fails
its monitors (exit 1) with the reason printed."""
from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
import threading
from http.server import ThreadingHTTPServer

import pytest

from tests.helpers import ROOT
from tests.portal_variants.kit import HTML
from tests.portal_variants.server import handler_for
from tests.registry_portals import copies, gkmlpt, page, postback

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING",
        "-s", "RETRY_TIMES=0"]


class Portal:
    """One variant on its own 127.0.0.1 port, which can be stopped (the portal goes offline)."""

    def __init__(self, variant):
        self.variant = variant
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(variant))
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def crawl(tmp, *extra):
    return subprocess.run(
        [sys.executable, "-m", "govcrawl.cli", "crawl", "--sites", str(tmp / "sites.csv"), "--db", str(tmp / "m.db"),
         "--archive", str(tmp / "archive"), *FAST, *extra], capture_output=True, text=True, timeout=300, cwd=ROOT)


def health(tmp):
    proc = subprocess.run([sys.executable, "-m", "govcrawl.cli", "health", "--db", str(tmp / "m.db")],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("health")
    portals = {key: Portal(builder()[0]) for key, builder in
               (("copies", copies), ("postback", postback), ("gkmlpt", gkmlpt))}
    try:
        with open(tmp / "sites.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["name", "homepage"])
            for p in portals.values():
                writer.writerow([p.variant.spider["site_name"], p.url])
        first = crawl(tmp)
        first_table = health(tmp)
        # Between the runs: 镇巴县 redesigns (its 年报 column and the links to it are gone) and
        # 张北县's server goes offline; 惠来县 stays as it was.
        redesign = page("镇巴县人民政府", "<div class='banner'>欢迎访问新版网站</div>")
        for path in ("/", "/xxgk/", "/xxgk/ndbg/"):
            portals["copies"].variant.handlers[path] = lambda method, query, form: (redesign.encode(), HTML)
        portals["postback"].stop()
        second = crawl(tmp)
        second_table = health(tmp)
    finally:
        for key, p in portals.items():
            if key != "postback":
                p.stop()
    conn = sqlite3.connect(tmp / "m.db")
    conn.row_factory = sqlite3.Row
    return {"first": first, "second": second, "conn": conn, "tables": (first_table, second_table), "db": tmp / "m.db",
            "ids": {key: p.url for key, p in portals.items()}}


def latest(conn, name):
    return conn.execute("select h.* from site_health h join sites s using (site_id) where s.name = ? "
                        "order by h.checked desc, h.rowid desc limit 1", (name,)).fetchone()


def test_first_run_is_healthy_and_exits_0(two_runs):
    first = two_runs["first"]
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    assert "MONITOR FAILED" not in first.stdout
    assert "annual reports;" in first.stdout  # the field counters line of the run report
    conn = two_runs["conn"]
    crawl_id = conn.execute("select crawl_id from site_health order by checked limit 1").fetchone()[0]
    rows = conn.execute("select health, severity from site_health where crawl_id = ?", (crawl_id,)).fetchall()
    assert len(rows) == 3 and {r["health"] for r in rows} == {"new_reports"} and {r["severity"] for r in rows} == {"ok"}


def test_site_that_went_dark_is_classified_so(two_runs):
    row = latest(two_runs["conn"], "镇巴县")
    assert row["health"] == "went_dark" and row["severity"] == "fail" and row["action"] == "repair"
    assert row["last_good_reports"] >= 9 and "column_url" in row["advice"]


def test_offline_site_is_unreachable_and_named_as_having_answered_before(two_runs):
    row = latest(two_runs["conn"], "张北县")
    assert row["health"] == "unreachable" and row["severity"] == "fail"
    assert "connection refused" in row["advice"] and "answered on" in row["advice"]


def test_untouched_site_has_no_change(two_runs):
    row = latest(two_runs["conn"], "惠来县")
    assert row["health"] in ("no_change", "updated") and row["severity"] == "ok", dict(row)


def test_second_run_fails_its_monitor(two_runs):
    second = two_runs["second"]
    assert second.returncode == 1, second.stdout[-3000:] + second.stderr[-3000:]
    assert "MONITOR FAILED: 1 site(s) yielded reports before and nothing now" in second.stdout
    assert "blocked or unreachable" in second.stdout


def test_health_command_prints_the_table(two_runs):
    table = two_runs["tables"][1]
    assert "went_dark" in table and "unreachable" in table and "镇巴县" in table
    # failing sites first
    lines = table.splitlines()[2:]
    assert "fail" in lines[0] and "ok" in lines[-1]


def test_run_report_view_has_duration_and_health(two_runs):
    rows = two_runs["conn"].execute("select * from run_report where health is not null").fetchall()
    assert len(rows) == 6 and all(r["duration_s"] is not None and r["duration_s"] >= 0 for r in rows)


def test_datasette_shows_site_health_and_the_run_report(two_runs, tmp_path):
    import json
    import time
    import urllib.request

    from tests.network import free_port

    db = two_runs["db"]
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "govcrawl.cli", "serve", "--db", str(db), "--port", str(port)],
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/{db.stem}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + ".json", timeout=1)
                break
            except OSError:
                time.sleep(0.2)

        def get(path):
            with urllib.request.urlopen(base + path, timeout=10) as r:
                return json.loads(r.read())

        fix = get("/sites_to_fix.json?_shape=objects")["rows"]
        assert {r["health"] for r in fix} == {"went_dark", "unreachable"} and all(r["advice"] for r in fix)
        crawls = get("/crawl_report.json?_shape=objects")["rows"]
        assert len(crawls) == 2 and crawls[0]["failing"] == 2 and crawls[1]["failing"] == 0
        assert get("/run_report.json?_shape=objects&health=went_dark")["rows"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
