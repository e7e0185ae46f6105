"""The simulated network itself: deterministic, complete, served as real portals serve pages, and a
scorer that catches every kind of mistake it claims to measure."""
from __future__ import annotations

import sqlite3
import urllib.error
import urllib.request
from collections import Counter

import pytest

from tests.simnet.generator import generate
from tests.simnet.lists import LIST_KINDS
from tests.simnet.scorer import score
from tests.simnet.server import COOKIE, UA_COOKIE, serve_network, static_token, ua_token

SMALL = 16


@pytest.fixture(scope="module")
def net():
    return generate(3, SMALL)


@pytest.fixture(scope="module")
def running(net):
    with serve_network(net) as r:
        yield r


def fetch(url: str, headers: dict | None = None, data: bytes | None = None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_same_seed_same_network_other_seed_other_network(net):
    assert generate(3, SMALL).fingerprint() == net.fingerprint()
    assert generate(4, SMALL).fingerprint() != net.fingerprint()


def test_a_small_network_carries_every_convention(net):
    conventions = Counter(c for s in net.sites.values() for c in s.conventions)
    for kind in LIST_KINDS:
        assert conventions[kind], kind
    for feature in ("challenge_static", "challenge_ua", "challenge_rotate", "big5", "tracking", "copy_column",
                    "misfiled_notice", "misfiled_other", "pdf_direct", "attachment_pdf", "attachment_docx",
                    "trap_calendar", "trap_search", "trap_endless", "townships", "departments", "old_cms",
                    "gbk", "entry_frameset", "entry_iframe", "entry_select", "entry_image", "own_host",
                    "same_host_path", "entry_none", "down"):
        assert conventions[feature], feature
    years = {d.year for d in net.docs if d.is_report}
    assert min(years) < 2019 <= max(years)
    assert {d.kind for d in net.docs if not d.is_report} >= {"工作要点", "通知", "解读", "政府工作报告"}
    groups = [d for d in net.docs if d.is_report and len(d.locations) + len(d.aliases) > 1]
    assert groups, "duplicate groups"


def test_every_truth_url_answers_200_and_304_when_unchanged(net, running):
    truth = running.truth()
    challenged = {s.host for s in net.sites.values() if net.hosts[s.host].challenge}
    bases = {v: k for k, v in running.bases.items()}
    checked = 0
    for doc in truth["reports"] + truth["lookalikes"]:
        for url in doc["urls"] + doc["aliases"]:
            host = bases[url[:url.index("/", 8)]]
            if host in challenged:
                continue
            status, headers, body = fetch(url)
            assert status == 200, url
            assert body and headers.get("ETag") and headers.get("Last-Modified")
            again, _, empty = fetch(url, {"If-None-Match": headers["ETag"]})
            assert (again, empty) == (304, b"")
            since, _, _ = fetch(url, {"If-Modified-Since": headers["Last-Modified"]})
            assert since == 304
            checked += 1
    assert checked > 40
    log = running.requests
    assert any(e["not_modified"] for e in log) and all({"host", "method", "path", "status", "bytes"} <= set(e)
                                                       for e in log)


def test_gbk_sites_say_their_charset(net, running):
    key = next(k for k, h in net.hosts.items() if h.encoding == "gbk" and not h.challenge)
    status, headers, body = fetch(running.urls[key] + "zwgk/")
    assert status == 200 and "charset=GBK" in headers["Content-Type"]
    assert "信息公开".encode("gbk") in body or "公开".encode("gbk") in body


def test_challenges_need_the_cookie_their_script_computes(net, running):
    for kind, status in (("static", 521), ("ua", 412), ("rotate", 521)):
        key = next(k for k, h in net.hosts.items() if h.challenge == kind)
        code, _, body = fetch(running.urls[key], {"User-Agent": "test-agent"})
        assert code == status and b"document.cookie" in body
    key = next(k for k, h in net.hosts.items() if h.challenge == "static")
    assert fetch(running.urls[key], {"Cookie": f"{COOKIE}={static_token(key)}"})[0] == 200
    key = next(k for k, h in net.hosts.items() if h.challenge == "ua")
    good = {"User-Agent": "govcrawl-test", "Cookie": f"{UA_COOKIE}={ua_token('govcrawl-test', key)}"}
    assert fetch(running.urls[key], good)[0] == 200
    assert fetch(running.urls[key], dict(good, **{"User-Agent": "another browser"}))[0] == 412


def test_ua_challenge_hashes_the_user_agent_as_the_browser_sees_it(net, running):
    """The crawler's User-Agent has Chinese in it: sent as UTF-8, hashed as navigator.userAgent."""
    import http.client

    from govcrawl.settings import USER_AGENT

    key = next(k for k, h in net.hosts.items() if h.challenge == "ua")
    port = int(running.urls[key].rstrip("/").rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest("GET", "/", skip_accept_encoding=True)
    conn.putheader("User-Agent", USER_AGENT.encode("utf-8"))
    conn.putheader("Cookie", f"{UA_COOKIE}={ua_token(USER_AGENT, key)}")
    conn.endheaders()
    assert conn.getresponse().status == 200
    conn.close()


def test_postback_pager_needs_the_page_state(net, running):
    from tests.simnet.lists_dynamic import _validation

    site = next(s for s in net.sites.values() if "aspnet" in s.conventions and not net.hosts[s.host].challenge)
    host = net.hosts[site.host]
    path = next(p for p in host.pages if "List.aspx?ClassID=" in p)
    cid = int(path.split("=")[1])
    url = running.urls[site.host].rstrip("/") + path
    bare, _, _ = fetch(url, data=b"__EVENTTARGET=AspNetPager1&__EVENTARGUMENT=2")
    assert bare == 500
    form = f"__EVENTTARGET=AspNetPager1&__EVENTARGUMENT=2&__VIEWSTATE=x&__EVENTVALIDATION={_validation(cid)}"
    from urllib.parse import quote
    ok, _, body = fetch(url, data=form.replace(_validation(cid), quote(_validation(cid), safe="")).encode())
    assert ok == 200 and "第2/".encode(host.encoding) in body


# ---- the scorer ----------------------------------------------------------------------------------

def perfect_db(path, truth: dict) -> None:
    """The database a perfect crawl would write, on govcrawl's own schema."""
    from govcrawl.storage import open_db

    db = open_db(str(path))
    for s in truth["sites"]:
        db["sites"].insert({"site_id": s["key"], "name": s["name"], "homepage": s["homepage"], "level": s["level"]})
        if s["expect_reason"]:
            db["crawl_errors"].insert({"error_id": s["key"], "site_id": s["key"], "url": s["homepage"],
                                       "stage": "discovery", "reason": s["expect_reason"]})
    for n, doc in enumerate(truth["reports"] + truth["lookalikes"]):
        rid = f"r{n}"
        db["reports"].insert({"report_id": rid, "site_id": doc["site_key"], "url": doc["urls"][0],
                              "title": doc["title"], "report_year": doc.get("year"),
                              "is_annual_report": int("year" in doc)})
        for url in doc["urls"]:
            db["report_urls"].insert({"url": url, "report_id": rid, "site_id": doc["site_key"]})
    db.conn.commit()
    db.conn.close()


def test_scorer_gives_a_perfect_crawl_full_marks(running, tmp_path):
    truth = running.truth()
    perfect_db(tmp_path / "m.db", truth)
    r = score(tmp_path / "m.db", truth)
    assert (r["recall"], r["precision"], r["year_accuracy"], r["attribution"]) == (1.0, 1.0, 1.0, 1.0)
    assert r["dup_groups"] == r["dup_collapsed"] > 0 and r["silent_sites"] == []


def test_scorer_catches_a_missing_report_a_split_group_a_wrong_year_a_false_positive(running, tmp_path):
    truth = running.truth()
    db = tmp_path / "m.db"
    perfect_db(db, truth)
    group = next(d for d in truth["reports"] if len(d["urls"]) > 1)
    lone = next(d for d in truth["reports"] if len(d["urls"]) == 1 and d["id"] != group["id"])
    other = next(d for d in truth["reports"] if d["id"] not in (group["id"], lone["id"]))
    look = truth["lookalikes"][0]
    conn = sqlite3.connect(db)
    rid = lambda url: conn.execute("select report_id from report_urls where url=?", [url]).fetchone()[0]  # noqa: E731
    conn.execute("delete from report_urls where url=?", [lone["urls"][0]])
    conn.execute("delete from reports where url=?", [lone["urls"][0]])
    conn.execute("insert into reports (report_id, site_id, url, title, report_year, is_annual_report) "
                 "values ('copy', ?, ?, 't', ?, 1)", [group["site_key"], group["urls"][1], group["year"]])
    conn.execute("update report_urls set report_id='copy' where url=?", [group["urls"][1]])
    conn.execute("update reports set report_year=report_year-1 where report_id=?", [rid(other["urls"][0])])
    conn.execute("update reports set is_annual_report=1 where report_id=?", [rid(look["urls"][0])])
    reason_site = next(s for s in truth["sites"] if s["expect_reason"])
    conn.execute("delete from crawl_errors where site_id=?", [reason_site["key"]])
    conn.commit()
    conn.close()
    r = score(db, truth)
    assert [m["id"] for m in r["missing"]] == [lone["id"]]
    assert [s["id"] for s in r["split_groups"]] == [group["id"]]
    assert [w["id"] for w in r["wrong_year"]] == [other["id"]]
    assert len(r["false_positives"]) == 1 and r["false_positives"][0]["lookalike"]
    assert [s["site"] for s in r["silent_sites"]] == [reason_site["name"]]
    assert r["recall"] < 1 and r["precision"] < 1 and r["year_accuracy"] < 1


def test_scorer_catches_a_report_attributed_to_the_wrong_site(running, tmp_path):
    truth = running.truth()
    db = tmp_path / "m.db"
    perfect_db(db, truth)
    sub = next(d for d in truth["reports"] if "township" in d["tags"])
    parent = next(s for s in truth["sites"] if s["key"] == sub["site_key"])
    county = next(s for s in truth["sites"] if s["name"] == parent["parent"])
    conn = sqlite3.connect(db)
    conn.execute("update reports set site_id=? where url=?", [county["key"], sub["urls"][0]])
    conn.commit()
    conn.close()
    r = score(db, truth)
    assert [w["id"] for w in r["wrong_site"]] == [sub["id"]] and r["attribution"] < 1
