"""Lists that a page's scripts load from a JSON endpoint, read without a browser.

Many portals ship an empty list container and fill it from an API: Guangdong's 政府信息公开目录
(``/gkmlpt/api/all/{column}?page=N&sid=…``), Fujian's 集约化 platform (trsapi search endpoints),
and countless ``$.ajax({url: '…list…', data: {pageNo: 1}})`` calls. This module
- finds such endpoints in the page's own scripts (``endpoints``), with their parameters;
- reads any JSON answer as a list (``entries``): the array of objects that carry a title and a
  link, whatever the keys are called;
- pages through it (``next_page``) by the page / offset parameter the request used, bounded by the
  totals the answer states and by the caller's page cap.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from govcrawl.platforms.listing import ListEntry, find_date

TITLE_KEYS = ("title", "doctitle", "docTitle", "DOCTITLE", "name", "subject", "bt", "wjbt", "wjmc", "mc",
              "articleTitle", "infoTitle", "fileName", "showTitle", "topic", "content_title")
URL_KEYS = ("url", "link", "href", "docpuburl", "DOCPUBURL", "docUrl", "detailUrl", "pcUrl", "htmlUrl",
            "path", "pageUrl", "linkUrl", "articleUrl", "infoUrl", "fileUrl", "downloadUrl", "puburl",
            "chnldocurl", "visitUrl", "webUrl", "realUrl", "jumpUrl")
DATE_KEYS = ("date", "pubDate", "publishDate", "publish_time", "publishTime", "pubdate", "docreltime",
             "DOCRELTIME", "fbsj", "fbrq", "cwrq", "time", "createTime", "created", "releaseDate",
             "first_publish_time", "writeTime", "showTime", "docpubtime", "DOCPUBTIME")
PAGE_PARAMS = ("page", "pageNo", "pageno", "pageNum", "pagenum", "pageIndex", "pageindex", "curPage",
               "currentPage", "current", "p", "pn", "page_no", "cpage", "pageNumber")
SIZE_PARAMS = ("pageSize", "pagesize", "rows", "limit", "size", "per_page", "perPage", "page_size", "ps")
OFFSET_PARAMS = ("start", "offset", "startrecord", "from")
TOTAL_KEYS = ("total", "totalCount", "totalcount", "count", "totalRecord", "totalRecords", "recordCount",
              "totalElements", "totalRows", "total_count", "TOTAL", "totalNum")
PAGES_KEYS = ("pageCount", "totalPage", "totalPages", "pages", "page_count", "totalpage", "pageTotal")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_URLISH = re.compile(r"^(https?://|/|\.{1,2}/)|\.(s?html?|jsp|aspx?|php|pdf|docx?|wps|xlsx?|ofd)(\?|#|$)", re.I)


def _text(value) -> str:
    return re.sub(r"<[^>]+>", "", value).strip() if isinstance(value, str) else ""


def _pick(obj: dict, keys: tuple[str, ...]):
    lower = {k.lower(): v for k, v in obj.items()}
    for k in keys:
        if k in obj and obj[k] not in (None, ""):
            return obj[k]
        if k.lower() in lower and lower[k.lower()] not in (None, ""):
            return lower[k.lower()]
    return None


def _entry(obj: dict, base_url: str) -> ListEntry | None:
    title = _text(_pick(obj, TITLE_KEYS))
    if not title or not _CJK.search(title):  # else the longest Chinese string of the record
        strings = [_text(v) for v in obj.values() if isinstance(v, str) and _CJK.search(v) and len(v) < 200]
        title = max(strings, key=len, default="")
    url = _pick(obj, URL_KEYS)
    if not isinstance(url, str) or not _URLISH.search(url.strip()):
        url = next((v for v in obj.values() if isinstance(v, str) and _URLISH.search(v.strip())
                    and not v.strip().lower().endswith((".jpg", ".png", ".gif"))), None)
    if not title or len(title) < 4 or not url:
        return None
    date = _pick(obj, DATE_KEYS)
    if isinstance(date, (int, float)) and date > 10**11:  # epoch milliseconds
        import datetime
        date = datetime.datetime.fromtimestamp(date / 1000, datetime.timezone(datetime.timedelta(hours=8))).strftime("%Y-%m-%d")
    return ListEntry(urljoin(base_url, url.strip()), re.sub(r"\s+", "", title), find_date(str(date or "")))


def _lists(node, depth: int = 0):
    """Every array of objects in a JSON document."""
    if depth > 6:
        return
    if isinstance(node, list):
        if node and all(isinstance(x, dict) for x in node[:5]):
            yield node
        for x in node[:50]:
            yield from _lists(x, depth + 1)
    elif isinstance(node, dict):
        for v in node.values():
            yield from _lists(v, depth + 1)


def load(text: str):
    """Parse JSON, or JSONP (``callback({...})``); None when it is neither."""
    text = text.strip().lstrip("\ufeff")
    if not text:
        return None
    if text[0] not in "[{":
        m = re.match(r"^[\w$.]+\s*\((.*)\)\s*;?\s*$", text, re.S)
        if not m:
            return None
        text = m.group(1)
    try:
        return json.loads(text)
    except ValueError:
        return None


def entries(data, base_url: str) -> list[ListEntry]:
    """The entries of the JSON answer's best list: the array with the most titled links."""
    best: list[ListEntry] = []
    for items in _lists(data):
        found = [e for e in (_entry(x, base_url) for x in items) if e is not None]
        if len(found) > len(best):
            best = found
    return best


