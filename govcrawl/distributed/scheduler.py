"""The shared frontier of a distributed crawl: scrapy-redis's Scheduler and RFPDupeFilter, with
the bookkeeping several workers need (see the package doc).

scrapy-redis alone loses the requests a killed worker had popped, lets the first worker that
goes idle close while others are still finding links, and knows nothing of govcrawl's per-site
state. Here:

- a request is popped and claimed in one Redis script (``cluster.CLAIM``), and released only
  when the engine lets go of it; a dead worker's claims are queued again by whoever notices;
- a worker goes idle only when the cluster is (no queued or claimed request anywhere, no worker
  still queueing its start requests); while others work it polls the queue four times a second;
- the first time a worker queues a request of a site, the site's state goes to Redis, so a
  worker that pops a request of a site it never met (a subsite another worker found) adopts it;
- the budgets of each site (requests, navigation pages, list pages per column and per site,
  columns scanned for misfiled reports) are counted in Redis over all workers, and each page of an
  ASP.NET postback list is asked once over all workers (postbacks are POSTs that bypass the
  duplicate filter; a worker's memory of the pages it asked cannot see the others');
- the spider's periodic state saves (``spider.frontier.save_site_state``) go to Redis, where the
  writer merges them.
"""
from __future__ import annotations

import dataclasses
import logging
from collections import Counter

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from govcrawl.distributed import cluster
from govcrawl.frontier import _DoneOnRemove

logger = logging.getLogger(__name__)
TICK_SECONDS = 0.25


def adoptable(run):
    """A site's state as another worker should take it up: what was learned, none of the counts
    (each worker counts only its own work; the writer sums them)."""
    return dataclasses.replace(run, counts=Counter(), column_pages=Counter())


