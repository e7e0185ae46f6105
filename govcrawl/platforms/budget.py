"""Per-site budgets and crawler traps: the work a site may cost, and URLs not worth a request.

Budgets (settings, per site): requests, navigation pages, real list pages per column and per
site, subsites. Traps: calendar widgets (``?date=2024-01-05``), site search pages (``?q=``),
parameters that never end (one path asked with ever new query strings) and pagers that point
hundreds of pages past the list's real end. Each cut is returned as a reason an operator can act
on; the spider records it once per site in ``crawl_errors``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from govcrawl.platforms import paging

_CALENDAR_PARAM = re.compile(r"^(date|day|month|ym|ymd|rq|riqi|cdate|calendar|selectdate|time|d|m)$", re.I)
_DATE_VALUE = re.compile(r"^(19|20)\d{2}[-/.]?\d{1,2}([-/.]?\d{1,2})?$")
_SEARCH_PATH = re.compile(r"(search|jsearch|fulltext|sousuo|query|/so/|/so\.|retrieval)", re.I)
_SEARCH_PARAM = re.compile(r"^(q|query|keyword|keywords|searchword|wd|kw|key|qt|search|searchkey|sword)$", re.I)
_CALENDAR_PATH = re.compile(r"(calendar|rili|/cal/)", re.I)
_SESSION_PARAM = re.compile(r"^(jsessionid|sid|sessionid|phpsessid|timestamp|ts|_|t|rnd|random|r)$", re.I)


@dataclass(frozen=True)
class Limits:
    requests: int = 5000          # every request of one site, attachments included
    nav_pages: int = 80           # homepage, 信息公开 pages, indexes
    list_pages: int = 400         # real list pages of one site, all columns
    column_pages: int = 100       # real list pages of one 年报 column
    scan_pages: int = 4           # pages of another 信息公开 column read for misfiled reports
    scan_columns: int = 10
    subsites: int = 120
    query_variety: int = 60       # distinct query strings on one path before it is a trap

    @classmethod
    def from_settings(cls, settings) -> "Limits":
        return cls(
            requests=settings.getint("GOVCRAWL_SITE_MAX_REQUESTS", cls.requests),
            nav_pages=settings.getint("GOVCRAWL_MAX_NAV_PAGES", cls.nav_pages),
            list_pages=settings.getint("GOVCRAWL_SITE_MAX_LIST_PAGES", cls.list_pages),
            column_pages=settings.getint("GOVCRAWL_MAX_LIST_PAGES", cls.column_pages),
            scan_pages=settings.getint("GOVCRAWL_SCAN_PAGES", cls.scan_pages),
            scan_columns=settings.getint("GOVCRAWL_SCAN_COLUMNS", cls.scan_columns),
            subsites=settings.getint("GOVCRAWL_MAX_SUBSITES", cls.subsites),
            query_variety=settings.getint("GOVCRAWL_MAX_QUERY_VARIETY", cls.query_variety),
        )


def trap(url: str) -> str | None:
    """Why the URL is a trap (calendar, search page), or None."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    names = {k.lower() for k, _ in query}
    day_and_month = bool(names & {"d", "day"}) and bool(names & {"m", "month"})
    if _CALENDAR_PATH.search(parts.path) or day_and_month or any(
            _CALENDAR_PARAM.match(k) and _DATE_VALUE.match(v) and len(v) > 2 for k, v in query):
        return "calendar trap: date-parameter links (a calendar widget)"
    if any(_SEARCH_PARAM.match(k) for k, _ in query) or (query and _SEARCH_PATH.search(parts.path)):
        return "search trap: site-search result pages"
    return None


def query_key(url: str) -> tuple[str, str]:
    """(path, query without session noise): how a path is asked for."""
    parts = urlsplit(url)
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _SESSION_PARAM.match(k))
    return parts.netloc + parts.path, "&".join(f"{k}={v}" for k, v in query)


def endless(variety: dict[str, set[str]], url: str, limit: int) -> str | None:
    """Count one more query string on the URL's path; a path asked with more than ``limit``
    distinct query strings, or with the same query in more than two spellings that differ only
    by a session or timestamp parameter (``?_t=1``, ``?_t=2`` …), is an endless-parameter trap."""
    path, query = query_key(url)
    raw = urlsplit(url).query
    if not raw:
        return None
    spellings = variety.setdefault("~" + path + "?" + query, set())
    if raw not in spellings:
        if len(spellings) >= 2:
            return f"endless-parameter trap: only a session or timestamp parameter changes on {path}"
        spellings.add(raw)
    if not query:
        return None
    seen = variety.setdefault(path, set())
    if query in seen:
        return None
    if len(seen) >= limit:
        return f"endless-parameter trap: more than {limit} query strings on {path}"
    seen.add(query)
    return None


def noisy_parameter(url: str) -> str | None:
    """The name of a parameter that changes on every visit (a timestamp or a random number), if
    the URL carries one."""
    for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if k.lower() in ("_t", "_", "timestamp", "ts", "rnd", "random", "nocache", "r") and v.isdigit():
            return k
    return None


def page_number(url: str) -> int | None:
    found = paging.page_of(url)
    return found[1] if found else None