def totals(data) -> tuple[int | None, int | None]:
    """(total records, total pages) the answer states, searched near the top of the document."""
    total = pages = None

    def walk(node, depth):
        nonlocal total, pages
        if depth > 3 or not isinstance(node, dict):
            return
        for k, v in node.items():
            if isinstance(v, str) and v.isdigit():
                v = int(v)
            if isinstance(v, int) and not isinstance(v, bool):
                if total is None and k in TOTAL_KEYS:
                    total = v
                elif pages is None and k in PAGES_KEYS:
                    pages = v
            elif isinstance(v, dict):
                walk(v, depth + 1)
    walk(data, 0)
    return total, pages


@dataclass
class Endpoint:
    """A JSON list request: method, URL and form/JSON body, with the name of its page parameter."""
    url: str
    method: str = "GET"
    params: dict = field(default_factory=dict)     # GET: in the URL; POST: the body
    json_body: bool = False
    page_param: str | None = None
    offset_param: str | None = None
    size: int | None = None

    def with_page(self, n: int) -> "Endpoint":
        params = dict(self.params)
        if self.page_param:
            params[self.page_param] = n
        elif self.offset_param and self.size:
            params[self.offset_param] = (n - 1) * self.size + (1 if self.offset_param == "startrecord" else 0)
        return Endpoint(self.url, self.method, params, self.json_body, self.page_param, self.offset_param, self.size)

    def current_page(self) -> int:
        if self.page_param:
            try:
                return int(self.params[self.page_param])
            except (KeyError, TypeError, ValueError):
                return 1
        if self.offset_param and self.size:
            try:
                return int(self.params[self.offset_param]) // self.size + 1
            except (KeyError, TypeError, ValueError):
                return 1
        return 1

    def request_url(self) -> str:
        if self.method == "GET" and self.params:
            parts = urlsplit(self.url)
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            query.update({k: str(v) for k, v in self.params.items()})
            return urlunsplit(parts._replace(query=urlencode(query)))
        return self.url

    def body(self) -> bytes | None:
        if self.method != "POST":
            return None
        if self.json_body:
            return json.dumps(self.params, ensure_ascii=False).encode("utf-8")
        return urlencode({k: str(v) for k, v in self.params.items()}).encode("utf-8")


def _paging_fields(params: dict) -> tuple[str | None, str | None, int | None]:
    page = next((k for k in params if k in PAGE_PARAMS or k.lower() in {p.lower() for p in PAGE_PARAMS}), None)
    offset = next((k for k in params if k in OFFSET_PARAMS), None)
    size_key = next((k for k in params if k in SIZE_PARAMS), None)
    size = None
    if size_key is not None:
        try:
            size = int(params[size_key])
        except (TypeError, ValueError):
            size = None
    return page, offset, size


