"""The hostile portal and the big portals themselves, and the scorers and the memory sampler the
issue-11 tests rely on (these run now; the crawls of them are in test_hostile.py and
test_resume_simnet.py)."""
from __future__ import annotations

import gzip
import http.client
import sqlite3
import sys
import zlib
from urllib.parse import urlsplit

import pytest

from tests.hostile import portal
from tests.hostile.score import score_hostile
from tests.simnet.big import big_portal
from tests.simnet.proctree import Sampled
from tests.simnet.server import serve_network


@pytest.fixture(scope="module")
def hostile():
    net, cases = portal.build()
    with serve_network(net) as running:
        yield net, portal.truth(net, cases, running.bases), running


def get(url: str, method: str = "GET"):
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""))
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    except (ConnectionError, http.client.RemoteDisconnected):
        return 0, {}, b""
    finally:
        conn.close()


def test_every_case_of_issue_11_is_there(hostile):
    _, truth, _ = hostile
    names = {c["case"].split("_")[0] for c in truth["cases"]}
    assert names >= {"scheme", "redirect", "gzip", "deflate", "server", "slow", "reset", "huge", "private",
                     "wrong", "traversal", "script", "trap"}
    kinds = {c["case"] for c in truth["cases"]}
    assert {"scheme_link_file", "scheme_attachment_file", "scheme_redirect_data", "scheme_link_gopher",
            "redirect_loop", "redirect_chain", "trap_far_last_page", "trap_calendar"} <= kinds
    assert len(truth["normal"]) >= 10


def test_cases_answer_as_described(hostile):
    _, truth, running = hostile
    by = {c["case"]: c["url"] for c in truth["cases"]}
    status, headers, _ = get(by["scheme_redirect_file"])
    assert status == 302 and headers["Location"] == "file:///etc/passwd"
    hops, url = 0, by["redirect_chain"]
    while hops < 40:
        status, headers, _ = get(url)
        if status not in (301, 302):
            break
        url, hops = running.bases["hostile"] + headers["Location"], hops + 1
    assert hops == 30
    assert get(by["redirect_loop"])[1]["Location"].endswith("/loop/b.html")
    assert get(by["reset"])[0] == 0
    assert get(by["server_error_503_2"])[0] == 503
    assert running.urls["alias"].startswith("http://127.0.0.2:")
    assert get(truth["normal"][0]["url"])[0] == 200


def test_bombs_inflate_a_thousandfold():
    small = 8 << 20
    g, d = portal.bomb("gzip", small), portal.bomb("deflate", small)
    assert len(g) < small / 500 and len(gzip.decompress(g)) > small
    assert len(zlib.decompress(d)) > small


def test_big_portal_has_the_reports_it_says():
    net = big_portal(600)
    assert len(net.docs) == 600 == len({d.locations[0] for d in net.docs})
    assert sum(1 for p in net.hosts["big"].pages if p.startswith("/zwgk/zfxxgknb/list")) == 24


def test_sampler_sees_memory_of_grandchildren():
    code = ("import subprocess,sys; subprocess.run([sys.executable,'-c',"
            "'import time; x = bytearray(150*1024*1024); x[::4096] = b\"1\"*len(x[::4096]); time.sleep(1.5)'])")
    r = Sampled([sys.executable, "-c", code], interval=0.1).wait(30)
    assert r["returncode"] == 0 and r["peak_rss"] > 150 * 1024 * 1024


def test_hostile_scorer_fails_a_crawl_that_fetched_a_secret_and_recorded_nothing(hostile, tmp_path):
    _, truth, _ = hostile
    db = tmp_path / "m.db"
    conn = sqlite3.connect(db)
    conn.executescript("""create table crawl_errors (url text, stage text, reason text, status int);
        create table captures (url text); create table attachments (text text);
        create table reports (report_id text, is_annual_report int, title text, body_text text);
        create table report_urls (url text, report_id text);""")
    conn.execute("insert into captures values ('file:///etc/passwd')")
    conn.execute("insert into attachments values (?)", [truth["secret"] + "\n"])
    conn.commit()
    conn.close()
    calendar = next(c["url"] for c in truth["cases"] if c["case"] == "trap_calendar")
    runaway = [{"host": "hostile", "path": "/" + calendar.split("/", 3)[-1] + f"2024-01-{d:02d}", "status": 200}
               for d in range(1, 29)]
    bad = score_hostile(db, truth, [{"host": "alias", "path": "/files/secret.pdf", "status": 200}] + runaway,
                        [tmp_path])
    assert not bad["ok"] and bad["non_http_captures"] and bad["secret_in_db"] and bad["alias_requests"] == 1
    assert "trap_calendar" in {c["case"] for c in bad["failed_cases"]}
    assert len(bad["normal_missing"]) == len(truth["normal"]) and bad["failed_cases"]


def test_hostile_scorer_passes_a_crawl_that_did_everything_right(hostile, tmp_path):
    _, truth, _ = hostile
    db = tmp_path / "ok.db"
    conn = sqlite3.connect(db)
    conn.executescript("""create table crawl_errors (url text, stage text, reason text, status int);
        create table captures (url text); create table attachments (text text);
        create table reports (report_id text, is_annual_report int, title text, body_text text);
        create table report_urls (url text, report_id text);""")
    for n, rep in enumerate(truth["normal"]):
        conn.execute("insert into reports values (?, 1, ?, '')", [f"r{n}", rep["title"]])
        conn.execute("insert into report_urls values (?, ?)", [rep["url"], f"r{n}"])
    for case in truth["cases"]:
        if case["expect"] in ("refused", "error", "report_or_error"):
            conn.execute("insert into crawl_errors values (?, 'fetch', 'refused', 0)", [case["url"]])
        elif case["expect"] == "trap":
            conn.execute("insert into crawl_errors values (?, 'budget', 'trap', 0)", [case["url"] + "2099-01-01"])
        elif case["expect"] == "report":
            conn.execute("insert into reports values ('s', 1, 't', '')")
            conn.execute("insert into report_urls values (?, 's')", [case["url"]])
    conn.commit()
    conn.close()
    good = score_hostile(db, truth, [], [tmp_path])
    assert good["ok"], good["failed_cases"]
