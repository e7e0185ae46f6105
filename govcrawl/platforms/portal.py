"""The crawl of one or many sites: requests that carry their site, budgets, priorities, errors.

``PortalSpider`` is the machinery every govcrawl spider shares. The walk itself is split by job:
``walk`` (homepage -> 政府信息公开 -> 年报 column, subsites), ``lists`` (list pages and their
readers), ``details`` (detail pages, attachments, copies). A per-site spider
(``DisclosureSpider``, in ``base``) crawls one site named by class attributes; the
``RegistrySpider`` crawls every site of a registry CSV in one process.

Every request carries ``meta["site_id"]``, so one spider can crawl thousands of sites and each
document, capture and error is booked to its own site. Each request also names its ``kind``,
which fixes its priority: attachments and detail pages go ahead of further list pages, so a trap
in a list can never starve the reports already found.
"""
from __future__ import annotations

import time
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Request

from govcrawl import failures, safety
from govcrawl.archive import new_run_id
from govcrawl.items import CrawlErrorItem
from govcrawl.platforms import budget as budgets
from govcrawl.platforms.scope import SiteRun
from govcrawl.registry import Site
from govcrawl.signals import crawl_error, site_found

PRIORITY = {"attachment": 40, "detail": 30, "revisit": 30, "copy": 25, "column": 20, "nav": 15, "subsite": 12,
            "list": 10, "render": 10, "scan": 5}
# Kinds whose URLs are checked against traps and the page budgets (details and files are not:
# they were found in a list, and the request budget bounds them).
_WALK_KINDS = ("nav", "subsite", "column", "list", "scan", "render")


