"""kill -9 and resume (issue 11): a 600-report portal crawled with ``govcrawl crawl --sites
--job-dir``, killed with SIGKILL at seeded random moments several times and resumed each time,
must end with the rows of an uninterrupted crawl: 600 of 600 reports, none twice, every WARC file
readable to its end. Skipped until ``govcrawl crawl --sites`` exists."""
from __future__ import annotations

import random
import sqlite3
import time

import pytest

from tests.simnet.big import big_portal
from tests.simnet.crawlrun import ROOT, child_env, crawl_registry, has_sites_option, registry_cmd, write_sites
from tests.simnet.proctree import Sampled
from tests.simnet.server import serve_network

REPORTS, KILLS = 600, 3

pytestmark = pytest.mark.skipif(not has_sites_option(), reason="govcrawl crawl --sites is not there yet (issue 7)")


def rows(db) -> set[tuple]:
    conn = sqlite3.connect(db)
    try:
        return set(conn.execute("select u.url, r.title, r.report_year, r.is_annual_report from reports r "
                                "join report_urls u on u.report_id = r.report_id"))
    finally:
        conn.close()


def warc_problems(archive) -> list[str]:
    from warcio.archiveiterator import ArchiveIterator

    problems = []
    for path in sorted(archive.rglob("*.warc*")):
        try:
            with open(path, "rb") as f:
                for record in ArchiveIterator(f):
                    record.content_stream().read()
        except Exception as e:  # any unreadable record is a broken archive
            problems.append(f"{path.name}: {e!r}")
    return problems


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    work = tmp_path_factory.mktemp("resume")
    net = big_portal(REPORTS)
    rng = random.Random(20261206)
    with serve_network(net) as running:
        sites = write_sites(work / "sites.csv", running.registry_rows())
        truth_urls = {running.bases["big"] + d.locations[0][1] for d in net.docs}
        whole = crawl_registry(sites, work / "a.db", work / "a_archive", work / "a_jobs", timeout=900)
        cmd = registry_cmd(sites, work / "b.db", work / "b_archive", work / "b_jobs")
        kills = []
        for _ in range(KILLS):
            run = Sampled(cmd, cwd=ROOT, env=child_env())
            delay = rng.uniform(3, max(4, whole["seconds"] * 0.6))
            time.sleep(delay)
            run.kill()
            kills.append((round(delay, 1), run.wait(30)["returncode"]))
        last = Sampled(cmd, cwd=ROOT, env=child_env()).wait(900)
    return {"work": work, "whole": whole, "last": last, "kills": kills, "truth": truth_urls}


def test_resumed_crawl_has_every_report_once(runs):
    got = rows(runs["work"] / "b.db")
    claimed = {r[0] for r in got if r[3]}
    assert claimed >= runs["truth"], (len(claimed), runs["kills"])
    conn = sqlite3.connect(runs["work"] / "b.db")
    dup = conn.execute("select count(*) from (select title, report_year from reports where is_annual_report = 1 "
                       "group by title, report_year having count(*) > 1)").fetchone()[0]
    conn.close()
    assert dup == 0


def test_resumed_crawl_has_the_rows_of_an_uninterrupted_one(runs):
    assert rows(runs["work"] / "b.db") == rows(runs["work"] / "a.db")


def test_resumed_crawl_exits_zero_and_warcs_are_intact(runs):
    assert runs["last"]["returncode"] == 0, runs["last"]["stderr"][-2000:]
    assert warc_problems(runs["work"] / "b_archive") == []
