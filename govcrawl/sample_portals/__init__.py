"""Offline replicas of five real portals, for the demo and the end-to-end tests.

Each replica mimics its portal's CMS output (大汉 Hanweb jcms, TRS WCM, an older ASP CMS) and
path layout, so a spider written for the real site works against it once its base URL is swapped:
homepage -> 政府信息公开 -> 政府信息公开年报 column -> paginated list -> detail pages, with one seed
report (shared/seeds) per site, generated reports for other years, look-alike documents, a
PDF-only report, a broken list link and a 404.

    with serve() as servers:
        servers.urls["luqiao"]   # "http://127.0.0.1:PORT/"
    truth("luqiao")              # every detail page with the facts extraction should find
    truth_stats("luqiao")        # every report with known numbers: its table cells and 勾稽关系 results

Generated reports print their statistical tables in the layouts of govcrawl.tables.samples (HTML
tables of several editors, pipe / tab / one-cell-a-line text, the pre-2019 统计表), some only inside
a PDF, DOCX or XLSX attachment; a few carry deliberate 勾稽关系 errors or blank cells.
"""
from __future__ import annotations

import importlib
import threading

from .model import Portal
from .server import PortalServers

SITE_KEYS = ["shuipo", "xifeng", "wuyuan_mzj", "luqiao", "jintang"]
_MODULES = {key: importlib.import_module(f".sites.{key}", __name__) for key in SITE_KEYS}

SITES: dict[str, dict] = {key: dict(module.SITE) for key, module in _MODULES.items()}

_built: dict[str, Portal] = {}
_lock = threading.Lock()


def portal(key: str) -> Portal:
    """The built replica of one site (built once, then cached; building is deterministic)."""
    with _lock:
        if key not in _built:
            _built[key] = _MODULES[key].build(key)
        return _built[key]


def serve(host: str = "127.0.0.1", base_port: int = 0) -> PortalServers:
    """Start one threaded HTTP server per site: port base_port+i, or free ports when 0."""
    servers = PortalServers()
    try:
        for i, key in enumerate(SITE_KEYS):
            port = base_port + i if base_port else 0
            servers.start(key, portal(key), SITES[key]["platform"], host, port)
    except BaseException:
        servers.shutdown()
        raise
    return servers


def truth(key: str) -> list[dict]:
    """Every detail page of a replica with what a careful reader extracts from it.

    Titles are given in simplified Chinese (the 五原县民政局 seed page itself is served in the
    traditional+gloss variant); paths include the query string where the CMS uses one.
    """
    return [article.truth() for article in portal(key).articles]


def truth_stats(key: str) -> dict[str, dict]:
    """Every report of a replica whose numbers are known (all but the seeds), by path:

    cells     the printed cells [{table, row, column, value, raw}] (+ unit, label for table 'legacy'); [] for
              a report printed without tables
    checks    {(rule, scope): 'ok' | 'fail' | 'unknown'}: what run_checks must find, cross-year included
    previous  path of the same publisher's report for the year before, or None
    layout    samples layout of the tables, or 'pdf' / 'docx' / 'xlsx' when only an attachment has them
    file      path of that attachment (None when the page itself prints the tables)
    errors    the deliberate errors planted (keys of samples.ERROR_EFFECTS); blanks: blank cells printed
    """
    from .statstruth import expected_checks, printed_carried_out

    reports = [a for a in portal(key).articles if a.is_annual_report]
    by_year = {(a.publisher, a.report_year): a for a in reports}
    out: dict[str, dict] = {}
    for article in reports:
        if article.stats is None:
            continue
        before = by_year.get((article.publisher, (article.report_year or 0) - 1))
        previous = None
        if before is not None:
            previous = before.stats if before.stats is not None else printed_carried_out(before.body)
        out[article.path] = {
            "cells": [dict(c) for c in article.stats],
            "checks": expected_checks(article.stats, article.stats_errors, previous),
            "previous": before.path if before is not None else None,
            "layout": article.stats_layout,
            "file": article.stats_file,
            "errors": article.stats_errors,
            "blanks": article.stats_blanks,
        }
    return out


def broken_links(key: str) -> list[str]:
    """Paths a replica's lists link to that answer 404 on purpose."""
    return list(portal(key).broken_links)


__all__ = ["SITES", "PortalServers", "serve", "truth", "truth_stats", "broken_links", "portal"]
