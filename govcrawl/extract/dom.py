"""HTML tree helpers: parsing that survives nested <html>, hidden-element removal, text rendering.

Text rendering keeps reading order, puts block elements on their own lines and renders tables
row by row with cells joined by " | " (or one cell per line for metadata scanning)."""
from __future__ import annotations

import re
from typing import Iterator

from lxml import etree

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr",
    "ul", "caption", "body", "html", "title", "option",
}
DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
             "canvas", "select", "button", "input", "textarea", "map", "audio", "video", "head"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASSES = {"ng-hide", "hide", "hidden", "sr-only", "visually-hidden", "ng-cloak"}
EMPTY_CELL = "\u2205"  # marks an empty table cell in cells-per-line rendering (label with no value)
CELL_SEP = "\t"  # table cells of one row; whitespace, so folded comparisons see plain text
_WS = re.compile(r"[ \t\r\n\f\v\xa0\u2002\u2003\u2009\u200b\u200c\u200d\ufeff]+")


# Plain lxml elements: lxml.html's element classes cost a class lookup on every node visited, and
# nothing here uses their extra methods.
_PARSER = etree.HTMLParser(recover=True, default_doctype=False)


def parse(text: str) -> etree._ElementTree:
    """Parse HTML text into a tree; never raises (an empty document on hopeless input)."""
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        root = etree.fromstring(text or "<html></html>", _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        root = etree.fromstring("<html><body></body></html>", _PARSER)
    return root.getroottree()


def roots(tree: etree._ElementTree) -> list[etree._Element]:
    """The document root plus any sibling roots (a header include that closes </html> early
    leaves the article under a second root)."""
    root = tree.getroot()
    out = [root]
    out.extend(s for s in root.itersiblings() if isinstance(s.tag, str))
    out[0:0] = [s for s in root.itersiblings(preceding=True) if isinstance(s.tag, str)]
    return out


_XPATHS: dict[str, etree.XPath] = {}


def xpath_all(tree: etree._ElementTree, expr: str) -> list[etree._Element]:
    """Run a relative xpath ('.//…') on every root (each expression compiled once)."""
    compiled = _XPATHS.get(expr)
    if compiled is None:
        compiled = _XPATHS[expr] = etree.XPath(expr)
    found: list[etree._Element] = []
    for r in roots(tree):
        found.extend(compiled(r))
    return found


def is_hidden(el: etree._Element) -> bool:
    """Hidden by inline style, the hidden attribute, or a well-known hiding class."""
    if el.get("hidden") is not None and el.tag not in ("input",):
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    cls = el.get("class")
    if cls and _HIDDEN_CLASSES.intersection(cls.split()):
        return True
    if el.get("type") == "hidden":
        return True
    return False


def remove_keep_tail(el: etree._Element) -> None:
    """Remove an element but keep its tail text in the parent."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def drop_hidden(node: etree._Element) -> None:
    """Remove hidden elements and comments-free non-content tags in place."""
    doomed = [el for el in node.iter() if isinstance(el.tag, str) and el is not node and is_hidden(el)]
    for el in doomed:
        if el.getparent() is not None:
            remove_keep_tail(el)


def drop_tags(node: etree._Element, tags: set[str] = DROP_TAGS) -> None:
    """Remove script/style/form controls etc. and comments, keeping tails."""
    doomed = [el for el in node.iter() if (not isinstance(el.tag, str)) or el.tag in tags]
    for el in doomed:
        if el is not node and el.getparent() is not None:
            remove_keep_tail(el)


def clean_ws(s: str) -> str:
    return _WS.sub(" ", s)


_BLOCKY = {"p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "section", "article"}


def _layout_row(tr: etree._Element) -> bool:
    """A layout-table row (an article in a cell), not a data row: a long cell of several blocks."""
    for c in tr:
        if not isinstance(c.tag, str) or c.tag not in ("td", "th"):
            continue
        blocks = [b for b in c.iter() if isinstance(b.tag, str) and b.tag in _BLOCKY]
        if len(blocks) >= 3 and len("".join(c.itertext()).strip()) > 150:
            return True
    return False


def _walk(el: etree._Element, out: list[str], cells_per_line: bool) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in DROP_TAGS or not tag:
        if el.tail:
            out.append(clean_ws(el.tail))
        return
    if tag == "br":
        out.append("\n")
    elif tag == "tr" and not cells_per_line and not el.xpath(".//table") and not _layout_row(el):
        cells = []
        for c in el:
            if isinstance(c.tag, str) and c.tag in ("td", "th"):
                buf: list[str] = []
                if c.text:
                    buf.append(clean_ws(c.text))
                for ch in c:
                    _walk(ch, buf, cells_per_line)
                txt = " ".join(x.strip() for x in "".join(buf).split("\n") if x.strip())
                cells.append(txt)
        while cells and not cells[-1]:
            cells.pop()
        out.append("\n" + CELL_SEP.join(cells) + "\n")
        if el.tail:
            out.append(clean_ws(el.tail))
        return
    block = tag in BLOCK_TAGS or (tag in ("td", "th"))
    if block:
        out.append("\n")
    if cells_per_line and tag in ("td", "th") and not "".join(el.itertext()).strip():
        out.append(EMPTY_CELL)
    if el.text:
        out.append(clean_ws(el.text))
    for ch in el:
        _walk(ch, out, cells_per_line)
    if block:
        out.append("\n")
    if el.tail:
        out.append(clean_ws(el.tail))


def render_text(node: etree._Element, cells_per_line: bool = False) -> str:
    """Readable text of a node: one line per block, table rows as tab-separated cells."""
    out: list[str] = []
    tail, node.tail = node.tail, None
    try:
        _walk(node, out, cells_per_line)
    finally:
        node.tail = tail
    lines = [ln.strip(" ") for ln in "".join(out).split("\n")]
    lines = [ln for ln in lines if ln.strip()]
    return "\n".join(ln for ln in lines if ln)


def iter_text_lines(tree: etree._ElementTree, cells_per_line: bool = True) -> Iterator[str]:
    """Lines of visible text over every root (used by the metadata scanner)."""
    for r in roots(tree):
        body = r.find("body") if r.tag == "html" else None
        node = body if body is not None else r
        for ln in render_text(node, cells_per_line=cells_per_line).split("\n"):
            yield ln


def text_content(el: etree._Element) -> str:
    """Whitespace-collapsed text of an element including descendants (scripts excluded)."""
    if el.find(".//script") is None and el.find(".//style") is None and el.tag not in ("script", "style"):
        return clean_ws("".join(el.itertext())).strip()  # the common case, without an xpath per call
    parts = []
    for t in el.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]"):
        parts.append(t)
    return clean_ws("".join(parts)).strip()
