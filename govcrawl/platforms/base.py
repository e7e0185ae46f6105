"""The generic 信息公开 platform: discovery by anchor text, for portals on any CMS.

A site spider names its portal (homepage, region, level) and inherits the walk:
homepage -> 政府信息公开 -> 年报 column -> list pages (paginated) -> detail pages -> attachments.
Platform subclasses (TRS, Hanweb, ...) change only how a list page yields its items and its next
pages. ``-a base_url=http://127.0.0.1:8701/`` points the spider at a replica: requests go there,
while stored URLs keep the real portal's address.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy.http import HtmlResponse, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError

from govcrawl.archive import new_run_id
from govcrawl.items import Attachment, CrawlErrorItem, DocumentItem
from govcrawl.signals import crawl_error
from govcrawl import failures, safety
from govcrawl.platforms import links, paging
from govcrawl.platforms.listing import ListEntry, list_block_entries, year_columns

# Frames that are never a list: visit counters, players, maps, share widgets.
_NOT_LIST_FRAME = re.compile(r"(count|visit|stat|share|video|player|map|weather|search|login|\.(js|css)$)", re.I)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


class DisclosureSpider(scrapy.Spider):
    """Base spider: one government portal, its 年报 column and the reports in it."""

    platform = "generic"
    # Identity of the portal; every site spider sets these.
    site_name: str = ""
    homepage: str = ""
    admin_code: str = ""
    province: str | None = None
    city: str | None = None
    county: str | None = None
    township: str | None = None
    level: str = "county"          # county | township | department
    # Known 年报 column URLs on the real portal; discovery from the homepage runs as well.
    column_urls: list[str] = []

    def __init__(self, *args, base_url: str | None = None, run_id: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.real_origin = origin(self.homepage)
        self.fetch_origin = origin(base_url) if base_url else self.real_origin
        self.run_id = run_id or new_run_id()
        hosts = {urlsplit(self.real_origin).hostname, urlsplit(self.fetch_origin).hostname}
        # The operator chose these hosts (the spider's own portal, a replica on 127.0.0.1): they may
        # be private addresses; hosts that pages link to may not (govcrawl.safety).
        safety.allow_hosts(hosts)
        # www.luqiao.gov.cn -> luqiao.gov.cn: the portal's other hosts (xxgk., zwgk.) are its own.
        self.allowed_domains = sorted({h.removeprefix("www.") for h in hosts if h})
        # On a shared portal: 年报 columns and reports seen outside this body's pages (the county's).
        self.other_columns: set[str] = set()

    # -- identity -------------------------------------------------------------------------------
    @classmethod
    def site_info(cls) -> dict:
        return {
            "site_id": cls.name,
            "name": cls.site_name,
            "admin_code": cls.admin_code,
            "level": cls.level,
            "province": cls.province,
            "city": cls.city,
            "county": cls.county,
            "township": cls.township,
            "homepage": cls.homepage,
            "platform": cls.platform,
        }

    def to_fetch(self, url: str) -> str:
        """Real portal URL -> the URL to request (the replica when base_url is set).

        With a replica, every host of the portal's domain (www., xxgk., zwgk., over http or
        https) is served by the replica's one origin, so links between the portal's hosts stay
        inside it; without base_url URLs are requested as they are."""
        if url.startswith(self.real_origin):
            return self.fetch_origin + url[len(self.real_origin):]
        if self.fetch_origin != self.real_origin and self.on_real_domain(url):
            parts = urlsplit(url)
            return urlunsplit(urlsplit(self.fetch_origin)._replace(path=parts.path, query=parts.query))
        return url

    def on_real_domain(self, url: str) -> bool:
        """Is the URL on a host of the real portal's domain (www.x.gov.cn -> *.x.gov.cn)?"""
        host = urlsplit(url).hostname or ""
        domain = (urlsplit(self.real_origin).hostname or "").removeprefix("www.")
        return bool(domain) and (host == domain or host.endswith("." + domain))

    def to_real(self, url: str) -> str:
        """Fetched URL -> the real portal URL stored in the database."""
        if url.startswith(self.fetch_origin):
            return self.real_origin + url[len(self.fetch_origin):]
        return url

    def on_site(self, url: str) -> bool:
        host = urlsplit(url).hostname or ""
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    # -- the walk -------------------------------------------------------------------------------
    async def start(self):
        for url in self.column_urls:
            yield self.list_request(self.to_fetch(url))
        yield scrapy.Request(
            self.to_fetch(self.homepage), self.parse_nav, cb_kwargs={"depth": 0}, errback=self.on_error
        )

    def list_request(self, url: str, **kwargs) -> scrapy.Request:
        return scrapy.Request(self.to_fetch(url), self.parse_list, errback=self.on_error, **kwargs)

    def detail_request(self, entry: ListEntry, list_url: str) -> scrapy.Request:
        return scrapy.Request(
            self.to_fetch(entry.url),
            self.parse_detail,
            errback=self.on_error,
            cb_kwargs={"list_title": entry.title, "list_date": entry.date, "list_url": list_url},
        )

    def page_links(self, response) -> list[tuple[str, str]]:
        """(absolute url, anchor text) of the page's followable links."""
        out = []
        for a in response.xpath("//a[@href]"):
            href = a.attrib.get("href")
            if links.is_refused_scheme(href):
                self.record_error(href.strip()[:300], "link", "refused link: " + safety.refusal(href.strip()), referer=response.url)
                continue
            if not links.is_followable(href):
                continue
            text = links.clean(" ".join(a.xpath(".//text()").getall()))
            # Image buttons carry their words in alt (older portals' nav bars).
            text = text or links.clean(a.attrib.get("title")) or links.clean(" ".join(a.xpath(".//img/@alt").getall()))
            out.append((response.urljoin(href.strip()), text))
        # Column pickers: <select onchange="location=this.value"> with one <option> per column.
        for option in response.xpath("//select/option[@value]"):
            value = option.attrib.get("value", "").strip()
            if links.is_url_like(value):
                out.append((response.urljoin(value), links.clean(" ".join(option.xpath(".//text()").getall()))))
        return out

    @property
    def scope_names(self) -> list[str]:
        """Names that mark this body's own pages on a shared portal (township, department)."""
        names = [self.site_name]
        for prefix in (self.county, self.city):
            if prefix and self.site_name.startswith(prefix) and len(self.site_name) > len(prefix) + 1:
                names.append(self.site_name[len(prefix):])
        for suffix in ("街道办事处", "街道", "镇", "乡", "办事处"):
            if self.site_name.endswith(suffix) and len(self.site_name) - len(suffix) >= 2:
                names.append(self.site_name[: -len(suffix)])
        return names

    @property
    def shares_portal(self) -> bool:
        """Townships and departments publish on their county's portal, among others' columns."""
        return self.level in ("township", "department")

    def nav_request(self, url: str, depth: int, in_scope: bool, scope_url: str | None = None) -> scrapy.Request:
        return scrapy.Request(self.to_fetch(url), self.parse_nav, errback=self.on_error,
                              cb_kwargs={"depth": depth, "in_scope": in_scope, "scope_url": scope_url})

    def parse_nav(self, response, depth: int = 0, in_scope: bool | None = None, scope_url: str | None = None):
        """Homepage and 信息公开 pages: find the 年报 column, else go one level deeper.

        On a shared portal the walk first finds the body's own pages (links naming it) and only
        takes 年报 columns from there, so a township spider does not collect its county's reports.
        """
        if not isinstance(response, TextResponse):
            return
        if in_scope is None:
            in_scope = not self.shares_portal
        page = [(url, text) for url, text in self.page_links(response) if self.on_site(url)]
        if not in_scope:
            yield from self.find_scope(response, page, depth)
            return
        columns = [url for url, text in page if links.is_report_column(text)]
        columns += [url for url, _ in year_columns(response, self.on_site)]
        if self.shares_portal:
            columns = self.own_columns(columns, scope_url or response.url)
        for url in dict.fromkeys(columns):
            yield self.list_request(url)
        for url, text in page:
            if (links.looks_like_report_title(text) and links.is_detail_url(url)
                    and url not in self.other_columns):
                yield self.detail_request(ListEntry(url, text), response.url)
        if not columns and depth < self.settings.getint("GOVCRAWL_MAX_NAV_DEPTH", 3):
            for url, text in page:
                if links.is_disclosure_nav(text) and url not in self.other_columns:
                    yield self.nav_request(url, depth + 1, True, scope_url)

    def names_body(self, text: str) -> bool:
        return any(n in text for n in self.scope_names) and len(text) <= 24

    def find_scope(self, response, page: list[tuple[str, str]], depth: int):
        """A shared portal's page outside our body: links naming the body lead in; other 年报
        columns are remembered as not ours; 信息公开 and 乡镇/部门 index links lead deeper."""
        for url, _ in year_columns(response, self.on_site):
            self.other_columns.add(url)
        for url, text in page:
            if not self.names_body(text):
                if links.is_report_column(text) or (links.looks_like_report_title(text) and links.is_detail_url(url)):
                    self.other_columns.add(url)
                continue
            if links.looks_like_report_title(text) and links.is_detail_url(url):
                yield self.detail_request(ListEntry(url, text), response.url)
            elif links.is_report_column(text):
                yield self.list_request(url)
            else:
                yield self.nav_request(url, depth + 1, True, url)
        if depth < self.settings.getint("GOVCRAWL_MAX_NAV_DEPTH", 3):
            for url, text in page:
                # Other bodies' 年报 columns are not a way to ours.
                if links.is_report_column(text) or self.names_body(text):
                    continue
                if links.is_disclosure_nav(text) or links.is_body_index(text, self.level):
                    yield self.nav_request(url, depth + 1, False)

    def own_columns(self, columns: list[str], scope_url: str) -> list[str]:
        """The body's own 年报 columns among those on its page: not the county's (seen outside
        the body's pages), and, when paths tell them apart, those nearest the body's page."""
        ours = [u for u in dict.fromkeys(columns) if u not in self.other_columns]
        if len(ours) < 2:
            return ours
        path = urlsplit(scope_url).path
        home = path.split("/")[:-1]  # the folder of the body's page: /xxgk/xzjd/yhmz/index.html -> …/yhmz

        def shared(url: str) -> int:
            n = 0
            for a, b in zip(home, urlsplit(url).path.split("/")):
                if a != b:
                    break
                n += 1
            return n

        best = max(shared(u) for u in ours)
        return [u for u in ours if shared(u) == best]

    def parse_list(self, response, page: int = 1):
        """A 年报 list page: every entry to a detail request, then the next pages."""
        if not isinstance(response, TextResponse):
            # The column link went straight to a document.
            yield from self.parse_detail(response, list_url=response.url)
            return
        entries = list(self.list_entries(response))
        self.crawler.stats.inc_value("govcrawl/list_pages")
        self.crawler.stats.inc_value("govcrawl/list_entries", len(entries))
        frames = self.list_frames(response)
        for url in frames:  # some CMS put the list in a frame of the column page
            yield self.list_request(url, meta={"govcrawl_frame": True})
        if not entries and not frames:
            self.logger.warning("list page has no entries: %s", response.url)
            self.crawler.stats.inc_value("govcrawl/empty_list_pages")
        for entry in entries:
            yield self.detail_request(entry, response.url)
        if page < self.settings.getint("GOVCRAWL_MAX_LIST_PAGES", 100):
            for request in self.next_pages(response):
                request.cb_kwargs.setdefault("page", page + 1)
                yield request
        for url, text in self.page_links(response):
            if self.on_site(url) and links.is_year_subcolumn(text):
                yield self.list_request(url)

    def list_frames(self, response) -> list[str]:
        """Same-site frames of a column page that may hold its list (not counters or players).
        Framed pages are never followed from inside a frame, so frames cannot chain."""
        if response.meta.get("govcrawl_frame"):
            return []
        out = []
        for src in response.xpath("//iframe/@src | //frame/@src").getall():
            url = response.urljoin(src.strip()) if links.is_followable(src) else None
            if url and self.on_site(url) and not _NOT_LIST_FRAME.search(urlsplit(url).path + "?" + urlsplit(url).query):
                out.append(url)
        return list(dict.fromkeys(out))[:3]

    # -- platform hooks -------------------------------------------------------------------------
    def list_entries(self, response):
        """Entries of a list page: the block of links that carry dates or detail-like URLs."""
        yield from list_block_entries(response, self.on_site)

    def next_pages(self, response):
        """Requests for the list's further pages: 下一页, numbered and 尾页 links, and the pages
        between the next page and the last when the pager shows only some of them."""
        ahead, last = [], []
        for url, text in self.page_links(response) + self.script_page_links(response):
            if not self.on_site(url) or url == response.url:
                continue
            if links.is_next_page(text) or (text.isdigit() and len(text) <= 3):
                ahead.append(url)
            elif links.is_last_page(text):
                last.append(url)
        cap = self.settings.getint("GOVCRAWL_MAX_LIST_PAGES", 100)
        between = paging.pages_between(response.url, ahead, last, cap) if last else []
        for url in dict.fromkeys(ahead + last + between):
            yield self.list_request(url, meta={"govcrawl_frame": response.meta.get("govcrawl_frame", False)})

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

    # -- detail pages and attachments -----------------------------------------------------------
    def parse_detail(self, response, list_title=None, list_date=None, list_url=None):
        item = DocumentItem(
            url=self.to_real(response.url),
            fetched_url=response.url,
            site=self.site_info(),
            raw=response.body,
            content_type=response.headers.get(b"Content-Type", b"").decode("latin-1") or None,
            status=response.status,
            capture=response.meta.get("capture"),
            list_title=list_title,
            list_date=list_date,
            list_url=self.to_real(list_url) if list_url else None,
        )
        pending = list(self.attachment_links(response)) if isinstance(response, HtmlResponse) else []
        yield from self._next_attachment(item, pending)

    def attachment_links(self, response):
        """Documents linked from the page (the report is often only the attachment)."""
        exts = tuple(self.settings.getlist("GOVCRAWL_ATTACHMENT_EXTENSIONS"))
        seen = set()
        for url, text in self.page_links(response):
            target = urlsplit(url)
            ext = (target.path + "?" + target.query).rsplit(".", 1)[-1].lower()
            if ext in links.IMAGE_EXTENSIONS:
                wanted = "附件" in text  # photos in the article are not attachments
            else:
                wanted = ext in exts or (links.is_download_url(url) and bool(text))
            if wanted and url not in seen:
                seen.add(url)
                yield Attachment(url=url, name=text or None)

    def _next_attachment(self, item: DocumentItem, pending: list[Attachment]):
        if not pending:
            yield item
            return
        att = pending.pop(0)
        yield scrapy.Request(
            self.to_fetch(att.url),
            self.parse_attachment,
            errback=self.attachment_error,
            cb_kwargs={"item": item, "att": att, "pending": pending},
            dont_filter=True,
            meta={"allow_offsite": True},  # files often sit on a shared file server
        )

    def parse_attachment(self, response, item, att, pending):
        att.raw = response.body
        att.status = response.status
        att.content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        att.capture = response.meta.get("capture")
        att.url = self.to_real(att.url)
        item.attachments.append(att)
        yield from self._next_attachment(item, pending)

    def attachment_error(self, failure):
        kw = failure.request.cb_kwargs
        att, item = kw["att"], kw["item"]
        att.error = self.describe_failure(failure)
        att.url = self.to_real(att.url)
        item.attachments.append(att)
        yield self.error_item(failure, stage="attachment")
        yield from self._next_attachment(item, kw["pending"])

    # -- errors ---------------------------------------------------------------------------------
    @staticmethod
    def describe_failure(failure) -> str:
        return failures.describe(failure)

    def error_item(self, failure, stage: str) -> CrawlErrorItem:
        status = failure.value.response.status if failure.check(HttpError) else None
        request = failure.request
        return CrawlErrorItem(
            url=self.to_real(request.url),
            site_id=self.name,
            stage=stage,
            reason=self.describe_failure(failure),
            status=status,
            referer=(request.headers.get(b"Referer") or b"").decode("latin-1") or None,
        )

    def record_error(self, url: str, stage: str, reason: str, referer: str | None = None,
                     status: int | None = None) -> None:
        """Record something noticed outside a callback's yield (see signals.crawl_error)."""
        self.crawler.signals.send_catch_log(
            signal=crawl_error, spider=self,
            error={"url": url, "stage": stage, "reason": reason, "referer": referer and self.to_real(referer),
                   "status": status})

    def on_error(self, failure):
        self.logger.warning("fetch failed: %s (%s)", failure.request.url, self.describe_failure(failure))
        yield self.error_item(failure, stage="fetch")
