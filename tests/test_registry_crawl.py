"""govcrawl crawl --sites on portals given by name and homepage only: each list reader, subsites
with their own rows, copies merged, misfiled reports found, and a reason for every site."""
from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys

import pytest

from govcrawl.dedupe import canonical_url
from tests.helpers import ROOT
from tests.portal_variants.server import serve
from tests.registry_portals import BUILDERS

CHROMIUM = os.path.exists("/usr/bin/chromium")


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("registry")
    built = [b() for b in BUILDERS]
    variants = [v for v, _ in built]
    with serve(variants) as urls:
        with open(tmp / "sites.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["name", "homepage"])
            for v in variants:
                writer.writerow([v.spider["site_name"], urls[v.key]])
        proc = subprocess.run(
            [sys.executable, "-m", "govcrawl.cli", "crawl", "--sites", str(tmp / "sites.csv"), "--db",
             str(tmp / "m.db"), "--archive", str(tmp / "archive"), "-s", "DOWNLOAD_DELAY=0",
             "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"],
            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
    conn = sqlite3.connect(tmp / "m.db")
    conn.row_factory = sqlite3.Row
    return {"conn": conn, "urls": urls, "truth": {v.key: t for v, t in built}, "out": proc.stdout}


def stored(conn, base: str) -> dict:
    return {canonical_url(r["url"]): r for r in conn.execute(
        "select u.url, r.report_id, r.report_year, r.is_annual_report, s.name as site_name, s.level, s.parent "
        "from report_urls u join reports r using (report_id) join sites s on s.site_id = r.site_id "
        "where u.url like ?", (base + "%",))}


@pytest.mark.parametrize("key", [b.__name__ for b in BUILDERS])
def test_every_report_found_with_its_year_and_body(crawl, key):
    if key == "rendered" and not CHROMIUM:
        pytest.skip("Debian chromium is not installed")
    base = crawl["urls"][key].rstrip("/")
    rows = stored(crawl["conn"], base)
    missing, wrong = [], []
    for path, (year, body) in crawl["truth"][key].items():
        row = rows.get(canonical_url(base + path))
        if row is None:
            missing.append(path)
        elif bool(row["is_annual_report"]) != (year is not None) or (year and row["report_year"] != year):
            wrong.append((path, row["report_year"], year))
        elif year and row["site_name"] != body:
            wrong.append((path, row["site_name"], body))
    assert not missing and not wrong, (missing, wrong)


def test_subsites_have_their_own_rows_with_level_and_parent(crawl):
    conn = crawl["conn"]
    county = conn.execute("select site_id from sites where name = '阳新县'").fetchone()[0]
    subs = {r["name"]: r for r in conn.execute("select * from sites where parent = ?", (county,))}
    assert set(subs) == {"白沙镇", "浮屠镇", "兴国镇", "阳新县民政局", "阳新县财政局"}
    assert subs["白沙镇"]["level"] == "township" and subs["阳新县民政局"]["level"] == "department"
    runs = {r["site_id"]: r for r in conn.execute("select * from crawl_runs")}
    assert all(runs[s["site_id"]]["outcome"] == "ok" for s in subs.values())


def test_copies_are_one_report_with_all_their_urls(crawl):
    base = crawl["urls"]["copies"].rstrip("/")
    rows = stored(crawl["conn"], base)
    for path in crawl["truth"]["copies"]:
        if path.startswith("/big5/"):
            original = rows[canonical_url(base + path.removeprefix("/big5"))]
            assert rows[canonical_url(base + path)]["report_id"] == original["report_id"]
    years = [r["report_year"] for r in crawl["conn"].execute(
        "select report_year from reports where is_annual_report = 1 and url like ?", (base + "%",))]
    assert len(years) == len(set(years)) == 10  # 2016-2025, each once


def test_every_site_has_an_outcome_and_the_readers_are_named(crawl):
    conn = crawl["conn"]
    runs = list(conn.execute("select r.site_id, r.outcome, r.reason, s.list_readers, s.platform, s.needed_browser "
                             "from crawl_runs r join sites s using (site_id)"))
    assert runs and all(r["outcome"] and r["reason"] for r in runs)
    by_name = {conn.execute("select name from sites where site_id = ?", (r["site_id"],)).fetchone()[0]: r for r in runs}
    assert "json" in by_name["惠来县"]["list_readers"]
    assert "postback" in by_name["张北县"]["list_readers"]
    if CHROMIUM:
        assert by_name["兴山县"]["needed_browser"] == 1 and "browser" in by_name["兴山县"]["list_readers"]
