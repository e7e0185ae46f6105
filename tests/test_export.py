"""Exports of a real crawl of the sample portals: WACZ (validated by py-wacz, replayed in Chromium)
and CSV / JSONL / Parquet that load in pandas and pyarrow and match the database row for row."""
from __future__ import annotations

import csv
import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.test_end_to_end import GOVCRAWL, crawl, free_port

COUNTY, YEAR = "路桥区", 2023


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    crawl(tmp)
    return tmp


def govcrawl(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(GOVCRAWL + list(args), capture_output=True, text=True, timeout=300, cwd=cwd)


def export_wacz(tmp: Path, name: str, *filters: str) -> Path:
    out = tmp / "wacz" / name
    proc = govcrawl("export", "wacz", "--db", str(tmp / "metadata.db"), "--archive",
                    str(tmp / "archive"), "--out", str(out), *filters)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def wacz_validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wacz", "validate", "-f", str(path)],
                          capture_output=True, text=True, timeout=300)


def wacz_index(path: Path) -> list[tuple[str, str, dict]]:
    with zipfile.ZipFile(path) as z:
        lines = gzip.decompress(z.read("indexes/index.cdx.gz")).decode().splitlines()
    return [(ln.split(" ", 2)[0], ln.split(" ", 2)[1], json.loads(ln.split(" ", 2)[2])) for ln in lines]


def wacz_pages(path: Path) -> list[dict]:
    with zipfile.ZipFile(path) as z:
        return [json.loads(ln) for ln in z.read("pages/pages.jsonl").decode().splitlines()]


def db_rows(tmp: Path, sql: str, params=()) -> list[dict]:
    conn = sqlite3.connect(tmp / "metadata.db")
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute(sql, params)]
    conn.close()
    return rows


def stop(server: subprocess.Popen) -> None:
    """Stop `govcrawl serve` and the Datasette process it started (its own process group)."""
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=10)


def test_wacz_of_the_crawl_validates_and_indexes_every_report(crawled):
    out = export_wacz(crawled, "all.wacz")
    proc = wacz_validate(out)
    assert proc.returncode == 0 and "passed WACZ is valid" in proc.stdout, proc.stdout + proc.stderr
    with zipfile.ZipFile(out) as z:
        names = set(z.namelist())
        package = json.loads(z.read("datapackage.json"))
    assert {"datapackage.json", "datapackage-digest.json", "pages/pages.jsonl",
            "indexes/index.cdx.gz"} <= names
    assert all(r["hash"].startswith("sha256:") for r in package["resources"])
    assert any(n.startswith("archive/") and n.endswith(".warc.gz") for n in names)

    reports = db_rows(crawled, "select r.report_id, r.title, r.cdxj_key, r.warc_record_id, c.url "
                               "from reports r join captures c on c.capture_id = r.capture_id")
    pages = wacz_pages(out)
    assert pages[0]["format"] == "json-pages-1.0"
    by_id = {p["id"]: p for p in pages[1:]}
    assert len(by_id) == len(pages) - 1 == len(reports)
    index_keys = {f"{key} {ts}" for key, ts, _ in wacz_index(out)}
    for report in reports:
        page = by_id[report["report_id"]]
        assert page["title"] == report["title"] and page["url"] == report["url"]
        # The citable key stored on the report is the key the package's CDXJ index uses.
        assert report["cdxj_key"] in index_keys
        assert report["warc_record_id"].startswith("<urn:uuid:")


def test_filtered_wacz_holds_exactly_one_county_and_year(crawled):
    out = export_wacz(crawled, "slice.wacz", "--county", COUNTY, "--year", str(YEAR))
    assert wacz_validate(out).returncode == 0
    wanted = db_rows(crawled, "select report_id from reports where county = ? and report_year = ?",
                     (COUNTY, YEAR))
    assert len(wanted) == 1
    urls = {r["url"] for r in db_rows(
        crawled, "select url from captures where capture_id in (select capture_id from reports "
                 "where report_id = ? union select capture_id from attachments where report_id = ?)",
        (wanted[0]["report_id"],) * 2)}
    indexed = {entry["url"] for _, _, entry in wacz_index(out)}
    assert indexed == urls
    pages = wacz_pages(out)[1:]
    assert [p["id"] for p in pages] == [wanted[0]["report_id"]]