def endpoint_from_url(url: str, method: str = "GET", body: str | None = None, json_body: bool = False) -> Endpoint:
    """An endpoint from a request seen (a URL with its query, a POST body)."""
    parts = urlsplit(url)
    params: dict = {}
    if method == "POST" and body:
        data = load(body) if json_body else None
        params = data if isinstance(data, dict) else dict(parse_qsl(body, keep_blank_values=True))
        base = url
    else:
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        base = urlunsplit(parts._replace(query=""))
    page, offset, size = _paging_fields(params)
    if page is None and offset is None and method == "GET" and "/gkmlpt/api/" in parts.path:
        page = "page"
    return Endpoint(base, method, params, json_body, page, offset, size)


# -- endpoints in the page's scripts ------------------------------------------------------------
_QUOTED = r"""(?P<q>['"`])(?P<s>(?:(?!(?P=q))[^\\\n]|\\.){1,300})(?P=q)"""
_AJAX = re.compile(r"""(?:\$|jQuery)\s*\.\s*(ajax|get|post|getJSON)\s*\(""")
_FETCH = re.compile(r"""\b(?P<fn>fetch|axios(?:\s*\.\s*(?P<verb>get|post))?)\s*\(\s*""" + _QUOTED)
_URL_PROP = re.compile(r"""\burl\s*:\s*""" + _QUOTED)
_GKMLPT = re.compile(r"""/gkmlpt/api/all/(\d+)?""")
_TREE_NODE = re.compile(r"""\{[^{}]*?["']?id["']?\s*:\s*["']?(\d+)["']?[^{}]*?["']?name["']?\s*:\s*["']([^"']+)["'][^{}]*\}""")
_API_WORDS = re.compile(r"(api|json|list|search|query|data|\.do\b|\.action\b|trsapi|getdoc|getarticle|lmxx|xxgk)", re.I)
_STATIC = re.compile(r"\.(js|css|png|jpe?g|gif|svg|ico|woff2?|ttf)(\?|$)", re.I)


def object_after(text: str, start: int, limit: int = 3000) -> str:
    """The balanced ``{…}`` that starts at or after ``start`` (within a few characters)."""
    i = text.find("{", start, start + 40)
    if i < 0:
        return ""
    depth = 0
    for j in range(i, min(len(text), i + limit)):
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        if depth == 0:
            return text[i:j + 1]
    return ""


def _literal_params(obj: str) -> dict:
    """``{pageNo: 1, pageSize: 15, columnId: '123'}`` -> dict of its literal values (a
    JavaScript object literal read leniently: unquoted keys, single quotes, no expressions)."""
    params: dict = {}
    for m in re.finditer(r"""['"]?([A-Za-z_$][\w$]*)['"]?\s*:\s*(?:(['"])((?:(?!\2).){0,200})\2|(-?\d+(?:\.\d+)?)\b|(true|false)\b|([A-Za-z_$][\w$.]*))""", obj):
        key = m.group(1)
        if key in ("url", "type", "method", "dataType", "contentType", "async", "cache", "success", "error",
                   "headers", "complete", "beforeSend", "jsonp", "jsonpCallback", "traditional", "timeout"):
            continue
        if m.group(2):
            value = m.group(3)
        elif m.group(4) is not None:
            value = float(m.group(4)) if "." in m.group(4) else int(m.group(4))
        elif m.group(5):
            value = m.group(5) == "true"
        else:
            value = None  # a variable: its value is known only when the script runs
        params.setdefault(key, value)
    return params


