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


_SITE_SUFFIX = re.compile(
    r"\s*(?:_|\||｜|--|-|—{1,2}|–)\s*[^_|｜—–]{0,30}(?:人民政府|政府|政府网|门户网站|网站|政务网|官网|管委会|"
    r"管理委员会|办公室|政府信息公开|信息公开|新闻网|中国政府网|首页|栏目|动态)[^_|｜—–]{0,12}$")


def strip_site_name(title: str) -> str:
    """'报告_XX区人民政府' / '报告-XX县政府网' -> '报告' (at most two trailing parts)."""
    t = title.strip()
    for _ in range(3):
        m = _SITE_SUFFIX.search(t)
        if not m or m.start() < 4 or _DOC_WORDS.search(m.group(0)):
            break  # what follows the separator is the document's own title, not the site's name
        t = t[: m.start()].strip()
    return t


_AFFIX_SEP = r"\s*(?:_|\||｜|--|-|－|—{1,2}|–)\s*"
_ORGAN_NAME = (r"[\u4e00-\u9fff（）()·]{2,30}?(?:人民政府办公室|人民政府|政府办公室|政府网|门户网站|网站|政务网|官网|管委会|"
               r"管理委员会|委员会|办公室|办事处|街道|镇|乡|局|委|厅|院|中心|所|站|政府|区|县|市|旗|政府信息公开|信息公开|"
               r"政务公开|政务服务网|首页)")
_ORGAN_SUFFIX = re.compile(_AFFIX_SEP + r"(?P<organ>" + _ORGAN_NAME + r")\s*$")
_ORGAN_PREFIX = re.compile(r"^\s*(?P<organ>" + _ORGAN_NAME + r")\s*(?:_|\||｜|-|－|\s-\s|——)\s*")
_DOC_WORDS = re.compile(r"(?:19|20)\d{2}|报告|年报|通知|公告|总结|办法|意见|决定|方案|规划|计划|批复|函|公示|通报|简报|\d+号")


def strip_site_affixes(title: str) -> str:
    """A title without the site's name around it, keeping the title's own organ:
    '…年度报告-沭阳县发改局' / '…报告_某某县人民政府' / '某某县人民政府-…报告' -> '…报告'.

    A part is only cut when it is an organ or site name (no digits, an organ's ending) and what stays
    still reads as a document title."""
    t = strip_site_name(title or "")
    for _ in range(3):
        m = _ORGAN_SUFFIX.search(t)
        if not m or len(re.sub(r"\s", "", t[:m.start()])) < 6 or not _DOC_WORDS.search(t[:m.start()]):
            break
        t = t[:m.start()].rstrip()
    for _ in range(2):
        m = _ORGAN_PREFIX.match(t)
        rest = t[m.end():] if m else ""
        if not m or len(re.sub(r"\s", "", rest)) < 6 or not _DOC_WORDS.search(rest) or _DOC_WORDS.search(m.group("organ")):
            break
        t = rest.lstrip()
    return t


def _title_segments(title: str) -> list[str]:
    return [s for s in _SPLIT.split(strip_site_name(title)) if s.strip()]


def _heading_like(tree: etree._ElementTree, page_title: str) -> str:
    """The longest short visible element text that is a prefix of (or equal to) the page title."""
    fpt = _fold(strip_site_name(page_title))
    best = ""
    if len(fpt) < 4:
        return best
    for el in dom.xpath_all(tree, ".//body//*[not(self::script) and not(self::style) and not(self::title)]"):
        if len(el) > 4 or dom.is_hidden(el):
            continue
        txt = dom.text_content(el)
        ft = _fold(txt)
        if len(ft) >= max(6, len(fpt) * 0.6) and fpt.startswith(ft) and len(ft) > len(_fold(best)):
            best = txt
    return best


_ORG_END = re.compile(r"(人民政府|政府|门户网站|网站|政务网|政府网|官网|管委会|管理委员会|办事处|人民政府办公室)$")
_GENERIC_TITLES = {"信息公开", "政府信息公开", "详细信息", "信息详情", "文章详情", "详情", "详情页", "内容页", "正文",
                   "无标题文档", "untitled", "index"}
_CHROME_CLASS = re.compile(r"(^|[\s_-])(nav|menu|header|footer|logo|banner|crumb|breadcrumb|position|location)([\s_-]|$)", re.I)


def is_site_name(page_title: str, meta: dict[str, str]) -> bool:
    """True when <title> names only the site (or is empty), so it cannot be the document title."""
    t = _fold(page_title)
    if not t:
        return True
    site = _fold(next((v for k, v in meta.items() if k.lower() == "sitename"), ""))
    if t in _GENERIC_TITLES:
        return True
    return t == site or (len(t) <= 25 and bool(_ORG_END.search(t)) and not re.search(r"\d{4}|报告|通知|公告", t))


def _main_heading(tree: etree._ElementTree) -> str:
    """The first visible <h1> (else <h2>) outside the page chrome, of document-title length."""
    for tag in ("h1", "h2"):
        for el in dom.xpath_all(tree, f".//body//{tag}"):
            if dom.is_hidden(el) or any(_CHROME_CLASS.search(" ".join(filter(None, [a.get("class"), a.get("id")])))
                                        for a in [el, *el.iterancestors()] if isinstance(a.tag, str)):
                continue
            txt = dom.text_content(el)
            if 6 <= len(_fold(txt)) <= 150:
                return txt
    return ""


_META_TEXT = re.compile(r"来源[:：]|发布(?:日期|时间)[:：]|(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}|【?打印】?|字[体号][:：]")


def _carries_metadata(folded_heading: str, folded_page_title: str) -> bool:
    """A wrapper around the heading and its 来源/日期/打印 line, not a heading: it holds metadata
    text that the <title> does not."""
    return any(m.group(0) not in folded_page_title for m in _META_TEXT.finditer(folded_heading))


def extract_title(tree: etree._ElementTree, meta: dict[str, str], labelled: str | None) -> str | None:
    lower = {k.lower(): v for k, v in meta.items()}
    for key in ("articletitle", "dc.title", "og:title"):
        if lower.get(key, "").strip():
            return lower[key].strip()
    if labelled:
        return labelled
    page_title = page_title_text(tree)
    if is_site_name(page_title, meta):  # <title> names the site: headings matching it are the logo
        heading = _main_heading(tree)
        if heading:
            return heading
    fpt = _fold(page_title)
    exact = {_fold(x) for x in [strip_site_name(page_title), *_title_segments(page_title)] if len(_fold(x)) >= 4}
    best = ""
    for el in dom.xpath_all(tree, _HEADINGS):
        if dom.is_hidden(el) or len(el) > 8:
            continue
        txt = dom.clean_ws(" ".join(x.strip() for x in el.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]"))).strip()
        ft = _fold(txt)
        if len(ft) < 4 or len(ft) > 200:
            continue
        if ft in exact:  # a heading that is exactly the <title>'s document part
            return txt
        if fpt and (ft in fpt or (len(fpt) >= 6 and fpt.split("_")[0] in ft)):
            if _carries_metadata(ft, fpt):
                continue
            if len(ft) > len(_fold(best)):
                best = txt
    if best:
        return best
    best = _heading_like(tree, page_title)
    if best:
        return best
    segs = _title_segments(page_title)
    if segs:
        return max(segs, key=len).strip()
    return None
