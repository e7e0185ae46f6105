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


class RobotsRevisitMiddleware:
    """robots.txt asked again only if it changed: a re-crawl sends the validators of the last
    capture (``page_validators``), and a 304 hands Scrapy's robots middleware the archived copy,
    so an unchanged robots.txt costs no full response. Sits after ``RobotsPolicyMiddleware``,
    whose robots.txt request (meta ``dont_obey_robotstxt``) it sees on the way to the downloader."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.archive_dir = crawler.settings.get("GOVCRAWL_ARCHIVE_DIR", "archive")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @staticmethod
    def _is_robots(request) -> bool:
        return bool(request.meta.get("dont_obey_robotstxt")) and urlsplit(request.url).path == "/robots.txt" \
            and request.method == "GET"

    def process_request(self, request, spider=None):
        if not self._is_robots(request) or b"If-None-Match" in request.headers:
            return None
        # One retry: a robots.txt that fails twice is treated as absent (Scrapy's rule), and a
        # host that is down costs its homepage's retries, not those of its robots.txt as well.
        request.meta.setdefault("max_retry_times", 1)
        memory = getattr(self.crawler.spider, "memory", None)
        if memory is None:
            return None
        from govcrawl.recrawl import page_conditions

        headers, meta = page_conditions(memory.pages.get(request.url))
        if headers:
            # in place: this request is awaited by the robots middleware, not scheduled
            for name, value in headers.items():
                request.headers[name] = value
            request.meta.update(meta)
        return None

    def process_response(self, request, response, spider=None):
        if not self._is_robots(request):
            return response
        if response.status == 304 and request.meta.get("govcrawl_page_memory"):
            from govcrawl.recrawl import archived_copy

            self.crawler.stats.inc_value("govcrawl/robots/unchanged")
            return archived_copy(self.archive_dir, response) or response.replace(status=200, body=b"")
        from govcrawl.recrawl import seen_page
        from govcrawl.signals import page_seen

        page = seen_page(request.url, None, request, response)
        if page is not None:
            self.crawler.signals.send_catch_log(signal=page_seen, spider=self.crawler.spider, page=page)
        return response
