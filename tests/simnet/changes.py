"""How a page changes in the second state: an edited body, and the answers of removed pages and
of URLs that fail for a while (used by portal.Builder when it builds the second state)."""
from __future__ import annotations

import re

from govcrawl.sample_portals.textutil import esc
from tests.simnet import skins
from tests.simnet.model import Resource, host_mark

CHANGE_DATE = "2026-01-15"
_FIRST_COUNT = re.compile(r"(本年新收政府信息公开申请数量.*?<td[^>]*>(?:<p[^>]*>)?(?:<span[^>]*>)?)(\d+)", re.S)
_SENTENCE = re.compile(r"(（三）政府信息管理。)([^<]*)")
NEW_SENTENCE = "修订政府信息公开工作制度，建立健全公开属性源头认定和发布前审查机制，全年清理过期失效信息一批。"


def edit_body(body: str, change: str) -> str:
    """The body after an edit: ``edited:sentence`` rewrites one sentence, ``edited:number`` changes
    the first count of the applications table (or, in a report without tables, a quoted count)."""
    if change == "edited:sentence":
        edited, n = _SENTENCE.subn(lambda m: m.group(1) + NEW_SENTENCE, body, count=1)
        if n:
            return edited
        return body.replace("</p>", f"</p><p>　　{NEW_SENTENCE}</p>", 1)
    edited, n = _FIRST_COUNT.subn(lambda m: m.group(1) + str(int(m.group(2)) + 3), body, count=1)
    if n:
        return edited
    return re.sub(r"(\d+)(条|件)", lambda m: str(int(m.group(1)) + 3) + m.group(2), body, count=1)


def removal(builder, how: str, list_url: str) -> Resource:
    """What a removed report's URL answers in the second state."""
    if how == "404":
        return Resource("<html><body><h1>404</h1><p>您访问的页面不存在</p></body></html>".encode("utf-8"),
                        "text/html; charset=utf-8", 404, conditional=False)
    if how == "410":
        return Resource(b"<html><body><h1>410 Gone</h1></body></html>", "text/html", 410, conditional=False)
    if how in ("redirect_home", "redirect_list"):
        target = (builder.p + "/") if how == "redirect_home" else list_url
        return Resource(b"", "text/html", 302, headers={"Location": host_mark(builder.host.key) + target},
                        conditional=False)
    message = how.split(":", 1)[1]
    text = skins.page(builder.chrome, message, f'<div class="error"><p>{esc(message)}</p>'
                      f'<p><a href="{builder.p}/">返回首页</a></p></div>')
    return Resource(text.encode(builder.host.encoding, "xmlcharrefreplace"),
                    f"text/html; charset={builder.host.charset()}", 200, last_modified=CHANGE_DATE)


def replace_page(builder, doc, change: str, list_url: str) -> None:
    """Put the second-state answer at every URL of doc: a removal, a 503 or a connection reset."""
    kind, _, how = change.partition(":")
    for host, path in doc.locations:
        if kind == "removed":
            resource = removal(builder, how, list_url)
        elif how == "503":
            resource = Resource(b"<html><body>503 Service Temporarily Unavailable</body></html>", "text/html", 503,
                                conditional=False)
        else:
            resource = Resource(b"", "text/html", 200, headers={"X-Simnet-Action": "reset"}, conditional=False)
        builder.host.add(path, resource)
