"""Document title: meta ArticleTitle, a labelled 标题, the on-page heading, else <title>."""
from __future__ import annotations

import re

from lxml import etree

from . import dom

_SPLIT = re.compile(r"\s*(?:_|\||｜|--|—{1,2}|–|\s-\s)\s*")
_WS = re.compile(r"\s+")
_HEADINGS = (
    ".//h1 | .//h2 | .//h3 | .//*[contains(@class,'title') and not(contains(@class,'subtitle'))"
    " and not(self::html) and not(self::body)] | .//*[contains(@id,'title')] | .//*[@class='bt' or @class='tit']"
)


def _fold(s: str) -> str:
    return _WS.sub("", s or "")


def page_title_text(tree: etree._ElementTree) -> str:
    for t in dom.xpath_all(tree, ".//title"):
        txt = dom.text_content(t)
        if txt:
            return txt
    return ""


def _title_segments(title: str) -> list[str]:
    return [s for s in _SPLIT.split(title) if s.strip()]


def extract_title(tree: etree._ElementTree, meta: dict[str, str], labelled: str | None) -> str | None:
    lower = {k.lower(): v for k, v in meta.items()}
    for key in ("articletitle", "dc.title", "og:title"):
        if lower.get(key, "").strip():
            return lower[key].strip()
    if labelled:
        return labelled
    page_title = page_title_text(tree)
    fpt = _fold(page_title)
    best = ""
    for el in dom.xpath_all(tree, _HEADINGS):
        if dom.is_hidden(el) or len(el) > 8:
            continue
        txt = dom.clean_ws(" ".join(x.strip() for x in el.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]"))).strip()
        ft = _fold(txt)
        if len(ft) < 4 or len(ft) > 200:
            continue
        if fpt and (ft in fpt or (len(fpt) >= 6 and fpt.split("_")[0] in ft)):
            if len(ft) > len(_fold(best)):
                best = txt
    if best:
        return best
    segs = _title_segments(page_title)
    if segs:
        return max(segs, key=len).strip()
    return None
