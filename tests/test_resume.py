"""kill -9 at random moments, resume with the same --job-dir: the crawl ends with the same rows as
an uninterrupted one, nothing lost, nothing duplicated, and every WARC file reads to its end."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from warcio.archiveiterator import ArchiveIterator

from tests.helpers import ROOT
from tests.portal_variants.kit import Variant
from tests.portal_variants.server import serve
from tests.registry_portals import detail, page

REPORTS, PER_PAGE = 240, 20


def big_portal() -> Variant:
    v = Variant("big", "generic", {"site_name": "长丰县"})
    v.add("/", page("长丰县", "<a href='/zwgk/'>政府信息公开</a>"))
    v.add("/zwgk/", page("政府信息公开", "<a href='/zwgk/ndbg/'>政府信息公开年报</a>"))
    pages = REPORTS // PER_PAGE
    for p in range(1, pages + 1):
        rows = []
        for i in range((p - 1) * PER_PAGE, p * PER_PAGE):
            body, year = f"长丰县第{i}单位", 2008 + i % 18
            path = f"/zwgk/ndbg/{year}/art_{i}.html"
            title = f"{body}{year}年政府信息公开工作年度报告"
            rows.append(f"<li><a href='{path}'>{title}</a><span>{year + 1}-01-{1 + i % 28:02d}</span></li>")
            v.add(path, detail(title, body, year, f"{year + 1}-01-{1 + i % 28:02d}"))
        more = f"<a href='index_{p + 1}.html'>下一页</a>" if p < pages else ""
        v.add("/zwgk/ndbg/" + ("" if p == 1 else f"index_{p}.html"), page("年报", f"<ul>{''.join(rows)}</ul>{more}"))
    return v


def command(tmp, name, job=True):
    cmd = [sys.executable, "-m", "govcrawl.cli", "crawl", "--sites", str(tmp / "sites.csv"), "--db", str(tmp / name / "m.db"),
           "--archive", str(tmp / name / "archive"), "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
           "-s", "LOG_LEVEL=ERROR"]
    return cmd + (["--job-dir", str(tmp / name / "job")] if job else [])


def rows(db):
    conn = sqlite3.connect(db)
    out = sorted(conn.execute("select u.url, r.report_year, r.title, r.is_annual_report from report_urls u "
                              "join reports r using (report_id)"))
    counts = conn.execute("select count(*), count(distinct url) from reports").fetchone()
    conn.close()
    return out, counts


def stored_reports(tmp) -> int:
    db = tmp / "killed" / "m.db"
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("select count(*) from reports").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet, or locked for a moment
        return 0


def test_killed_and_resumed_crawl_ends_with_the_same_rows(tmp_path):
    v = big_portal()
    rng = random.Random(os.getpid())
    with serve([v]) as urls:
        (tmp_path / "sites.csv").write_text(f"name,homepage\n长丰县,{urls['big']}\n", encoding="utf-8")
        whole = subprocess.run(command(tmp_path, "whole", job=False), capture_output=True, text=True, timeout=600, cwd=ROOT)
        assert whole.returncode == 0, whole.stderr[-3000:]
        kills, stored = 0, 0
        for target in sorted(rng.sample(range(20, REPORTS - 40), 3)):
            proc = subprocess.Popen(command(tmp_path, "killed"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    cwd=ROOT, start_new_session=True)
            # kill once the crawl has stored a random number of reports more (not after a fixed time,
            # which a fast machine outruns), so every kill lands mid-crawl
            deadline = time.monotonic() + 120
            while proc.poll() is None and time.monotonic() < deadline and stored_reports(tmp_path) < max(target, stored + 5):
                time.sleep(0.05)
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)  # the crawl and its worker processes, at once
                kills += 1
            proc.wait()
            stored = stored_reports(tmp_path)
        final = subprocess.run(command(tmp_path, "killed"), capture_output=True, text=True, timeout=600, cwd=ROOT)
        assert final.returncode == 0, final.stderr[-3000:]
    assert kills == 3
    expected, expected_counts = rows(tmp_path / "whole" / "m.db")
    got, counts = rows(tmp_path / "killed" / "m.db")
    assert len(expected) == REPORTS and expected_counts == (REPORTS, REPORTS)
    assert got == expected and counts == expected_counts
    conn = sqlite3.connect(tmp_path / "killed" / "m.db")
    statuses = [r[0] for r in conn.execute("select status from crawl_runs")]
    assert statuses == ["finished"]
    for warc in (tmp_path / "killed" / "archive").rglob("*.warc.gz"):
        with open(warc, "rb") as fh:
            for record in ArchiveIterator(fh):
                record.content_stream().read()
