"""Recognising links by what they say: the anchor-text rules discovery rests on.

Since 国办公开办函〔2019〕61号 every portal has a 政府信息公开 column with a 年报 sub-column, so the
words on links find the reports across sites that share no CMS.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

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
NEXT_PAGE_WORDS = ("下一页", "下页", "后页", "下一頁", ">", "›", "»", "next")
REPORT_TITLE = re.compile(r"(年报|年度报告|工作报告|工作总结|年度.{0,6}报告)")


def clean(text: str | None) -> str:
    return WS.sub("", text or "")


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


def is_next_page(text: str) -> bool:
    t = clean(text).lower()
    return t in NEXT_PAGE_WORDS or t.startswith("下一页")


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


def is_followable(href: str | None) -> bool:
    if not href:
        return False
    h = href.strip().lower()
    return not (h.startswith(("javascript:", "mailto:", "tel:", "#")) or h in ("", "/"))
