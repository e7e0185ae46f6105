"""信息公开目录 trees whose nodes come from a JSON endpoint, opened node by node.

Many 目录 pages draw the catalogue with zTree (or a look-alike) in async mode: the page holds an
empty ``<ul class="ztree">`` and ``async: {url: "/api/tree", autoParam: ["id=pid"]}``; the widget
asks the endpoint for the top nodes, then for a node's children (``?pid=3``) when it is opened.
Nothing in the HTML links the columns, so the walk asks the endpoint itself: nodes with a URL are
links (name, url) for the walk's usual word rules, and nodes that have children are opened while
the navigation budget lasts, 信息公开-like nodes first. The reading is here rather than in
``jsonlist`` because a tree answer is navigation (columns), not a list of documents.
"""
from __future__ import annotations

import re
from urllib.parse import urlencode, urlsplit

from scrapy.http import TextResponse

from govcrawl.platforms import jsonlist, links

_ASYNC = re.compile(r"\basync\s*:\s*\{", re.I)
_URL_PROP = re.compile(r"""\burl\s*:\s*(['"])(?P<s>[^'"\n]{1,300})\1""")
_AUTO = re.compile(r"""\bautoParam\s*:\s*\[\s*(['"])(?P<p>[^'"]{1,60})\1""")
_TYPE_POST = re.compile(r"""\btype\s*:\s*['"]post['"]""", re.I)
NAME_KEYS = ("name", "text", "title", "label", "chnlName", "channelName", "lmmc")
URL_KEYS = ("url", "href", "link", "linkUrl", "chnlUrl", "pageUrl")
ID_KEYS = ("id", "nodeId", "chnlId", "channelId", "code")
CHILD_KEYS = ("children", "nodes", "child", "childs", "items")
MAX_OPEN = 12  # children asked per answer


def tree_sources(scripts: str) -> list[tuple[str, str, str, str]]:
    """(endpoint, node key, request parameter, method) of the async trees a page's scripts set up:
    ``autoParam: ["id=pid"]`` asks ``pid=<node id>``; ``["id"]`` asks ``id=<node id>``."""
    out = []
    for m in _ASYNC.finditer(scripts):
        block = jsonlist.object_after(scripts, m.end() - 1)
        url = _URL_PROP.search(block)
        if not url or "+" in url["s"] or re.match(r"\s*\+", block[url.end():url.end() + 10]):
            continue  # none, or an address built at run time
        auto = _AUTO.search(block)
        key, _, param = (auto["p"] if auto else "id").partition("=")
        out.append((url["s"], key.strip() or "id", (param or key).strip() or "id",
                    "POST" if _TYPE_POST.search(block) else "GET"))
    return list(dict.fromkeys(out))


def _pick(node: dict, keys: tuple[str, ...]):
    for k in keys:
        if node.get(k) not in (None, ""):
            return node[k]
    return None


def tree_nodes(data) -> list[dict]:
    """The nodes of a tree answer (a list, or an object holding one), nested children included:
    each as {name, url, id, parent (has children to ask for)}."""
    if isinstance(data, dict):
        data = next((v for v in data.values() if isinstance(v, list)),
                    next((v for v in data.values() if isinstance(v, dict)), []))
        if isinstance(data, dict):
            return tree_nodes(data)
    out = []
    for node in data if isinstance(data, list) else []:
        if not isinstance(node, dict):
            continue
        name = links.clean(str(_pick(node, NAME_KEYS) or ""))
        url = _pick(node, URL_KEYS)
        kids = next((node[k] for k in CHILD_KEYS if isinstance(node.get(k), list)), None)
        parent = bool(node.get("isParent") or node.get("hasChildren") or node.get("parent")) and not kids
        out.append({"name": name, "url": url if isinstance(url, str) and links.is_url_like(url) else None,
                    "id": _pick(node, ID_KEYS), "parent": parent})
        if kids:
            out += tree_nodes(kids)
    return out


class TreeMixin:
    """The walk's tree requests and answers (see module doc)."""

    def tree_requests(self, response, run, depth: int, scope_url: str | None):
        scripts = "\n".join(response.xpath("//script[not(@src)]/text()").getall())
        for endpoint, key, param, method in tree_sources(scripts):
            url = links.absolute(response, endpoint)
            if run.on_site(url):
                yield self.tree_request(run, url, None, key, param, method, depth, scope_url, response.url)

    def tree_request(self, run, url: str, node_id, key: str, param: str, method: str, depth: int,
                     scope_url: str | None, referer: str):
        fields = {} if node_id is None else {param: str(node_id)}
        kwargs = {"method": method}
        if method == "POST":
            kwargs.update(body=urlencode(fields), headers={"Content-Type": "application/x-www-form-urlencoded"})
        endpoint = url
        if method == "GET" and fields:
            parts = urlsplit(url)
            url = parts._replace(query="&".join(x for x in (parts.query, urlencode(fields)) if x)).geturl()
        return self.nav_request(run, url, depth, scope_url=scope_url, referer=referer, callback=self.parse_tree,
                                extra={"key": key, "param": param, "method": method, "endpoint": endpoint}, **kwargs)

    def parse_tree(self, response, depth: int = 0, in_scope=None, scope_url: str | None = None, index_level=None,
                   key: str = "id", param: str = "pid", method: str = "GET", endpoint: str = ""):
        run = self.site_of(response)
        run.counts["nav_pages"] += 1
        self.touch(run)
        data = jsonlist.load(response.text) if isinstance(response, TextResponse) else None
        if data is None:
            self.logger.info("tree endpoint answered no JSON: %s", response.url)
            return
        nodes = tree_nodes(data)
        page = [(links.absolute(response, n["url"]), n["name"]) for n in nodes if n["url"] and n["name"]]
        for url, text in page:
            if run.on_site(url) and links.is_report_column(text):
                yield self.column_request(run, url, text, referer=response.url)
        if any(links.is_report_column(t) for _, t in page):
            return
        for url, text in page:
            if run.on_site(url) and links.is_disclosure_nav(text) and depth < self.settings.getint("GOVCRAWL_MAX_NAV_DEPTH", 3):
                yield self.nav_request(run, url, depth + 1, in_scope=True, scope_url=scope_url, referer=response.url)
        shut = [n for n in nodes if n["parent"] and n["id"] is not None]
        shut.sort(key=lambda n: not (links.is_disclosure_nav(n["name"]) or "公开" in n["name"] or "年报" in n["name"]))
        if depth < self.settings.getint("GOVCRAWL_MAX_NAV_DEPTH", 3):
            for n in shut[:MAX_OPEN]:
                yield self.tree_request(run, endpoint, n["id"], key, param, method, depth + 1, scope_url,
                                        response.url)


__all__ = ["TreeMixin", "tree_nodes", "tree_sources"]
