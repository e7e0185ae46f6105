"""TRS WCM / 海云 portals: static list pages index.html, index_1.html, ... written by the CMS.

The page count lives in a script: ``createPageHTML(countPage, currentPage, "index", "html")`` or in
``var countPage = 5`` style variables. Articles are ``./202401/t20240112_123456.html`` with the
body in ``div.TRS_Editor``.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

from govcrawl.platforms.base import DisclosureSpider

_CREATE_PAGE = re.compile(
    r"createPageHTML\(\s*(?:['\"][^'\"]*['\"]\s*,\s*)?(\d+)\s*,\s*(\d+)\s*,\s*['\"]([\w-]+)['\"]\s*,\s*['\"](\w+)['\"]"
)
_COUNT_VAR = re.compile(r"(?:countPage|pageCount|totalPage|page_count)\s*=\s*['\"]?(\d+)", re.I)
_PREFIX_EXT = re.compile(r"['\"](index|default|list)['\"]\s*,\s*['\"](s?html?)['\"]")


def trs_page_urls(list_url: str, script_text: str) -> list[str]:
    """All list page URLs a TRS pager script describes (page 0 is index.html, then index_N)."""
    m = _CREATE_PAGE.search(script_text)
    if m:
        count, prefix, ext = int(m.group(1)), m.group(3), m.group(4)
    else:
        c = _COUNT_VAR.search(script_text)
        if not c:
            return []
        count = int(c.group(1))
        pe = _PREFIX_EXT.search(script_text)
        prefix, ext = (pe.group(1), pe.group(2)) if pe else ("index", "html")
    count = min(count, 500)
    return [urljoin(list_url, f"{prefix}_{n}.{ext}") for n in range(1, count)]


class TRSSpider(DisclosureSpider):
    platform = "trs"

    def next_pages(self, response):
        scripts = "\n".join(response.xpath("//script/text()").getall())
        for url in trs_page_urls(response.url, scripts):
            yield self.list_request(url)
        yield from super().next_pages(response)
