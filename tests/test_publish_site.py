"""The Datasette site in Debian's Chromium, as a journalist uses it, on the demo database.

`govcrawl demo --no-serve` builds the database; a hostile report (script payloads) and a hostile
archived page (off-site images, styles, scripts, frames) are added; `govcrawl serve` publishes it.
Screenshots are saved under tests/artifacts/ (git-ignored) for a person to look at.
"""
from __future__ import annotations

import io
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

from govcrawl import search
from govcrawl.storage import Store
from tests.test_end_to_end import free_port

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
GOVCRAWL = [sys.executable, "-m", "govcrawl.cli"]
XSS_TITLE = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">恶意标题年度报告'
XSS_BODY = ('第一段<script>window.__xss = 3</script>正文。\n<img src=x onerror="window.__xss = 4">'
            '<svg onload="window.__xss = 5"></svg>\n"><iframe src="javascript:window.__xss=6"></iframe>')
HOSTILE_PAGE = b"""<html><head><link rel="stylesheet" href="http://live.example.gov.cn/site.css">
<style>body { background: url(http://live.example.gov.cn/bg.png) } @import "https://cdn.example.com/x.css";</style>
<script src="http://live.example.gov.cn/track.js"></script><script>fetch("http://live.example.gov.cn/beacon")</script>
<base href="http://live.example.gov.cn/"></head>
<body onload="fetch('http://live.example.gov.cn/onload')"><h1>Archived report page</h1>
<img src="http://live.example.gov.cn/logo.png" srcset="http://live.example.gov.cn/logo2.png 2x">
<img src="/images/relative.png"><iframe src="http://live.example.gov.cn/frame.html"></iframe>
<video src="http://live.example.gov.cn/v.mp4" poster="http://live.example.gov.cn/p.jpg"></video>
<div style="background-image: url('http://live.example.gov.cn/div.png')">styled</div>
<a href="http://live.example.gov.cn/other.html">a link</a></body></html>"""

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed")


def _up(base: str) -> bool:
    try:
        return urllib.request.urlopen(base + "/-/versions.json", timeout=1).status == 200
    except OSError:
        return False


