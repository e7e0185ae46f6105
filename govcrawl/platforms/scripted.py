"""Links that only scripts carry: list rows and menu items without a usable ``<a href>``.

Many CMS templates make a row clickable instead of linking it:
- ``<li onclick="location.href='…'">``, ``onclick="window.open('…')"``, ``href="javascript:window.open('…')"``;
- ``data-href`` / ``data-url`` / ``data-link`` attributes read by a click handler;
- ``href="javascript:void(0)" onclick="openDetail('12345')"`` (or ``loadYear(2023)``), where the
  URL is built in ``function openDetail(id){ window.open('/…/content_' + id + '.html') }`` in the
  page's own scripts.
``script_links`` turns each into (absolute url, the words the element shows). Functions defined in
external .js files are out of reach, as a crawler without a browser cannot read what it has not
fetched. No library reads this (it is template JavaScript, not a format), so it is done here with
the same function-body reader as the script pagers (``paging``).
"""
from __future__ import annotations

import re

from govcrawl.platforms import links, paging
from govcrawl.platforms.listing import DATE, ListEntry, find_date

_QUOTED = r"""['"]([^'"\n]{1,500})['"]"""
# location.href = '…', window.location='…', location.assign/replace('…'), window.open('…')
_GO = re.compile(r"(?:(?:window\.|document\.|top\.|self\.|parent\.)?location(?:\.href)?\s*=\s*%s|"
                 r"location\.(?:assign|replace)\(\s*%s|window\.open\(\s*%s)" % (_QUOTED, _QUOTED, _QUOTED))
# fn('abc123') / fn(2023) / fn("x", …): a named function and its first argument
_CALL = re.compile(r"^\s*(?:javascript:)?\s*(?:void\(0\);?\s*)?(?:return\s+)?(?P<fn>[A-Za-z_$][\w$.]*)\(\s*"
                   r"(?:'(?P<s1>[\w\-./]{1,80})'|\"(?P<s2>[\w\-./]{1,80})\"|(?P<n>\d{1,12}))\s*[,)]")
_NOT_FUNCTIONS = {"void", "alert", "confirm", "history.back", "history.go", "window.print", "print",
                  "window.close", "setTimeout", "eval"}
DATA_ATTRS = ("data-href", "data-url", "data-link", "data-src-url", "data-detail-url")


def _shown_text(el) -> str:
    """The words a clickable row shows as its title: its longest text piece that is not a date."""
    if el.tag == "a":
        return links.clean(el.text_content()) or links.clean(el.get("title"))
    pieces = [links.clean(t) for t in el.itertext()]
    pieces = [p for p in pieces if p and not DATE.fullmatch(p.strip("[]【】()（） "))]
    return links.clean(el.get("title")) or max(pieces, key=len, default="")


class _Functions:
    """URL builders of the page's own script functions, read once each."""

    def __init__(self, scripts: str):
        self.scripts = scripts
        self.built: dict[str, object] = {}

    def url(self, name: str, arg: int | str) -> str | None:
        if name not in self.built:
            found = paging.js_function_body(self.scripts, name.rsplit(".", 1)[-1])
            self.built[name] = paging.js_url_builder(*found) if found else None
        build = self.built[name]
        return build(arg) if build else None


def script_url(code: str, functions: _Functions) -> str | None:
    """The address a piece of inline script goes to, or None."""
    if not code:
        return None
    m = _GO.search(code)
    if m:
        return next(g for g in m.groups() if g)
    m = _CALL.match(code)
    if m and m["fn"] not in _NOT_FUNCTIONS:
        return functions.url(m["fn"], int(m["n"]) if m["n"] else (m["s1"] or m["s2"]))
    return None


def _outside_functions(script: str) -> str:
    """The script without its function bodies: what runs when the page loads."""
    out, i = [], 0
    for m in re.finditer(r"function\b[^{]*\{|=>\s*\{", script):
        if m.start() < i:
            continue
        out.append(script[i:m.start()])
        depth, j = 0, m.end() - 1
        while j < len(script):
            depth += {"{": 1, "}": -1}.get(script[j], 0)
            if depth == 0:
                break
            j += 1
        i = j + 1
    out.append(script[i:])
    return "".join(out)


def landing_redirect(response) -> str | None:
    """Where a page that is only a redirect sends the browser: a ``<meta http-equiv=refresh>`` of
    under 30 s, or a script that sets ``location`` as the page loads (not inside a function a
    click calls), on a page that shows next to nothing itself."""
    from w3lib.html import get_meta_refresh

    head = response.text[:20000]
    interval, url = get_meta_refresh(head, response.url)
    if url and interval is not None and interval < 30:
        return url
    shown = links.clean(" ".join(response.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]").getall()))
    if len(shown) > 200:
        return None
    for script in response.xpath("//script[not(@src)]/text()").getall():
        m = _GO.search(_outside_functions(script))
        if m:
            return links.absolute(response, next(g for g in m.groups() if g))
    return None


def script_links(response) -> list[tuple[str, str]]:
    """(absolute url, shown text) of the page's script-only links (see module doc)."""
    return [(e.url, e.title) for e in script_rows(response)]


def script_entries(response, on_site) -> list[ListEntry]:
    """List entries among the script-only links: title-length words, and a date on the row or
    an address shaped like an article or a document (menu items and tabs have neither)."""
    out = []
    for e in script_rows(response):
        if len(e.title) >= 6 and (on_site(e.url) or links.is_document_url(e.url)) and (
                e.date or links.is_detail_url(e.url) or links.is_document_url(e.url)):
            out.append(e)
    return list({e.url: e for e in reversed(out)}.values())[::-1]


def script_rows(response) -> list[ListEntry]:
    root = response.selector.root
    functions = _Functions("\n".join(response.xpath("//script[not(@src)]/text()").getall()))
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "form", "body", "html", "select", "option"):
            continue
        href = el.get("href") if el.tag in ("a", "area") else None
        if href is not None and links.is_followable(href):
            continue  # an ordinary link: read as such elsewhere
        target = None
        for attr in DATA_ATTRS:
            value = (el.get(attr) or "").strip()
            if value and links.is_url_like(value):
                target = value
                break
        if target is None:
            for code in (el.get("onclick"), href if href and href.strip().lower().startswith("javascript:") else None):
                target = script_url(code or "", functions)
                if target:
                    break
        if not target or not links.is_url_like(target):
            continue
        text = _shown_text(el)
        if text:
            row = el if el.tag != "a" or el.getparent() is None else el.getparent()
            out.append(ListEntry(links.absolute(response, target), text, find_date(row.text_content())))
    return out


__all__ = ["landing_redirect", "script_links", "script_entries", "script_rows", "script_url", "DATA_ATTRS"]
