"""robots.txt: obeyed by default (``ROBOTSTXT_OBEY``), with a per-site override in the registry.

Some government portals serve a robots.txt that disallows everything (``Disallow: /``), often a
CMS default nobody chose, while the 政府信息公开 they hold must by law be public. An operator who
has checked such a portal sets ``robots`` = ``ignore`` on its registry row; the hosts of that
site (and of the subsites found on its portal) are then fetched without consulting robots.txt.
Every other host keeps Scrapy's RobotsTxtMiddleware behaviour. Requests let through this way
are counted under ``govcrawl/robots/ignored``.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.utils.httpobj import urlparse_cached


class RobotsPolicyMiddleware(RobotsTxtMiddleware):
    def __init__(self, crawler):
        super().__init__(crawler)
        self._ignored: set[str] = set()
        self._known = -1

    def ignored_hosts(self) -> set[str]:
        """Hosts (host:port) of the sites marked robots=ignore, their replicas and subsites."""
        runs = getattr(self.crawler.spider, "runs", None) or {}
        if len(runs) != self._known:
            self._known = len(runs)
            marked = {sid for sid, run in runs.items() if getattr(run.site, "robots", None) == "ignore"}
            hosts = set()
            for run in runs.values():
                if run.site.site_id in marked or run.site.parent in marked:
                    hosts |= {urlsplit(run.real_origin).netloc, urlsplit(run.fetch_origin).netloc}
            self._ignored = hosts
        return self._ignored

    async def process_request(self, request, spider=None):
        if urlparse_cached(request).netloc in self.ignored_hosts():
            self._stats.inc_value("govcrawl/robots/ignored")
            return None
        return await super().process_request(request)
