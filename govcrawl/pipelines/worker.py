"""Read stage: extract -> normalize -> classify -> table cells, in a worker process.

The stages themselves are the pipelines of their own modules (extract.py, normalize.py,
classify.py, tables.py); this stage only sends the document to a worker (govcrawl.workers) and
waits without blocking the crawl. A document that times out or exhausts a worker's memory is
kept with what its list said about it, and the reason is recorded.
"""
from __future__ import annotations

import logging

from govcrawl.items import EMPTY_FIELDS, DocumentItem
from govcrawl.workers import DocumentPool, failure_reason, process_document

logger = logging.getLogger(__name__)


class ReadPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.pool: DocumentPool | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        self.pool = DocumentPool.from_settings(self.crawler.settings)

    def close_spider(self, spider=None):
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    async def process_item(self, item, spider=None):
        if not isinstance(item, DocumentItem) or item.processed:
            return item
        if self.pool is None:
            return process_document(item)
        try:
            done = await self.pool.process(item)
        except Exception as exc:  # the document failed alone; the crawl goes on
            reason = failure_reason(exc, self.pool.timeout)
            logger.warning("%s: %s", item.url, reason)
            self.crawler.stats.inc_value("govcrawl/read/failed")
            item.errors.append(f"read: {reason}")
            item.record = {k: None for k in EMPTY_FIELDS} | {"title": item.list_title, "body_text": "",
                                                             "published_date": item.list_date, "attachments": []}
            item.raw = b""
            for att in item.attachments:
                att.raw = None
            item.processed = True
            return item
        for error in done.errors:
            if error.startswith("extract:"):
                self.crawler.stats.inc_value("govcrawl/extract/failed")
            elif error.startswith("attachment"):
                self.crawler.stats.inc_value("govcrawl/attachment/failed")
        return done
