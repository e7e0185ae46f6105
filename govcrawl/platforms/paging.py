"""List pagination read from a pager's links: which URL template the pages share and which
pages lie between the next page and the last.

Pagers often show only a window of page numbers, a 下一页 and a 尾页 link (``index_2.html`` …
``index_9.html``, ``list.jsp?lmid=35&page=9``). Once the template and the last number are known,
every page in between can be requested directly, so one page whose 下一页 is written in an
unusual way does not cut the list short. Always bounded by the caller's page cap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_PATH_PAGE = re.compile(r"^(?P<dir>.*/)?(?P<stem>[\w-]+?)_(?P<n>\d{1,4})\.(?P<ext>s?html?|jsp|aspx?|php)$", re.I)
_PLAIN_PAGE = re.compile(r"^(?P<dir>.*/)?(?P<stem>[\w-]+)\.(?P<ext>s?html?|jsp|aspx?|php)$", re.I)
PAGE_PARAMS = ("page", "pageno", "pagenum", "pageindex", "curpage", "currentpage", "cpage", "pn", "p", "page_no",
               "pagecurrent", "pages")


@dataclass(frozen=True)
class Template:
    """Pages that differ only in their number: index_N.html, or ?page=N on one query."""
    kind: str        # "path" | "query"
    base: str        # path template key or the URL without its page parameter
    extra: str       # extension (path) or parameter name (query)

    def url(self, n: int) -> str:
        if self.kind == "path":
            return f"{self.base}_{n}.{self.extra}"
        parts = urlsplit(self.base)
        query = parse_qsl(parts.query, keep_blank_values=True) + [(self.extra, str(n))]
        return urlunsplit(parts._replace(query=urlencode(query)))


def page_of(url: str) -> tuple[Template, int] | None:
    """The template a list URL belongs to and its page number, if it carries one."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for i, (name, value) in enumerate(query):
        if name.lower() in PAGE_PARAMS and value.isdigit():
            rest = query[:i] + query[i + 1:]
            base = urlunsplit(parts._replace(query=urlencode(sorted(rest)), fragment=""))
            return Template("query", base, name), int(value)
    m = _PATH_PAGE.match(parts.path)
    if m and not parts.query:
        base = urlunsplit(parts._replace(path=(m["dir"] or "") + m["stem"], query="", fragment=""))
        return Template("path", base, m["ext"]), int(m["n"])
    return None


def same_list(template: Template, current_url: str) -> bool:
    """Is the current page (maybe the unnumbered first one) a page of ``template``?"""
    here = page_of(current_url)
    if here:
        return here[0] == template
    parts = urlsplit(current_url)
    if template.kind == "query":
        query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
        return urlunsplit(parts._replace(query=query, fragment="")) == template.base
    path = parts.path if not parts.path.endswith("/") else parts.path + "index.html"
    m = _PLAIN_PAGE.match(path)
    return bool(m) and urlunsplit(parts._replace(path=(m["dir"] or "") + m["stem"], query="", fragment="")) == template.base


def pages_between(current_url: str, next_urls: list[str], last_urls: list[str], cap: int) -> list[str]:
    """Every page from the first next/numbered page to the 尾页 page of the current list's template."""
    here = page_of(current_url)
    current = here[1] if here else None
    out: list[str] = []
    for last_url in last_urls:
        last = page_of(last_url)
        if not last or not same_list(last[0], current_url):
            continue
        template, end = last
        numbers = [n for t, n in filter(None, map(page_of, next_urls)) if t == template]
        if not numbers:
            continue
        ahead = [n for n in numbers if current is None or n > current]
        if not ahead:
            continue
        start = min(ahead)
        for n in range(start, min(end, start + cap - 1) + 1):
            url = template.url(n)
            if url not in out:
                out.append(url)
    return out


# -- pagers written as script calls -----------------------------------------------------------
# ``javascript:goPage(3)`` / ``onclick="turnPage(3)"``: a named function and one page number.
_JS_CALL = re.compile(r"^\s*(?:javascript:)?\s*(?:void\(0\);?\s*)?(?P<fn>[A-Za-z_$][\w$]*)\(\s*['\"]?(?P<n>\d{1,4})['\"]?\s*\)\s*;?\s*(?:return\s+false;?)?\s*$")


def js_function_body(scripts: str, name: str) -> tuple[str, str] | None:
    """(parameter, body) of ``function name(p){…}`` or ``name = function(p){…}`` in the scripts."""
    m = re.search(r"function\s+%s\s*\(\s*(\w+)[^)]*\)\s*\{" % re.escape(name), scripts) or re.search(
        r"\b%s\s*=\s*function\s*\(\s*(\w+)[^)]*\)\s*\{" % re.escape(name), scripts)
    if not m:
        return None
    depth, start = 0, m.end() - 1
    for i in range(start, min(len(scripts), start + 4000)):
        depth += {"{": 1, "}": -1}.get(scripts[i], 0)
        if depth == 0:
            return m.group(1), scripts[start + 1:i]
    return None


def js_url_builder(param: str, body: str):
    """A function n -> URL from the first string concatenation around ``param`` that can be an
    address (not a ``'#id' + n`` selector nor a message) in a pager
    function (``'index_'+(n-1)+'.html'``, ``"list.jsp?page="+n``), or None. Branches
    (``if(n<=1) location.href='index.html'``) are not evaluated: numbers that would make the
    page number below 1 are left out, the first page being the column page itself."""
    quoted = r"""(?:'[^'\n]*'|"[^"\n]*")"""
    strings = lambda s: "".join(x[1:-1] for x in re.findall(quoted, s))  # noqa: E731
    for m in re.finditer(
            r"(?P<head>(?:%s\s*\+\s*)+)\(?\s*(?:parseInt\(\s*)?%s\s*\)?\s*(?P<off>[+-]\s*\d+)?\s*\)?(?P<tail>(?:\s*\+\s*%s)*)"
            % (quoted, re.escape(param), quoted), body):
        head, tail = strings(m["head"]), strings(m["tail"] or "")
        # an address, not a selector or a message ('#y' + y, '第' + n + '页')
        if not head.startswith("#") and not re.search(r"[\s\u4e00-\u9fff]", head + tail):
            break
    else:
        return None
    offset = int(re.sub(r"\s", "", m["off"])) if m["off"] else 0
    if not (head or tail):
        return None

    def build(n: int | str) -> str | None:
        if isinstance(n, str):  # an id (quoted in the call): taken as it is
            return f"{head}{n}{tail}" if not offset else None
        number = n + offset
        return f"{head}{number}{tail}" if number >= 1 or not head.endswith("_") else None
    return build


def js_pager_links(anchors: list[tuple[str, str, str]], scripts: str) -> list[tuple[str, str]]:
    """Resolve pager links that only call a script function to (relative url, anchor text).

    ``anchors`` are (href, onclick, text); the URL pattern is read from the function's body in
    the page's own scripts (functions in external .js files are out of reach).
    """
    builders: dict[str, object] = {}
    out = []
    for href, onclick, text in anchors:
        m = None
        for code in (href or "", onclick or ""):
            m = _JS_CALL.match(code)
            if m and m["fn"] != "void":
                break
            m = None
        if not m:
            continue
        name = m["fn"]
        if name not in builders:
            found = js_function_body(scripts, name)
            builders[name] = js_url_builder(*found) if found else None
        build = builders[name]
        url = build(int(m["n"])) if build else None
        if url:
            out.append((url, text))
    return out
