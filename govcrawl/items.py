"""What spiders hand to the pipelines.

A ``DocumentItem`` is one detail page from a 年报 column (or a document linked straight from the
list), with its raw bytes and the raw bytes of its attachments, so every later stage works from
what was fetched. A ``CrawlErrorItem`` records a fetch that failed, so the run report says what
broke and the crawl goes on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


# The fields of a record that extraction fills (all None for a page that could not be read).
EMPTY_FIELDS = ("title", "publisher", "index_no", "doc_no", "published_date", "written_date", "topic")


@dataclass
class Attachment:
    url: str
    name: str | None = None
    raw: bytes | None = None
    content_type: str | None = None
    status: int | None = None
    capture: dict | None = None
    error: str | None = None
    # Filled by the extract stage.
    text: str | None = None
    ocr: bool = False
    pages: int | None = None
    tables: list[list[list[str]]] = field(default_factory=list)  # grids from PDF/DOCX/XLS tables


@dataclass
class DocumentItem:
    url: str                      # the real portal URL (replica hosts mapped back)
    fetched_url: str              # the URL actually fetched
    site: dict                    # the spider's site identity (site_id, name, admin_code, ...)
    raw: bytes
    content_type: str | None = None
    status: int | None = None
    capture: dict | None = None
    list_title: str | None = None
    list_date: str | None = None
    list_url: str | None = None
    column_title: str | None = None   # anchor text of the 年报 (or other) column it was listed in
    run_id: str | None = None
    # Other URLs of the same document: the link before redirects, a 繁體 / big5 mirror.
    other_urls: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    # Filled stage by stage along the pipeline.
    record: dict[str, Any] = field(default_factory=dict)
    stats: list[dict] = field(default_factory=list)
    checks: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    processed: bool = False           # extract … table cells already done (in a worker process)
    validators: dict = field(default_factory=dict)   # ETag / Last-Modified, for the next re-crawl
    report_id: str | None = None
    content_hash: str | None = None
    duplicate_of: str | None = None


@dataclass
class CrawlErrorItem:
    url: str
    site_id: str
    stage: str                    # "fetch", "extract", "attachment", ...
    reason: str
    status: int | None = None
    referer: str | None = None
    run_id: str | None = None


@dataclass
class RevisitItem:
    """A known report URL visited again and not re-read: unchanged (304), gone (404, 410, a
    redirect to the homepage or a list, a "信息已删除" page) or failing (5xx, network)."""
    url: str
    report_id: str
    site_id: str
    outcome: str                  # unchanged | removed | failed
    how: str | None = None
    run_id: str | None = None
    validators: dict = field(default_factory=dict)
    capture: dict | None = None
