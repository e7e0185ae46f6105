"""A worker's side of the single writer: everything the store would write goes to Redis instead.

In a one-process crawl the store pipeline writes items and listens to the crawl's signals
(captures archived, errors, sites found, list validators). A worker has no database: this
pipeline sends the same things, in the order they happen, to one Redis list that
``govcrawl writer`` reads. Items have already been read in the worker's process pool (extract …
table cells), so the writer only dedupes and stores. When the worker closes it sends its stats
(field counters, responses) and its finish reason.
"""
from __future__ import annotations

import logging

from scrapy import signals

from govcrawl.distributed import cluster
from govcrawl.signals import connect_stored

logger = logging.getLogger(__name__)
# Stats a worker hands the writer for the run report and the monitors.
FORWARDED_STATS = ("govcrawl/field/", "response_received_count", "item_scraped_count", "downloader/request_count",
                   "robotstxt/", "govcrawl/cut", "govcrawl/rendered_lists", "scheduler/dequeued/redis")


class ForwardPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.server = cluster.connect(settings.get("REDIS_URL"))
        self.keys = cluster.Keys(settings.get("GOVCRAWL_CRAWL_NAME") or "registry")
        self.worker = settings.get("GOVCRAWL_WORKER_ID")

    @classmethod
    def from_crawler(cls, crawler):
        pipe = cls(crawler)
        connect_stored(crawler, pipe)
        crawler.signals.connect(pipe.on_closed, signal=signals.spider_closed)
        return pipe

    def send(self, kind: str, **body) -> None:
        self.server.rpush(self.keys.events, cluster.dumps({"type": kind, "worker": self.worker, **body}))

    def on_capture(self, capture, spider=None):
        self.send("capture", capture=capture)

    def on_error(self, error, spider=None):
        self.send("error", error=error)

    def on_page(self, page, spider=None):
        self.send("page", page=page)

    def on_cookies(self, host, cookies, spider=None):
        self.send("cookies", host=host, cookies=cookies)

    def on_browser_host(self, host, spider=None):
        self.send("browser_host", host=host)

    def on_site(self, site, spider=None):
        spider = spider or self.crawler.spider
        run = spider.runs.get(site["site_id"]) if hasattr(spider, "runs") else None
        self.send("site", site=site, run_id=run.run_id if run else None, crawl_id=spider.run_id, spider=spider.name)

    def process_item(self, item, spider=None):
        self.send("item", item=item)
        return item

    def on_closed(self, spider, reason):
        stats = {k: v for k, v in self.crawler.stats.get_stats().items()
                 if k.startswith(FORWARDED_STATS) and isinstance(v, (int, float))}
        self.send("closed", reason=reason, stats=stats)
