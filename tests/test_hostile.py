"""The hostile portal (issue 11): a crawl with ``govcrawl crawl --sites`` must finish by itself
within 10 minutes, store the normal reports, fetch nothing but http(s) and nothing on loopback
aliases, record every hostile case in crawl_errors, and keep its process tree under 500 MB.
Skipped until ``govcrawl crawl --sites`` exists."""
from __future__ import annotations

import pytest

from tests.hostile.run import LIMIT_RSS, crawl_hostile
from tests.hostile.score import format_hostile
from tests.simnet.crawlrun import has_sites_option

pytestmark = pytest.mark.skipif(not has_sites_option(), reason="govcrawl crawl --sites is not there yet (issue 7)")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    r = crawl_hostile(tmp_path_factory.mktemp("hostile"))
    assert r["score"] is not None, r["crawl"]["stderr"]
    print(format_hostile(r["score"]))
    return r


def test_finishes_by_itself_within_ten_minutes(hostile):
    assert hostile["finished_in_time"], hostile["crawl"]["seconds"]


def test_normal_reports_are_stored(hostile):
    assert hostile["score"]["normal_missing"] == []


def test_nothing_but_http_is_fetched(hostile):
    s = hostile["score"]
    assert s["non_http_captures"] == [] and not s["secret_in_db"] and s["alias_requests"] == 0


def test_every_hostile_case_is_handled_and_recorded(hostile):
    assert hostile["score"]["failed_cases"] == [], format_hostile(hostile["score"])


def test_process_tree_stays_under_500_mb(hostile):
    assert hostile["crawl"]["peak_rss"] <= LIMIT_RSS
