"""List pages: every reader that applies to the page, whichever class started the crawl.

A list page is read by what it shows, not by the platform a spider was written for:
- a JSON answer (an API a page's scripts call) -> ``jsonlist``;
- Hanweb ``<datastore>`` records, and more from ``/module/web/jpage/dataproxy.jsp`` -> ``hanweb``;
- link blocks with dates or detail-like URLs -> ``listing``;
- TRS ``createPageHTML`` / ``var countPage`` pagers -> ``trs``;
- ASP.NET ``__doPostBack`` pagers -> ``postback``;
- 下一页 / 尾页 / numbered / ``javascript:goPage(n)`` pagers -> ``paging``;
- JSON endpoints named in the page's scripts, called directly -> ``jsonlist``;
- lists inside iframes, per-year sub-columns.
When none of them finds an entry and the page runs scripts, the list is rendered in Chromium and
paged by clicking (``render``); the site is recorded as needing a browser.

Pages are counted per column and per site: real pages fetched, not hops, so a pager that points
a thousand pages ahead costs at most the column's budget.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import HtmlResponse, TextResponse, XmlResponse

from govcrawl.platforms import hanweb, jsonlist, links, paging, postback, scripted, trs
from govcrawl.platforms.listing import ListEntry, list_block_entries
from govcrawl.platforms.scope import SiteRun

_SCRIPTED = ("<script",)


class ListMixin:
    """List callbacks of PortalSpider (see module doc)."""

    # -- budget --------------------------------------------------------------------------------
    def list_page_allowed(self, run: SiteRun, column: str, url: str, mode: str, referer: str | None) -> bool:
        cap = self.limits.scan_pages if mode == "scan" else self.limits.column_pages
        if run.column_pages[column] >= cap:
            if mode != "scan":
                self.note_cut(run, f"list page budget: {cap} pages of the column {column}", url, referer)
            return False
        if run.counts["list_pages_requested"] >= self.limits.list_pages:
            self.note_cut(run, f"list page budget: {self.limits.list_pages} list pages for this site", url, referer)
            return False
        return True

    def more_list(self, run: SiteRun, response, url: str, *, method: str = "GET", body=None,
                  meta: dict | None = None, request_cls=scrapy.Request, **kwargs):
        """A further page of the list ``response`` belongs to, within the budgets."""
        cb = response.meta.get("govcrawl_list") or {}
        column = cb.get("column") or response.url
        mode = cb.get("mode", "reports")
        real = run.to_real(url)
        if not self.list_page_allowed(run, column, real, mode, response.url):
            return None
        conditions = self.conditions_for(real) if method == "GET" and "headers" not in kwargs else {}
        if conditions:
            kwargs["headers"] = conditions["headers"]
            meta = {**(meta or {}), **conditions["meta"]}
        request = self.make_request(run, real, self.parse_list, "scan" if mode == "scan" else "list",
                                    referer=response.url, method=method, body=body, request_cls=request_cls,
                                    meta={"govcrawl_frame": response.meta.get("govcrawl_frame", False), **(meta or {})},
                                    cb_kwargs={"column": column, "column_title": cb.get("column_title"),
                                               "mode": mode}, **kwargs)
        if request is not None:
            run.counts["list_pages_requested"] += 1
            run.column_pages[column] += 1
        return request

    def as_sent(self, run: SiteRun, response):
        """A list or navigation page as the server last sent it whole: its validators are kept
        for the next crawl, and a 304 becomes the page as captured then (None if the capture
        cannot be read), so what the page leads to is asked again, each conditionally."""
        from govcrawl.recrawl import archived_copy, seen_page
        from govcrawl.signals import page_seen

        page = seen_page(run.to_real(response.url), run.site_id, response.request, response)
        if page is not None:
            self.crawler.signals.send_catch_log(signal=page_seen, spider=self, page=page)
        if response.status == 304:
            return archived_copy(self.settings.get("GOVCRAWL_ARCHIVE_DIR", "archive"), response)
        return response

    def conditions_for(self, url: str) -> dict:
        """make_request arguments asking a page (a list, a navigation page) only if it changed
        since the last crawl."""
        from govcrawl.recrawl import page_conditions

        headers, meta = page_conditions(self.memory.pages.get(url.split("#")[0]))
        return {"headers": headers, "meta": meta} if headers else {}

    # -- the list callback ---------------------------------------------------------------------
    def parse_list(self, response, column: str | None = None, column_title: str | None = None,
                   mode: str = "reports", page: int = 1):
        """A list page (or a JSON answer): entries to detail requests, then further pages."""
        run = self.site_of(response)
        if response.status == 304:  # unchanged: its entries are known, so paging stops here
            run.counts["list_unchanged"] += 1
        response = self.as_sent(run, response)
        if response is None:
            return
        if not isinstance(response, TextResponse):
            # The column link went straight to a document.
            yield from self.parse_detail(response, list_url=response.url, column_title=column_title)
            return
        column = column or run.to_real(response.url)
        response.meta["govcrawl_list"] = {"column": column, "column_title": column_title, "mode": mode}
        run.counts["list_pages"] += 1
        if run.column_pages[column] == 0:
            run.column_pages[column] = 1  # the column's first page, requested as a column
        self.touch(run)
        self.crawler.stats.inc_value("govcrawl/list_pages")
        entries, requests, readers = self.read_list(response, run)
        later = response.meta.get("govcrawl_render_if_empty")
        if later and not entries:
            yield self.render_request(run, response, target=later["url"], column_page=later["column"])
        stopped = False
        if mode == "scan":  # another column: only what is titled like an annual report
            entries = [e for e in entries if links.looks_like_report_title(e.title)]
        run.readers.update(readers if entries else ())
        self.crawler.stats.inc_value("govcrawl/list_entries", len(entries))
        run.counts["list_entries"] += len(entries)
        for entry in entries:
            if entry.url in run.other_columns:
                continue
            yield self.detail_request(run, entry, response.url, column_title=column_title)
        if run.recrawl and entries and not any(self.memory.lookup(run.to_real(e.url)) is None for e in entries):
            # A re-crawl reads a newest-first list only as far as it brings something new.
            run.counts["paging_stopped"] += 1
            requests, stopped = [], True
        markup = isinstance(response, (HtmlResponse, XmlResponse))
        frames = [] if response.meta.get("govcrawl_frame") or not markup else self.content_frames(response, run)
        years = [url for url, text in self.page_links(response, run)
                 if run.on_site(url) and links.is_year_subcolumn(text)] if mode == "reports" and markup else []
        leads = bool(entries or requests or frames or years)
        if run.recrawl and not leads and response.meta.get("kind") == "column" \
                and not self.should_render(response, run, mode):
            yield from self.rediscover(run, f"the 年报 column {column} showed no entries", response.url)
        first = response.meta.get("kind") == "column" or response.meta.get("govcrawl_first", False)
        for url in frames:
            yield self.more_list(run, response, url, meta={"govcrawl_frame": True, "govcrawl_first": first})
        for request in requests:
            yield request
        # A re-crawl renders a list page only when nothing else on it leads further (an endpoint,
        # frames, year columns) and its own entries did not end the paging.
        render_ok = not stopped and not (run.recrawl and (requests or frames or years))
        if response.meta.get("govcrawl_script_pager") and render_ok and self.should_render(response, run, mode,
                                                                                            entries):
            yield self.render_request(run, response)
        elif not entries and not frames and not requests and not years:
            if render_ok and self.should_render(response, run, mode):
                yield self.render_request(run, response)
            else:
                self.logger.info("list page has no entries: %s", response.url)
                self.crawler.stats.inc_value("govcrawl/empty_list_pages")
                run.counts["empty_list_pages"] += 1
        for url in years:
            yield self.more_list(run, response, url)

    def read_list(self, response, run: SiteRun) -> tuple[list[ListEntry], list, set[str]]:
        """(entries, further-page requests, names of the readers that found entries)."""
        entries: list[ListEntry] = []
        requests: list = []
        readers: set[str] = set()

        def add(name: str, found) -> None:
            new = [e for e in found if e.url not in {x.url for x in entries}]
            if new:
                readers.add(name)
                entries.extend(new)

        keep = lambda e: run.on_site(e.url) or links.is_document_url(e.url) or run.site.discovered_from  # noqa: E731
        data = jsonlist.load(response.text) if _looks_json(response) else None
        if data is not None:
            add("json", [e for e in jsonlist.entries(data, response.url) if keep(e)])
            requests += [r for r in self.json_next(response, run, data) if r is not None]
            return entries, requests, readers
        text = response.text
        if not isinstance(response, (HtmlResponse, XmlResponse)):
            return entries, requests, readers
        if hanweb.uses_dataproxy(text) or "<record" in text.lower():
            add("hanweb", [e for e in hanweb.datastore_entries(text, response.url) if keep(e)])
            requests += [r for r in self.hanweb_next(response, run) if r is not None]
        if response.meta.get("dataproxy") is not None:
            return entries, requests, readers
        add("blocks", list_block_entries(response, run.on_site))
        add("scripts", scripted.script_entries(response, run.on_site))
        paged = [r for r in self.pager_next(response, run) if r is not None]
        if paged:
            readers.add("trs" if any(r.meta.get("trs_pager") for r in paged) else "pager")
        elif scripted_pager(response):
            # A pager only scripts can turn (javascript: links, data-page buttons, a page count
            # drawn into links at run time): the browser reads and pages it.
            response.meta["govcrawl_script_pager"] = True
        requests += paged
        if postback.has_postback_form(response):
            posted = [r for r in self.postback_next(response, run, bool(entries)) if r is not None]
            if posted or response.meta.get("postback_page"):
                readers.add("postback")
            requests += posted
        if not entries:
            scripts = "\n".join(response.xpath("//script/text()").getall())
            here = (response.meta.get("govcrawl_list") or {}).get("column") or response.url
            if urlsplit(here).fragment and here.split("#")[0] == run.to_real(response.url).split("#")[0]:
                here = run.to_fetch(here)  # the column's fragment picks its list on one-page apps
            else:
                here = response.url
            for endpoint in jsonlist.endpoints(scripts, here):
                if run.on_site(endpoint.url):
                    requests.append(self.json_request(run, response, endpoint))
            requests = [r for r in requests if r is not None]
            asked = [r for r in requests if r.meta.get("json_endpoint")]
            mode = (response.meta.get("govcrawl_list") or {}).get("mode", "reports")
            if asked and response.meta.get("govcrawl_script_pager") and self.should_render(response, run, mode):
                # The script pager pages the endpoint, which is read directly: the browser only
                # if the endpoint's first answer brings nothing.
                response.meta["govcrawl_script_pager"] = False
                for r in asked:
                    r.meta["govcrawl_render_if_empty"] = {"url": run.to_real(response.url),
                                                          "column": response.meta.get("kind") == "column"}
        return entries, requests, readers

    # -- pagers --------------------------------------------------------------------------------
    def pager_next(self, response, run: SiteRun):
        """下一页 / 尾页 / numbered pagers, script pagers and TRS page scripts."""
        cap = self.limits.column_pages
        scripts = "\n".join(response.xpath("//script/text()").getall())
        for url in trs.trs_page_urls(response.url, scripts)[:cap]:
            yield self.more_list(run, response, url, meta={"trs_pager": True})
        ahead, last = [], []
        for url, text in self.page_links(response, run) + self.script_page_links(response):
            if not run.on_site(url) or url == response.url:
                continue
            if links.is_next_page(text) or (text.isdigit() and len(text) <= 4):
                ahead.append(url)
            elif links.is_last_page(text):
                last.append(url)
        column = (response.meta.get("govcrawl_list") or {}).get("column") or response.url
        left = max(0, cap - run.column_pages[column])
        # The pages between the next and the last only when the last is near: with a 尾页 far
        # ahead, the list is walked page by page and ends where a page brings nothing.
        near = [u for u in last if (paging.page_of(u) or (None, 10**6))[1] - (paging.page_of(response.url) or (None, 1))[1] <= 30]
        between = paging.pages_between(response.url, ahead, near, left) if near else []
        for url in dict.fromkeys(ahead + between + near):
            yield self.more_list(run, response, url)

    def script_page_links(self, response) -> list[tuple[str, str]]:
        """Pager links that only call a script (``javascript:goPage(2)``), resolved to URLs
        from the function's body in the page (see paging.js_pager_links)."""
        anchors = [(a.attrib.get("href", ""), a.attrib.get("onclick", ""),
                    links.clean(" ".join(a.xpath(".//text()").getall())) or links.clean(a.attrib.get("title")))
                   for a in response.xpath("//a[starts-with(normalize-space(@href), 'javascript:') or @onclick]")]
        if not anchors:
            return []
        scripts = "\n".join(response.xpath("//script/text()").getall())
        return [(response.urljoin(url), text) for url, text in paging.js_pager_links(anchors, scripts)]

    def hanweb_next(self, response, run: SiteRun):
        if response.meta.get("dataproxy") is not None:
            return
        for url, params, span in hanweb.dataproxy_pages(response.text, response.url, self.limits.column_pages):
            yield self.more_list(run, response, url, method="POST", request_cls=scrapy.FormRequest,
                                 formdata=params, meta={"dataproxy": span})

    def postback_next(self, response, run: SiteRun, had_entries: bool):
        """ASP.NET pagers: each absolute page once; a relative 下一页 while pages bring entries."""
        key = run.to_real(response.url)
        asked = run.postback_pages.setdefault(key, set())
        for target, argument, kind in postback.pager_calls(response):
            page_id = kind if kind not in ("next", "last") else f"{kind}:{response.meta.get('postback_page', 1)}"
            if kind == "last" or (kind == "next" and not had_entries) or page_id in asked:
                continue
            asked.add(page_id)
            self.touch(run)
            request = postback.postback_request(response, target, argument)
            yield self.more_list(run, response, request.url, method="POST", body=request.body,
                                 headers=dict(request.headers.to_unicode_dict()), dont_filter=True,
                                 meta={"postback_page": int(kind) if kind.isdigit() else
                                       response.meta.get("postback_page", 1) + 1})

    # -- JSON lists ----------------------------------------------------------------------------
    def json_request(self, run: SiteRun, response, endpoint: jsonlist.Endpoint):
        headers = {"Accept": "application/json, text/javascript, */*", "X-Requested-With": "XMLHttpRequest"}
        if endpoint.method == "POST":
            headers["Content-Type"] = ("application/json;charset=UTF-8" if endpoint.json_body
                                       else "application/x-www-form-urlencoded; charset=UTF-8")
        return self.more_list(run, response, endpoint.request_url(), method=endpoint.method,
                              body=endpoint.body(), headers=headers,
                              meta={"json_endpoint": endpoint})

    def json_next(self, response, run: SiteRun, data):
        """The next page of a JSON list, while pages bring entries and the stated totals allow."""
        endpoint = response.meta.get("json_endpoint") or jsonlist.endpoint_from_url(
            response.url, response.request.method if response.request else "GET",
            (response.request.body or b"").decode("utf-8", "replace") if response.request else None)
        found = jsonlist.entries(data, response.url)
        if not found or not (endpoint.page_param or endpoint.offset_param):
            return
        total, pages = jsonlist.totals(data)
        current = endpoint.current_page()
        size = endpoint.size or len(found)
        if pages is not None and current >= pages:
            return
        if total is not None and size and current * size >= total:
            return
        yield self.json_request(run, response, endpoint.with_page(current + 1))

    # -- Chromium for lists that only scripts fill ---------------------------------------------
    def should_render(self, response, run: SiteRun, mode: str, entries=None) -> bool:
        """Only a column's own first page (or its frame) is rendered: an empty further page of a
        pager is the end of the list, not a script-filled one."""
        if mode != "reports" or response.meta.get("playwright") or response.meta.get("json_endpoint"):
            return False
        if not (response.meta.get("kind") == "column" or response.meta.get("govcrawl_first")):
            return False
        if not self.settings.getbool("GOVCRAWL_RENDER_LISTS", True):
            return False
        return "<script" in response.text.lower()

    def render_request(self, run: SiteRun, response, target: str | None = None, column_page: bool | None = None):
        """Render the list ``response`` is (or, for an endpoint's empty answer, the page ``target``
        that called it) in Chromium."""
        from scrapy_playwright.page import PageMethod

        cb = response.meta.get("govcrawl_list") or {}
        column = cb.get("column") or ""
        page = target or run.to_real(response.url)
        target = column if urlsplit(column).fragment and column.split("#")[0] == page else page
        request = self.make_request(
            run, target, self.parse_rendered_list, "render", referer=response.url,
            dont_filter=True, cb_kwargs={"column": cb.get("column"), "column_title": cb.get("column_title")},
            meta={"playwright": True, "playwright_include_page": True,
                  "govcrawl_column_render": response.meta.get("kind") == "column" if column_page is None
                  else column_page,
                  "playwright_page_methods": [PageMethod("wait_for_load_state", "networkidle")]},
            errback=self.render_error)
        if request is not None:
            run.needed_browser = True
            self.touch(run)
            self.crawler.stats.inc_value("govcrawl/rendered_lists")
        return request

    async def parse_rendered_list(self, response, column=None, column_title=None):
        """A list rendered in Chromium: read it, then click 下一页 until it brings nothing new."""
        from govcrawl.platforms.render import click_through

        run = self.site_of(response)
        page = response.meta.pop("playwright_page", None)
        seen: set[str] = set()
        pages = []

        def nothing_new(html: str, url: str) -> bool:
            """A re-crawl reads a newest-first list only as far as it brings something new."""
            if not run.recrawl:
                return False
            state = response.replace(body=html.encode("utf-8"), encoding="utf-8", url=url)
            found = list_block_entries(state, run.on_site)
            return bool(found) and all(self.memory.lookup(run.to_real(e.url)) is not None for e in found)

        try:
            pages = await click_through(page, response, self.limits.column_pages, enough=nothing_new)
        finally:
            if page is not None:
                from govcrawl.browser import within

                try:
                    await within(page.close())
                except Exception:  # noqa: BLE001 - a page that will not close is left to its context
                    pass
        for n, (html, url) in enumerate(pages):
            rendered = response.replace(body=html.encode("utf-8"), encoding="utf-8", url=url)
            rendered.meta["govcrawl_list"] = {"column": column or run.to_real(response.url),
                                              "column_title": column_title, "mode": "reports"}
            if n == 0:  # links a script drew into the pager are plain pages for the static readers
                for request in self.pager_next(rendered, run):
                    if request is not None:
                        yield request
            found = list_block_entries(rendered, run.on_site)
            new = [e for e in found if e.url not in seen]
            seen.update(e.url for e in new)
            if new:
                run.readers.add("browser")
            run.counts["list_pages"] += 1
            for entry in new:
                yield self.detail_request(run, entry, response.url, column_title=column_title)
        run.counts["list_entries"] += len(seen)
        self.touch(run)
        if not seen:
            run.counts["empty_list_pages"] += 1
            if run.recrawl and response.meta.get("govcrawl_column_render"):
                for request in self.rediscover(run, f"the 年报 column {column} showed no entries, even rendered",
                                               response.url):
                    yield request

    def render_error(self, failure):
        page = failure.request.meta.pop("playwright_page", None)
        if page is not None:
            import asyncio

            asyncio.ensure_future(page.close())
        yield from self.on_error(failure)