class DistributedScheduler(Scheduler):
    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        scheduler.keys = cluster.Keys(crawler.settings.get("GOVCRAWL_CRAWL_NAME") or "registry")
        scheduler.worker = crawler.settings.get("GOVCRAWL_WORKER_ID") or cluster.new_worker_id()
        scheduler.published: set[str] = set()
        scheduler.conn = scheduler.server   # spider.save_state() writes while this is set
        scheduler.loop = None
        scheduler.beats = 0
        crawler.signals.connect(scheduler._on_idle, signal=signals.spider_idle)
        return scheduler

    # -- lifecycle ---------------------------------------------------------------------------
    def open(self, spider):
        super().open(spider)
        keys, worker = self.keys, self.worker
        self.server.sadd(keys.workers, worker)
        self.server.set(keys.alive(worker), "1", ex=cluster.HEARTBEAT_SECONDS)
        self.server.set(keys.starting(worker), "1", ex=24 * 3600)
        memory = self.server.get(keys.memory)
        if memory is not None:
            spider.memory = cluster.loads(memory)
        else:
            logger.warning("no writer has published what earlier crawls knew (start `govcrawl writer` first): "
                           "every site is walked from its homepage")
        spider.frontier = self
        slot = self.crawler.engine._slot  # the engine's in-progress set says when a request is done
        slot.inprogress = _DoneOnRemove(slot.inprogress, self._done)
        self.loop = task.LoopingCall(self._tick)
        self.loop.start(TICK_SECONDS, now=False)

    def close(self, reason):
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        spider = self.spider
        for site_id, run in getattr(spider, "runs", {}).items():
            self.save_site_state(site_id, run)
        keys, worker = self.keys, self.worker
        if reason != "finished":  # what this worker had claimed goes back for the others
            n = self.server.eval(cluster.REQUEUE, 3, keys.requests, keys.inflight(worker), keys.inflight_score(worker))
            if n:
                logger.info("%d claimed request(s) queued again for the other workers", n)
        self.server.hset(keys.closed, worker, reason)
        self.server.delete(keys.alive(worker), keys.starting(worker))
        self.conn = None

    def _tick(self):
        self.beats += 1
        if self.beats % int(5 / TICK_SECONDS) == 0:
            self.server.set(self.keys.alive(self.worker), "1", ex=cluster.HEARTBEAT_SECONDS)
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and slot.closing is None:
            slot.nextcall.schedule()

    def _on_idle(self, spider):
        if cluster.cluster_busy(self.server, self.keys):
            raise DontCloseSpider

    # -- the queue ---------------------------------------------------------------------------
    def enqueue_request(self, request):
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        site_id = request.meta.get("site_id")
        runs = getattr(self.spider, "runs", {})
        run = runs.get(site_id)
        if run is not None and site_id not in self.published:
            self.server.hsetnx(self.keys.sites, site_id, cluster.dumps(adoptable(run)))
            self.published.add(site_id)
        page = request.meta.get("postback_page")
        if run is not None and page is not None and not self.server.sadd(
                self.keys.postbacks, f"{run.to_real(request.url)}|{page}"):
            return False  # another worker asked this page of the ASP.NET list already
        over = self.over_budget(request, run) if run is not None else None
        if over is not None:
            if over:
                self.spider.note_cut(run, over, run.to_real(request.url))
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def over_budget(self, request, run) -> str | None:
        """The per-site budget this request would pass, counted over all workers: its reason
        ("" for a silent limit), or None when within. Each worker checks the same budgets
        against what it asked itself (govcrawl.platforms.budget); without this, N workers would
        spend N budgets, and which pages past the limit got fetched would depend on which worker
        read which page."""
        limits = self.spider.limits
        kind = request.meta.get("kind")
        cb = request.cb_kwargs or {}
        column = cb.get("column")
        counters = [("requests", limits.requests, f"request budget: {limits.requests} requests for this site")]
        if kind in ("nav", "subsite"):
            counters.append(("nav", limits.nav_pages, f"navigation budget: {limits.nav_pages} pages looked at "
                                                      "without more to find"))
        if column and kind in ("column", "list", "scan"):
            scan = cb.get("mode") == "scan"
            first = run.to_real(request.url) == column and request.method == "GET"
            if first and scan:
                counters.append(("scan_columns", limits.scan_columns, ""))
            if not first:
                counters.append(("list_pages", limits.list_pages,
                                 f"list page budget: {limits.list_pages} list pages for this site"))
                cap = limits.scan_pages if scan else limits.column_pages
                counters.append((f"column {column}", cap - 1, "" if scan else
                                 f"list page budget: {cap} pages of the column {column}"))
        key = f"{self.keys.budget}:{run.site_id}"
        for name, cap, reason in counters:
            if self.server.hincrby(key, name, 1) > cap:
                return reason
        return None

    def next_request(self):
        keys, worker = self.keys, self.worker
        while True:
            found = self.server.eval(cluster.CLAIM, 4, keys.requests, keys.inflight(worker),
                                     keys.inflight_score(worker), keys.seq)
            if not found:
                return None
            token, blob = found
            try:
                request = self.queue._decode_request(blob)
            except Exception as exc:  # a request this code cannot rebuild: recorded, dropped
                logger.error("queued request cannot be rebuilt: %s", exc)
                self._release(token)
                continue
            request.meta["govcrawl_claim"] = token
            self.adopt(request.meta.get("site_id"))
            if self.stats:
                self.stats.inc_value("scheduler/dequeued/redis")
            return request

    def adopt(self, site_id: str | None) -> None:
        """Take up a site another worker found, as it was when it first queued a request."""
        spider = self.spider
        if not site_id or site_id in spider.runs:
            return
        blob = self.server.hget(self.keys.sites, site_id)
        if blob is None:
            logger.error("request for unknown site %s: its state never reached Redis", site_id)
            return
        spider.restore({site_id: cluster.loads(blob)})
        self.published.add(site_id)

    def _done(self, request) -> None:
        token = request.meta.get("govcrawl_claim")
        if token is None:
            return
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and slot.closing is not None:
            return  # an interrupted download: its claim is queued again on close
        self._release(token)

    def _release(self, token) -> None:
        pipe = self.server.pipeline()
        pipe.hdel(self.keys.inflight(self.worker), token)
        pipe.hdel(self.keys.inflight_score(self.worker), token)
        pipe.execute()

    def has_pending_requests(self):
        return self.server.zcard(self.keys.requests) > 0

    # -- per-site state, saved by the spider (PortalSpider.save_state) -----------------------
    def save_site_state(self, site_id: str, state) -> None:
        self.server.hset(self.keys.state(self.worker), site_id, cluster.dumps(state))


class StartDone:
    """Spider middleware: tell the cluster when this worker's start requests are all queued
    (until then, other workers must not take an empty queue for the end of the crawl)."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.server = cluster.connect(settings.get("REDIS_URL"))
        self.key = cluster.Keys(settings.get("GOVCRAWL_CRAWL_NAME") or "registry").starting(
            settings.get("GOVCRAWL_WORKER_ID"))

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_start(self, start):
        async for item_or_request in start:
            yield item_or_request
        self.server.delete(self.key)
