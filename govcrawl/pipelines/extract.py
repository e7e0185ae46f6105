"""Extract stage: fields, body and attachment text from the raw bytes of a document.

A page that fails to parse is kept: its error goes into the record and the crawl goes on.
"""
from __future__ import annotations

import logging
from urllib.parse import unquote, urlsplit

from govcrawl.extract import extract
from govcrawl.extract.documents import document_text
from govcrawl.items import EMPTY_FIELDS, Attachment
from govcrawl.pipelines import documents_only
from govcrawl.reportfacts import organ_in_opening, organ_opening_title

logger = logging.getLogger(__name__)



def is_html(content_type: str | None, raw: bytes) -> bool:
    if content_type and ("html" in content_type or "xml" in content_type):
        return True
    head = raw[:1024].lstrip().lower()
    return head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<meta")) or b"<html" in head


def filename_of(url: str, name: str | None = None) -> str:
    path = unquote(urlsplit(url).path)
    base = path.rsplit("/", 1)[-1]
    if "." in base:
        return base
    return name or base or "attachment"


def read_document(att, doc: dict) -> None:
    """Copy what document_text found into the attachment."""
    att.text, att.ocr, att.pages = doc.get("text"), bool(doc.get("ocr")), doc.get("pages")
    att.tables = doc.get("tables") or []
    att.error = att.error or doc.get("error")


def document_item(item) -> None:
    """The list linked straight to a document: the document is the report, the page is empty."""
    att = Attachment(url=item.url, name=item.list_title, raw=item.raw,
                     content_type=item.content_type, status=item.status, capture=item.capture)
    read_document(att, document_text(item.raw, filename_of(item.url, item.list_title), item.content_type))
    item.attachments.insert(0, att)
    item.record = {k: None for k in EMPTY_FIELDS} | {
        "body_text": "", "attachments": [{"url": item.url, "name": item.list_title}],
        "errors": [], "meta": {},
    }
    item.record["publisher"] = document_publisher(item.list_title, att.text, (item.site or {}).get("name"))


def document_publisher(list_title: str | None, text: str | None, site_name: str | None) -> str | None:
    """Who published a document linked straight from a list (no page to name it): the organ that
    opens the list title, else the one the document's own first lines name, else the site."""
    return organ_opening_title(list_title) or organ_in_opening(text) or (site_name or None)


class ExtractPipeline:
    def __init__(self, crawler=None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _inc(self, key: str) -> None:
        if self.crawler is not None:
            self.crawler.stats.inc_value(key)

    @documents_only
    def process_item(self, item):
        if is_html(item.content_type, item.raw):
            try:
                item.record = extract(item.raw, item.url, item.content_type)
            except Exception as exc:  # one bad page never stops the crawl
                logger.exception("extract failed for %s", item.url)
                item.errors.append(f"extract: {type(exc).__name__}: {exc}")
                self._inc("govcrawl/extract/failed")
                item.record = {k: None for k in EMPTY_FIELDS} | {"body_text": "", "attachments": []}
        else:
            document_item(item)
        record = item.record
        if not record.get("title") and item.list_title:
            record["title"] = item.list_title
        if not record.get("published_date") and item.list_date:
            record["published_date"] = item.list_date
        for att in item.attachments:
            if att.raw is None or att.text is not None:
                continue
            read_document(att, document_text(att.raw, filename_of(att.url, att.name), att.content_type))
            if att.error:
                item.errors.append(f"attachment {att.url}: {att.error}")
                self._inc("govcrawl/attachment/failed")
        item.errors.extend(record.get("errors") or [])
        return item
