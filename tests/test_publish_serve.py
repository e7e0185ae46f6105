"""`govcrawl serve` and the site's pages on a small database: bad input, signals, hostile archives,
honest canned queries, change history."""
from __future__ import annotations

import asyncio
import gzip
import io
import json
import resource
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govcrawl.publish import archive_view
from govcrawl.publish.metadata import build_metadata
from govcrawl.storage import Store

GOVCRAWL = [sys.executable, "-m", "govcrawl.cli"]


def _report(rid, **kw):
    return {"report_id": rid, "site_id": kw.pop("site_id", "county"), "url": f"http://x.gov.cn/{rid}.html",
            "title": f"{rid} 政府信息公开工作年度报告", "report_year": 2022, "is_annual_report": 1,
            "body_text": "第一段。\n第二段：行政复议1件。", "content_hash": rid, "province": "山东省",
            "county": "梁山县", **kw}


def _cells(new, reviews):
    return [{"table": "applications", "row": "new", "column": "total", "value": new, "raw": str(new)},
            {"table": "appeals", "row": "review", "column": "total", "value": reviews, "raw": str(reviews)}]


@pytest.fixture
def small_db(tmp_path):
    db = tmp_path / "m.db"
    store = Store(str(db))
    store.upsert_site({"site_id": "county", "name": "梁山县", "level": "county"})
    store.upsert_site({"site_id": "street", "name": "水泊街道", "level": "township"})
    store.upsert_site({"site_id": "dept", "name": "五原县民政局", "level": "department"})
    store.save_report(_report("c1"), [], [], _cells(10, 1), [])
    store.save_report(_report("t1", site_id="street", township="水泊街道", agency="水泊街道"), [], [], _cells(3, 2), [])
    store.save_report(_report("d1", site_id="dept", agency="梁山县民政局"), [], [], _cells(5, 0), [])
    store.save_report(_report("old", report_year=2017), [], [], [
        {"table": "legacy", "row": "(一)收到申请数", "column": "value", "value": 7, "raw": "7"},
        {"table": "legacy", "row": "四、行政复议数量", "column": "value", "value": 1, "raw": "1"}], [])
    # re-crawl change tracking: the store's own removed_on, report_versions and report_events
    store.db.execute("update reports set removed_on = '2025-03-01' where report_id = 'd1'")
    store.db.execute("delete from report_versions where report_id = 'c1'")  # replaced by a two-version history
    store.db.execute("insert into report_versions values ('c1', 1, 'h1', null, '2025-01-01', '2025-02-01', 'c1', "
                     "'旧正文', '[]', null), ('c1', 2, 'h2', null, '2025-02-08', '2025-03-01', 'c1', '新正文', '[]', ?)",
                     [json.dumps({"paragraphs": {"added": ["第二段：行政复议1件。"], "removed": ["第二段：行政复议0件。"]},
                                  "cells": [{"table": "applications", "row": "new", "column": "total",
                                             "old": 9, "new": 10}]}, ensure_ascii=False)])
    store.db.execute("insert into report_events values ('e1', 'c1', 'http://x.gov.cn/c1.html', 'county', 'r2', 'edited', "
                     "'2025-02-08', '正文和数字有变化'), ('e2', 'd1', 'http://x.gov.cn/d1.html', 'dept', 'r3', "
                     "'removed', '2025-03-01', 'HTTP 404')")
    store.db.conn.commit()
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # served immutable: no write-ahead log
    store.db.conn.close()
    return db


