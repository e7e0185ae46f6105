"""Discovery on portal styles the bundled sample portals do not have (tests/portal_variants/):
each variant is crawled for real, in a child Scrapy process with a small spider per variant, and
metadata.db must hold every report of the truth with its year, the look-alikes as non-reports,
and, for townships and departments, nothing from other bodies' columns.

Second batch (select_catalog … gopage_js), before the platform changes that made them pass:
select_catalog 0/7, pdf_direct 6/6, table_pageindex 10/10, xxgk_yearcols 7/7, other_host 0/7,
hanweb_pgcontainer 3/8, gopage_js 3/9 (tests/portal_variants/README.md).

Third batch (js_redirect … slow_http10), before the discovery changes: js_redirect 0/7,
meta_refresh_base 0/8, onclick_rows 0/8, opendetail_js 0/8, sitemap_footer 0/8, chinese_path 0/8,
year_tabs_json 0/7, slow_http10 7/7, sitemap_xml 0/8, tree_api 0/8, host_moved 0/8, pageno_api 8/8 (rendered in Chromium as well),
image_map 8/8."""
from __future__ import annotations

import os

import pytest

from tests.portal_variants import VARIANT_MODULES, all_variants
from tests.portal_variants.crawl import run_registry, run_variants, score
from tests.portal_variants.server import serve

VARIANTS = {v.key: v for v in all_variants()}
CHROMIUM = os.path.exists("/usr/bin/chromium")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("variants")
    variants = [v for v in VARIANTS.values() if CHROMIUM or not v.challenge]
    with serve(variants) as urls:
        run = run_variants(variants, urls, tmp)
    assert run["returncode"] == 0, run["log"]
    return tmp / "metadata.db"


def test_every_variant_module_builds_a_portal_with_truth():
    assert len(VARIANTS) == len(VARIANT_MODULES)
    for v in VARIANTS.values():
        assert 8 <= len(v.truth) <= 15, v.key
        assert any(t.report_year for t in v.truth) and any(t.report_year is None for t in v.truth), v.key
        assert all(t.path in v.pages or t.path.split("?")[0] in v.handlers or "?" in t.path for t in v.truth), v.key


@pytest.mark.parametrize("key", sorted(VARIANTS))
def test_variant_reports_found_with_their_year(crawled, key):
    variant = VARIANTS[key]
    if variant.challenge and not CHROMIUM:
        pytest.skip("Debian chromium is not installed")
    result = score(crawled, variant)
    assert result["missing"] == [], (variant.style, result["missing"])
    assert result["recall"] == 1.0
    assert result["wrong"] == [], (variant.style, result["wrong"])


@pytest.mark.parametrize("key", sorted(k for k, v in VARIANTS.items() if v.foreign))
def test_shared_portal_spider_keeps_to_its_own_body(crawled, key):
    result = score(crawled, VARIANTS[key])
    assert result["foreign"] == [], result["foreign"]


def test_list_api_read_without_the_browser(crawled):
    """pageno_api's list is drawn by a script from a JSON API, with a script-drawn pager: the
    endpoint is read and paged directly, so the browser is not needed for it."""
    import sqlite3

    from tests.portal_variants.crawl import spider_name

    conn = sqlite3.connect(crawled)
    row = conn.execute("select needed_browser, list_readers from sites where site_id = ?",
                       (spider_name("pageno_api"),)).fetchone()
    conn.close()
    assert row is not None and row[0] == 0 and "json" in row[1], row


@pytest.fixture(scope="module")
def by_address(tmp_path_factory):
    """Every variant that can be, crawled from a CSV of name and 127.0.0.1 homepage only."""
    tmp = tmp_path_factory.mktemp("variants_by_address")
    variants = [v for v in all_variants() if v.by_address and (CHROMIUM or not v.challenge)]
    with serve(variants) as urls:
        run = run_registry(variants, urls, tmp)
        assert run["returncode"] == 0, run["log"]
        yield tmp / "metadata.db", {v.key: (v, urls[v.key]) for v in variants}


@pytest.mark.parametrize("key", sorted(k for k, v in VARIANTS.items() if v.by_address))
def test_variant_crawled_from_name_and_homepage_only(by_address, key):
    """The way the project is scored: ``govcrawl crawl --sites`` given name and homepage alone
    (no spider, no region, no level), with the site's id taken from its address."""
    import sqlite3

    db, served = by_address
    if key not in served:
        pytest.skip("Debian chromium is not installed")
    variant, url = served[key]
    conn = sqlite3.connect(db)
    row = conn.execute("select site_id from sites where homepage = ?", (url,)).fetchone()
    conn.close()
    assert row is not None, f"no sites row for {url}"
    result = score(db, variant, site_id=row[0], home=url)
    assert result["missing"] == [] and result["recall"] == 1.0, (variant.style, result["missing"])
    assert result["wrong"] == [], (variant.style, result["wrong"])