def test_report_page_replays_from_the_wacz_in_chromium(crawled):
    from playwright.sync_api import sync_playwright

    out = export_wacz(crawled, "replay.wacz", "--county", COUNTY, "--year", str(YEAR))
    report = db_rows(crawled, "select r.title, r.body_text, r.cdxj_key, c.url from reports r "
                              "join captures c on c.capture_id = r.capture_id "
                              "where r.county = ? and r.report_year = ?", (COUNTY, YEAR))[0]
    port = free_port()
    server = subprocess.Popen(
        GOVCRAWL + ["serve", "--db", str(crawled / "metadata.db"), "--archive", str(crawled / "archive"),
                    "--wacz-dir", str(out.parent), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=crawled, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    sentence = report["body_text"].split("。")[0][-20:]  # a piece of the report's own text
    try:
        ts = report["cdxj_key"].rsplit(" ", 1)[1]
        page_url = f"{base}/-/wacz?" + urlencode({"source": out.name, "url": report["url"], "ts": ts})
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"])
            page = browser.new_page()
            deadline = time.time() + 20
            while time.time() < deadline:  # wait for Datasette to listen
                try:
                    page.goto(page_url)
                    break
                except Exception:
                    time.sleep(0.3)
            shown = ""
            deadline = time.time() + 60
            while time.time() < deadline and sentence not in shown:
                for frame in page.frames:
                    if "mp_/" in frame.url:  # the archived page inside ReplayWeb.page
                        try:
                            shown = frame.evaluate("document.body ? document.body.innerText : ''")
                        except Exception:
                            pass
                page.wait_for_timeout(300)  # lets Playwright see frames being attached
            frames = [f.url for f in page.frames]
            page.screenshot(path=str(crawled / "replay.png"))
            browser.close()
        assert report["title"] in shown and sentence in shown, (frames, sentence, shown[:500])
    finally:
        stop(server)


def test_replay_route_serves_byte_ranges(crawled):
    import urllib.error
    import urllib.request

    out = export_wacz(crawled, "range.wacz", "--site", "luqiao")
    port = free_port()
    server = subprocess.Popen(
        GOVCRAWL + ["serve", "--db", str(crawled / "metadata.db"), "--wacz-dir", str(out.parent),
                    "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=crawled,
        start_new_session=True)
    url = f"http://127.0.0.1:{port}/-/replay/wacz/{out.name}"
    data = out.read_bytes()
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Range": "bytes=10-109"})) as r:
            assert r.status == 206 and r.read() == data[10:110]
            assert r.headers["Content-Range"] == f"bytes 10-109/{len(data)}"
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Range": "bytes=-50"})) as r:
            assert r.read() == data[-50:]
        with urllib.request.urlopen(url) as r:
            assert r.status == 200 and r.read() == data and r.headers["Accept-Ranges"] == "bytes"
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(urllib.request.Request(url, headers={"Range": f"bytes={len(data)}-"}))
        assert err.value.code == 416
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/replay/wacz/..%2Fmetadata.db")
        assert err.value.code == 404
    finally:
        stop(server)


# ---- data exports ------------------------------------------------------------------------------------
ORDER = {"reports": "report_id", "report_urls": "report_id, url", "attachments": "report_id, attachment_id",
         "report_stats": 'report_id, "table", "row", "column"', "report_checks": "report_id, rule, scope",
         "sites": "site_id"}


def export_data(tmp: Path, fmt: str, name: str, *filters: str) -> Path:
    out = tmp / name
    proc = govcrawl("export", fmt, "--db", str(tmp / "metadata.db"), "--out", str(out), *filters)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def exported_rows(out: Path, fmt: str, table: str) -> list[dict]:
    """Rows as the file holds them, loaded the way a researcher would (pandas / pyarrow)."""
    import pandas as pd
    import pyarrow.parquet as pq

    path = out / f"{table}.{fmt}"
    if fmt == "csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        return frame.to_dict("records")
    if fmt == "jsonl":
        assert len(pd.read_json(path, lines=True, dtype=False)) == sum(1 for _ in open(path, encoding="utf-8"))
        return [json.loads(line) for line in open(path, encoding="utf-8")]
    assert len(pd.read_parquet(path)) == pq.read_metadata(path).num_rows
    return pq.read_table(path).to_pylist()


def as_csv(row: dict) -> dict:
    return {k: "" if v is None else str(v) for k, v in row.items()}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_data_export_matches_the_database_row_for_row(crawled, fmt):
    out = export_data(crawled, fmt, f"data-{fmt}")
    for table, order in ORDER.items():
        expected = db_rows(crawled, f'select * from "{table}" order by {order}')
        got = exported_rows(out, fmt, table)
        assert len(got) == len(expected) > 0, table
        if fmt == "csv":
            expected = [as_csv(r) for r in expected]
        assert got == expected, table
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert set(ORDER) | {"codes"} <= set(resources)
    for name in ORDER:
        for fld in resources[name]["schema"]["fields"]:  # every field described in both languages
            assert fld["description_zh"] != "（暂无说明）" and fld["description_en"], (name, fld["name"])
    codes = {r["code"] for r in exported_rows(out, fmt, "codes")}
    assert {"withheld_8", "other_handling_3", "suit_after_review", "amount_10k_yuan"} <= codes
    sums = dict(line.split("  ")[::-1] for line in (out / "SHA256SUMS").read_text().splitlines())
    import hashlib

    for name, digest in sums.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "Crawl dates" in readme and "路桥区" in readme


def test_csv_datapackage_passes_frictionless_validation(crawled):
    from frictionless import validate

    out = export_data(crawled, "csv", "data-frictionless")
    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_filtered_data_export_holds_exactly_one_county_and_year(crawled):
    year = db_rows(crawled, "select max(r.report_year) as y from reports r join report_stats s "
                            "on s.report_id = r.report_id where r.county = ?", (COUNTY,))[0]["y"]
    out = export_data(crawled, "parquet", "slice", "--county", COUNTY, "--year", str(year))
    ids = [r["report_id"] for r in db_rows(
        crawled, "select report_id from reports where county = ? and report_year = ? order by report_id",
        (COUNTY, year))]
    assert [r["report_id"] for r in exported_rows(out, "parquet", "reports")] == ids
    stats = exported_rows(out, "parquet", "report_stats")
    expected = db_rows(crawled, 'select * from report_stats where report_id in (%s) '
                                'order by report_id, "table", "row", "column"' % ",".join("?" * len(ids)), ids)
    assert stats == expected and len(stats) > 0
    sites = exported_rows(out, "parquet", "sites")
    assert [s["county"] for s in sites] == [COUNTY]
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["govcrawl"]["filters"] == {"county": [COUNTY], "year": [year]}


def test_run_and_capture_date_filters(crawled):
    run = db_rows(crawled, "select run_id, site_id from crawl_runs where site_id = 'xifeng' "
                           "order by started desc limit 1")[0]
    out = export_data(crawled, "jsonl", "by-run", "--run", run["run_id"])
    assert {r["site_id"] for r in exported_rows(out, "jsonl", "reports")} == {"xifeng"}
    days = db_rows(crawled, "select min(fetched_at) as a, max(fetched_at) as b from captures")[0]
    out = export_data(crawled, "jsonl", "by-day", "--since", days["a"][:10], "--until", days["b"][:10])
    assert len(exported_rows(out, "jsonl", "reports")) == len(db_rows(crawled, "select 1 from reports"))
    out = export_data(crawled, "jsonl", "none", "--since", "2999-01-01")
    assert exported_rows(out, "jsonl", "reports") == []


@pytest.mark.parametrize("args, message", [
    (["csv", "--db", "nope.db", "--out", "x"], "no database at nope.db"),
    (["csv", "--db", "metadata.db", "--out", "x", "--since", "2024-13-01"], "--since"),
    (["wacz", "--db", "metadata.db", "--archive", "archive", "--out", "x.zip"], "ends in .wacz"),
    (["wacz", "--db", "metadata.db", "--archive", "archive", "--out", "y.wacz", "--year", "1990"],
     "no captures match"),
])
def test_bad_input_is_one_clear_line(crawled, args, message):
    proc = govcrawl("export", *args, cwd=crawled)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_datasette_links_a_report_to_its_replay(crawled):
    import asyncio

    from datasette.app import Datasette

    report = db_rows(crawled, "select r.report_id, r.cdxj_key, c.url from reports r "
                              "join captures c on c.capture_id = r.capture_id limit 1")[0]

    async def fetch():
        ds = Datasette([str(crawled / "metadata.db")])
        return (await ds.client.get(f"/metadata/reports/{report['report_id']}")).text

    html = asyncio.run(fetch())
    ts = report["cdxj_key"].rsplit(" ", 1)[1]
    assert "/-/wacz?" + urlencode({"url": report["url"], "ts": ts}).replace("&", "&amp;") in html
