"""The changing network (issue 8): the second state changes exactly what its truth says, on the
same ports, and the re-crawl scorer catches every kind of mistake it measures."""
from __future__ import annotations

import http.client
import sqlite3
from urllib.parse import urlsplit

import pytest

from tests.simnet import states
from tests.simnet.generator import generate
from tests.simnet.recrawl_score import score_recrawl
from tests.simnet.server import serve_network


@pytest.fixture(scope="module")
def nets():
    first = generate(5, 10)
    return first, states.second_state(first)


def get(url: str, headers: dict | None = None):
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    except (ConnectionError, http.client.RemoteDisconnected) as e:
        return 0, {}, repr(e).encode()
    finally:
        conn.close()


def test_untouched_pages_stay_byte_identical(nets):
    first, second = nets
    changed = 0
    for key, host in first.hosts.items():
        for path, res in host.pages.items():
            other = second.hosts[key].pages.get(path)
            if other is None or other.body != res.body or other.status != res.status:
                changed += 1
    total = sum(len(h.pages) for h in first.hosts.values())
    assert 0 < changed < total * 0.1


def test_second_state_answers_as_its_truth_says(nets):
    first, second = nets
    with serve_network(first) as running:
        changes = states.changes_truth(first, second, running.bases)
        etags = {d["urls"][0]: get(d["urls"][0])[1].get("ETag") for d in changes["unchanged"][:5] + changes["edited"]}
        urls_before = dict(running.urls)
        running.switch(second)
        assert running.urls == urls_before
        hows = {}
        for doc in changes["removed"]:
            status, headers, body = get(doc["urls"][0])
            hows[doc["how"]] = status
            if doc["how"] == "redirect_home":
                assert headers["Location"].endswith("/") and headers["Location"].startswith("http://127.0.0.1:")
            if doc["how"].startswith("deleted:"):
                assert doc["how"].split(":")[1] in body.decode("utf-8", "replace") or status == 200
        assert hows["404"] == 404 and hows["410"] == 410
        assert hows["redirect_home"] == hows["redirect_list"] == 302
        assert all(hows[h] == 200 for h in hows if h.startswith("deleted:"))
        for doc in changes["unchanged"][:5]:
            assert get(doc["urls"][0], {"If-None-Match": etags[doc["urls"][0]]})[0] == 304
        for doc in changes["edited"]:
            status, headers, _ = get(doc["urls"][0], {"If-None-Match": etags[doc["urls"][0]]})
            assert status == 200 and headers["Last-Modified"].startswith("Thu, 15 Jan 2026")
        flaky = {d["how"]: get(d["urls"][0])[0] for d in changes["flaky"]}
        assert flaky == {"503": 503, "reset": 0}
        assert get(changes["dropped"][0]["urls"][0])[0] == 200
        assert all(get(d["urls"][0])[0] == 200 for d in changes["added"]) and len(changes["added"]) == 3


def _db(path, changes, removed_ok=True, versions=2, false_edit=False):
    conn = sqlite3.connect(path)
    conn.executescript("""
        create table reports (report_id text primary key, site_id text, url text, is_annual_report int, removed_on text);
        create table report_urls (url text primary key, report_id text, site_id text, removed_on text);
        create table report_versions (report_id text, version int, content_hash text);
        create table report_events (report_id text, event text, date text);""")
    n = 0
    for group in ("removed", "edited", "added", "dropped", "flaky", "unchanged"):
        for doc in changes[group]:
            n += 1
            rid = f"r{n}"
            gone = "2026-01-20" if group == "removed" and removed_ok else None
            conn.execute("insert into reports values (?, 's', ?, 1, ?)", [rid, doc["urls"][0], gone])
            conn.execute("insert into report_urls values (?, ?, 's', ?)", [doc["urls"][0], rid, gone])
            conn.execute("insert into report_versions values (?, 1, ?)", [rid, f"h{n}"])
            conn.execute("insert into report_events values (?, 'new', '2026-01-10')", [rid])
            if gone:
                conn.execute("insert into report_events values (?, 'removed', ?)", [rid, gone])
            if group == "edited" and versions > 1:
                conn.execute("insert into report_versions values (?, 2, ?)", [rid, f"h{n}b"])
                conn.execute("insert into report_events values (?, 'edited', '2026-01-20')", [rid])
            if group == "unchanged" and false_edit and n % 7 == 0:
                conn.execute("insert into report_events values (?, 'edited', '2026-01-20')", [rid])
    conn.commit()
    conn.close()


def test_recrawl_scorer_passes_a_right_record_and_catches_wrong_ones(nets, tmp_path):
    first, second = nets
    bases = {k: f"http://127.0.0.1:{9000 + i}" for i, k in enumerate(first.hosts)}
    changes = states.changes_truth(first, second, bases)
    log1 = [{"status": 200}] * 100
    log2 = [{"status": 304}] * 95 + [{"status": 200}] * 5
    _db(tmp_path / "ok.db", changes)
    good = score_recrawl(tmp_path / "ok.db", changes, log1, log2)
    assert good["all_ok"] and good["full_ratio"] == 0.05
    _db(tmp_path / "bad.db", changes, removed_ok=False, versions=1, false_edit=True)
    bad = score_recrawl(tmp_path / "bad.db", changes, log1, [{"status": 200}] * 30)
    assert not any(x["ok"] for x in bad["removed"]) and not any(x["ok"] for x in bad["edited"])
    assert bad["false_changes"] and bad["full_ratio"] == 0.3 and not bad["all_ok"]
