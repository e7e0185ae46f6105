"""Run spiders from Python (the CLI and the tests), with the project's settings."""
from __future__ import annotations

import os

from scrapy.crawler import CrawlerProcess
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from govcrawl.registry import Site

# Fast settings for replicas on 127.0.0.1: politeness is for real portals.
LOCAL_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "RETRY_TIMES": 1,
    "LOG_LEVEL": "WARNING",
}


def project_settings(overrides: dict | None = None):
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "govcrawl.settings")
    settings = get_project_settings()
    if overrides:
        settings.setdict(overrides, priority="cmdline")
    return settings


def spider_names() -> list[str]:
    return sorted(n for n in SpiderLoader.from_settings(project_settings()).list() if n != "registry")


def _overrides(db: str, archive_dir: str, local: bool, extra_settings: dict | None, job_dir: str | None) -> dict:
    overrides = {"GOVCRAWL_DB": db, "GOVCRAWL_ARCHIVE_DIR": archive_dir}
    if local:
        overrides.update(LOCAL_SETTINGS)
    if job_dir:
        overrides["GOVCRAWL_JOB_DIR"] = job_dir
    overrides.update(extra_settings or {})
    return overrides


def run_crawl(
    names: list[str],
    base_urls: dict[str, str] | None = None,
    db: str = "metadata.db",
    archive_dir: str = "archive",
    local: bool = False,
    extra_settings: dict | None = None,
    job_dir: str | None = None,
    sites: list[Site] | None = None,
) -> dict:
    """Crawl the named per-site spiders and, when ``sites`` are given, every registry site, in
    one process; return each spider's final stats (the registry's under "registry")."""
    settings = project_settings(_overrides(db, archive_dir, local, extra_settings, job_dir))
    loader = SpiderLoader.from_settings(settings)
    process = CrawlerProcess(settings)
    crawlers = {}
    for name in names:
        kwargs = {}
        if base_urls and name in base_urls:
            kwargs["base_url"] = base_urls[name]
        crawler = process.create_crawler(loader.load(name))
        crawlers[name] = crawler
        process.crawl(crawler, **kwargs)
    if sites:
        from govcrawl.platforms.base import RegistrySpider

        crawler = process.create_crawler(RegistrySpider)
        crawlers["registry"] = crawler
        process.crawl(crawler, sites=sites)
    process.start()
    return {name: crawler.stats.get_stats() for name, crawler in crawlers.items()}
