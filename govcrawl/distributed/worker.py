"""A worker of a distributed crawl: ``govcrawl crawl --sites F.csv --redis URL --worker``.

The worker is the registry spider with the distributed components swapped in (settings below):
the shared frontier, the shared politeness, and the forward pipeline in place of the store.
Documents are still read in the worker's own process pool, so the writer only dedupes and
stores. WARC files are the worker's own (``GOVCRAWL_WORKER_ID`` in their names), in its
``--archive`` directory; gather them under one archive directory for the writer's database.
"""
from __future__ import annotations

import os

from govcrawl.archive import new_run_id
from govcrawl.distributed import cluster


def worker_settings(base, redis_url: str, crawl_name: str, worker_id: str) -> dict:
    """Setting overrides that turn a crawl process into a worker."""
    keys = cluster.Keys(crawl_name)
    pipelines = dict(base.getdict("ITEM_PIPELINES"))
    for name in ("govcrawl.pipelines.tables.TablesPipeline", "govcrawl.pipelines.dedupe.DedupePipeline",
                 "govcrawl.pipelines.store.StorePipeline"):
        pipelines.pop(name, None)   # they need the database: the writer runs them
    pipelines["govcrawl.distributed.forward.ForwardPipeline"] = 900
    downloader = dict(base.getdict("DOWNLOADER_MIDDLEWARES"))
    downloader["govcrawl.robots.RobotsPolicyMiddleware"] = None
    downloader["govcrawl.distributed.politeness.SharedRobotsPolicy"] = 100
    downloader["govcrawl.distributed.politeness.SharedHostLimiter"] = 945
    spider_mw = dict(base.getdict("SPIDER_MIDDLEWARES"))
    spider_mw["govcrawl.distributed.scheduler.StartDone"] = 10
    extensions = dict(base.getdict("EXTENSIONS"))
    extensions["govcrawl.health.HealthExtension"] = None   # health and monitors: in the writer
    extensions["spidermon.contrib.scrapy.extensions.Spidermon"] = None
    return {
        "SCHEDULER": "govcrawl.distributed.scheduler.DistributedScheduler",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_KEY": keys.requests,
        "SCHEDULER_DUPEFILTER_KEY": keys.dupefilter,
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "REDIS_URL": redis_url,
        "GOVCRAWL_CRAWL_NAME": crawl_name,
        "GOVCRAWL_WORKER_ID": worker_id,
        "GOVCRAWL_DB": os.devnull,   # a worker never opens the database
        "ITEM_PIPELINES": pipelines,
        "DOWNLOADER_MIDDLEWARES": downloader,
        "SPIDER_MIDDLEWARES": spider_mw,
        "EXTENSIONS": extensions,
    }


def run_worker(sites, redis_url: str, archive_dir: str = "archive", crawl_name: str = "registry",
               worker_id: str | None = None, extra_settings: dict | None = None) -> dict:
    """Crawl from the shared frontier until the cluster is done; return the worker's stats."""
    from scrapy.crawler import CrawlerProcess

    from govcrawl.crawl import project_settings
    from govcrawl.platforms.base import RegistrySpider

    worker_id = worker_id or cluster.new_worker_id()
    base = project_settings(extra_settings)
    settings = project_settings({"GOVCRAWL_ARCHIVE_DIR": archive_dir, **(extra_settings or {}),
                                 **worker_settings(base, redis_url, crawl_name, worker_id)})
    server = cluster.connect(redis_url)
    crawl_id = cluster.crawl_id(server, cluster.Keys(crawl_name), new_run_id())
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(RegistrySpider)
    process.crawl(crawler, sites=sites, run_id=crawl_id)
    process.start()
    return crawler.stats.get_stats()


def cmd_worker(args, sites, extra: dict) -> int:
    import sys

    try:
        cluster.connect(args.redis).ping()
    except Exception as exc:  # one line, no traceback: the operator's Redis is not there
        print(f"cannot reach Redis at {args.redis}: {exc}", file=sys.stderr)
        return 2
    try:
        stats = run_worker(sites, args.redis, archive_dir=args.archive, crawl_name=args.crawl_name,
                           worker_id=args.worker_id, extra_settings=extra)
    except KeyboardInterrupt:
        return 130
    reason = stats.get("finish_reason")
    print(f"worker: finish={reason} responses={stats.get('response_received_count', 0)} "
          f"items={stats.get('item_scraped_count', 0)} (written by `govcrawl writer`)")
    return 0 if reason == "finished" else 3
