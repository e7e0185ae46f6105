"""One detail page through the pure pipeline: extract -> normalize -> classify -> resolve_region."""
from __future__ import annotations

import re

from .classify import classify
from .extract import extract
from .normalize import normalize
from .region import resolve_region

_REPORT_FILE_TYPES = {"pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ofd", "image"}


def process_page(raw: bytes, url: str, content_type: str | None = None, site: dict | None = None) -> dict:
    """The full record for one page; ``is_shell`` marks a page whose text lives in an attachment."""
    rec = extract(raw, url, content_type)
    rec = normalize(rec)
    rec = classify(rec)
    rec = resolve_region(rec, site)
    rec["is_shell"] = is_shell(rec)
    return rec


def is_shell(record: dict) -> bool:
    """A page that only wraps its document: little body text and at least one document attachment."""
    body = re.sub(r"\s+", "", record.get("body_text") or "")
    has_doc = any(a.get("type") in _REPORT_FILE_TYPES for a in record.get("attachments") or [])
    return has_doc and len(body) < 200


def apply_attachment_text(record: dict, doc: dict, site: dict | None = None) -> dict:
    """Use an attachment's text as the body when the page is a shell, then re-classify.

    The page's own short text (often '详见附件') is kept in ``page_text``."""
    out = dict(record)
    text = (doc or {}).get("text") or ""
    if not text.strip():
        return out
    if out.get("is_shell", is_shell(out)) or not (out.get("body_text") or "").strip():
        out["page_text"] = out.get("body_text") or ""
        out["body_text"] = text
        out["body_source"] = "attachment"
        out["body_ocr"] = bool(doc.get("ocr"))
        out = normalize(out)
        out = classify(out)
        out = resolve_region(out, site)
    return out
