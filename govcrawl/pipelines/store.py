"""Store stage: write sites, runs, captures, reports and errors to metadata.db."""
from __future__ import annotations

import hashlib
import json
import re
from urllib.parse import urlsplit

from govcrawl.dedupe import canonical_url
from govcrawl.items import CrawlErrorItem, DocumentItem
from govcrawl.platforms import links
from govcrawl.signals import capture_archived, crawl_error
from govcrawl.storage import shared_store

RECORD_FIELDS = ("title", "report_year", "agency", "publisher", "index_no", "doc_no",
                 "published_date", "written_date", "topic", "province", "city", "county",
                 "township", "admin_code", "body_text", "body_source",
                 "classified_by")


def attachment_type(url: str, content_type: str | None) -> str | None:
    """pdf, docx, xls, ...: from the file name in the path or query (downfile.jsp?filename=x.pdf),
    else from the Content-Type."""
    target = urlsplit(url)
    known = links.DOCUMENT_EXTENSIONS + links.IMAGE_EXTENSIONS
    for part in (target.query, target.path):
        m = re.search(r"\.(\w{2,5})(?:$|[&#])", part)
        if m and m.group(1).lower() in known:
            return m.group(1).lower()
    if content_type:
        return content_type.split(";")[0].split("/")[-1].strip() or None
    return None


def report_row(item: DocumentItem) -> dict:
    record = item.record
    row = {k: record.get(k) for k in RECORD_FIELDS}
    row.update(
        report_id=item.report_id,
        site_id=item.site["site_id"],
        url=canonical_url(item.url),
        is_annual_report=int(bool(record.get("is_annual_report"))),
        ocr=int(bool(record.get("body_ocr"))),
        content_hash=item.content_hash,
        list_title=item.list_title,
        errors=json.dumps(item.errors, ensure_ascii=False) if item.errors else None,
        capture_id=(item.capture or {}).get("capture_id"),
        run_id=(item.capture or {}).get("run_id"),
    )
    row["body_source"] = row.get("body_source") or "page"
    return row


def attachment_rows(item: DocumentItem) -> list[dict]:
    names = {a.get("url"): a.get("name") for a in item.record.get("attachments") or []}
    rows = []
    for att in item.attachments:
        rows.append({
            "attachment_id": hashlib.sha1(f"{item.report_id}|{att.url}".encode()).hexdigest()[:16],
            "report_id": item.report_id,
            "url": att.url,
            "name": att.name or names.get(att.url),
            "type": attachment_type(att.url, att.content_type),
            "content_type": att.content_type,
            "status": att.status,
            "pages": att.pages,
            "ocr": int(bool(att.ocr)),
            "text": att.text,
            "error": att.error,
            "capture_id": (att.capture or {}).get("capture_id"),
        })
    fetched = {a.url for a in item.attachments}
    for a in item.record.get("attachments") or []:
        if a.get("url") and a["url"] not in fetched:  # linked but not downloaded
            rows.append({
                "attachment_id": hashlib.sha1(f"{item.report_id}|{a['url']}".encode()).hexdigest()[:16],
                "report_id": item.report_id, "url": a["url"], "name": a.get("name"),
                "type": a.get("type") or attachment_type(a["url"], None),
                "error": "not downloaded",
            })
    return rows


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.db_path = crawler.settings.get("GOVCRAWL_DB")
        self.counts = {"documents": 0, "reports": 0, "new_reports": 0, "errors": 0}

    @classmethod
    def from_crawler(cls, crawler):
        pipe = cls(crawler)
        crawler.signals.connect(pipe.on_capture, signal=capture_archived)
        crawler.signals.connect(pipe.on_error, signal=crawl_error)
        return pipe

    @property
    def store(self):
        return shared_store(self.db_path)

    def open_spider(self, spider=None):
        spider = spider or self.crawler.spider
        self.store.upsert_site(spider.site_info())
        self.store.start_run(spider.run_id, spider.name)

    def on_capture(self, capture, spider=None):
        self.store.add_capture(capture)

    def on_error(self, error, spider=None):
        spider = spider or self.crawler.spider
        self.counts["errors"] += 1
        self.store.add_error(spider.run_id, {"site_id": spider.name, **error})

    def process_item(self, item, spider=None):
        spider = spider or self.crawler.spider
        if isinstance(item, CrawlErrorItem):
            self.counts["errors"] += 1
            self.store.add_error(spider.run_id, vars(item))
            return item
        if not isinstance(item, DocumentItem):
            return item
        self.counts["documents"] += 1
        for error in item.errors:
            self.counts["errors"] += 1
            self.store.add_error(spider.run_id, {"site_id": spider.name, "url": item.url,
                                                 "stage": "extract", "reason": error})
        if item.duplicate_of:
            self.store.add_url(item.duplicate_of, canonical_url(item.url), spider.name)
            return item
        row = report_row(item)
        if row["is_annual_report"]:
            self.counts["reports"] += 1
        new = self.store.save_report(row, [row["url"]], attachment_rows(item), item.stats, item.checks)
        if new:
            self.counts["new_reports"] += 1
        return item

    def close_spider(self, spider=None):
        spider = spider or self.crawler.spider
        stats = self.crawler.stats.get_stats()
        reason = stats.get("finish_reason")
        empty = self.counts["documents"] == 0
        self.store.finish_run(
            spider.run_id,
            status="empty" if empty else "finished",
            finish_reason=reason,
            pages_fetched=stats.get("response_received_count", 0),
            stats=stats,
            **self.counts,
        )
