"""Store stage: write sites, runs, captures, reports and errors to metadata.db."""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from urllib.parse import urlsplit

from govcrawl.dedupe import canonical_url
from govcrawl.items import CrawlErrorItem, DocumentItem, RevisitItem
from govcrawl.platforms import links
from govcrawl.outcome import detected_platform, run_status, site_outcome
from govcrawl.signals import connect_stored
from govcrawl.storage import now
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


def citable_capture(capture: dict | None) -> dict:
    """The archive identifiers an article can cite for a report's archived copy."""
    capture = capture or {}
    return {"warc_record_id": capture.get("warc_record_id"),
            "capture_time": capture.get("fetched_at"), "cdxj_key": capture.get("cdxj_key")}


def report_row(item: DocumentItem) -> dict:
    record = item.record
    row = {k: record.get(k) for k in RECORD_FIELDS}
    row.update(
        report_id=item.report_id,
        site_id=item.site["site_id"],
        url=item.url,
        is_annual_report=int(bool(record.get("is_annual_report"))),
        ocr=int(bool(record.get("body_ocr"))),
        content_hash=item.content_hash,
        list_title=item.list_title,
        errors=json.dumps(item.errors, ensure_ascii=False) if item.errors else None,
        capture_id=(item.capture or {}).get("capture_id"),
        run_id=(item.capture or {}).get("run_id"),
        **citable_capture(item.capture),
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
        self.counts: dict[str, Counter] = defaultdict(Counter)   # site_id -> counts of this run
        self.started: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        pipe = cls(crawler)
        connect_stored(crawler, pipe)
        return pipe

    @property
    def store(self):
        return shared_store(self.db_path)

    def open_spider(self, spider=None):
        self.store.mark_killed_runs()

    def on_site(self, site, spider=None):
        """A site the crawl will walk (registry row or subsite): its row and its run."""
        spider = spider or self.crawler.spider
        self.store.upsert_site(site)
        run = spider.runs.get(site["site_id"]) if hasattr(spider, "runs") else None
        if run is not None and site["site_id"] not in self.started:
            self.started.add(site["site_id"])
            self.store.start_run(run.run_id, site["site_id"], crawl_id=spider.run_id, spider=spider.name)

    def on_cookies(self, host, cookies, spider=None):
        self.store.save_cookies(host, cookies)

    def on_browser_host(self, host, spider=None):
        self.store.save_challenge_host(host, "rotating")

    def on_page(self, page, spider=None):
        self.store.page_seen(page)

    def on_capture(self, capture, spider=None):
        self.store.add_capture(capture)

    def _run_id(self, site_id: str | None, spider) -> str:
        runs = getattr(spider, "runs", {})
        if site_id in runs:
            return runs[site_id].run_id
        return spider.run_id

    def on_error(self, error, spider=None):
        spider = spider or self.crawler.spider
        site_id = error.get("site_id") or spider.name
        self.counts[site_id]["errors"] += 1
        self.store.add_error(error.get("run_id") or self._run_id(site_id, spider), {**error, "site_id": site_id})

    def process_item(self, item, spider=None):
        spider = spider or self.crawler.spider
        if isinstance(item, CrawlErrorItem):
            self.counts[item.site_id]["errors"] += 1
            self.store.add_error(item.run_id or self._run_id(item.site_id, spider), vars(item))
            return item
        if isinstance(item, RevisitItem):
            self.counts[item.site_id][f"revisit_{item.outcome}"] += 1
            if item.outcome == "unchanged":
                self.counts[item.site_id]["unchanged"] += 1
            self.store.revisit(item.report_id, item.url, item.site_id, item.run_id, item.outcome, item.how,
                               item.validators)
            return item
        if not isinstance(item, DocumentItem):
            return item
        site_id = item.site["site_id"]
        run_id = item.run_id or self._run_id(site_id, spider)
        counts = self.counts[site_id]
        counts["documents"] += 1
        for error in item.errors:
            counts["errors"] += 1
            self.store.add_error(run_id, {"site_id": site_id, "url": item.url, "stage": "extract", "reason": error})
        urls = list(dict.fromkeys([item.url, *item.other_urls]))
        if item.duplicate_of:
            for n, url in enumerate(urls):
                self.store.add_url(item.duplicate_of, url, site_id, item.validators if n == 0 else None,
                                   (item.capture or {}).get("capture_id") if n == 0 else None)
            return item
        row = report_row(item)
        row["validators"] = item.validators
        if row["is_annual_report"]:
            counts["reports"] += 1
        new = self.store.save_report(row, urls, attachment_rows(item), item.stats, item.checks)
        if new and row["is_annual_report"]:  # new annual reports (look-alikes are documents)
            counts["new_reports"] += 1
        return item

    def close_spider(self, spider=None):
        spider = spider or self.crawler.spider
        self.crawler.stats.set_value("govcrawl/crawl_id", spider.run_id)
        stats = self.crawler.stats.get_stats()
        reason = stats.get("finish_reason") or "finished"
        runs = getattr(spider, "runs", {})
        for site_id, run in runs.items():
            counts = self.counts[site_id]
            outcome, why = site_outcome(run, counts, reason)
            self.store.upsert_site({
                "site_id": site_id, "platform": detected_platform(run),
                "report_columns": json.dumps(sorted(run.columns), ensure_ascii=False),
                "list_readers": ",".join(sorted(run.readers)) or None,
                "needed_browser": int(run.needed_browser), "last_crawled": now()})
            self.store.finish_run(
                run.run_id, status=run_status(reason), finish_reason=reason, outcome=outcome, reason=why,
                pages_fetched=run.counts["responses"], list_pages=run.counts["list_pages"],
                documents=counts["documents"], reports=counts["reports"], new_reports=counts["new_reports"],
                errors=counts["errors"], subsites=len(run.subsites),  # the crawl_errors rows stored
                needed_browser=int(run.needed_browser), budget_cuts=dict(run.cuts) or None,
                stats={k: v for k, v in run.counts.items()})
            stats_key = f"govcrawl/site/{site_id}"
            self.crawler.stats.set_value(stats_key, {"outcome": outcome, "reason": why, **counts,
                                                     "errors": counts["errors"],
                                                     "pages": run.counts["responses"]})
