"""Raw fields from one HTML detail page of a government portal (pure functions, no Scrapy)."""
from __future__ import annotations

import re

from lxml import html as lxml_html

from . import dom
from .attachments import extract_attachments
from .body import extract_body
from .decode import decode_html, looks_mojibake
from .lighten import lighten
from .metadata import doc_no_heading, doc_no_in, extract_metadata, meta_tags
from .title import extract_title, strip_site_affixes

FIELDS = ("title", "publisher", "index_no", "doc_no", "published_date", "written_date", "topic")


def extract(raw: bytes, url: str, content_type: str | None = None) -> dict:
    """title, publisher, index_no, doc_no, published_date, written_date, topic, body_text,
    body_html, attachments, meta, encoding, errors for one detail page, plus what later stages need:
    body_chrome_chars (page link text inside a short body) and page_tables_html (data tables left
    outside the body). Never raises on bad HTML; a heavy page is cleaned and cut first (lighten)."""
    raw, cuts = lighten(raw)
    text, encoding, errors = decode_html(raw, content_type)
    errors = [*cuts, *errors]
    tree = dom.parse(text)
    meta = meta_tags(tree)
    # metadata is read from the visible page only (hidden copies and templates carry stale values)
    visible = dom.parse(text)
    for r in dom.roots(visible):
        dom.drop_tags(r, dom.DROP_TAGS - {"head"})
        dom.drop_hidden(r)
    md = extract_metadata(visible, url, meta)
    title = extract_title(visible, meta, md.pop("labelled_title", None))
    if title:
        title = strip_site_affixes(title) or title
    body = extract_body(tree, text, title)
    attachments = extract_attachments(tree, body["node"], url, text)
    has_document = any(a["type"] != "image" for a in attachments)
    chrome = chrome_chars(tree, body["text"]) if has_document and len(body["text"]) < 5000 else 0
    if not md.get("doc_no"):
        md["doc_no"] = doc_no_in(title) or doc_no_heading(body["text"])
    rec = {
        "url": url,
        "title": title,
        **md,
        "body_text": body["text"],
        "body_html": body["html"],
        "attachments": attachments,
        "meta": meta,
        "encoding": encoding,
        "errors": list(errors),
        "body_method": body["method"],
        "body_chrome_chars": chrome,
        "page_tables_html": outside_tables(visible, body["html"]),
    }
    if not rec["body_text"]:
        rec["errors"].append("no article body found")
    elif looks_mojibake(rec["body_text"]):
        rec["errors"].append("mojibake in body text")
    return rec


def chrome_chars(tree, body_text: str) -> int:
    """How many characters of a (short) body are the page's own link texts: menus and related
    links that a body extractor took for the article. A body made of them is still a shell."""
    body = re.sub(r"\s+", "", body_text)
    texts = sorted({re.sub(r"\s+", "", dom.text_content(a)) for a in dom.xpath_all(tree, ".//a")}, key=len, reverse=True)
    n = 0
    for t in texts:
        if len(t) >= 2 and t in body:
            n += len(t) * body.count(t)
            body = body.replace(t, "")
    return n


_STAT_WORDS = ("公开", "申请", "统计", "复议", "诉讼", "指标")


def outside_tables(tree, body_html: str) -> str | None:
    """The page's data tables when the body holds none: a report whose 统计表 the body extractor left
    outside its article node still has its cells read (tables without digits or report words, such
    as layout and metadata tables, are left out)."""
    if "<table" in (body_html or "").lower():
        return None
    out = []
    for table in dom.xpath_all(tree, ".//table[not(.//table)]"):
        text = dom.text_content(table)
        if len(table.xpath(".//tr")) >= 3 and any(c.isdigit() for c in text) and sum(w in text for w in _STAT_WORDS) >= 2:
            out.append(lxml_html.tostring(table, encoding="unicode"))
    return "".join(out) or None
