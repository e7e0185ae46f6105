"""Turn report bodies into rows of cell strings.

HTML tables are expanded for rowspan/colspan (a spanned cell is repeated in every slot it covers) so
that header positions line up with data positions; text bodies are split on pipes or tabs (markdown
rows included); other lines stay one-cell rows for reflow.py. Every table or text block becomes a
list of rows; the callers read rows in document order and do not care where one table ends.
"""
from __future__ import annotations

import re

from lxml import etree

from .orient import upright

Row = list[str]

_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}


def cell_text(el) -> str:
    """Text of a table cell: nested p/span/font pieces joined, whitespace squeezed.

    Word-pasted cells split a header such as 商业企业 over two <p>; Chinese needs no space between
    the pieces, so spaces are kept only between two ASCII alphanumerics.
    """
    return squeeze("".join(el.itertext()))


_LONE_SPACE = re.compile(r"(?<![0-9A-Za-z.,]) | (?![0-9A-Za-z])")


def squeeze(s: str) -> str:
    """Collapse whitespace; drop it entirely unless it separates two ASCII alphanumerics."""
    s = " ".join(s.split())
    return _LONE_SPACE.sub("", s) if " " in s else s


def _expand_table(table) -> list[Row]:
    """Rows of one <table>, spans expanded; nested tables are handled on their own."""
    grid: dict[tuple[int, int], str] = {}
    # a statistics table has a few hundred rows at most: a longer one is data of another kind, and
    # only its head is read, so one page cannot make the work grow without bound
    trs = [tr for tr in table.iter("tr") if _owner_table(tr) is table][:MAX_TABLE_ROWS]
    width = 0
    for r, tr in enumerate(trs):
        c = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            text = cell_text(td)
            rs = _span(td.get("rowspan"))
            cs = _span(td.get("colspan"))
            for dr in range(rs):
                for dc in range(cs):
                    grid.setdefault((r + dr, c + dc), text)
            c += cs
            width = max(width, c)
    rows: list[Row] = []
    for r in range(len(trs)):
        row = [grid.get((r, c), "") for c in range(width)]
        # trim trailing slots never filled by any cell of this row
        while row and (r, len(row) - 1) not in grid:
            row.pop()
        rows.append(row)
    return rows


MAX_TABLE_ROWS = 2000


def _owner_table(tr):
    node = tr.getparent()
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node


def _span(value: str | None) -> int:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return n if 1 <= n <= 100 else 1


def html_blocks(html: str) -> list[Row]:
    """All rows in document order: table rows expanded, and every text line outside tables as a one-cell row.

    Lines matter because headings (二、主动公开政府信息情况) sit outside the tables, because some
    portals break one statistics table into several, and because some bodies carry the tables as
    plain pipe-separated paragraphs.
    """
    if not html or not html.strip():
        return []
    try:
        root = etree.fromstring(html, _PARSER)  # plain elements: no per-node class lookup
    except Exception:  # lxml raises on input with nothing parseable
        return []
    if root is None:
        return []
    for bad in root.xpath("//script|//style"):
        _drop(bad)
    _mark_line_breaks(root)
    rows: list[Row] = []
    _walk(root, rows)
    return rows


_PARSER = etree.HTMLParser(recover=True, default_doctype=False)


def _drop(el) -> None:
    """Remove an element, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _mark_line_breaks(root) -> None:
    """Put newlines around block elements outside table cells so their text splits into lines."""
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCK_TAGS:
            continue
        el.tail = "\n" + (el.tail or "")
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + "\n"
        elif el.getparent() is not None:
            parent = el.getparent()
            parent.text = (parent.text or "") + "\n"


def _walk(el, rows: list[Row]) -> None:
    if not isinstance(el.tag, str):
        return
    if el.tag == "table":
        rows.extend(upright(_expand_table(el)))
        return
    if not el.xpath(".//table"):
        rows.extend(_lines("".join(el.itertext())))
        return
    rows.extend(_lines(el.text or ""))
    for child in el:
        _walk(child, rows)
        rows.extend(_lines(child.tail or ""))


def _lines(text: str) -> list[Row]:
    out: list[Row] = []
    for line in text.split("\n"):
        if "|" in line or "\t" in line or "｜" in line:
            out.append([squeeze(c) for c in _SEP.split(line.strip())])
        else:
            line = _spaces(line)
            if line:
                out.append([line])
    return out


def _spaces(s: str) -> str:
    """Whitespace collapsed but kept: flattened text needs it to tell cells apart."""
    return re.sub(r"\s+", " ", s.replace("\xa0", " ").replace("\u3000", " ")).strip()


_SEP = re.compile(r"\s*[|｜\t]\s*")


def text_rows(text: str) -> list[Row]:
    """Rows of a text body: pipe/tab separated lines are split into cells; other lines are one-cell rows.

    In double-spaced text (cells separated by one blank line, as seed 004 prints a vertical 统计表) every
    extra blank line stands for an empty cell and becomes a [''] row.
    """
    lines = (text or "").splitlines()
    gaps = _gaps(lines)
    double_spaced = bool(gaps) and sum(1 for g in gaps if g == 1) >= 0.6 * len(gaps)
    rows: list[Row] = []
    blank_run = 0
    for line in lines:
        if not line.strip():
            blank_run += 1
            continue
        if double_spaced and rows and blank_run > 1:
            rows.extend([[""]] * (blank_run - 1))
        blank_run = 0
        if "|" in line or "｜" in line or "\t" in line:
            line = line.strip(" ")
            if len(line) > 1 and line[0] in "|｜" and line[-1] in "|｜":
                line = line[1:-1]  # markdown table row (trafilatura): | a | b |
            rows.append([squeeze(c) for c in _SEP.split(line)])
        else:
            rows.append([_spaces(line)])
    return rows


def _gaps(lines: list[str]) -> list[int]:
    """Number of blank lines between consecutive non-blank lines."""
    gaps: list[int] = []
    run, seen = 0, False
    for line in lines:
        if line.strip():
            if seen:
                gaps.append(run)
            seen, run = True, 0
        else:
            run += 1
    return gaps
