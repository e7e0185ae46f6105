"""Make a spider that suddenly finds nothing loud, instead of failing silently after a redesign."""
import logging
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.engine import format_engine_status
from twisted.internet import task

logger = logging.getLogger(__name__)


class EmptyCrawlMonitor:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats
        if spider.name == "registry":
            return  # a registry crawl: each site's outcome and reason are in crawl_runs
        if not stats.get_value("govcrawl/list_entries"):
            stats.set_value("govcrawl/empty_crawl", 1)
            logger.error(
                "%s found no report list entries: the portal may have changed its layout "
                "(list pages seen: %s)", spider.name, stats.get_value("govcrawl/list_pages", 0))


GRACE_SECONDS = 60  # default GOVCRAWL_STALL_GRACE_SECONDS: from closing a stalled crawl to stopping the process


class StallWatchdog:
    """End a crawl that has stopped moving: requests are in progress, yet nothing has been
    downloaded for ``GOVCRAWL_STALL_SECONDS`` (default 600). Something awaited forever (a browser
    page that never settles, a lost callback) must not keep a scheduled crawl open for days;
    the engine's state is logged, and the spider closes with reason ``stalled`` (the run is
    marked failed; with ``--job-dir`` the next run takes up the requests left). Scrapy's
    CLOSESPIDER_TIMEOUT_NO_ITEM is no substitute: a portal may rightly yield no item for a long
    while, but a crawl that downloads nothing at all is stuck."""

    def __init__(self, crawler, limit: float, grace: float = GRACE_SECONDS):
        self.crawler = crawler
        self.limit = limit
        self.grace = grace
        self.last = None
        self.task = None

    @classmethod
    def from_crawler(cls, crawler):
        limit = crawler.settings.getfloat("GOVCRAWL_STALL_SECONDS", 600)
        if limit <= 0:
            raise NotConfigured
        ext = cls(crawler, limit, crawler.settings.getfloat("GOVCRAWL_STALL_GRACE_SECONDS", GRACE_SECONDS))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.moved, signal=signals.response_received)
        crawler.signals.connect(ext.moved, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        self.last = time.monotonic()
        self.task = task.LoopingCall(self.check, spider)
        self.task.start(min(60.0, self.limit / 4), now=False)

    def moved(self, *args, **kwargs):
        self.last = time.monotonic()

    def check(self, spider):
        engine = self.crawler.engine
        if engine is None or time.monotonic() - self.last < self.limit:
            return
        slot = getattr(engine, "_slot", None)
        scraping = getattr(engine.scraper, "slot", None)
        busy = bool(getattr(slot, "inprogress", None) or engine.downloader.active
                    or (scraping is not None and not scraping.is_idle()))
        if not busy:
            self.last = time.monotonic()  # waiting for work (a worker on a shared frontier), not stuck
            return
        logger.error("crawl stalled: nothing downloaded for %.0f s; closing the spider.\n%s",
                     time.monotonic() - self.last, format_engine_status(engine))
        self.crawler.stats.set_value("govcrawl/stalled", 1)
        self.stop()
        from twisted.internet import reactor  # the one the crawler installed, not a default

        deferred_from_coro(engine.close_spider_async(reason="stalled"))
        # Closing waits for the requests in progress, which will never finish: let them go.
        for request in list(getattr(slot, "inprogress", ())):
            slot.remove_request(request)
        reactor.callLater(self.grace, self.force_stop)

    def force_stop(self):
        """A callback that never returns holds the close too: stop the process. Everything stored
        so far is in the database; the next run marks this one as killed and, with --job-dir,
        resumes its frontier."""
        from twisted.internet import reactor

        if self.crawler.engine is not None and self.crawler.engine.spider is not None and reactor.running:
            logger.error("the stalled crawl did not close within %.0f s: stopping the process", self.grace)
            reactor.stop()

    def stop(self):
        if self.task is not None and self.task.running:
            self.task.stop()

    def spider_closed(self, spider):
        self.stop()
