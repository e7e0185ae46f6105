"""A bare Scrapy spider that makes a given list of GET requests and does nothing with the answers:
the yardstick of bench_throughput.py (same requests as the full pipeline, no pipelines, no
archive, no extraction). ``python -m tests.simnet.barespider SPEC.json``; SPEC holds "urls" and
"settings" (the concurrency the full crawl ran with)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import scrapy
from scrapy.crawler import CrawlerProcess


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: list[str], **kwargs):
        super().__init__(**kwargs)
        self.urls = urls

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse, errback=self.failed, dont_filter=True)

    def parse(self, response):
        self.crawler.stats.inc_value("bare/responses")

    def failed(self, failure):
        self.crawler.stats.inc_value("bare/failures")


def main(spec_file: str) -> None:
    spec = json.loads(Path(spec_file).read_text("utf-8"))
    settings = {"LOG_LEVEL": "WARNING", "ROBOTSTXT_OBEY": False, "TELNETCONSOLE_ENABLED": False,
                "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7", **spec["settings"]}
    process = CrawlerProcess(settings)
    process.crawl(BareSpider, urls=spec["urls"])
    process.start()


if __name__ == "__main__":
    main(sys.argv[1])
