"""Two crawls of the same portals into one database: the second costs little and records exactly
what changed: removals (404, 410, a redirect home, a 信息已删除 page) dated, edits with both
versions, new reports, and nothing where nothing happened (a report dropped from its list but
still there is not removed; a 503 is not removal until a second run sees it)."""
from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys

import pytest

from tests.helpers import ROOT
from tests.portal_variants.server import serve
from tests.registry_portals import county, detail, page


def crawl(sites_csv, tmp, log_level="WARNING"):
    return subprocess.run(
        [sys.executable, "-m", "govcrawl.cli", "crawl", "--sites", str(sites_csv), "--db", str(tmp / "m.db"),
         "--archive", str(tmp / "archive"), "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
         "-s", f"LOG_LEVEL={log_level}"], capture_output=True, text=True, timeout=300, cwd=ROOT)


def full(log) -> int:
    """Full (non-304) answers, a retried 5xx counted once."""
    return len({(path, status) for _, path, status in log if status != 304 and path != "/robots.txt"})


@pytest.fixture(scope="module")
def two_crawls(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("recrawl")
    v, truth = county()
    v.validators = True
    paths = sorted(p for p, (year, body) in truth.items() if body == "阳新县")  # the county's own column
    with serve([v]) as urls:
        with open(tmp / "sites.csv", "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows([["name", "homepage"], ["阳新县", urls[v.key]]])
        first = crawl(tmp / "sites.csv", tmp)
        assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-4000:]
        crawl1 = list(v.log)
        v.log.clear()
        # -- the portal changes ------------------------------------------------------------
        removed = {"404": paths[0], "410": paths[1], "home": paths[2], "deleted": paths[3]}
        del v.pages[removed["404"]]
        v.pages[removed["410"]] = (b"<html><body>Gone</body></html>", "text/html", 410)
        v.pages[removed["home"]] = (b"", "text/html", 302, {"Location": "/"})
        v.add(removed["deleted"], page("提示", "<div class='msg'>对不起，该信息已删除！</div>"))
        edited = paths[4]
        body, ctype = v.pages[edited][:2]
        v.pages[edited] = (body.replace("均按期答复".encode(), "均按期答复，其中1件延期答复".encode()), ctype)
        failing = paths[5]
        v.pages[failing] = (b"<html><body>Service Unavailable</body></html>", "text/html", 503)
        dropped = paths[6]
        listing = v.pages["/zwgk/ndbg/"][0].decode()
        start = listing.index(f"<li><a href='{dropped}'>")
        listing = listing[:start] + listing[listing.index("</li>", start) + 5:]
        added = []
        for n, year in enumerate((2013, 2014, 2015)):  # reports put up late, for earlier years
            path = f"/zwgk/ndbg/{year + 1}01/t{year + 1}0120_{900 + n}.html"
            title = f"阳新县人民政府{year}年政府信息公开工作年度报告"
            v.add(path, detail(title, "阳新县人民政府", year, f"{year + 1}-01-20"))
            listing = listing.replace("<ul class='list'>", f"<ul class='list'><li><a href='{path}'>{title}</a>"
                                                           f"<span>{year + 1}-01-20</span></li>", 1)
            added.append(path)
        v.pages["/zwgk/ndbg/"] = (listing.encode(), v.pages["/zwgk/ndbg/"][1])
        second = crawl(tmp / "sites.csv", tmp)
        assert second.returncode == 0, second.stdout[-2000:] + second.stderr[-4000:]
        crawl2 = list(v.log)
    conn = sqlite3.connect(tmp / "m.db")
    conn.row_factory = sqlite3.Row
    base = urls[v.key].rstrip("/")
    return {"conn": conn, "base": base, "removed": removed, "edited": edited, "failing": failing,
            "dropped": dropped, "added": added, "crawl1": crawl1, "crawl2": crawl2, "out": second.stdout}


def events(ctx, kind):
    return {r["url"]: dict(r) for r in ctx["conn"].execute("select * from report_events where event = ?", (kind,))}


def test_every_removal_is_dated(two_crawls):
    ctx = two_crawls
    removed = events(ctx, "removed")
    for how, path in ctx["removed"].items():
        url = ctx["base"] + path
        assert url in removed, (how, path, list(removed))
        row = ctx["conn"].execute("select r.removed_on from reports r join report_urls u using (report_id) "
                                  "where u.url = ?", (url,)).fetchone()
        assert row["removed_on"], how
    assert len(removed) == 4


def test_the_edit_keeps_both_versions(two_crawls):
    ctx = two_crawls
    url = ctx["base"] + ctx["edited"]
    edited = events(ctx, "edited")
    assert list(edited) == [url]
    versions = list(ctx["conn"].execute(
        "select v.version, v.body_text, v.change_summary from report_versions v join report_urls u using (report_id) "
        "where u.url = ? order by v.version", (url,)))
    assert [v["version"] for v in versions] == [1, 2]
    assert "延期答复" not in versions[0]["body_text"] and "延期答复" in versions[1]["body_text"]
    assert "延期答复" in versions[1]["change_summary"]


def test_new_reports_and_nothing_else(two_crawls):
    ctx = two_crawls
    new_second = {r["url"] for r in ctx["conn"].execute(
        "select url from report_events where event = 'new' and run_id in (select run_id from crawl_runs "
        "where crawl_id = (select crawl_id from crawl_runs order by started desc limit 1))")}
    assert new_second == {ctx["base"] + p for p in ctx["added"]}
    assert not events(ctx, "reappeared")


def test_not_removed_when_only_dropped_from_the_list_or_failing_once(two_crawls):
    ctx = two_crawls
    for path in (ctx["dropped"], ctx["failing"]):
        row = ctx["conn"].execute("select u.removed_on, u.fail_since, r.removed_on as report_removed from report_urls u "
                                  "join reports r using (report_id) where u.url = ?", (ctx["base"] + path,)).fetchone()
        assert row["removed_on"] is None and row["report_removed"] is None, path
    failing = ctx["conn"].execute("select fail_since from report_urls where url = ?",
                                  (ctx["base"] + ctx["failing"],)).fetchone()
    assert failing["fail_since"]


def test_the_second_crawl_costs_little(two_crawls):
    ctx = two_crawls
    first, second = full(ctx["crawl1"]), full(ctx["crawl2"])
    changed = 4 + 1 + 1 + 3 + 1  # removed, edited, failing, added, the changed list page
    assert second <= changed + 2, (first, second, "\n".join(map(str, [e for e in ctx["crawl2"] if e[2] != 304])))
    assert sum(1 for e in ctx["crawl2"] if e[2] == 304) > 40


def test_changes_command_lists_what_changed(two_crawls, tmp_path):
    ctx = two_crawls
    db = ctx["conn"].execute("pragma database_list").fetchone()["file"]
    out = subprocess.run([sys.executable, "-m", "govcrawl.cli", "changes", "--since", "2000-01-01", "--db", db,
                          "--event", "removed", "--json"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    import json

    listed = {json.loads(line)["url"] for line in out.stdout.splitlines()}
    assert listed == {ctx["base"] + p for p in ctx["removed"].values()}
    bad = subprocess.run([sys.executable, "-m", "govcrawl.cli", "changes", "--since", "last week", "--db", db],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr and "Traceback" not in bad.stderr


def test_a_page_that_only_sends_the_browser_elsewhere_is_a_redirect():
    from scrapy.http import HtmlResponse

    from govcrawl.platforms.scripted import landing_redirect
    from govcrawl.recrawl import redirected_away

    base = "http://www.x.gov.cn/art/2020/1/2/art_1_2.html"

    def page_redirect(html, url):
        return landing_redirect(HtmlResponse(url, body=html.encode(), encoding="utf-8"))

    meta = '<html><head><meta http-equiv="refresh" content="0; url=/index.html"></head><body></body></html>'
    script = "<html><body><script>window.location.href='/col/col12/index.html';</script></body></html>"
    assert page_redirect(meta, base) == "http://www.x.gov.cn/index.html"
    assert page_redirect(script, base) == "http://www.x.gov.cn/col/col12/index.html"
    assert redirected_away(base, page_redirect(meta, base), "http://www.x.gov.cn/", set())
    # a report page with a script that navigates on a click is not a redirect
    report = ("<html><body><h1>某县2019年政府信息公开工作年度报告</h1><p>" + "本报告根据条例编制。" * 40 +
              "</p><a onclick=\"location.href='/print.html'\">打印</a></body></html>")
    assert page_redirect(report, base) is None
    # nor is a short page whose only location assignment is inside a pager function
    pager = "<html><body><p>列表</p><script>function goPage(n){ location.href='index_'+n+'.html'; }</script></body></html>"
    assert page_redirect(pager, base) is None
    assert page_redirect('<meta http-equiv="refresh" content="300">', base) is None