class PortalSpider(scrapy.Spider):
    """Base of every govcrawl spider (see module doc)."""

    platform = "generic"

    def __init__(self, *args, sites: list[Site] | None = None, base_urls: dict[str, str] | None = None,
                 run_id: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.run_id = run_id or new_run_id()
        self.runs: dict[str, SiteRun] = {}
        self._base_urls = base_urls or {}
        self._dirty: set[str] = set()
        self.frontier = None
        self.browser_hosts: set[str] = set()    # hosts whose challenge cookie rotates: always Chromium
        from govcrawl.recrawl import Memory

        self.memory = Memory()                  # what earlier crawls of the database knew
        for site in sites or []:
            self.add_site(site, base_url=self._base_urls.get(site.site_id))

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(spider._on_dropped, signal=signals.request_dropped)
        crawler.signals.connect(spider._on_opened, signal=signals.spider_opened)
        crawler.signals.connect(spider._on_response, signal=signals.response_received)
        from govcrawl.recrawl import load_memory

        spider.memory = load_memory(crawler.settings.get("GOVCRAWL_DB") or "metadata.db")
        from govcrawl.challenge import cleared_cookies

        cleared_cookies(spider).update(spider.memory.cookies)  # challenge cookies still valid
        from govcrawl.challenge import browser_hosts

        browser_hosts(spider).update(spider.memory.rotating)  # rotating challenges: Chromium from the start
        return spider

    # -- sites ---------------------------------------------------------------------------------
    def add_site(self, site: Site, base_url: str | None = None, announce: bool = False) -> SiteRun:
        run = SiteRun.start(site, f"{self.run_id}-{site.site_id}", base_url)
        self.runs[site.site_id] = run
        # The operator chose these hosts (a registry row, a replica): they may be private
        # addresses; hosts that pages merely link to may not (govcrawl.safety).
        safety.allow_hosts({urlsplit(run.real_origin).hostname, urlsplit(run.fetch_origin).hostname})
        if announce:
            self.crawler.signals.send_catch_log(signal=site_found, spider=self, site=site.info())
        return run

    def adopt_run_id(self, run_id: str) -> None:
        """A resumed job keeps the run id of the crawl it continues."""
        old = self.run_id
        self.run_id = run_id
        for run in self.runs.values():
            if run.run_id == f"{old}-{run.site_id}":
                run.run_id = f"{run_id}-{run.site_id}"

    def restore(self, states: dict) -> None:
        """Site states saved with the frontier by the run this one resumes."""
        for site_id, state in states.items():
            if isinstance(state, SiteRun):
                self.runs[site_id] = state
                safety.allow_hosts({urlsplit(state.real_origin).hostname, urlsplit(state.fetch_origin).hostname})

    def site_of(self, obj) -> SiteRun:
        """The site a response, request or failure belongs to."""
        request = getattr(obj, "request", None) or obj
        meta = getattr(request, "meta", None) or {}
        site_id = meta.get("site_id")
        if site_id in self.runs:
            return self.runs[site_id]
        return next(iter(self.runs.values()))

    @property
    def limits(self) -> budgets.Limits:
        if not hasattr(self, "_limits"):
            self._limits = budgets.Limits.from_settings(self.settings)
        return self._limits

    def touch(self, run: SiteRun) -> None:
        self._dirty.add(run.site_id)

    # -- requests ------------------------------------------------------------------------------
    def make_request(self, run: SiteRun, url: str, callback, kind: str, *, cb_kwargs: dict | None = None,
                     meta: dict | None = None, errback=None, dont_filter: bool = False,
                     referer: str | None = None, request_cls=Request, **kwargs) -> Request | None:
        """A request for one of a site's pages, or None when a rule stops it (the reason is
        recorded once per site)."""
        fetch = run.to_fetch(url)
        from govcrawl.platforms.links import is_wellformed

        if not is_wellformed(fetch):
            self.record_error(run, url[:300], "link", "malformed link (bad host or port): not followed", referer=referer)
            return None
        refusal = safety.refusal(fetch)
        if refusal:
            self.record_error(run, url, "link", f"refused link: {refusal}", referer=referer)
            return None
        if kind in _WALK_KINDS:
            reason = budgets.trap(fetch) or budgets.endless(run.query_variety, fetch, self.limits.query_variety)
            if reason:
                self.note_cut(run, reason, url, referer)
                return None
        if kind not in ("revisit", "column") and not (meta or {}).get("homepage") \
                and run.to_real(url) in self.memory.dead:
            # a broken link that answered 404 / 410 on the site's last run: not asked again (known
            # reports are revisited, and a homepage or a column is always tried)
            run.counts["dead_skipped"] += 1
            return None
        if run.counts["scheduled"] >= self.limits.requests:
            self.note_cut(run, f"request budget: {self.limits.requests} requests for this site", url, referer)
            return None
        host = urlsplit(fetch).netloc
        # One cookie jar and browser context per host:port (and one download slot, given by
        # govcrawl.slots): sites on one host (replicas on 127.0.0.1, a shared server) never mix
        # their challenge cookies.
        full_meta = {"site_id": run.site_id, "run_id": run.run_id, "kind": kind,
                     "cookiejar": host, "playwright_context": host}
        if kind != "attachment":  # pages: the page limit (attachments set their own, by type)
            full_meta["download_maxsize"] = self.settings.getint("GOVCRAWL_MAX_PAGE_BYTES", 8 * 1024 * 1024)
        full_meta.update(meta or {})
        return request_cls(fetch, callback=callback, errback=errback or self.on_error,
                           priority=PRIORITY.get(kind, 0), meta=full_meta, cb_kwargs=cb_kwargs or {},
                           dont_filter=dont_filter, **kwargs)

    def _on_scheduled(self, request, spider=None):
        site_id = request.meta.get("site_id")
        if site_id in self.runs:
            self.runs[site_id].counts["scheduled"] += 1
            self._dirty.add(site_id)

    def _on_dropped(self, request, spider=None):
        site_id = request.meta.get("site_id")
        if site_id in self.runs:
            self.runs[site_id].counts["scheduled"] -= 1

    def _on_opened(self, spider):
        if spider is not self:
            return
        for run in self.runs.values():
            self.crawler.signals.send_catch_log(signal=site_found, spider=self, site=run.site.info())
        self._saved_at = time.monotonic()

    def _on_response(self, response=None, request=None, spider=None):
        """Count the site's responses; keep the sites' state with the frontier (at most once a
        second), so a killed run resumes with what it had learned."""
        site_id = (request.meta if request is not None else {}).get("site_id")
        if site_id in self.runs:
            self.runs[site_id].counts["responses"] += 1
            self._dirty.add(site_id)
        if self.frontier is None or not self._dirty or time.monotonic() - getattr(self, "_saved_at", 0) < 1.0:
            return
        self.save_state()

    def save_state(self) -> None:
        if self.frontier is None or self.frontier.conn is None:
            return
        for site_id in list(self._dirty):
            self.frontier.save_site_state(site_id, self.runs[site_id])
        self._dirty.clear()
        self._saved_at = time.monotonic()

    def note_browser_host(self, request, reason: str) -> None:
        """The challenge middleware switched a host to 'browser always' (see challenge.py)."""
        run = self.site_of(request)
        run.needed_browser = True
        run.counts["browser_always"] += 1
        self.record_error(run, request.url, "challenge", reason)

    # -- errors --------------------------------------------------------------------------------
    def record_error(self, run: SiteRun, url: str, stage: str, reason: str, referer: str | None = None,
                     status: int | None = None) -> None:
        """Record something noticed outside a callback's yield (see signals.crawl_error)."""
        run.counts["errors"] += 1
        self.touch(run)
        self.crawler.signals.send_catch_log(
            signal=crawl_error, spider=self,
            error={"site_id": run.site_id, "run_id": run.run_id, "url": run.to_real(url)[:2000], "stage": stage,
                   "reason": reason, "referer": referer and run.to_real(referer), "status": status})

    def note_cut(self, run: SiteRun, reason: str, url: str, referer: str | None = None) -> None:
        """A budget or trap stopped a request: recorded once per site and reason."""
        self.crawler.stats.inc_value("govcrawl/cut")
        if run.cut(reason, url):
            self.record_error(run, url, "budget", reason, referer=referer)

    @staticmethod
    def describe_failure(failure) -> str:
        return failures.describe(failure)

    def error_item(self, failure, stage: str) -> CrawlErrorItem:
        run = self.site_of(failure)
        run.counts["errors"] += 1
        self.touch(run)
        response = getattr(failure.value, "response", None)
        request = failure.request
        chain = list(request.meta.get("redirect_urls") or [])
        reason = self.describe_failure(failure)
        if chain:  # name the URL the list or page linked, not the last hop
            reason = f"{reason} (after {len(chain)} redirect(s) from {run.to_real(chain[0])})"
        return CrawlErrorItem(
            url=run.to_real(chain[0] if chain else request.url),
            site_id=run.site_id,
            stage=stage,
            reason=reason,
            status=getattr(response, "status", None),
            referer=(request.headers.get(b"Referer") or b"").decode("latin-1") or None,
            run_id=run.run_id,
        )

    def on_error(self, failure):
        run = self.site_of(failure)
        request = failure.request
        reason = self.describe_failure(failure)
        self.logger.warning("fetch failed: %s (%s)", request.url, reason)
        if request.meta.get("kind") == "nav" and request.meta.get("homepage"):
            run.homepage_failure = reason
        yield self.error_item(failure, stage="fetch")
        if request.meta.get("kind") == "column":
            yield from self.rediscover(run, f"the 年报 column {request.url} failed ({reason})", request.url)


class CallbackErrors:
    """Spider middleware: an exception in a callback becomes a ``crawl_errors`` row (stage
    ``parse``) naming the page, and the crawl goes on."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_exception(self, response, exception, spider=None):
        spider = spider or self.crawler.spider
        if not isinstance(spider, PortalSpider) or not spider.runs:
            return None
        run = spider.site_of(response)
        spider.logger.error("callback failed on %s: %r", response.url, exception)
        spider.record_error(run, response.url, "parse",
                            f"page could not be read: {type(exception).__name__}: {str(exception)[:300]}",
                            status=response.status)
        return []
