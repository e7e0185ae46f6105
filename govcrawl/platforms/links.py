"""Recognising links by what they say: the anchor-text rules discovery rests on.

Since 国办公开办函〔2019〕61号 every portal has a 政府信息公开 column with a 年报 sub-column, so the
words on links find the reports across sites that share no CMS.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

WS = re.compile(r"[\s\u3000\xa0]+")
YEAR = re.compile(r"(19|20)\d{2}")

DOCUMENT_EXTENSIONS = ("pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ofd", "rar", "zip")
IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "tif", "tiff")
_DOC_URL = re.compile(r"\.(%s)(?:$|[?#])" % "|".join(DOCUMENT_EXTENSIONS), re.I)
_DOWNLOAD_URL = re.compile(r"(download|downfile|attach|fileDown|getfile)", re.I)

# A detail page on the common platforms: TRS t20240112_123.html, Hanweb art_12_345.html,
# date folders, post_/content_ ids, or an id in the query string.
_DETAIL_URL = re.compile(
    r"(t\d{8}_\d+|art_\d+_\d+|/\d{4}/\d{1,2}/\d{1,2}/|/\d{6}/|content_\d+|post_\d+|"
    r"[?&](id|articleid|infoid|docid|newsid|contentid|aid)=\w+|/\d{5,}(\.s?html?)?$|detail|show)",
    re.I,
)

REPORT_COLUMN_WORDS = ("年报", "年度报告", "年度工作报告")
DISCLOSURE_WORDS = ("政府信息公开", "信息公开", "政务公开", "法定主动公开", "主动公开")
NEXT_PAGE_WORDS = ("下一页", "下页", "后页", "后一页", "下一頁", "下頁", ">", ">>", "›", "»", "next", "nextpage")
LAST_PAGE_WORDS = ("尾页", "末页", "最后一页", "最末页", "尾頁", "末頁", "last", "lastpage")
# Link texts that lead a shared portal's visitor to the index of its townships or departments.
BODY_INDEX_WORDS = {
    "township": ("乡镇", "街道", "镇街", "乡（镇）", "镇（街道）", "镇(街道)", "乡镇(街道)", "镇（街）"),
    "department": ("部门", "单位", "委办局", "县直", "区直", "市直", "旗直"),
}
_BODY_INDEX_NOT = re.compile(r"(预算|决算|职责|职能|清单|动态|风采|新闻|要闻|招聘|考试)")
_PAGER_DECOR = "[]【】()（）<>《》«»‹›|:：·.。 "
REPORT_TITLE = re.compile(r"(年报|年度报告|工作报告|工作总结|年度.{0,6}报告)")


def clean(text: str | None) -> str:
    return WS.sub("", text or "")


def is_site_map(text: str) -> bool:
    """A 网站地图 / 站点地图 / 网站导航 link: a page listing every column of the portal."""
    return clean(text) in ("网站地图", "站点地图", "网站导航", "网站导读", "站群导航地图", "Sitemap", "sitemap", "SiteMap")


def is_report_column(text: str) -> bool:
    """A link to the 年报 column itself (short, no year), not to one report."""
    t = clean(text)
    return 2 <= len(t) <= 16 and any(w in t for w in REPORT_COLUMN_WORDS) and not YEAR.search(t)


def is_year_subcolumn(text: str) -> bool:
    """Per-year sub-columns some portals put under 年报: '2023年', '2023年度'."""
    return bool(re.fullmatch(r"(19|20)\d{2}年?度?(报告|年报)?", clean(text)))


def is_disclosure_nav(text: str) -> bool:
    t = clean(text)
    return 2 <= len(t) <= 14 and any(w in t for w in DISCLOSURE_WORDS) and not YEAR.search(t)


def _pager_core(text: str) -> str:
    """'[下一页]', '下一页>>', '后一页 ›' -> the words alone (arrows alone stay as they are)."""
    t = clean(text).lower()
    core = t.strip(_PAGER_DECOR)
    return core or t


def is_next_page(text: str) -> bool:
    t, core = clean(text).lower(), _pager_core(text)
    return t in NEXT_PAGE_WORDS or core in NEXT_PAGE_WORDS or core.startswith(("下一页", "下页", "后一页"))


def is_last_page(text: str) -> bool:
    """尾页 / 末页 links: the end of a pager, whose number bounds the list."""
    return _pager_core(text) in LAST_PAGE_WORDS


def is_body_index(text: str, level: str) -> bool:
    """A link to a shared portal's index of townships (乡镇（街道）) or departments (部门信息公开)."""
    t = clean(text)
    words = BODY_INDEX_WORDS.get(level, ())
    return (2 <= len(t) <= 12 and any(w in t for w in words) and not YEAR.search(t)
            and not _BODY_INDEX_NOT.search(t))


