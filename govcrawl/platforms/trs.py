"""TRS WCM / 海云 portals: static list pages index.html, index_1.html, ... written by the CMS.

The page count lives in a script. Classic WCM templates write
``createPageHTML(countPage, currentPage, "index", "html")`` (or ``var countPage = 5``) with 0-based
pages: index.html, index_1.html, … index_{count-1}.html. Newer 海云 templates name the pager's
container first, ``createPageHTML('page_div', 3, 1, 'index', 'html', 45)`` (count, current, prefix,
ext, records), and number 1-based: index.html, index_2.html, … index_{count}.html. Articles are
``./202401/t20240112_123456.html`` (or ``.htm``/``.shtml``) with the body in ``div.TRS_Editor``.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin


_CREATE_PAGE = re.compile(
    r"createPageHTML\(\s*(?P<container>['\"][^'\"]*['\"]\s*,\s*)?(?P<count>\d+)\s*,\s*(?P<current>\d+)\s*,"
    r"\s*['\"](?P<prefix>[\w-]+)['\"]\s*,\s*['\"](?P<ext>\w+)['\"]"
)
# TRS names its variable countPage; pageCount / totalPage belong to other pagers, drawn by
# scripts whose links the browser reads (lists.scripted_pager).
_COUNT_VAR = re.compile(r"\bcountPage\s*=\s*['\"]?(\d+)")
_PREFIX_EXT = re.compile(r"createPageHTML\([^)]*?['\"]([\w-]+)['\"]\s*,\s*['\"](s?html?)['\"]")


def trs_page_urls(list_url: str, script_text: str) -> list[str]:
    """All list page URLs a TRS pager script describes (page 0 is index.html, then index_N)."""
    m = _CREATE_PAGE.search(script_text)
    if m and m["container"]:  # 海云: 1-based, the first page unnumbered
        count = min(int(m["count"]), 500)
        return [urljoin(list_url, f"{m['prefix']}_{n}.{m['ext']}") for n in range(2, count + 1)]
    if m:
        count, prefix, ext = int(m["count"]), m["prefix"], m["ext"]
    else:
        c = _COUNT_VAR.search(script_text)
        if not c:
            return []
        count = int(c.group(1))
        pe = _PREFIX_EXT.search(script_text)
        prefix, ext = (pe.group(1), pe.group(2)) if pe else ("index", "html")
    count = min(count, 500)
    return [urljoin(list_url, f"{prefix}_{n}.{ext}") for n in range(1, count)]


def __getattr__(name: str):
    """``TRSSpider`` lives with the other spider bases (govcrawl.platforms.base)."""
    if name == "TRSSpider":
        from govcrawl.platforms.base import TRSSpider

        return TRSSpider
    raise AttributeError(name)
