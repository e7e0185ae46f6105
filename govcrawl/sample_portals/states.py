"""The sample portals a week later: the second state a re-crawl is tested and shown against.

``second_state(key)`` returns the replica of one site as it stands after a week, and what
changed on it. The changes are made on the served pages themselves, the way a portal's editors
make them, so every page the plan does not touch stays byte-identical (and keeps its ETag):

- two reports removed on each site, the five ways portals remove a page spread over the five
  sites (404, 410, a redirect to the homepage, a redirect to the 年报 list, a 200 page saying
  该信息已删除 — each one twice over the sites); their rows leave the lists;
- one report edited: a sentence corrected and, where the page prints its tables, one number
  changed (its ETag changes with it);
- one report added: next year's report, at the top of the list that shows the newest one.

    from govcrawl.sample_portals import states
    portal2, changes = states.second_state("luqiao")
    servers.switch("luqiao", portal2)      # the running replica now serves the second state

``changes`` lists paths: {"removed": [(path, how)], "edited": [path], "added": [(path, title)]}.
"""
from __future__ import annotations

import copy
import re
from urllib.parse import urljoin, urlsplit

from .model import Article, Portal, Resource, canonical

REMOVALS = ["404", "redirect_home", "deleted", "410", "redirect_list"]
DELETED_PAGE = ("<html><head><title>提示信息</title></head><body><div class='tips'>"
                "<p>该信息已删除或已撤销。</p><p><a href='/'>返回首页</a></p></div></body></html>")
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.I)
_ROW_OPEN = re.compile(r"<(tr|li)\b", re.I)


def _html_page(portal: Portal, path: str) -> str | None:
    resource = portal.lookup(path)
    if resource is None or resource.status != 200 or not resource.content_type.startswith("text/html"):
        return None
    return resource.body.decode(portal.encoding, errors="replace")


def _encode(portal: Portal, html: str) -> Resource:
    charset = "gb2312" if portal.encoding.lower() in ("gbk", "gb2312", "gb18030") else portal.encoding
    return Resource(html.encode(portal.encoding, errors="xmlcharrefreplace"), f"text/html; charset={charset}")


def _candidates(portal: Portal, name: str) -> list[Article]:
    """The site's own reports (not those of the county the portal also carries) printed on their
    own HTML page (not only a PDF), newest first."""
    out = [a for a in portal.articles
           if a.is_annual_report and not a.pdf_only and name in a.title and _html_page(portal, a.path) is not None]
    return sorted(out, key=lambda a: (a.published, a.path), reverse=True)


def _listing_pages(portal: Portal, article: Article) -> list[tuple[str, str, int, int]]:
    """(page key, html, row start, row end) of every static page listing ``article`` in a row."""
    found = []
    target = canonical(article.path)
    articles = {canonical(a.path) for a in portal.articles}
    for key, resource in portal.pages.items():
        if key in articles or not resource.content_type.startswith("text/html") or resource.status != 200:
            continue  # lists and front pages, not the 上一篇 / 下一篇 links of other reports
        html = resource.body.decode(portal.encoding, errors="replace")
        for match in _HREF.finditer(html):
            if canonical(urljoin(urlsplit(key).path, match.group(1).replace("&amp;", "&"))) != target:
                continue
            opens = list(_ROW_OPEN.finditer(html, 0, match.start()))
            if not opens:
                continue
            start, tag = opens[-1].start(), opens[-1].group(1).lower()
            end = html.find(f"</{tag}>", match.end())
            if end < 0 or html.find(f"<{tag}", match.end(), end) >= 0:
                continue
            found.append((key, html, start, end + len(tag) + 3))
            break
    return found


def _remove(portal: Portal, article: Article, how: str, home: str, list_path: str) -> None:
    for key, html, start, end in _listing_pages(portal, article):
        portal.pages[key] = _encode(portal, html[:start] + html[end:])
    key = canonical(article.path)
    if how == "404":
        portal.pages.pop(key, None)  # the server's own 404 page answers
    elif how == "410":
        portal.pages[key] = Resource(b"<html><body><h1>410 Gone</h1></body></html>", "text/html", 410)
    elif how == "redirect_home":
        portal.pages[key] = Resource(b"", "text/html", 302, {"Location": home})
    elif how == "redirect_list":
        portal.pages[key] = Resource(b"", "text/html", 302, {"Location": list_path})
    else:
        portal.pages[key] = _encode(portal, DELETED_PAGE)


