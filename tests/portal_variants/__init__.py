"""Small portal replicas in CMS styles the bundled sample portals do not cover (test-only).

Each variant module builds a ``Variant``: the pages of one portal (path -> bytes), the spider that
should crawl it (platform base + identity) and the truth (which URLs are reports of which year,
which are look-alikes, which belong to other bodies). ``server.serve`` runs them on 127.0.0.1 and
``crawl.run_variants`` crawls them in one subprocess, as a user's ``scrapy crawl`` would.
"""
from __future__ import annotations

from tests.portal_variants.kit import Truth, Variant

VARIANT_MODULES = (
    "trs_pagediv", "trs_countpage", "hanweb_jpage", "zwgk_tree", "iframe_list", "numbered_pager",
    "township_table", "department", "gbk_jsp", "challenge521",
    # second batch (see README.md here for the figures measured before the platform changes)
    "select_catalog", "pdf_direct", "table_pageindex", "xxgk_yearcols", "other_host", "hanweb_pgcontainer",
    "gopage_js",
    # third batch (README.md here: figures before the discovery changes)
    "js_redirect", "meta_refresh_base", "onclick_rows", "opendetail_js", "sitemap_footer", "chinese_path",
    "year_tabs_json", "slow_http10", "sitemap_xml", "tree_api", "host_moved",
    "pageno_api", "image_map",
)


def all_variants() -> list[Variant]:
    import importlib

    return [importlib.import_module(f"tests.portal_variants.{m}").build() for m in VARIANT_MODULES]


__all__ = ["Truth", "Variant", "all_variants", "VARIANT_MODULES"]
