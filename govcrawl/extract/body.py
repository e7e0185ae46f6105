"""Locate and clean the article content: platform hints first, trafilatura, then density scoring."""
from __future__ import annotations

import copy
import re

import trafilatura
from lxml import etree, html

from . import dom
from .boilerplate import strip_boilerplate

# Raw-markup markers around the article (Hanweb ZJEG_RSS, ContentStart/End metas, NFCMS comments).
_MARKERS = [
    (re.compile(r"<!--\s*ZJEG_RSS\.content\.begin\s*-->", re.I), re.compile(r"<!--\s*ZJEG_RSS\.content\.end\s*-->", re.I)),
    (re.compile(r"<meta\s+name=[\"']?ContentStart[\"']?[^>]*>", re.I), re.compile(r"<meta\s+name=[\"']?ContentEnd[\"']?[^>]*>", re.I)),
    (re.compile(r"<!--\s*ContentStart\s*-->", re.I), re.compile(r"<!--\s*ContentEnd\s*-->", re.I)),
    (re.compile(r"<!--\s*正文(内容)?开始\s*-->"), re.compile(r"<!--\s*正文(内容)?结束\s*-->")),
]


def _cls(token: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {token} ')"


# Content containers of the common CMS platforms, most specific first.
HINT_XPATHS = [
    f".//*[{_cls('TRS_Editor')} or {_cls('TRS_UEDITOR')} or {_cls('trs_editor_view')}]",
    ".//*[@id='UCAP-CONTENT']",
    ".//*[@id='zoomcon']",
    ".//*[@id='zoom' or @id='Zoom' or @id='ZOOM']",
    ".//*[@id='wenzhang-content']",
    f".//*[{_cls('article_content')} or {_cls('article-content')}]",
    ".//*[@id='detailContent' or @id='DetailContent']",
    f".//*[{_cls('pages_content')}]",
    ".//*[@id='articleWrap']",
    ".//*[@id='BodyLabel' or @id='art_content' or @id='ArticleContent' or @id='article_content' or @id='xxgk_content']",
    f".//*[{_cls('content_article')} or {_cls('art_con')} or {_cls('news_content')} or {_cls('xxgk_content')} or {_cls('bt_content')}]",
    f".//*[{_cls('Custom_UnionStyle')}]",
]
_NOISE_ID_CLASS = re.compile(
    r"share|print|close|qrcode|ewm|pagesource|bdshare|jiathis|fontsize|font_size|"
    r"xgfj|fujianlist|file_xmb|article_attachment|article_btn|article_qrcode|prev_next|prevnext|"
    r"shangxia|breadcrumb|crumb|position|location|footer|toolbar|tools", re.I)
_KEEP_ATTRS = {"href", "src", "colspan", "rowspan", "alt", "title", "id", "class", "name"}
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _noise(el: etree._Element) -> bool:
    s = " ".join(filter(None, [el.get("class"), el.get("id")]))
    return bool(s) and bool(_NOISE_ID_CLASS.search(s))


def clean_node(node: etree._Element) -> etree._Element:
    """A cleaned deep copy: no scripts, styles, comments, hidden parts, share/print bars."""
    node = copy.deepcopy(node)
    node.tail = None
    dom.drop_tags(node)
    dom.drop_hidden(node)
    for el in [e for e in node.iter() if isinstance(e.tag, str) and e is not node and _noise(e)]:
        if el.getparent() is not None and len(dom.text_content(el)) < 300:
            dom.remove_keep_tail(el)
    for el in node.iter():
        if isinstance(el.tag, str):
            for a in list(el.attrib):
                if a not in _KEEP_ATTRS:
                    del el.attrib[a]
    return node


def body_text_of(node: etree._Element) -> str:
    return strip_boilerplate(dom.render_text(node))


def _from_markers(raw_html: str) -> etree._Element | None:
    for start_re, end_re in _MARKERS:
        s = start_re.search(raw_html)
        if not s:
            continue
        e = end_re.search(raw_html, s.end())
        if not e:
            continue
        frag = raw_html[s.end():e.start()]
        if len(_CJK.findall(frag)) < 5:
            continue
        try:
            return html.fragment_fromstring(frag, create_parent="div")
        except (etree.ParserError, ValueError):
            continue
    return None


def _from_hints(tree: etree._ElementTree) -> tuple[etree._Element, str] | None:
    for expr in HINT_XPATHS:
        best = None
        best_len = 0
        for el in dom.xpath_all(tree, expr):
            cleaned = clean_node(el)
            n = len(_CJK.findall(dom.render_text(cleaned)))
            if n > best_len:
                best, best_len = cleaned, n
        if best is not None and best_len >= 10:
            return best, expr
    return None


def _by_density(tree: etree._ElementTree) -> etree._Element | None:
    """Generic fallback: the block with the most Chinese text outside links, favouring <p> runs."""
    best, best_score = None, 0.0
    for el in dom.xpath_all(tree, ".//div|.//td|.//article|.//section"):
        if dom.is_hidden(el):
            continue
        text = dom.text_content(el)
        cjk = len(_CJK.findall(text))
        if cjk < 30:
            continue
        link_text = sum(len(_CJK.findall(dom.text_content(a))) for a in el.iter("a"))
        density = 1 - link_text / max(cjk, 1)
        paras = len(el.findall("./p")) + len(el.findall("./div")) * 0.3
        score = cjk * density * density + paras * 5
        if score > best_score:
            best, best_score = el, score
    return clean_node(best) if best is not None else None


def extract_body(tree: etree._ElementTree, raw_html: str) -> dict:
    """{'text', 'html', 'node', 'method'} for the article content."""
    node, method = None, ""
    hinted = _from_hints(tree)
    marked = _from_markers(raw_html)
    if marked is not None:
        marked = clean_node(marked)
        # markers sit inside the #zoom container of the same platform; prefer them unless empty
        if len(_CJK.findall(dom.render_text(marked))) >= 10:
            node, method = marked, "markers"
    if node is None and hinted is not None:
        node, method = hinted[0], "hint:" + hinted[1]
    if node is None:
        extracted = trafilatura.extract(raw_html, output_format="html", include_tables=True,
                                        include_comments=False, include_links=True, favor_recall=True)
        if extracted:
            try:
                node = clean_node(html.fromstring(extracted))
                method = "trafilatura"
            except (etree.ParserError, ValueError):
                node = None
    if node is None:
        node = _by_density(tree)
        method = "density" if node is not None else "none"
    if node is None:
        return {"text": "", "html": "", "node": None, "method": method}
    text = body_text_of(node)
    body_html = html.tostring(node, encoding="unicode", method="html")
    return {"text": text, "html": body_html, "node": node, "method": method}
