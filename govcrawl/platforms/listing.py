"""Finding the entries of a column's list page by structure, on any CMS.

Anchors are grouped by the element that holds their rows (the <ul>, <table> or <div>); the groups
whose rows carry dates or detail-like URLs, with title-length link text, are the list. Navigation
blocks have short texts and no dates, so they drop out without any per-site selector.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from govcrawl.platforms import links

DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
ROW_TAGS = {"li", "tr", "dl"}
BLOCK_TAGS = {"dd", "dt", "p", "div", "span", "td", "h3", "h4", "h5"}


@dataclass
class ListEntry:
    url: str
    title: str
    date: str | None = None


def find_date(text: str) -> str | None:
    m = DATE.search(text or "")
    if not m:
        return None
    y, mo, d = m.groups()
    return f"{y}-{int(mo):02d}-{int(d):02d}"


def _row(el):
    """The list row an anchor sits in: its nearest li/tr/dl ancestor, else the nearest block."""
    fallback = None
    node = el.getparent()
    for _ in range(5):
        if node is None:
            break
        if node.tag in ROW_TAGS:
            return node
        if fallback is None and node.tag in BLOCK_TAGS:
            fallback = node
        node = node.getparent()
    return fallback if fallback is not None else el


def _entry_text(a, row) -> str:
    """Text that belongs to this entry: the row's, or, when several links share one block,
    the link and what follows it up to the next link."""
    if sum(1 for _ in row.iter("a")) <= 1:
        return row.text_content()
    parts = [a.text_content(), a.tail or ""]
    for sib in a.itersiblings():
        if sib.tag == "a" or (isinstance(sib.tag, str) and sib.find(".//a") is not None):
            break
        parts.append(sib.text_content() if isinstance(sib.tag, str) else "")
        parts.append(sib.tail or "")
    return " ".join(parts)


def list_block_entries(response, on_site) -> list[ListEntry]:
    """The entries of a column page: the link groups that look like a list (see module doc)."""
    root = response.selector.root
    tree = root.getroottree()
    groups: dict[str, list[tuple[ListEntry, bool]]] = {}
    for a in root.iter("a"):
        href = a.get("href")
        if not links.is_followable(href):
            continue
        url = links.absolute(response, href)
        text = links.clean(a.text_content()) or links.clean(a.get("title"))
        title_attr = links.clean(a.get("title"))
        if len(title_attr) > len(text):
            text = title_attr  # lists often truncate titles with "..." and keep the full one here
        if len(text) < 6 or not (on_site(url) or links.is_document_url(url)):
            continue
        row = _row(a)
        parent = row.getparent() if row is not a else a.getparent()
        key = tree.getpath(parent) if parent is not None else ""
        date = find_date(_entry_text(a, row))
        dated = date is not None or links.is_detail_url(url) or links.is_document_url(url)
        groups.setdefault(key, []).append((ListEntry(url, text, date), dated))
    entries: list[ListEntry] = []
    seen = set()
    for members in groups.values():
        dated = sum(1 for _, d in members if d)
        has_dates = any(e.date for e, _ in members)
        if dated == 0 or dated * 2 < len(members):
            continue
        if not has_dates and len(members) < 2 and not any(
            links.looks_like_report_title(e.title) for e, _ in members
        ):
            continue
        for entry, _ in members:
            if entry.url not in seen and entry.url != response.url:
                seen.add(entry.url)
                entries.append(entry)
    return entries


def _label(el) -> str | None:
    """The words an element shows as a label: an anchor's text, else its own (direct) text."""
    if not isinstance(el.tag, str) or el.tag in ("script", "style"):
        return None
    text = links.clean(el.text_content() if el.tag == "a" else el.text)
    return text or None


def year_columns(response, on_site, levels: int = 3) -> list[tuple[str, str]]:
    """Per-year sub-columns (2023年, 2022年度 …) filed under a 年报 label, as nav trees show them.

    A tree's 年报 node is often only a toggle (``javascript:void(0)``) or plain text over its
    year links. Walking up from each year link, the first label met that is not itself a year
    decides: a 年报 label makes the link a column, any other label (法定主动公开内容, 统计数据
    …) does not.
    """
    out = []
    for a in response.selector.root.iter("a"):
        href = a.get("href")
        text = links.clean(a.text_content())
        if not links.is_followable(href) or not links.is_year_subcolumn(text):
            continue
        url = links.absolute(response, href)
        if not on_site(url):
            continue
        node, verdict = a, None
        for _ in range(levels):
            node = node.getparent()
            if node is None or verdict is not None:
                break
            for el in node.iter():
                label = _label(el)
                if el is a or label is None or links.is_year_subcolumn(label):
                    continue
                verdict = links.is_report_column(label)
                break
        if verdict:
            out.append((url, text))
    return out
