"""One detail page through the pure pipeline: extract -> normalize -> classify -> resolve_region."""
from __future__ import annotations

import html as htmllib
import re

from .classify import classify
from .extract import extract
from .extract.boilerplate import is_boilerplate_line
from .normalize import normalize
from .region import resolve_region

_REPORT_FILE_TYPES = {"pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ofd", "image"}
_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE = re.compile(r"[。，；！？,;]")


def process_page(raw: bytes, url: str, content_type: str | None = None, site: dict | None = None,
                 list_context: dict | None = None) -> dict:
    """The full record for one page; ``is_shell`` marks a page whose text lives in an attachment.
    ``list_context`` is what the list said of it: list_url, column_title, list_title."""
    rec = extract(raw, url, content_type)
    rec = normalize(rec)
    if list_context:
        rec["list_context"] = {k: v for k, v in list_context.items() if v}
    rec = classify(rec)
    rec = resolve_region(rec, site)
    rec["is_shell"] = is_shell(rec)
    return rec


_FOOTER = re.compile(r"(版权所有|主办单位|承办单位|技术支持|网站标识码|联系我们|网站地图|[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新]ICP备)"
                     r"[:：]?[^。，；]{0,30}")


def content_length(body_text: str, body_html: str | None = None, chrome: int = 0) -> int:
    """Characters of document text in a body, page chrome left out: link texts (menus, related
    links), footer lines, boilerplate lines and short label-like lines without a sentence mark.

    Counted twice, the smaller wins: line by line (when the body keeps its lines), and on the whole
    text less every link's text (when an extractor ran the chrome into one line); ``chrome`` is the
    count of the page's link texts found in the body (extract() measures it on the whole page)."""
    link_texts = [re.sub(r"\s+", "", htmllib.unescape(_TAG.sub("", m))) for m in _ANCHOR.findall(body_html or "")]
    links = set(link_texts)
    by_line = 0
    for line in (body_text or "").split("\n"):
        folded = re.sub(r"\s+", "", line)
        if not folded or folded in links or is_boilerplate_line(line):
            continue
        if len(folded) <= 15 and not _SENTENCE.search(folded):
            continue
        by_line += len(folded)
    whole = _FOOTER.sub("", re.sub(r"\s+", "", body_text or ""))
    return min(by_line, max(0, len(whole) - max(sum(len(t) for t in link_texts), chrome)))


def is_shell(record: dict) -> bool:
    """A page that only wraps its document: at least one document attachment, and a body that is
    short, or only page chrome (nav, footer, related links) once that is left out."""
    body = re.sub(r"\s+", "", record.get("body_text") or "")
    has_doc = any(a.get("type") in _REPORT_FILE_TYPES for a in record.get("attachments") or [])
    if not has_doc:
        return False
    return len(body) < 200 or content_length(record.get("body_text") or "", record.get("body_html"),
                                             record.get("body_chrome_chars") or 0) < 200


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


def page_cells(record: dict, attachments: list[tuple[list, str | None]] = ()) -> list[dict]:
    """Table cells of a processed annual report: the page's own tables (the page's text when the body
    came from an attachment), else its attachments' (grids, text). Nothing for other documents."""
    from .tables import report_cells

    if not record.get("is_annual_report"):
        return []
    page_text = record.get("page_text") if record.get("body_source") == "attachment" else record.get("body_text")
    cells = report_cells(record.get("body_html"), page_text, list(attachments))
    if not cells and record.get("page_tables_html"):
        cells = report_cells(record["page_tables_html"], None)  # tables the article node left out
    return cells
