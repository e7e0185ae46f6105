"""Locate and clean the article content: platform hints first, trafilatura, then density scoring."""
from __future__ import annotations

import copy
import re

import trafilatura
from lxml import etree, html

from . import dom
from .boilerplate import is_boilerplate_line, strip_boilerplate
from .metadata import header_row_pairs
from .paragraphs import cjk_count, paragraph_owner

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


# A body that only points to its attachment: '详见附件', '详请见附件', '请点击下载附件' …
POINTER = re.compile(r"^[\s\u3000（(【\[]*(?:详|具体内容)?(?:情|请)?(?:详|请)?(?:见|阅|查看|参见|点击|下载)(?:查看|下载)?(?:附件|附表|原文|全文|文件|PDF|pdf)"
                     r"|^[\s\u3000]*(?:附件|全文|原文)(?:下载|见附件)?[\s\u3000:：。.）)】\]]*$")


def is_pointer(text: str) -> bool:
    """True for a short text that only sends the reader to the attachment."""
    t = re.sub(r"\s+", "", text or "")
    return 0 < len(t) <= 40 and bool(POINTER.search(t))


# HINT_XPATHS as (class tokens, ids), same order: one pass over the page instead of twelve xpaths
_HINT_RULES = [
    ({"TRS_Editor", "TRS_UEDITOR", "trs_editor_view"}, set()),
    (set(), {"UCAP-CONTENT"}),
    (set(), {"zoomcon"}),
    (set(), {"zoom", "Zoom", "ZOOM"}),
    (set(), {"wenzhang-content"}),
    ({"article_content", "article-content"}, set()),
    (set(), {"detailContent", "DetailContent"}),
    ({"pages_content"}, set()),
    (set(), {"articleWrap"}),
    (set(), {"BodyLabel", "art_content", "ArticleContent", "article_content", "xxgk_content"}),
    ({"content_article", "art_con", "news_content", "xxgk_content", "bt_content"}, set()),
    ({"Custom_UnionStyle"}, set()),
]
assert len(_HINT_RULES) == len(HINT_XPATHS)


def _hint_candidates(tree: etree._ElementTree) -> list[list[etree._Element]]:
    """Elements of each hint rule, in document order."""
    found: list[list[etree._Element]] = [[] for _ in _HINT_RULES]
    for r in dom.roots(tree):
        for el in r.iter():
            if not isinstance(el.tag, str):
                continue
            cls, id_ = el.get("class"), el.get("id")
            if not cls and not id_:
                continue
            tokens = set(cls.split()) if cls else set()
            for k, (classes, ids) in enumerate(_HINT_RULES):
                if (tokens & classes) or (id_ in ids):
                    found[k].append(el)
    return found


def _from_hints(tree: etree._ElementTree) -> tuple[etree._Element, str] | None:
    pointer = None
    candidates = _hint_candidates(tree)
    for expr, elements in zip(HINT_XPATHS, candidates):
        best = None
        best_len = 0
        for el in elements:
            cleaned = clean_node(el)
            text = dom.render_text(cleaned)
            n = len(_CJK.findall(text))
            if n > best_len:
                best, best_len = cleaned, n
            if pointer is None and is_pointer(strip_boilerplate(text)):
                pointer = (cleaned, expr)
        if best is not None and best_len >= 10:
            return best, expr
    return pointer  # the platform's container holds only '详见附件': that is the body


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


_FOLD = re.compile(r"\s+")
_META_LINE = re.compile(
    r"(来\s*源|出\s*处|时\s*间|日\s*期|发\s*布|阅\s*读|浏\s*览|点\s*击|访\s*问|字\s*[体号]|作\s*者|编\s*辑|"
    r"责任编辑|附\s*件|相关|索\s*引\s*号|文\s*号|分\s*类)[^：:]{0,6}[:：]")
_DATE_LINE = re.compile(r"(19|20)\d{2}\s*年|[〇○零一二三四五六七八九]{4}\s*年")
_TITLE_XPATH = (".//h1 | .//h2 | .//h3 | .//*[contains(@class,'title') or contains(@class,'tit') or "
                "contains(@id,'title')]")


def _fold(s: str | None) -> str:
    return _FOLD.sub("", s or "")