def endpoints(scripts: str, page_url: str) -> list[Endpoint]:
    """JSON list endpoints the page's scripts call, with the parameters written next to them."""
    found: list[Endpoint] = []
    for m in _GKMLPT.finditer(scripts):
        column = m.group(1) or gkmlpt_column(scripts, page_url)
        if not column:
            continue
        sid = re.search(r"""\bsid["']?\s*[:=]\s*['"]?(\d+)""", scripts, re.I)
        params = {"page": 1}
        if sid:
            params["sid"] = sid.group(1)
        found.append(Endpoint(urljoin(page_url, f"/gkmlpt/api/all/{column}"), "GET", params, False, "page"))
    for m in _AJAX.finditer(scripts):
        string_first = re.match(r"\s*['\"`]", scripts[m.end():m.end() + 10])
        call = "" if string_first else object_after(scripts, m.end())
        if call:
            um = _URL_PROP.search(call)
            if not um:
                continue
            url = um.group("s")
            method = "POST" if re.search(r"""type\s*:\s*['"]post['"]|method\s*:\s*['"]post['"]""", call, re.I) \
                or m.group(1) == "post" else "GET"
            data = re.search(r"\bdata\s*:\s*", call)
            params = _literal_params(object_after(call, data.end())) if data else {}
            json_body = bool(re.search(r"JSON\.stringify|application/json", call))
        else:  # $.get('url', {…}) / $.post('url', {…})
            qm = re.match(r"\s*" + _QUOTED, scripts[m.end():m.end() + 400])
            if not qm or re.match(r"\s*\+", scripts[m.end() + qm.end():m.end() + qm.end() + 10]):
                continue  # none, or only the head of an address built at run time ('/data/' + y)
            url = qm.group("s")
            method = "POST" if m.group(1) == "post" else "GET"
            params = _literal_params(object_after(scripts, m.end() + qm.end()))
            json_body = False
        found.append(_endpoint(url, method, params, json_body, page_url))
    for m in _FETCH.finditer(scripts):
        url = m.group("s")
        opts = object_after(scripts, m.end())
        if m.group("fn").startswith("axios"):  # axios.post(url, data) / axios.get(url, {params})
            method = "POST" if m.group("verb") == "post" else "GET"
            inner = re.search(r"\bparams\s*:\s*", opts)
            params = _literal_params(object_after(opts, inner.end()) if inner and method == "GET" else opts)
            found.append(_endpoint(url, method, params, method == "POST", page_url))
            continue
        method = "POST" if re.search(r"""method\s*:\s*['"]post['"]""", opts, re.I) else "GET"
        body = re.search(r"\bbody\s*:\s*(?:JSON\.stringify\s*\(\s*)?", opts)
        params = _literal_params(object_after(opts, body.end())) if body else {}
        found.append(_endpoint(url, method, params, "JSON.stringify" in opts, page_url))
    out, seen = [], set()
    for e in found:
        if e is None or _STATIC.search(urlsplit(e.url).path) or not _API_WORDS.search(e.url):
            continue
        key = (e.url, e.method, tuple(sorted(e.params)))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def gkmlpt_column(scripts: str, page_url: str) -> str | None:
    """The column a gkmlpt page lists when its script builds the API path at run time: the id
    in the page URL's fragment (``/gkmlpt/index#1946``), else the 年报 node of the column tree the
    page configures."""
    fragment = urlsplit(page_url).fragment
    if fragment.isdigit():
        return fragment
    for node_id, name in _TREE_NODE.findall(scripts):
        if re.search(r"(年报|年度报告)", name):
            return node_id
    return None


def _endpoint(url: str, method: str, params: dict, json_body: bool, page_url: str) -> Endpoint | None:
    if "+" in url or "${" in url or not url.strip():
        return None
    full = urljoin(page_url, url.strip())
    if urlsplit(full).scheme not in ("http", "https"):
        return None
    parts = urlsplit(full)
    if method == "GET":
        params = {**dict(parse_qsl(parts.query, keep_blank_values=True)), **params}
        full = urlunsplit(parts._replace(query=""))
    page, offset, size = _paging_fields(params)
    if page and params.get(page) is None:  # written as a variable (pageNo: curPage): start at 1
        params[page] = 1
    if offset and params.get(offset) is None:
        params[offset] = 0
    params = {k: v for k, v in params.items() if v is not None}
    return Endpoint(full, method, params, json_body, page, offset, size)