def _edit(portal: Portal, article: Article) -> bool:
    html = _html_page(portal, article.path)
    if html is None:
        return False
    body = html.find("<body")
    start = html.find(article.title, body) if body >= 0 else -1
    sentence = re.compile(r">([^<>]{12,}?。)").search(html, max(start, body, 0))
    if sentence is None:
        return False
    fixed = sentence.group(1)[:-1] + "（2025年3月更正：以本表所列数字为准）。"
    html = html[:sentence.start(1)] + fixed + html[sentence.end(1):]
    for cell in article.stats or []:  # one printed number changed, where the page prints the tables
        raw = str(cell.get("raw") or "")
        if raw.isdigit() and int(raw) > 0 and f">{raw}<" in html:
            html = html.replace(f">{raw}<", f">{int(raw) + 1}<", 1)
            break
    portal.pages[canonical(article.path)] = _encode(portal, html)
    return True


def _bump_number(text: str, by: int = 900000) -> str:
    """The text with its last run of digits raised (a new article id of the same CMS)."""
    runs = list(re.finditer(r"\d+", text))
    if not runs:
        return text + "_new"
    last = runs[-1]
    return text[:last.start()] + str(int(last.group()) + by) + text[last.end():]


def _add(portal: Portal, newest: Article) -> tuple[str, str] | None:
    """Next year's report, shaped like the newest, at the top of the lists showing the newest."""
    html = _html_page(portal, newest.path)
    year = newest.report_year
    if html is None or not year or f"{year}年" not in newest.title:
        return None
    listings = _listing_pages(portal, newest)
    if not listings:
        return None
    path = _bump_number(newest.path)
    title = newest.title.replace(f"{year}年", f"{year + 1}年")
    date = f"{year + 2}-01-20"
    page = html.replace(f"{year}年", f"{year + 1}年").replace(newest.published, date)
    if newest.index_no:
        page = page.replace(newest.index_no, _bump_number(newest.index_no, 1))
    portal.pages[canonical(path)] = _encode(portal, page)
    for key, listing, start, end in listings:
        row = listing[start:end]
        href = _HREF.search(row)
        new_row = row[:href.start(1)] + _bump_number(href.group(1)) + row[href.end(1):]
        new_row = new_row.replace(newest.list_title or newest.title, title).replace(newest.title, title)
        new_row = new_row.replace(newest.published, date)
        portal.pages[key] = _encode(portal, listing[:start] + new_row + listing[start:])
    return path, title


def second_state(key: str) -> tuple[Portal, dict]:
    """The replica of site ``key`` a week later, and what changed (see the module doc)."""
    from . import SITE_KEYS, SITES, portal as first_state

    first = first_state(key)
    portal = copy.copy(first)
    portal.pages = dict(first.pages)
    index = SITE_KEYS.index(key)
    home = SITES[key].get("homepage_path") or "/"
    list_path = first.list_urls[0] if first.list_urls else home
    reports = _candidates(first, SITES[key]["name"])
    changes: dict = {"removed": [], "edited": [], "added": []}
    titled = [a for a in reports if "年度报告" in a.title]  # next year's is shaped like a titled one
    newest = (titled or reports or [None])[0]
    rest = [a for a in reports if a is not newest]
    # the newest report stays (the new one is listed above it); the oldest ones are edited/removed
    pool = list(reversed(rest))
    for n in range(2):
        if not pool:
            break
        article = pool.pop(0)
        how = REMOVALS[(index + n * 2) % len(REMOVALS)]
        _remove(portal, article, how, home, list_path)
        changes["removed"].append((article.path, how))
    while pool:
        article = pool.pop(0)
        if _edit(portal, article):
            changes["edited"].append(article.path)
            break
    if newest is not None:
        added = _add(portal, newest)
        if added:
            changes["added"].append(added)
    return portal, changes
