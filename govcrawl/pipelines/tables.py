"""Tables stage: the standard statistical tables of a report as numbers, and their 勾稽关系 checks.

The cross-year carry check needs the publisher's previous report, which a crawl may store after
this one (lists run newest first), so it is computed again for the whole site when the spider
closes.
"""
from __future__ import annotations

import logging

from govcrawl.pipelines import documents_only
from govcrawl.storage import shared_store
from govcrawl.tables.checks import run_checks

logger = logging.getLogger(__name__)
CROSS_YEAR = "cross_year.carry"


def read_cells(item) -> None:
    """The report's table cells (pure: runs in a worker process or here)."""
    record = item.record
    if not record.get("is_annual_report"):
        return
    try:
        # The page's own tables first (page_cells: its text, when the body came from an
        # attachment), then the attachments' grids and text.
        from govcrawl.process import page_cells  # the reading stages: loaded where documents are read

        item.stats = page_cells(record, [(att.tables, att.text) for att in item.attachments])
    except Exception as exc:
        logger.exception("table parsing failed for %s", item.url)
        item.errors.append(f"tables: {type(exc).__name__}: {exc}")


class TablesPipeline:
    def __init__(self, db_path: str, crawler=None):
        self.db_path = db_path
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("GOVCRAWL_DB"), crawler)

    @documents_only
    def process_item(self, item):
        record = item.record
        if not record.get("is_annual_report"):
            return item
        if not item.processed:  # not read by a worker process: read the cells here
            read_cells(item)
        try:
            previous = shared_store(self.db_path).previous_report_stats(
                {**record, "site_id": item.site["site_id"]})
            item.checks = run_checks(item.stats, previous) if item.stats else []
        except Exception as exc:
            logger.exception("table checks failed for %s", item.url)
            item.errors.append(f"tables: {type(exc).__name__}: {exc}")
        return item

    def close_spider(self, spider=None):
        spider = spider or self.crawler.spider
        store = shared_store(self.db_path)
        site_ids = list(getattr(spider, "runs", None) or [spider.name])
        marks = ",".join("?" * len(site_ids))
        reports = list(store.db.query(
            "select report_id, site_id, report_year, publisher, agency from reports "
            f"where is_annual_report = 1 and site_id in ({marks}) and report_id in "
            "(select report_id from report_stats)", site_ids))
        for report in reports:
            cells = [dict(r) for r in store.db.query(
                'select "table", "row", "column", value, raw from report_stats where report_id = ?',
                [report["report_id"]])]
            previous = store.previous_report_stats(report)
            checks = [c for c in run_checks(cells, previous) if c["rule"] == CROSS_YEAR]
            store.replace_checks(report["report_id"], CROSS_YEAR, checks)