def _is_furniture(line: str, title: str | None) -> bool:
    """A line of page furniture around an article: the title heading, a 来源/时间/阅读 line,
    buttons, labels, boilerplate."""
    if is_boilerplate_line(line):
        return True
    if cjk_count(line) <= 4:  # buttons and bare labels; a closing date line is document text
        return not _DATE_LINE.search(line)
    fl, ft = _fold(line), _fold(title)
    if ft and (fl in ft or (ft in fl and len(fl) <= len(ft) + 12)):
        return True
    return len(line) <= 160 and bool(_META_LINE.search(line))


def _tighten(node: etree._Element, title: str | None) -> etree._Element:
    """Narrow a broad container to the element owning the article's paragraphs, but only when
    everything left out is furniture (so no document text is ever dropped)."""
    owner = paragraph_owner([node])
    if owner is None or owner is node:
        return node
    inner = dom.render_text(owner).split("\n")
    counts: dict[str, int] = {}
    for ln in inner:
        counts[ln] = counts.get(ln, 0) + 1
    for ln in dom.render_text(node).split("\n"):
        if counts.get(ln):
            counts[ln] -= 1
        elif not _is_furniture(ln, title):
            return node
    return owner


def _drop_title_headings(node: etree._Element, title: str | None) -> None:
    """Remove templated heading elements (h1/h2, *title* classes) that repeat the page title: they
    belong to the page template, not to the document (a document's own centred heading is a <p>)."""
    ft = _fold(title)
    if len(ft) < 4:
        return
    for el in node.xpath(_TITLE_XPATH):
        if el is node or el.getparent() is None:
            continue
        if el.tag in ("p", "span", "strong", "b", "font") and not el.get("class", "").strip():
            continue
        fe = _fold(dom.text_content(el))
        if fe and fe == ft:
            dom.remove_keep_tail(el)


def _drop_metadata_tables(node: etree._Element) -> None:
    """Remove small column-header metadata tables (索取号 | 发布机构 | 文件编号 …) that a CMS puts
    inside the article container: they are the page's metadata block, not document text."""
    for table in list(node.iter("table")):
        if table is node or table.getparent() is None:
            continue
        if len(table.xpath(".//tr")) <= 3 and header_row_pairs(table):
            dom.remove_keep_tail(table)


def extract_body(tree: etree._ElementTree, raw_html: str, title: str | None = None) -> dict:
    """{'text', 'html', 'node', 'method'} for the article content.

    Order: raw-markup markers, platform containers (narrowed to the paragraph owner when the rest
    is furniture), the paragraph owner of the whole page, trafilatura, text density."""
    node, method = None, ""
    hinted = _from_hints(tree)
    marked = _from_markers(raw_html)
    if marked is not None:
        marked = clean_node(marked)
        # markers sit inside the #zoom container of the same platform; prefer them unless empty
        if len(_CJK.findall(dom.render_text(marked))) >= 10:
            node, method = marked, "markers"
    if node is None and hinted is not None:
        node, method = _tighten(hinted[0], title), "hint:" + hinted[1]
    if node is None:
        visible = _visible_copy(tree)
        owner = paragraph_owner(dom.roots(visible))
        if owner is not None:
            node, method = clean_node(owner), "paragraphs"
        else:
            pointer = _pointer_node(visible)
            if pointer is not None:  # no article, only '详见附件': that line is the body
                node, method = clean_node(pointer), "pointer"
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
    _drop_title_headings(node, title)
    _drop_metadata_tables(node)
    text = body_text_of(node)
    body_html = html.tostring(node, encoding="unicode", method="html")
    return {"text": text, "html": body_html, "node": node, "method": method}


_FRAME_TAGS = {"nav", "header", "footer"}


def _pointer_node(tree: etree._ElementTree) -> etree._Element | None:
    """The block holding only '详见附件' (and the attachment's link), outside the page's frame."""
    for el in dom.xpath_all(tree, ".//body//*[self::p or self::div or self::td or self::span or self::li]"):
        text = dom.text_content(el)
        if len(text) > 40 or not is_pointer(text):
            continue
        if any(a.tag in _FRAME_TAGS or _noise(a) for a in el.iterancestors() if isinstance(a.tag, str)):
            continue
        return el
    return None


def _visible_copy(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy of the page without scripts, styles, comments and hidden elements."""
    copy_tree = copy.deepcopy(tree)
    for r in dom.roots(copy_tree):
        dom.drop_tags(r, dom.DROP_TAGS)
        dom.drop_hidden(r)
    return copy_tree