def looks_like_report_title(text: str) -> bool:
    """Title of a single annual report (has a year and report words)."""
    t = clean(text)
    return len(t) >= 8 and bool(YEAR.search(t)) and bool(REPORT_TITLE.search(t))


def is_document_url(url: str) -> bool:
    return bool(_DOC_URL.search(url))


def is_image_url(url: str) -> bool:
    return bool(re.search(r"\.(%s)(?:$|[?#])" % "|".join(IMAGE_EXTENSIONS), url, re.I))


def is_detail_url(url: str) -> bool:
    path = urlsplit(url)
    return bool(_DETAIL_URL.search(path.path + ("?" + path.query if path.query else "")))


def is_download_url(url: str) -> bool:
    return is_document_url(url) or bool(_DOWNLOAD_URL.search(url))


def is_url_like(value: str | None) -> bool:
    """An attribute value that is a page address (an <option value>), not a code or a word."""
    v = (value or "").strip()
    return is_followable(v) and bool(re.match(r"(https?://|/|\./|\.\./)|[\w./-]+\.(s?html?|jsp|aspx?|php)(\?|$)", v, re.I))


_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.-]*):", re.I)
# Schemes of links that are page furniture, not targets: skipped without a word.
_INERT_SCHEMES = ("javascript", "mailto", "tel", "sms", "about")


def link_scheme(href: str | None) -> str:
    """The scheme a link names ('' for a relative link)."""
    m = _SCHEME.match(href or "")
    return m.group(1).lower() if m else ""


def is_refused_scheme(href: str | None) -> bool:
    """A link to something other than a web page that a crawler must never fetch (file:, ftp:,
    data:, smb: …): recorded as a refusal, unlike javascript: or mailto: links."""
    scheme = link_scheme(href)
    return bool(scheme) and scheme not in ("http", "https") + _INERT_SCHEMES


def is_wellformed(url: str) -> bool:
    """An absolute URL whose host and port parse (a page can link ``http://host:{port}/``)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError:
        return False
    return bool(parts.hostname)


def absolute(response, href: str) -> str:
    """A link of ``response`` as the browser sends it: resolved against the page's ``<base href>``
    (else its URL), the path percent-encoded as UTF-8 and the query in the page's own encoding
    (a GBK page's ``list.jsp?lm=年报`` asks ``lm=%C4%EA%B1%A8``). '' for a link no URL parser
    reads (``http://[bad``): it is malformed, and not followed."""
    from scrapy.utils.response import get_base_url
    from w3lib.url import safe_url_string

    base = get_base_url(response) if hasattr(response, "text") else response.url
    try:
        url = urljoin(base, href.strip())
        try:
            return safe_url_string(url, encoding=getattr(response, "encoding", None) or "utf-8")
        except UnicodeError:
            return safe_url_string(url)
    except ValueError:
        return ""


def is_followable(href: str | None) -> bool:
    """An http(s) link (absolute or relative) that leads somewhere other than this page."""
    if not href:
        return False
    h = href.strip().lower()
    if h.startswith("#") or h in ("", "/"):
        return False
    scheme = link_scheme(h)
    return scheme in ("", "http", "https")
