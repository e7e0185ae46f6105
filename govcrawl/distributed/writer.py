"""The one process that writes metadata.db for a distributed crawl (``govcrawl writer``).

It publishes what earlier crawls of the database knew (known columns, report URLs and their
validators) for the workers, then reads their messages from Redis in order and applies them with
the stages a one-process crawl uses: table checks, dedupe and the store. When every worker has
closed (or died), it merges the workers' per-site states — counts summed, columns, readers,
cuts and subsites united — and closes each site's run with the outcome the merged state and the
documents that reached it give; then site health, the monitors and the run report, as
``govcrawl crawl`` prints them.

A crawl that ended cleanly has its Redis keys removed, so the next scheduled crawl starts afresh.
One that was interrupted keeps them: start the workers and the writer again to finish it.
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from types import SimpleNamespace

from scrapy.statscollectors import MemoryStatsCollector

from govcrawl.archive import new_run_id
from govcrawl.distributed import cluster

logger = logging.getLogger(__name__)


def merge_run(into, other) -> None:
    """Fold another worker's state of a site into ``into`` (see module doc)."""
    into.counts.update(other.counts)
    into.column_pages.update(other.column_pages)
    for url, title in other.columns.items():
        into.columns.setdefault(url, title)
    for name in ("other_columns", "scan_columns", "readers", "extra_hosts"):
        getattr(into, name).update(getattr(other, name))
    for name in ("query_variety", "postback_pages"):
        mine = getattr(into, name)
        for key, values in getattr(other, name).items():
            mine.setdefault(key, set()).update(values)
    for reason, url in other.cuts.items():
        into.cuts.setdefault(reason, url)
    into.subsites.update(other.subsites)
    into.homepage_failure = into.homepage_failure or other.homepage_failure
    into.needed_browser = into.needed_browser or other.needed_browser
    into.recrawl = into.recrawl or other.recrawl
    into.walked = into.walked or other.walked