def add_hostile(db: Path, archive: Path) -> dict:
    """A report with script payloads and an archived page that points at the live web."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    (archive / "hostile").mkdir(parents=True, exist_ok=True)
    warc = archive / "hostile" / "hostile.warc.gz"
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        record = writer.create_warc_record(
            "http://live.example.gov.cn/art/report.html", "response", payload=io.BytesIO(HOSTILE_PAGE),
            length=len(HOSTILE_PAGE), http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"))
        writer.write_record(record)
    store = Store(str(db))
    store.add_capture({"capture_id": "0000hostile-page", "site_id": "hostile", "url": "http://live.example.gov.cn/art/report.html",
                       "status": 200, "fetched_at": "2026-01-01T00:00:00Z", "content_type": "text/html; charset=utf-8",
                       "warc_file": "hostile/hostile.warc.gz", "warc_offset": 0})
    store.save_report({"report_id": "0000hostile", "site_id": "hostile", "url": "http://live.example.gov.cn/art/report.html",
                       "title": XSS_TITLE, "report_year": 2023, "is_annual_report": 1, "body_text": XSS_BODY,
                       "content_hash": "hostile", "capture_id": "0000hostile-page", "province": "浙江省"},
                      ["http://live.example.gov.cn/art/report.html"], [], [], [])
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.db.conn.close()
    return {"report": "0000hostile", "capture": "0000hostile-page"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("site")
    db, archive = tmp / "metadata.db", tmp / "archive"
    proc = subprocess.run(GOVCRAWL + ["demo", "--no-serve", "--portal-port", "0", "--db", str(db), "--archive",
                                      str(archive)], capture_output=True, text=True, timeout=600, cwd=tmp)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    hostile = add_hostile(db, archive)
    port = free_port()
    server = subprocess.Popen(GOVCRAWL + ["serve", "--db", str(db), "--archive", str(archive), "--port", str(port)],
                              cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 20
    while not _up(base) and time.time() < deadline:
        time.sleep(0.2)
    ARTIFACTS.mkdir(exist_ok=True)
    yield {"base": base, "db": db, "tmp": tmp, **hostile}
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=15)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def page_of(browser, width=1400, height=1000):
    context = browser.new_context(viewport={"width": width, "height": height})
    return context.new_page()


def test_report_page_shows_title_and_first_paragraph_on_the_first_screen(site, browser):
    conn = sqlite3.connect(site["db"])
    rid, title, body = conn.execute(
        "select report_id, title, body_text from reports where site_id = 'shuipo' and is_annual_report = 1 "
        "order by report_year desc limit 1").fetchone()
    page = page_of(browser)
    page.goto(f"{site['base']}/metadata/reports/{rid}")
    heading = page.locator("h1#report-title")
    assert heading.inner_text().strip() == title
    first = next(line.strip() for line in body.split("\n") if line.strip())
    para = page.locator("#report-body p").first
    assert para.inner_text().strip() == first
    box = para.bounding_box()
    assert box["y"] + min(box["height"], 60) <= 1000, box
    assert page.locator("#archive-link").bounding_box()["y"] < 1000
    page.screenshot(path=str(ARTIFACTS / "report_page.png"))
    page.screenshot(path=str(ARTIFACTS / "report_page_full.png"), full_page=True)


def _search_ids(page, base: str, q: str) -> tuple[set[str], int]:
    ids: set[str] = set()
    page.goto(f"{base}/search?q={quote(q)}")
    assert page.locator("input#q").input_value() == q
    count = int(page.locator("#result-count strong").inner_text().replace(",", ""))
    while True:
        for href in page.locator("ol.hits h3 a").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
            ids.add(href.rsplit("/", 1)[1])
        nxt = page.locator("a", has_text="下一页")
        if not nxt.count():
            break
        nxt.first.click()
        assert page.locator("input#q").input_value() == q
    return ids, count


@pytest.mark.parametrize("q", ["复议", "拆迁", "告", "2023年", "政务公开", "行政复议 诉讼"])
def test_search_returns_exactly_the_reports_containing_the_words(site, browser, q):
    conn = sqlite3.connect(site["db"])
    terms = search.parse_query(q).terms
    want = set()
    for rid, title, body in conn.execute("select report_id, title, body_text from reports"):
        att = conn.execute(search.ATTACHMENT_TEXT_SQL, [rid]).fetchone()[0]
        if all(any(search.contains(t, [term]) for t in (title, body, att)) for term in terms):
            want.add(rid)
    assert want, q
    page = page_of(browser)
    got, count = _search_ids(page, site["base"], q)
    assert got == want and count == len(want), (q, len(got), len(want))
    if q in ("复议", "拆迁"):
        page.goto(f"{site['base']}/search?q={quote(q)}")
        assert page.locator("ol.hits mark").first.inner_text() == q
        page.screenshot(path=str(ARTIFACTS / f"search_{q}.png"))


@pytest.mark.parametrize("q", ['"', " ", "\u3000", "AND * -", "<script>x</script>", "政" * 300])
def test_odd_queries_get_a_sensible_page(site, browser, q):
    page = page_of(browser)
    response = page.goto(f"{site['base']}/search?q={quote(q)}")
    assert response.status == 200
    assert page.locator("h1").inner_text().startswith("搜索报告")
    assert page.locator("input#q").input_value() == q.replace("\u3000", "\u3000")
    table = page.goto(f"{site['base']}/metadata/reports?_search={quote(q)}")
    assert table.status == 200 and page.locator("#govcrawl-q").input_value() == q


def test_script_payloads_stay_inert(site, browser):
    page = page_of(browser)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{site['base']}/metadata/reports/{site['report']}")
    assert page.locator("h1#report-title").inner_text() == XSS_TITLE
    assert "<script>window.__xss = 3</script>" in page.locator("#report-body").inner_text()
    page.goto(f"{site['base']}/search?q={quote('恶意标题')}")
    assert page.locator("ol.hits h3").first.inner_text() == XSS_TITLE
    page.goto(f"{site['base']}/metadata/reports?_search={quote('恶意标题')}")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined" and not dialogs
    page.goto(f"{site['base']}/metadata/reports/{site['report']}")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined" and not dialogs
    page.screenshot(path=str(ARTIFACTS / "report_script_payloads.png"))


def test_archived_page_requests_nothing_but_the_site(site, browser):
    page = page_of(browser)
    hosts = []
    page.on("request", lambda r: hosts.append((urlparse(r.url).netloc, r.url)))
    page.goto(f"{site['base']}/-/archive/{site['capture']}")
    page.wait_for_timeout(500)
    own = urlparse(site["base"]).netloc
    assert hosts and all(h == own for h, _ in hosts), hosts
    banner = page.locator("#govcrawl-archive-banner")
    assert "http://live.example.gov.cn/art/report.html" in banner.inner_text()
    assert "2026-01-01T00:00:00Z" in banner.inner_text()
    page.screenshot(path=str(ARTIFACTS / "archived_page.png"))
    # a real archived page of a sample portal, too
    conn = sqlite3.connect(site["db"])
    capture = conn.execute("select capture_id from reports where site_id = 'luqiao' limit 1").fetchone()[0]
    hosts.clear()
    page.goto(f"{site['base']}/-/archive/{capture}")
    page.wait_for_timeout(500)
    assert all(h == own for h, _ in hosts), hosts


def test_home_and_charts_and_codes(site, browser):
    page = page_of(browser)
    page.goto(site["base"] + "/")
    text = page.locator("#coverage").inner_text()
    conn = sqlite3.connect(site["db"])
    annual = conn.execute("select count(*) from reports where is_annual_report = 1").fetchone()[0]
    assert f"{annual} 份年度报告" in text.replace(",", "")
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)
    page.goto(site["base"] + "/-/charts?county=" + quote("梁山县"))
    assert page.locator("svg.govcrawl-chart").count() >= 4
    page.screenshot(path=str(ARTIFACTS / "charts.png"), full_page=True)
    page.goto(site["base"] + "/-/codes")
    assert "withheld_3" in page.content() and "危及“三安全一稳定”" in page.content()
    started = time.perf_counter()
    page.goto(site["base"] + "/metadata/applications_wide")
    assert time.perf_counter() - started < 5  # generous here; the site measures it properly
    assert "一、本年新收政府信息公开申请数量（总计）" in page.locator("thead").inner_text()
    page.goto(site["base"] + "/metadata/report_catalogue?is_annual_report=1")
    years = page.locator("#facet-report_year li a").all_inner_texts()
    assert years == sorted(years, reverse=True) and len(years) > 3
    page.screenshot(path=str(ARTIFACTS / "catalogue.png"))


def teardown_module(module):
    shutil.rmtree(ARTIFACTS / "tmp", ignore_errors=True)
