"""Bound the work one page can cost: cheap byte-level cleaning before parsing, then a size cap.

A detail page's article is rarely more than a few hundred kilobytes of HTML; what makes pages of
tens of megabytes is inline scripts, base64 images, long comments and Word-exported style
attributes. These go before the page is decoded and parsed (regular expressions over bytes, linear
time: tag characters are ASCII and never occur inside a GBK or UTF-8 multibyte sequence), so parse
time and memory follow the page's text, not its bloat. What is still too big is cut at a tag
boundary, and the cut is recorded, never silent.

Kept on purpose: short scripts (attachment arrays such as ``apps1=[{name,url}]``, TRS pagers),
short comments (article markers such as ``<!--ZJEG_RSS.content.begin-->``), and style attributes
that hide an element (the extractor must still see ``display:none``).
"""
from __future__ import annotations

import re

MAX_PAGE_BYTES = 2_500_000  # HTML left after cleaning; a report page's article fits many times over
MAX_INPUT_BYTES = 64_000_000  # read at most this much of a page at all

_SCRIPT = re.compile(rb"<script\b[^>]*>.*?</script\s*>", re.I | re.S)
_STYLE_BLOCK = re.compile(rb"<style\b[^>]*>.*?</style\s*>", re.I | re.S)
_COMMENT = re.compile(rb"<!--.*?-->", re.S)
_DATA_URI = re.compile(rb"""(=\s*["']?|url\(\s*["']?)data:[^"')\s>]{200,}""", re.I)
# a style attribute that does not hide anything (Word's mso-* runs are most of a pasted report)
_PLAIN_STYLE = re.compile(rb"""\sstyle\s*=\s*(?:"(?![^"]*(?:display|visibility))[^"]*"|'(?![^']*(?:display|visibility))[^']*')""", re.I)
_LIGHT_ENOUGH = 1_000_000


def lighten(raw: bytes) -> tuple[bytes, list[str]]:
    """(smaller page, notes on what was cut). Pages under a megabyte keep their bytes as they are."""
    notes: list[str] = []
    if len(raw) > MAX_INPUT_BYTES:
        notes.append(f"page cut at {MAX_INPUT_BYTES} of {len(raw)} bytes before reading")
        raw = raw[:MAX_INPUT_BYTES]
    if len(raw) <= _LIGHT_ENOUGH:
        return raw, notes
    size = len(raw)
    raw = _SCRIPT.sub(lambda m: b"" if len(m.group(0)) > 10_000 else m.group(0), raw)
    raw = _STYLE_BLOCK.sub(b"", raw)
    raw = _COMMENT.sub(lambda m: b"" if len(m.group(0)) > 2_000 else m.group(0), raw)
    raw = _DATA_URI.sub(rb"\1", raw)
    if len(raw) > _LIGHT_ENOUGH:
        raw = _PLAIN_STYLE.sub(b"", raw)
    if len(raw) > MAX_PAGE_BYTES:
        cut = raw.rfind(b"<", 0, MAX_PAGE_BYTES)
        raw = raw[:cut if cut > 0 else MAX_PAGE_BYTES]
        notes.append(f"page cut for extraction at {len(raw)} bytes ({size} after reading, scripts and styles "
                     f"removed first)")
    return raw, notes
