"""Chromium for the pages that need it, started only when one does.

scrapy-playwright starts its Playwright driver (a Node process of about 120 MB) when the engine
starts, once per URL scheme, whether or not any request asks for a browser. Most portals never
do, so ``LazyBrowserHandler`` keeps scrapy-playwright's handler and changes only that: the
driver and Chromium start on the first request with ``meta["playwright"]``, and the http and
https handlers of one crawler share one driver and one browser.

Requests go to Chromium without ``If-None-Match`` / ``If-Modified-Since``: a browser navigating
to a page that answers 304 shows an empty page and aborts (net::ERR_ABORTED), so a known page
asked through the browser is always asked in full.

The browser context takes the crawler's ``USER_AGENT``, so a challenge cookie that a portal binds
to the User-Agent stays valid for the plain requests that follow.
"""
from __future__ import annotations

import asyncio

from scrapy import signals
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

CONDITIONAL_HEADERS = (b"If-None-Match", b"If-Modified-Since")
STEP_SECONDS = 20  # the longest one browser operation may take (within)

# crawler id -> the handler instance that owns the driver for that crawler
_PRIMARY: dict[int, "LazyBrowserHandler"] = {}


class LazyBrowserHandler(ScrapyPlaywrightDownloadHandler):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        for receiver in (self._maybe_launch_in_thread, self._engine_started):
            crawler.signals.disconnect(receiver, signals.engine_started)
        self._key = id(crawler)
        self._launched = False
        self._lazy_lock = asyncio.Lock()
        _PRIMARY.setdefault(self._key, self)
        self._user_agent = crawler.settings.get("USER_AGENT")

    async def _create_browser_context(self, name, context_kwargs, spider=None):
        """Every context (one per host:port) shows the crawler's User-Agent."""
        kwargs = dict(context_kwargs or {})
        kwargs.setdefault("user_agent", self._user_agent)
        return await super()._create_browser_context(name=name, context_kwargs=kwargs, spider=spider)

    async def _ensure_launched(self) -> None:
        async with self._lazy_lock:
            if not self._launched:
                self.stats.inc_value("govcrawl/browser_started")
                await self._launch()
                self._launched = True

    async def _download_request(self, request, spider=None):
        primary = _PRIMARY.get(self._key, self)
        if primary is not self:
            return await primary._download_request(request, spider)
        await self._ensure_launched()
        for name in CONDITIONAL_HEADERS:
            request.headers.pop(name, None)
        return await super()._download_request(request, spider)

    async def _close(self) -> None:
        if _PRIMARY.get(self._key) is self:
            _PRIMARY.pop(self._key, None)
        if self._launched:
            await super()._close()


# What a page shows needs its markup and scripts; pictures, fonts and style sheets only cost
# requests (a portal's logo and banner on every rendered page) and are never archived.
SKIPPED_RESOURCES = {"image", "media", "font", "stylesheet"}


async def abort_request(request) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: what govcrawl.safety refuses (including names that resolve to
    private addresses, which Chromium would resolve itself), and resources no reading needs."""
    from govcrawl.safety import abort_browser_request, host_of, resolves_privately

    if abort_browser_request(request):
        return True
    if getattr(request, "resource_type", None) in SKIPPED_RESOURCES:
        return True
    return await resolves_privately(host_of(request.url)) is not None  # data:, blob: have no host


async def within(awaitable, seconds: float = STEP_SECONDS):
    """Await one browser operation for at most ``seconds``: page.evaluate and page.content have
    no timeout of their own, and a page whose script never yields would hold the crawl forever."""
    return await asyncio.wait_for(awaitable, seconds)
