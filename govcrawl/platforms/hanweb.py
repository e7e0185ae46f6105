"""大汉 Hanweb jcms portals: /col/colNNN/index.html columns, /art/Y/M/D/art_C_N.html articles.

A column page carries its first records inside ``<script type="text/xml"><datastore>`` (each
record a CDATA HTML snippet) and loads the rest from ``/module/web/jpage/dataproxy.jsp`` with
``startrecord``/``endrecord``/``perpage`` and the column's ids as form fields. The ids come from
the datastore's <nextgroup> link or, when it has none, from the pager's own call,
``$('#unit').jpage({perPage, totalRecord, proxyUrl, ajaxParam})``, whose ``proxyUrl`` also names
the endpoint (older installs serve it as /module/jpage/dataproxy.jsp).
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

from parsel import Selector

from govcrawl.platforms.listing import ListEntry, find_date
from govcrawl.platforms import links

_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S | re.I)
_TOTAL = re.compile(r"(?:<totalrecord>\s*|totalRecord['\"]?\s*[:=]\s*['\"]?)(\d+)", re.I)
_PERPAGE = re.compile(r"perpage['\"]?\s*[:=]\s*['\"]?(\d+)", re.I)
_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[.*?href=['\"]([^'\"]+)['\"]", re.S | re.I)
_PARAM = r"['\"]?{name}['\"]?\s*[:=]\s*['\"]?([^'\"&,\s}}]+)"
FORM_FIELDS = ("col", "appid", "webid", "path", "columnid", "sourceContentType", "unitid",
               "webname", "permissiontype")
DATAPROXY = "/module/web/jpage/dataproxy.jsp"
_JPAGE = re.compile(r"\.jpage\(\s*\{")
_PROXY_URL = re.compile(r"proxyUrl\s*:\s*['\"]([^'\"]+)['\"]")
_AJAX_STRING = re.compile(r"(?:ajaxParam|param)\s*:\s*['\"]([^'\"]*=[^'\"]*)['\"]")


def jpage_call(text: str) -> str:
    """The option object of the page's ``.jpage({...})`` call, or '' (braces balanced)."""
    m = _JPAGE.search(text)
    if not m:
        return ""
    depth, start = 0, m.end() - 1
    for i in range(start, min(len(text), start + 20000)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[start:i + 1]
    return text[start:start + 20000]


def proxy_path(text: str) -> str:
    """Where the column's dataproxy answers: the jpage call's proxyUrl, else the usual path."""
    m = _PROXY_URL.search(jpage_call(text))
    url = m.group(1) if m else ""
    return url.split("?", 1)[0] if "dataproxy" in url else DATAPROXY


def uses_dataproxy(text: str) -> bool:
    """Does the column load records from dataproxy.jsp (a datastore, a jpage call or the proxy
    named)? Statically published columns only set ``var totalRecord`` for their toolbar."""
    low = text.lower()
    return "<datastore" in low or "<recordset" in low or "dataproxy" in low or bool(jpage_call(text))


def datastore_entries(text: str, base_url: str) -> list[ListEntry]:
    """Entries from the CDATA records of a Hanweb datastore (page or dataproxy response)."""
    out = []
    for snippet in _RECORD.findall(text):
        sel = Selector(text=snippet)
        for a in sel.xpath("//a[@href]"):
            href = a.attrib["href"]
            if not links.is_followable(href):
                continue
            title = a.attrib.get("title") or links.clean("".join(a.xpath(".//text()").getall()))
            out.append(ListEntry(urljoin(base_url, href), links.clean(title),
                                 find_date(" ".join(sel.xpath("//text()").getall()))))
            break
    return out


def dataproxy_params(text: str) -> dict[str, str]:
    """The column's ids for dataproxy.jsp, from the nextgroup link or the page's scripts."""
    params: dict[str, str] = {}
    m = _NEXTGROUP.search(text)
    if m:
        params.update(parse_qsl(urlsplit(m.group(1).replace("&amp;", "&")).query))
    call = jpage_call(text)
    s = _AJAX_STRING.search(call)
    if s:  # ajaxParam: 'col=1&appid=1&webid=…' (URL-encoded, as the browser would send it)
        for name, value in parse_qsl(s.group(1).replace("&amp;", "&")):
            params.setdefault(name, value)
    for name in FORM_FIELDS:
        if name not in params:  # the pager's own options first, then anywhere in the page
            pm = re.search(_PARAM.format(name=name), call, re.I) or re.search(_PARAM.format(name=name), text, re.I)
            if pm:
                params[name] = pm.group(1)
    params.pop("page", None)
    params.setdefault("col", "1")
    params.setdefault("appid", "1")
    params.setdefault("path", "/")
    params.setdefault("sourceContentType", "1")
    params.setdefault("permissiontype", "0")
    return params


def dataproxy_pages(text: str, page_url: str, max_pages: int) -> list[tuple[str, dict, tuple[int, int]]]:
    """(url, form fields, (start, end)) of the dataproxy.jsp calls for a column's further records,
    from its datastore (or jpage call) on the column page; [] when the column does not page there."""
    total = _TOTAL.search(text)
    if not (total and "columnid" in text.lower() and uses_dataproxy(text)):
        return []
    total_records = int(total.group(1))
    have = len(_RECORD.findall(text))
    m = _PERPAGE.search(text)
    perpage = int(m.group(1)) if m else 15
    params = dataproxy_params(text)
    proxy = proxy_path(text)
    out = []
    start = have + 1
    last = min(total_records, max_pages * perpage)
    while start <= last:
        end = min(start + RECORDS_PER_CALL - 1, total_records)
        url = urljoin(page_url, f"{proxy}?startrecord={start}&endrecord={end}&perpage={perpage}")
        out.append((url, params, (start, end)))
        start = end + 1
    return out


#: records asked for per dataproxy call (Hanweb's own pager asks for 3 pages at a time)
RECORDS_PER_CALL = 45


def __getattr__(name: str):
    """``HanwebSpider`` lives with the other spider bases (govcrawl.platforms.base)."""
    if name == "HanwebSpider":
        from govcrawl.platforms.base import HanwebSpider

        return HanwebSpider
    raise AttributeError(name)
