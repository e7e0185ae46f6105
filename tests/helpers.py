"""Test helpers: saved pages as Scrapy responses (city-scrapers style)."""
from __future__ import annotations

from pathlib import Path

from scrapy.http import HtmlResponse, Request, TextResponse

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REALPAGES = SHARED / "realpages"
SEEDS = SHARED / "seeds"
FILES = Path(__file__).resolve().parent / "files"


def file_response(path: str | Path, url: str, encoding: str | None = None, meta: dict | None = None,
                  cls=HtmlResponse) -> TextResponse:
    """A response for a saved page, as if fetched from ``url``."""
    body = Path(path).read_bytes()
    request = Request(url, meta=meta or {})
    kwargs = {"encoding": encoding} if encoding else {}
    return cls(url=url, body=body, request=request, **kwargs)


def make_spider(spider_cls, settings_overrides: dict | None = None, **kwargs):
    """A spider bound to a crawler with the project's settings, as `scrapy crawl` builds it."""
    from scrapy.utils.reactor import install_reactor, is_reactor_installed
    from scrapy.utils.test import get_crawler

    from govcrawl.crawl import project_settings

    settings = project_settings(settings_overrides)
    if not is_reactor_installed():
        install_reactor(settings["TWISTED_REACTOR"])
    crawler = get_crawler(spider_cls, settings_dict=dict(settings))
    crawler.stats.open_spider()
    return spider_cls.from_crawler(crawler, **kwargs)


def requests_and_items(results):
    """Split a callback's output into (requests, items)."""
    from scrapy import Request as ScrapyRequest

    results = list(results)
    return ([r for r in results if isinstance(r, ScrapyRequest)],
            [r for r in results if not isinstance(r, ScrapyRequest)])


def spider_file(site: str, name: str) -> Path:
    return FILES / "spiders" / site / name