class Writer:
    def __init__(self, redis_url: str, db: str, crawl_name: str = "registry", settings=None):
        from govcrawl.crawl import project_settings
        from govcrawl.pipelines.dedupe import DedupePipeline
        from govcrawl.pipelines.store import StorePipeline
        from govcrawl.pipelines.tables import TablesPipeline

        self.server = cluster.connect(redis_url)
        self.keys = cluster.Keys(crawl_name)
        self.db = db
        self.settings = settings or project_settings({"GOVCRAWL_DB": db})
        self.crawl_id = cluster.crawl_id(self.server, self.keys, new_run_id())
        # What the store and tables stages read of "the spider": its name, run id and site states.
        self.view = SimpleNamespace(name="registry", run_id=self.crawl_id, runs={})
        self.crawler = SimpleNamespace(settings=self.settings, spider=self.view)
        self.crawler.stats = MemoryStatsCollector(self.crawler)
        self.store = StorePipeline(self.crawler)
        self.dedupe = DedupePipeline(db, self.crawler)
        self.tables = TablesPipeline(db, self.crawler)
        self.started: set[str] = set()
        self.applied = Counter()

    # -- before the workers ------------------------------------------------------------------
    def publish_memory(self) -> None:
        from govcrawl.recrawl import load_memory

        self.server.set(self.keys.memory, cluster.dumps(load_memory(self.db)))

    # -- the messages ------------------------------------------------------------------------
    def apply(self, event: dict) -> None:
        kind = event.get("type")
        self.applied[kind] += 1
        store = self.store.store
        if kind == "site":
            site = event["site"]
            store.upsert_site(site)
            if event.get("run_id") and site["site_id"] not in self.started:
                self.started.add(site["site_id"])
                store.start_run(event["run_id"], site["site_id"], crawl_id=event.get("crawl_id"),
                                spider=event.get("spider"))
        elif kind == "capture":
            self.store.on_capture(event["capture"])
        elif kind == "error":
            self.store.on_error(event["error"], spider=self.view)
        elif kind == "page":
            self.store.on_page(event["page"])
        elif kind == "cookies":  # challenge cookies, and hosts that need Chromium, for the next run
            self.store.on_cookies(event["host"], event["cookies"])
        elif kind == "browser_host":
            self.store.on_browser_host(event["host"])
        elif kind == "item":
            item = self.tables.process_item(event["item"])
            item = self.dedupe.process_item(item)
            self.store.process_item(item, spider=self.view)
        elif kind == "closed":
            for key, value in (event.get("stats") or {}).items():
                self.crawler.stats.inc_value(key, value)
        else:
            logger.error("unknown message from worker %s: %r", event.get("worker"), kind)

    def drain(self) -> int:
        """Apply every message waiting; return how many."""
        n = 0
        while True:
            blobs = self.server.lpop(self.keys.events, cluster.EVENTS_CHUNK)
            if not blobs:
                return n
            for blob in blobs:
                try:
                    self.apply(cluster.loads(blob))
                except Exception:  # one bad message is logged; the others are still written
                    logger.exception("a worker message could not be written")
                    self.crawler.stats.inc_value("govcrawl/writer/failed_messages")
                n += 1

    def finished(self) -> bool:
        """Every worker that joined has closed or died (and at least one joined)."""
        cluster.requeue_dead(self.server, self.keys)
        workers = {w.decode() for w in self.server.smembers(self.keys.workers)}
        if not workers and not self.server.scard(self.keys.dead):
            return False
        closed = {w.decode() for w in self.server.hkeys(self.keys.closed)}
        return workers <= closed

    def run(self, wait_for_workers: float | None = None, poll: float = 0.2) -> dict:
        """Write until the crawl is over; return the run's stats (as ``govcrawl crawl`` has them)."""
        self.store.open_spider(self.view)
        self.publish_memory()
        began = time.monotonic()
        while True:
            if self.drain():
                continue
            if self.finished():
                self.drain()
                break
            if wait_for_workers and not self.server.scard(self.keys.workers) and not self.server.scard(
                    self.keys.dead) and time.monotonic() - began > wait_for_workers:
                logger.error("no worker joined crawl %s within %.0f s", self.keys.prefix, wait_for_workers)
                break
            time.sleep(poll)
        return self.finish()

    # -- after the workers -------------------------------------------------------------------
    def merged_runs(self) -> dict:
        runs: dict = {}
        for raw in self.server.scan_iter(match=self.keys.state("*"), count=1000):
            for site_id, blob in self.server.hgetall(raw).items():
                state = cluster.loads(blob)
                site_id = site_id.decode()
                if site_id in runs:
                    merge_run(runs[site_id], state)
                else:
                    runs[site_id] = state
        return runs

    def finish_reason(self) -> str:
        """finished when the workers that closed all finished: a worker closes "finished" only
        when the cluster is idle, so the claims of any worker that died were done by others."""
        reasons = {v.decode() for v in self.server.hvals(self.keys.closed)}
        if not reasons:
            return "killed" if self.server.scard(self.keys.dead) else "shutdown"
        return "finished" if reasons == {"finished"} else sorted(reasons - {"finished"})[0]

    def finish(self) -> dict:
        from govcrawl.health import Thresholds, classify_crawl, record_summary, summary
        from govcrawl.monitors import failed

        stats = self.crawler.stats
        reason = self.finish_reason()
        stats.set_value("finish_reason", reason)
        self.view.runs = self.merged_runs()
        if self.view.runs:
            self.tables.close_spider(self.view)
        self.store.close_spider(self.view)
        stats.set_value("govcrawl/crawl_id", self.crawl_id)
        stats.set_value("govcrawl/workers", self.server.scard(self.keys.workers) + self.server.scard(self.keys.dead))
        stats.set_value("govcrawl/workers/dead", [w.decode() for w in self.server.smembers(self.keys.dead)])
        for kind, n in self.applied.items():
            stats.set_value(f"govcrawl/writer/{kind}", n)
        record_summary(stats, summary(classify_crawl(self.db, self.crawl_id, Thresholds.from_settings(self.settings))))
        problems = failed(stats.get_stats(), self.settings)
        if problems:
            stats.set_value("govcrawl/monitors/failed", [c.name for c in problems])
            stats.set_value("govcrawl/monitors/messages", [c.message for c in problems])
        if reason == "finished" and not self.server.zcard(self.keys.requests):
            keys = self.keys.all_keys(self.server)
            if keys:
                self.server.delete(*keys)
        return stats.get_stats()