_PAGE_SCRIPT = re.compile(r"(pageCount|countPage|totalPage|pageTotal|pageSize|pageNo|pageIndex|curPage|"
                          r"currentPage|pagination|pager|pagebar|分页|data-p)", re.I)


def scripted_pager(response) -> bool:
    """Does the page page its list with scripts our static readers cannot follow?"""
    controls = response.xpath(
        "//a[(starts-with(normalize-space(@href), 'javascript') or normalize-space(@href)='#' or not(@href)) "
        "and (@data-p or @data-page or @data-pn or @onclick or string-length(normalize-space(.)) <= 4)]")
    for a in controls:
        text = links.clean(" ".join(a.xpath(".//text()").getall()))
        if text.isdigit() or links.is_next_page(text) or a.attrib.get("data-p") or a.attrib.get("data-page"):
            return True
    scripts = " ".join(response.xpath("//script/text()").getall())
    empty_pager = response.xpath("//*[(contains(@id, 'page') or contains(@class, 'page') or contains(@id, 'Pager') "
                                 "or contains(@class, 'pagination')) and not(.//a)]")
    return bool(empty_pager) and bool(_PAGE_SCRIPT.search(scripts))


def _looks_json(response) -> bool:
    ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
    if "json" in ctype or "javascript" in ctype:
        return True
    head = response.text[:200].lstrip().lstrip("\ufeff")
    return head[:1] in ("{", "[") or (bool(head) and "(" in head[:60] and not head.startswith("<"))


__all__ = ["ListMixin", "urljoin"]