def client(db: Path, archive: Path | None = None):
    from datasette.app import Datasette

    return Datasette(immutables=[str(db)], metadata=build_metadata(str(db), str(archive or db.parent), db.stem))


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def test_serve_refuses_bad_input_in_one_line_and_writes_nothing(tmp_path):
    (tmp_path / "notes.txt").write_text("not a database", "utf-8")
    (tmp_path / "folder").mkdir()
    for target in ("notes.txt", "folder", "missing.db"):
        before = sorted(p.name for p in tmp_path.iterdir())
        proc = subprocess.run(GOVCRAWL + ["serve", "--db", str(tmp_path / target)], capture_output=True, text=True,
                              timeout=60, cwd=tmp_path)
        assert proc.returncode != 0
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr, proc.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == before


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_datasette_on_sigterm_and_sigint(small_db, sig):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(GOVCRAWL + ["serve", "--db", str(small_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    for _ in range(100):
        if _port_open(port):
            break
        time.sleep(0.2)
    assert _port_open(port)
    proc.send_signal(sig)
    assert proc.wait(timeout=20) == 0
    time.sleep(0.5)
    assert not _port_open(port), "Datasette still serving after govcrawl serve stopped"
    assert not list(small_db.parent.glob("*.json"))


def _warc(path: Path, url: str, body: bytes, headers: list) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body),
            http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")))


def test_a_compression_bomb_is_refused_without_inflating_it(small_db, tmp_path):
    bomb = io.BytesIO()
    with gzip.GzipFile(fileobj=bomb, mode="wb", compresslevel=9) as gz:
        zeros = b"\0" * (1024 * 1024)
        for _ in range(300):  # 300 MiB once inflated
            gz.write(zeros)
    _warc(tmp_path / "bomb.warc.gz", "http://x.gov.cn/bomb.html", bomb.getvalue(),
          [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
    conn = sqlite3.connect(small_db)
    conn.execute("insert into captures (capture_id, url, status, content_type, warc_file, warc_offset) values "
                 "('bomb', 'http://x.gov.cn/bomb.html', 200, 'text/html', 'bomb.warc.gz', 0)")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    response = archive_view.replay(conn, tmp_path, "bomb", "m")
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert response.status == 413 and "too large" in response.body
    assert grown_mib < 120, grown_mib
    assert archive_view.replay(conn, tmp_path, "nothing", "m").status == 404
    conn.execute("insert into captures (capture_id, url, status, warc_file, warc_offset) values "
                 "('escape', 'http://x', 200, '../../etc/passwd', 0)")
    assert archive_view.replay(conn, tmp_path, "escape", "m").status == 404


def test_canned_queries_keep_each_publishing_body_apart(small_db):
    ds = client(small_db)
    rows = get(ds, "/m/applications_by_body.json?_shape=objects&province=&county=&township=&level=").json()["rows"]
    by_id = {r["report_id"]: r for r in rows}
    assert (by_id["c1"]["level"], by_id["c1"]["received"]) == ("county", 10)
    assert (by_id["t1"]["level"], by_id["t1"]["body"], by_id["t1"]["received"]) == ("township", "水泊街道", 3)
    assert (by_id["d1"]["level"], by_id["d1"]["body"], by_id["d1"]["received"]) == ("department", "梁山县民政局", 5)
    assert (by_id["old"]["source"], by_id["old"]["received"]) == ("legacy", 7)
    appeals = get(ds, "/m/appeals_by_body.json?_shape=objects&province=&county=&township=&level=township").json()
    assert [(r["report_id"], r["reviews"]) for r in appeals["rows"]] == [("t1", 2)]
    html = get(ds, "/m/applications_by_body?province=&county=&township=&level=").text
    assert 'href="/m/reports/t1"' in html


def test_change_history_queries_feed_and_report_page(small_db):
    ds = client(small_db)
    edited = get(ds, "/m/edited_reports_since.json?_shape=objects&since=2025-01-01").json()["rows"]
    assert [r["report_id"] for r in edited] == ["c1"]
    removed = get(ds, "/m/removed_reports_since.json?_shape=objects&since=2025-01-01").json()["rows"]
    assert [r["report_id"] for r in removed] == ["d1"]
    feed = get(ds, "/m/changes_feed.atom?province=&county=&township=")
    assert feed.status_code == 200 and "修改：c1" in feed.text and "删除：d1" in feed.text
    page = get(ds, "/m/reports/c1").text
    assert "第 2 版" in page and "第二段：行政复议0件。" in page and "diff-del" in page
    assert "一、本年新收政府信息公开申请数量（总计）" in page
    assert "2025-03-01 从原网站删除" in get(ds, "/m/reports/d1").text
    assert get(ds, "/m/reports/nope").status_code == 404


def test_new_reports_feed_filters_by_region_and_words(small_db):
    ds = client(small_db)
    feed = get(ds, "/m/new_reports_feed.atom?province=&county=&township=" + "&q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE")
    assert feed.status_code == 200 and feed.text.count("<entry>") == 4
    none = get(ds, "/m/new_reports_feed.atom?province=&county=&township=&q=%E6%8B%86%E8%BF%81")
    assert none.text.count("<entry>") == 0
    township = get(ds, "/m/new_reports_feed.atom?province=&county=&township=%E6%B0%B4%E6%B3%8A%E8%A1%97%E9%81%93&q=")
    assert township.text.count("<entry>") == 1


def test_downloads_and_robots(small_db):
    ds = client(small_db)
    assert get(ds, "/m.db").status_code == 200
    assert get(ds, "/m/reports.csv?is_annual_report=1").status_code == 200
    assert get(ds, "/m/reports.xlsx?is_annual_report=1").content[:2] == b"PK"
    assert "Disallow: /" in get(ds, "/robots.txt").text


def test_body_tables_printed_as_text_become_tables():
    from govcrawl.publish.report_page import body_blocks

    blocks = body_blocks("第一段。\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章 0 0 0\n行政规范性文件 0 1 10\n"
                         + "\n".join(["统计指标", "单位", "统计数"] * 5) + "\n结尾：以上是本年度政府信息公开工作的全部情况。")
    assert [b["kind"] for b in blocks] == ["p", "table", "cells", "p"]
    assert blocks[1]["rows"][2] == ["行政规范性文件", "0", "1", "10"]
