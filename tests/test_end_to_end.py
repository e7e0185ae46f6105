"""End to end, as a user runs it: crawl the sample portals into metadata.db, twice, and check
the database, the archive and the Datasette site."""
from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from govcrawl.archive import read_record
from govcrawl.evaluate import ngram_scores
from govcrawl.normalize import fold_text
from tests.helpers import SEEDS

GOVCRAWL = [sys.executable, "-m", "govcrawl.cli"]
SEED_SITES = {"000": "shuipo", "001": "xifeng", "002": "wuyuan_mzj", "003": "luqiao", "004": "jintang"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def crawl(tmp: Path) -> None:
    proc = subprocess.run(
        GOVCRAWL + ["demo", "--no-serve", "--portal-port", "0", "--db", str(tmp / "metadata.db"),
                    "--archive", str(tmp / "archive")],
        capture_output=True, text=True, timeout=600, cwd=tmp,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def snapshot(db: Path) -> dict:
    conn = sqlite3.connect(db)
    out = {
        "reports": conn.execute(
            "select report_id, site_id, url, title, report_year, is_annual_report, publisher, index_no,"
            " published_date, content_hash, first_seen from reports order by report_id").fetchall(),
        "report_urls": conn.execute("select url, report_id from report_urls order by url").fetchall(),
        "stats": conn.execute('select count(*) from report_stats').fetchone(),
    }
    conn.close()
    return out


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    crawl(tmp)
    first = snapshot(tmp / "metadata.db")
    crawl(tmp)
    return tmp, first


def db_rows(tmp: Path, sql: str, params=()):
    conn = sqlite3.connect(tmp / "metadata.db")
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute(sql, params)]
    conn.close()
    return rows


def test_sites_are_named_in_chinese(crawled):
    tmp, _ = crawled
    names = {r["site_id"]: r["name"] for r in db_rows(tmp, "select site_id, name from sites")}
    assert names == {"shuipo": "水泊街道", "xifeng": "西峰区", "wuyuan_mzj": "五原县民政局",
                     "luqiao": "路桥区", "jintang": "金塘镇"}


def test_second_crawl_gives_the_same_rows(crawled):
    tmp, first = crawled
    assert snapshot(tmp / "metadata.db") == first
    urls = db_rows(tmp, "select url, count(*) n from report_urls group by url having n > 1")
    assert urls == []
    runs = db_rows(tmp, "select site_id, count(*) n from crawl_runs group by site_id")
    assert all(r["n"] == 2 for r in runs) and len(runs) == 5


def seed_report(tmp: Path, seed: str) -> dict:
    text = fold_text(next(SEEDS.glob(f"{seed}_*.txt")).read_text("utf-8"))
    best = None
    for row in db_rows(tmp, "select * from reports where site_id = ?", (SEED_SITES[seed],)):
        recall, precision = ngram_scores(text, fold_text(row["body_text"] or ""))
        if best is None or recall > best[0]:
            best = (recall, precision, row)
    assert best is not None
    return {"recall": best[0], "precision": best[1], **best[2]}


@pytest.mark.parametrize("seed", sorted(SEED_SITES))
def test_seed_body_matches(crawled, seed):
    tmp, _ = crawled
    found = seed_report(tmp, seed)
    assert found["recall"] >= 0.95 and found["precision"] >= 0.95, (found["recall"], found["precision"])
    assert found["is_annual_report"] == 1


def test_seed_fields(crawled):
    tmp, _ = crawled
    luqiao = seed_report(tmp, "003")
    assert (luqiao["index_no"], luqiao["publisher"], luqiao["published_date"], luqiao["report_year"]) == (
        "001008010003/2024-158571", "路桥区府办", "2024-01-12", 2023)
    xifeng = seed_report(tmp, "001")
    assert (xifeng["published_date"], xifeng["report_year"]) == ("2018-02-07", 2017)
    jintang = seed_report(tmp, "004")
    assert (jintang["published_date"], jintang["report_year"]) == ("2019-01-16", 2018)
    assert seed_report(tmp, "002")["report_year"] == 2020
    wuyuan = seed_report(tmp, "002")["body_text"]
    assert "根据" in wuyuan and "(jù)" not in wuyuan and "據" not in wuyuan


def test_every_report_leads_to_its_warc_record(crawled):
    tmp, _ = crawled
    rows = db_rows(tmp, "select r.url, c.warc_file, c.warc_offset, c.url as fetched from reports r "
                        "join captures c on c.capture_id = r.capture_id")
    total = db_rows(tmp, "select count(*) n from reports")[0]["n"]
    assert rows and len(rows) == total
    for row in rows:
        status, _headers, body, target = read_record(tmp / "archive", row["warc_file"], row["warc_offset"])
        assert target == row["fetched"] and status.startswith("200") and body


def test_pdf_only_report_takes_its_body_from_the_attachment(crawled):
    tmp, _ = crawled
    rows = db_rows(tmp, "select * from reports where body_source = 'attachment' and is_annual_report = 1")
    assert rows, "no report took its body from a PDF"
    assert all(len(r["body_text"]) > 200 and r["report_year"] for r in rows)


def test_errors_are_recorded_not_fatal(crawled):
    tmp, _ = crawled
    errors = db_rows(tmp, "select * from crawl_errors where status = 404")
    assert errors, "the deliberately broken link was not recorded"


def test_look_alikes_are_not_reports(crawled):
    tmp, _ = crawled
    from govcrawl.sample_portals import truth

    for site in SEED_SITES.values():
        expected = {t["title"]: t for t in truth(site)}
        for row in db_rows(tmp, "select title, is_annual_report, report_year from reports where site_id = ?", (site,)):
            t = expected.get(row["title"])
            if t is None:
                continue
            assert bool(row["is_annual_report"]) == t["is_annual_report"], row["title"]
            if t["is_annual_report"]:
                assert row["report_year"] == t["report_year"], row["title"]


@pytest.fixture(scope="module")
def datasette(crawled):
    tmp, _ = crawled
    port = free_port()
    proc = subprocess.Popen(GOVCRAWL + ["serve", "--db", str(tmp / "metadata.db"), "--archive",
                                        str(tmp / "archive"), "--port", str(port)],
                            cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


def test_datasette_search_finds_two_character_words(datasette):
    for word, must in (("复议", True), ("政务公开", True), ("不存在的词语组合", False)):
        data = get_json(f"{datasette}/metadata/reports.json?_shape=objects&_search={urllib.parse.quote(word)}")
        assert bool(data["rows"]) is must, word
        for row in data["rows"]:
            assert word in row["body_text"] or word in row["title"]


def test_datasette_archived_copy_and_canned_queries(datasette):
    row = get_json(f"{datasette}/metadata/reports.json?_shape=objects&is_annual_report=1&_size=1")["rows"][0]
    with urllib.request.urlopen(f"{datasette}/-/archive/{row['capture_id']}", timeout=10) as r:
        assert r.status == 200 and len(r.read()) > 500
    for query in ("search", "inconsistent_reports", "applications_by_body", "appeals_by_body"):
        data = get_json(f"{datasette}/metadata/{query}.json?_shape=objects&q=%E5%A4%8D%E8%AE%AE"
                        "&province=&county=&township=&level=")
        assert "rows" in data, query


def test_datasette_search_page_shows_the_words_typed(datasette):
    with urllib.request.urlopen(f"{datasette}/metadata/reports?_search={urllib.parse.quote('政务公开')}", timeout=10) as r:
        html = r.read().decode("utf-8")
    assert 'name="_search" value="政务公开"' in html
    assert "含有 “政务公开”" in html and "政务 务公" not in html


def test_stored_tables_and_checks_match_the_replicas_truth(crawled):
    """Every cell the crawl stored for a replica report with known numbers, and every check."""
    from govcrawl.sample_portals import SITES, truth_stats
    from govcrawl.tables import score

    tmp, _ = crawled
    compared = 0
    for site in SITES:
        home = SITES[site]["real_homepage"].rstrip("/")
        for path, truth in truth_stats(site).items():
            rows = db_rows(tmp, "select report_id from report_urls where url = ?", (home + path,))
            if not rows:
                continue  # a county column the township spider rightly leaves alone
            rid = rows[0]["report_id"]
            cells = db_rows(tmp, 'select "table", "row", "column", value, raw from report_stats where report_id = ?', (rid,))
            assert score(cells, truth["cells"]) == (1.0, 1.0), (site, path, truth["layout"], truth["file"])
            got = {(c["rule"], c["scope"]): c["status"] for c in
                   db_rows(tmp, "select rule, scope, status from report_checks where report_id = ?", (rid,))}
            assert got == truth["checks"], (site, path)
            compared += 1
    assert compared >= 25
