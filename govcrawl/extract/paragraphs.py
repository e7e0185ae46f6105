"""Find the article by who owns its paragraphs, for templates no platform hint knows.

An article container holds the document's paragraphs as its own children (``<p>``, text with
``<br>``, inline spans, leaf ``<div>`` lines); page furniture around it (title heading, 来源/时间
line, share bar, related links) sits in sibling blocks. So the element that directly owns the
most non-link Chinese text is the article, whatever its class or id. The same rule narrows a
broad container (a whole ``#detailContent`` wrapper) to the article when everything else in it
is furniture."""
from __future__ import annotations

import re

from lxml import etree

from . import dom

_CJK = re.compile(r"[\u4e00-\u9fff]")
_CANDIDATES = {"div", "td", "section", "article", "main", "dd", "font", "span", "center", "blockquote"}
# children whose text counts as the parent's own paragraphs
_PARA = {"p", "br", "span", "font", "strong", "b", "em", "i", "u", "sup", "sub", "center", "blockquote",
         "pre", "h3", "h4", "h5", "h6", "label", "big", "small", "o:p", "st1:chsdate"}
_BLOCKS = {"div", "p", "table", "ul", "ol", "dl", "section", "article", "li", "h1", "h2", "h3", "h4",
           "form", "header", "footer", "nav", "aside"}
_CHROME = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|header|footer|sidebar|crumb|breadcrumb|position|location|share|"
    r"comment|related|xgwz|xgxx|yqlj|banner|search)([\s_-]|$)", re.I)
_LABEL_START = re.compile(r"^[\s\u3000]*[\u4e00-\u9fff\s\u3000]{1,8}[:：]")


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text or ""))


def _non_link_cjk(el: etree._Element) -> int:
    """Chinese characters under ``el`` outside links, scripts and styles."""
    n = 0
    for t in el.xpath(".//text()[not(ancestor::a) and not(ancestor::script) and not(ancestor::style)]"):
        n += cjk_count(t)
    if el.tag == "a":
        return 0
    return n


def _is_leaf_block(el: etree._Element) -> bool:
    return not any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in el.iterdescendants())


def _is_br_text_block(el: etree._Element) -> bool:
    """A leaf <div> holding several <br>-separated paragraphs of real length is an article
    container in its own right (miit.gov.cn #con_con), not one line of its parent."""
    return sum(1 for _ in el.iter("br")) >= 2 and _non_link_cjk(el) >= 200


def own_text(el: etree._Element) -> int:
    """Non-link Chinese characters that ``el`` owns directly: its text, its tails, and the text of
    paragraph-like children (a leaf ``<div>`` counts as one paragraph line)."""
    n = cjk_count(el.text)
    for ch in el:
        if not isinstance(ch.tag, str):
            n += cjk_count(ch.tail)
            continue
        tag = ch.tag.lower()
        if dom.is_hidden(ch):
            pass
        elif tag in _PARA or (tag == "div" and _is_leaf_block(ch) and not _is_br_text_block(ch)):
            n += _non_link_cjk(ch)
        n += cjk_count(ch.tail)
    return n


def _in_chrome(el: etree._Element) -> bool:
    for anc in [el, *el.iterancestors()]:
        if not isinstance(anc.tag, str):
            continue
        if anc.tag in ("header", "footer", "nav", "aside", "form", "select", "noscript", "script", "style"):
            return True
        if dom.is_hidden(anc):
            return True
        s = " ".join(filter(None, [anc.get("class"), anc.get("id")]))
        if s and _CHROME.search(s):
            return True
    return False


def _long_paragraph_text(el: etree._Element) -> int:
    """Chinese text of the real paragraphs (>= 20 characters, not 'label：value' lines) under ``el``."""
    n = 0
    for p in el.iter("p"):
        t = "".join(p.xpath(".//text()[not(ancestor::a)]"))
        c = cjk_count(t)
        if c >= 20 and not _LABEL_START.match(t):
            n += c
    return n


def paragraph_owner(roots: list[etree._Element], min_cjk: int = 40) -> etree._Element | None:
    """The element that directly owns the most article text under ``roots``, widened to its parent
    while sibling blocks carry a real share of paragraphs (articles split over wrappers)."""
    best, best_n = None, 0
    for root in roots:
        for el in root.iter():
            if not isinstance(el.tag, str) or el.tag.lower() not in _CANDIDATES:
                continue
            n = own_text(el)
            if n > best_n and not _in_chrome(el):
                best, best_n = el, n
    if best is None or best_n < min_cjk:
        return None
    stop = set(roots)
    node = best
    while node.getparent() is not None and node not in stop:
        # bare wrappers (no other child, no text of their own) hold the same article one level up;
        # look through them to the first level with siblings, but only move if that level widens
        inner = node
        parent = inner.getparent()
        while (parent is not None and parent not in stop and parent.tag not in ("body", "html")
               and not _others(parent, inner) and not own_text(parent)):
            inner, parent = parent, parent.getparent()
        if parent is None or parent.tag in ("body", "html") or _in_chrome(parent):
            break
        others = _others(parent, inner)
        sib = sum(_long_paragraph_text(s) for s in others)
        if sib >= 0.25 * max(own_text(node), _long_paragraph_text(node)) or _section_split(inner, others, sib):
            node = parent
            continue
        break
    return node


def _others(parent: etree._Element, child: etree._Element) -> list[etree._Element]:
    return [s for s in parent if isinstance(s.tag, str) and s is not child and not dom.is_hidden(s)]


def _section_split(node: etree._Element, others: list[etree._Element], sib: int) -> bool:
    """An article pasted from a WeChat-style editor is a run of sibling <section> blocks, one or a
    few paragraphs each: any sibling section with real paragraphs is part of the same article,
    however short next to the rest (the opening paragraph alone in the first section)."""
    return (sib > 0 and node.tag == "section"
            and all(s.tag == "section" for s in others if dom.text_content(s).strip()))
