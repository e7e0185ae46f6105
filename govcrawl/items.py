"""What spiders hand to the pipelines.

A ``DocumentItem`` is one detail page from a 年报 column (or a document linked straight from the
list), with its raw bytes and the raw bytes of its attachments, so every later stage works from
what was fetched. A ``CrawlErrorItem`` records a fetch that failed, so the run report says what
broke and the crawl goes on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
    column_title: str | None = None  # anchor text of the 年报 column the list came from, if known
    attachments: list[Attachment] = field(default_factory=list)
    # Filled stage by stage along the pipeline.
    record: dict[str, Any] = field(default_factory=dict)
    stats: list[dict] = field(default_factory=list)
    checks: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
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
