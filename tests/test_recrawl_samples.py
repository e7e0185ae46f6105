"""The sample portals in two states (issue 8): the demo crawls them, then crawls their second
state (govcrawl.sample_portals.states) into the same database, and every change is recorded —
each removal dated, each edit kept with both versions, each new report found — and nothing else
is said to have changed. The second crawl asks known pages conditionally (304 → revisit records).
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest

from govcrawl.sample_portals import SITE_KEYS, SITES, states

GOVCRAWL = [sys.executable, "-m", "govcrawl.cli"]


def demo(tmp: Path, state: int) -> None:
    proc = subprocess.run(
        GOVCRAWL + ["demo", "--no-serve", "--portal-port", "0", "--portal-state", str(state),
                    "--db", str(tmp / "metadata.db"), "--archive", str(tmp / "archive")],
        capture_output=True, text=True, timeout=600, cwd=tmp)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def real(key: str, path: str) -> str:
    return urljoin(SITES[key]["real_homepage"], path)


@pytest.fixture(scope="module")
def recrawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("samples2")
    demo(tmp, 1)
    conn = sqlite3.connect(tmp / "metadata.db")
    first = set(r[0] for r in conn.execute("select capture_id from captures"))
    conn.close()
    demo(tmp, 2)
    conn = sqlite3.connect(tmp / "metadata.db")
    conn.row_factory = sqlite3.Row
    changes = {key: states.second_state(key)[1] for key in SITE_KEYS}
    yield conn, changes, first
    conn.close()


def report_of(conn, url: str):
    row = conn.execute("select r.* from report_urls u join reports r using (report_id) where u.url = ?",
                       [url]).fetchone()
    return row


def events(conn, report_id: str) -> list[str]:
    return [r[0] for r in conn.execute("select event from report_events where report_id = ?", [report_id])]


def test_the_plan_changes_every_site(recrawled):
    _, changes, _ = recrawled
    hows = {how for c in changes.values() for _, how in c["removed"]}
    assert hows == set(states.REMOVALS)
    assert all(c["edited"] and c["added"] for c in changes.values())


def test_every_removal_is_dated(recrawled):
    conn, changes, _ = recrawled
    for key, change in changes.items():
        for path, how in change["removed"]:
            url = real(key, path)
            report = report_of(conn, url)
            assert report is not None, (key, path)
            gone = conn.execute("select removed_on from report_urls where url = ?", [url]).fetchone()[0]
            assert report["removed_on"] and gone, (key, path, how)
            assert "removed" in events(conn, report["report_id"]), (key, path, how)


def test_every_edit_keeps_both_versions(recrawled):
    conn, changes, _ = recrawled
    for key, change in changes.items():
        for path in change["edited"]:
            report = report_of(conn, real(key, path))
            versions = conn.execute("select content_hash, change_summary from report_versions where report_id = ? "
                                    "order by version", [report["report_id"]]).fetchall()
            assert len({v[0] for v in versions}) == 2, (key, path)
            assert versions[-1][1], "the second version says what changed"
            assert "edited" in events(conn, report["report_id"]), (key, path)


def test_every_new_report_is_found(recrawled):
    conn, changes, _ = recrawled
    for key, change in changes.items():
        for path, title in change["added"]:
            report = report_of(conn, real(key, path))
            assert report is not None and report["is_annual_report"] == 1, (key, path, title)
            assert "new" in events(conn, report["report_id"])


def test_no_change_where_none_happened(recrawled):
    conn, changes, _ = recrawled
    touched = set()
    for key, change in changes.items():
        for path, _ in change["removed"]:
            touched.add(report_of(conn, real(key, path))["report_id"])
        for path in change["edited"]:
            touched.add(report_of(conn, real(key, path))["report_id"])
    wrong = conn.execute("select report_id, event, url, detail from report_events where event in ('removed', 'edited')"
                         ).fetchall()
    assert [dict(r) for r in wrong if r["report_id"] not in touched] == []


def test_the_second_crawl_asks_known_pages_conditionally(recrawled):
    conn, _, first = recrawled
    counts = [{}, {}]
    for capture_id, kind in conn.execute("select capture_id, record_type from captures"):
        crawl = counts[0] if capture_id in first else counts[1]
        crawl[kind] = crawl.get(kind, 0) + 1
    print("captures per crawl:", counts)
    assert counts[1].get("revisit", 0) > 0
    assert counts[1].get("response", 0) < counts[0].get("response", 0) / 2
