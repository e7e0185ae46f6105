"""The portal's sitemaps, when the homepage shows no way to its 信息公开 pages.

A homepage whose 政府信息公开 entry is a picture without words (no alt text), and no 网站地图
page, leaves the word rules of the walk nothing to follow. The sitemaps ``robots.txt`` names
(``Sitemap:`` lines, else ``/sitemap.xml``) still list the portal's column pages: those are
asked as navigation pages, 公开-like paths first and within the navigation budget, and a page
whose own ``<title>`` names a 年报 column is read as that column. Article URLs in a sitemap carry
no title, so they are not fetched blind. Sitemap XML is read with Scrapy's ``Sitemap``.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from govcrawl.platforms import links

MAX_SITEMAPS = 6         # sitemap files read per site (an index and its first files)
MAX_PAGES = 30           # column-like pages asked from them
_DISCLOSURE_PATH = re.compile(r"(gk|xxgk|zwgk|gkml|ndbg|nb|xxgkml|zfxxgk|publicity|open)", re.I)
_TITLE_SPLIT = re.compile(r"[_|｜\-—–·]+")


def column_like(url: str) -> bool:
    """A sitemap URL that can be a column page: not an article, not a document."""
    path = urlsplit(url).path
    return not (links.is_detail_url(url) or links.is_document_url(url)) and (
        path.endswith("/") or re.search(r"/(index|default|list)\w*\.\w+$", path) is not None)


def titled_column(response) -> str | None:
    """The 年报 column a page says it is in its <title> (``政府信息公开年报_某县人民政府``)."""
    title = " ".join(response.xpath("//title/text()").getall())
    for part in _TITLE_SPLIT.split(links.clean(title)):
        if links.is_report_column(part):
            return part
    return None


class SitemapMixin:
    """Sitemap requests and answers of the walk (see module doc); a site's own homepage only
    (a subsite on its county's host would read the county's sitemaps)."""

    def sitemap_requests(self, run, referer: str):
        if run.counts["sitemaps"]:
            return
        run.counts["sitemaps"] += 1
        home = run.to_real(referer)
        robots = f"{urlsplit(home).scheme}://{urlsplit(home).netloc}/robots.txt"
        yield self.make_request(run, robots, self.parse_sitemap_robots, "nav", referer=referer,
                                errback=self.on_sitemap_error, meta={"handle_httpstatus_list": [404, 403, 410]})

    def on_sitemap_error(self, failure):
        self.logger.info("sitemap lookup failed: %s", failure.request.url)

    def parse_sitemap_robots(self, response):
        run = self.site_of(response)
        found = list(sitemap_urls_from_robots(response.text, base_url=response.url)) if response.status == 200 else []
        if not found:
            found = [links.absolute(response, "/sitemap.xml")]
        for url in found[:MAX_SITEMAPS]:
            yield self.sitemap_request(run, run.to_real(url), response.url)

    def sitemap_request(self, run, url: str, referer: str):
        if run.counts["sitemap_files"] >= MAX_SITEMAPS or not run.on_site(url):
            return None
        run.counts["sitemap_files"] += 1
        return self.make_request(run, url, self.parse_sitemap, "nav", referer=referer, errback=self.on_sitemap_error)

    def parse_sitemap(self, response):
        run = self.site_of(response)
        try:
            sitemap = Sitemap(response.body)
        except Exception as exc:  # noqa: BLE001  (any unreadable XML: recorded, the walk goes on)
            self.record_error(run, run.to_real(response.url), "nav", f"sitemap not readable: {type(exc).__name__}",
                              referer=None)
            return
        locs = [entry.get("loc", "").strip() for entry in sitemap]
        locs = [u for u in locs if u and run.on_site(u)]
        if sitemap.type == "sitemapindex":
            for url in locs:
                yield self.sitemap_request(run, url, response.url)
            return
        pages = [u for u in locs if column_like(u)]
        pages.sort(key=lambda u: not _DISCLOSURE_PATH.search(urlsplit(u).path))
        for url in pages[:max(0, MAX_PAGES - run.counts["sitemap_pages"])]:
            run.counts["sitemap_pages"] += 1
            request = self.nav_request(run, url, 1, in_scope=True, referer=response.url)
            if request is not None:
                request.meta["govcrawl_sitemap"] = True
                yield request


__all__ = ["SitemapMixin", "column_like", "titled_column"]
