"""The walk from a homepage to a site's 年报 columns, and to the subsites of a county portal.

Since 国办公开办函〔2019〕61号 every portal has a 政府信息公开 column with a 年报 sub-column, so the
words on links lead there on any CMS: nav menus, frames and iframes, ``<select>`` pickers and
image alt text all count as links. Besides the 年报 columns, the walk notes:
- report titles linked straight from a page (a homepage's 信息公开年报 box);
- the portal's other 信息公开 columns (通知公告, 其他文件 …), read later for misfiled reports;
- on a county portal, the 乡镇（街道）and 部门 indexes: each body listed there becomes a subsite with
  its own ``sites`` row, level and parent, and its own walk to its own 年报 column.
Townships and departments that publish on their county's portal first find their own pages
(links naming them) and take only the 年报 columns found there, never the county's.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from scrapy.http import TextResponse

from govcrawl.platforms import links, scripted, sitemaps
from govcrawl.platforms.listing import ListEntry, year_columns
from govcrawl.platforms.scope import SiteRun, origin, site_domain
from govcrawl.registry import Site, site_id_for

# Frames that are never navigation or lists: counters, players, maps, share widgets.
NOT_CONTENT_FRAME = re.compile(r"(count|visit|stat|share|video|player|map|weather|search|login|\.(js|css)$)", re.I)
_SCAN_WORDS = re.compile(r"(通知公告|公告公示|通知|公告|其他文件|其他信息|其他|工作动态|政务动态|文件|总结|计划|规划|报告|公开内容)")
_NOT_SCAN = re.compile(r"(首页|指南|制度|目录|申请|意见|留言|信箱|邮箱|登录|注册|下载|地图|English|无障碍|关怀|年报|年度报告)")
_BODY_SUFFIX = re.compile(
    r"^(?P<name>[\u4e00-\u9fff（）()]{2,16}?(?P<kind>街道办事处|街道|镇|乡|苏木|局|委员会|委|办公室|办|中心|院|站|所|队|会|馆|处))"
    r"(?:人民政府|政府)?(?:政府信息公开|信息公开|政务公开|信息公开专栏|主页|网站|门户网站)?$")
_TOWNSHIP_KINDS = ("街道办事处", "街道", "镇", "乡", "苏木")
_NOT_BODY = re.compile(r"(首页|公开|指南|制度|年报|动态|新闻|要闻|通知|公告|服务|办事|互动|专题|政策|解读|文件|规划|"
                       r"信息|领导|机构|概况|招聘|考试|联系|网站|地图|留言|信箱|预算|决算|政府网|人民政府$)")


def body_name(text: str) -> tuple[str, str] | None:
    """(name, level) of a link that names a township or department (某某镇, 某某街道信息公开,
    县民政局), or None."""
    t = links.clean(text)
    m = _BODY_SUFFIX.match(t)
    if not m:
        return None
    name = m.group("name")
    core = name[: -len(m.group("kind"))]
    if len(core) < 2 or _NOT_BODY.search(core):
        return None
    name = name.replace("街道办事处", "街道")
    return name, ("township" if m.group("kind") in _TOWNSHIP_KINDS else "department")


class WalkMixin:
    """Navigation callbacks of PortalSpider (see module doc)."""

    # -- requests ------------------------------------------------------------------------------
    def nav_request(self, run: SiteRun, url: str, depth: int, *, in_scope: bool | None = True,
                    scope_url: str | None = None, kind: str = "nav", referer: str | None = None,
                    homepage: bool = False, frame: bool = False, index_level: str | None = None,
                    callback=None, extra: dict | None = None, **kwargs):
        if run.counts["nav_requested"] >= self.limits.nav_pages:
            self.note_cut(run, f"navigation budget: {self.limits.nav_pages} pages looked at without more "
                               "to find", url, referer)
            return None
        # unchanged since the last crawl: 304 (pages only; a tree endpoint's answers are asked afresh)
        conditions = {} if callback is not None else self.conditions_for(run.to_real(url))
        request = self.make_request(run, url, callback or self.parse_nav, kind, referer=referer,
                                    cb_kwargs={"depth": depth, "in_scope": in_scope, "scope_url": scope_url,
                                               "index_level": index_level, **(extra or {})},
                                    headers=kwargs.pop("headers", None) or conditions.get("headers"),
                                    meta={"homepage": homepage, "govcrawl_frame": frame, **conditions.get("meta", {})},
                                    **kwargs)
        if request is not None:
            run.counts["nav_requested"] += 1
        return request

    def column_request(self, run: SiteRun, url: str, title: str | None, referer: str | None = None,
                       kind: str = "column", mode: str = "reports", dont_filter: bool = False):
        request = self.make_request(run, url, self.parse_list, kind, referer=referer, dont_filter=dont_filter,
                                    cb_kwargs={"column": url, "column_title": title, "mode": mode},
                                    **self.conditions_for(run.to_real(url)))
        if request is not None and mode == "reports":
            run.columns.setdefault(url, title or "")
            self.touch(run)
        return request

    def homepage_requests(self, run: SiteRun):
        """A site's first requests. A re-crawl starts from the 年报 columns the last crawl found
        (walking from the homepage again only if they fail, or if the homepage answers
        conditional requests), takes up the subsites it found and revisits every known report URL;
        a first crawl walks from the homepage."""
        known = self.memory.columns.get(run.site_id)
        if known:
            run.recrawl = True
            for url in dict.fromkeys(known + list(run.site.column_urls)):
                yield self.column_request(run, url, None)
            if self.conditions_for(run.to_real(run.site.homepage)):
                # The homepage answers conditional requests: walk it again, every page asked with
                # its validators (an unchanged one costs a 304), to find subsites, columns and
                # misfiled reports that appeared since the last crawl.
                run.counts["conditional_walk"] += 1
                yield from self.walk_from_homepage(run)
        else:
            for url in run.site.column_urls:
                yield self.column_request(run, url, None)
            yield from self.walk_from_homepage(run)
        for row in self.memory.subsites.get(run.site_id, []):
            sub = self.known_subsite(run, row)
            if sub is not None:
                yield from self.homepage_requests(sub)
        for known_url in self.memory.for_site(run.site_id):
            if known_url.due():
                yield self.revisit_request(run, known_url)

    def walk_from_homepage(self, run: SiteRun):
        if run.walked:
            return
        run.walked = True
        self.touch(run)
        in_scope = None
        scope_url = None
        if run.site.discovered_from:  # a subsite starts on its own page
            in_scope, scope_url = True, run.site.homepage
        yield self.nav_request(run, run.site.homepage, 0, in_scope=in_scope, scope_url=scope_url,
                               kind="subsite" if run.site.discovered_from else "nav", homepage=True)

    def rediscover(self, run: SiteRun, why: str, url: str):
        """A column found last time failed: find the columns again from the homepage."""
        if run.recrawl and not run.walked:
            self.logger.info("%s: %s; walking from the homepage again", run.site_id, why)
            run.counts["rediscovered"] += 1
            yield from self.walk_from_homepage(run)

    def known_subsite(self, parent: SiteRun, row: dict) -> SiteRun | None:
        if row["site_id"] in self.runs:
            return None
        fields = {k: row.get(k) for k in ("site_id", "name", "homepage", "admin_code", "level", "parent", "province",
                                          "city", "county", "township", "discovered_from")}
        site = Site(**fields)
        run = self.add_site(site, base_url=parent.fetch_origin if parent.on_real_domain(site.homepage) else None,
                            announce=True)
        run.other_columns |= set(parent.columns) | set(self.memory.columns.get(parent.site_id, []))
        parent.subsites[site.site_id] = site.name
        return run

    # -- links ---------------------------------------------------------------------------------
    def page_links(self, response, run: SiteRun | None = None) -> list[tuple[str, str]]:
        """(absolute url, anchor text) of the page's links: anchors (text, else title, else image
        alt), ``<area>`` maps and ``<select>`` options that are addresses. Links to other
        schemes are refused and recorded."""
        from govcrawl import safety
        from govcrawl.platforms import budget

        run = run or self.site_of(response)
        out = []
        for a in response.xpath("//a[@href] | //area[@href]"):
            href = a.attrib.get("href")
            if links.is_refused_scheme(href):
                self.record_error(run, href.strip()[:300], "link",
                                  "refused link: " + safety.refusal(href.strip()), referer=response.url)
                continue
            if not links.is_followable(href):
                continue
            url = links.absolute(response, href)
            if not links.is_wellformed(url):
                self.record_error(run, (url or href.strip())[:300], "link", "malformed link (bad host or port): not followed",
                                  referer=response.url)
                continue
            if run.on_site(url):  # traps are noted where they are linked, followed or not
                trap = budget.trap(url)
                if trap:
                    self.note_cut(run, trap, url, response.url)
                elif budget.noisy_parameter(url):
                    self.note_cut(run, f"endless-parameter link: {budget.noisy_parameter(url)}= changes on every "
                                       "visit; its variants are not followed", url, response.url)
            text = links.clean(" ".join(a.xpath(".//text()").getall()))
            text = (text or links.clean(a.attrib.get("title")) or links.clean(a.attrib.get("alt"))
                    or links.clean(" ".join(a.xpath(".//img/@alt | .//img/@title").getall())))
            out.append((url, text))
        for option in response.xpath("//select/option[@value]"):
            value = option.attrib.get("value", "").strip()
            if links.is_url_like(value):
                out.append((links.absolute(response, value), links.clean(" ".join(option.xpath(".//text()").getall()))))
        # rows and menu items that only scripts make clickable (onclick, data-href, openDetail(id))
        out += [(url, text) for url, text in scripted.script_links(response) if links.is_wellformed(url)]
        return out

    def content_frames(self, response, run: SiteRun) -> list[str]:
        """Same-site frames and iframes that may hold navigation or a list (not counters or
        players). Framed pages are not followed into further frames."""
        if response.meta.get("govcrawl_frame"):
            return []
        out = []
        for src in response.xpath("//iframe/@src | //frame/@src").getall():
            if not links.is_followable(src):
                continue
            url = links.absolute(response, src)
            parts = urlsplit(url)
            if run.on_site(url) and not NOT_CONTENT_FRAME.search(parts.path + "?" + parts.query):
                out.append(url)
        return list(dict.fromkeys(out))[:4]

    # -- the walk ------------------------------------------------------------------------------
    def parse_nav(self, response, depth: int = 0, in_scope: bool | None = None, scope_url: str | None = None,
                  index_level: str | None = None):
        """Homepage and 信息公开 pages: find the 年报 columns, else go one level deeper."""
        run = self.site_of(response)
        run.counts["nav_pages"] += 1
        self.touch(run)
        response = self.as_sent(run, response)
        if response is None:
            return
        if not isinstance(response, TextResponse):
            if links.is_document_url(response.url):  # a nav link straight to a report file
                yield from self.parse_detail(response, list_url=None)
            return
        if in_scope is None:
            in_scope = not run.shares_portal
        if response.meta.get("homepage") and not run.on_site(response.url):
            self.adopt_moved_host(run, response.url)
        title = sitemaps.titled_column(response) if response.meta.get("govcrawl_sitemap") else None
        if title:  # a page from the sitemap that is itself a 年报 column: read as one
            yield self.column_request(run, run.to_real(response.url), title, referer=response.url, dont_filter=True)
            return
        page = self.page_links(response, run)
        moved = scripted.landing_redirect(response) if len(page) < 3 else None
        if moved and response.meta.get("homepage") and not run.on_site(moved):
            self.adopt_moved_host(run, moved)
        if moved and run.on_site(moved) and moved != response.url:
            # a page that is only a redirect (meta refresh or a script setting location): the
            # portal lives where it points, so that page is walked as this one would have been
            yield self.nav_request(run, moved, depth, in_scope=in_scope, scope_url=scope_url, referer=response.url,
                                   homepage=bool(response.meta.get("homepage")), index_level=index_level)
            return
        if depth == 0 and response.meta.get("homepage"):
            self.adopt_disclosure_hosts(run, page)
        on = [(url, text) for url, text in page if run.on_site(url)]
        frames = self.content_frames(response, run)
        for url in frames:
            yield self.nav_request(run, url, depth, in_scope=in_scope, scope_url=scope_url, frame=True,
                                   referer=response.url, index_level=index_level)
        trees = list(self.tree_requests(response, run, depth, scope_url)) if in_scope else []
        yield from trees
        if not in_scope:
            yield from self.find_scope(response, run, on, depth)
            return
        found = [(url, text) for url, text in on if links.is_report_column(text)]
        found += year_columns(response, run.on_site)
        if run.shares_portal:
            keep = set(self.own_columns(run, [u for u, _ in found], scope_url or response.url))
            found = [(u, t) for u, t in found if u in keep]
        for url, text in dict(found).items():
            yield self.column_request(run, url, text, referer=response.url)
        for url, text in on:
            if (links.looks_like_report_title(text) and (links.is_detail_url(url) or links.is_document_url(url))
                    and url not in run.other_columns):
                yield self.detail_request(run, ListEntry(url, text), response.url)
        if self.spawns_subsites(run):
            yield from self.subsite_requests(response, run, page, depth, index_level)
        if depth <= 1:
            yield from self.scan_requests(response, run, on)
        if (not found or depth == 0) and depth < self.settings.getint("GOVCRAWL_MAX_NAV_DEPTH", 3):
            ways = [(url, text) for url, text in on if links.is_disclosure_nav(text) and url not in run.other_columns
                    and self.within(run, url, text, scope_url)]
            if not found and not ways and depth == 0:
                # no 信息公开 link on the homepage: its 网站地图 page lists every column, else
                # the sitemaps robots.txt names list the column pages
                ways = [(url, text) for url, text in on if links.is_site_map(text)][:2]
                if not (ways or frames or trees or run.site.discovered_from) and response.meta.get("homepage"):
                    yield from self.sitemap_requests(run, response.url)
            for url, text in ways:
                yield self.nav_request(run, url, depth + 1, in_scope=True, scope_url=scope_url, referer=response.url)

    def within(self, run: SiteRun, url: str, text: str, scope_url: str | None) -> bool:
        """On a shared portal, a subsite's deeper pages must sit under its own page's folder or
        name the body; a site of its own may go anywhere on its hosts."""
        if not (run.shares_portal and run.site.discovered_from and scope_url):
            return True
        parent = self.runs.get(run.site.parent) if run.site.parent else None
        if parent is not None and not parent.on_real_domain(run.site.homepage):
            return True  # a subsite on a host of its own: all of it is its own
        folder = urlsplit(scope_url).path.rsplit("/", 1)[0]
        return (len(folder) > 1 and urlsplit(url).path.startswith(folder + "/")) or run.names_body(text)

    def adopt_disclosure_hosts(self, run: SiteRun, page: list[tuple[str, str]]) -> None:
        """A homepage whose 政府信息公开 link leads to another host (a 信息公开 platform on the
        city's or province's domain): that host is part of this site's walk."""
        for url, text in page:
            if links.is_disclosure_nav(text) and not run.on_site(url) and len(run.extra_hosts) < 2:
                host = (urlsplit(url).hostname or "").lower()
                if host and host.endswith(".gov.cn"):
                    run.extra_hosts.add(host)
                    self.touch(run)

    def adopt_moved_host(self, run: SiteRun, url: str) -> None:
        """A homepage that redirects to another host (bare domain -> www., an old host -> the new
        one, by 301/302, meta refresh or script): the site lives there, so that host is its own."""
        host = site_domain(url)
        if host and len(run.extra_hosts) < 3 and urlsplit(url).scheme in ("http", "https"):
            self.logger.info("%s: the homepage moved to %s; that host is part of the site", run.site_id, host)
            run.extra_hosts.add(host)
            run.counts["homepage_moved"] += 1
            self.touch(run)

    def find_scope(self, response, run: SiteRun, page: list[tuple[str, str]], depth: int):
        """A shared portal's page outside our body: links naming the body lead in; other 年报
        columns are remembered as not ours; 信息公开 and 乡镇/部门 index links lead deeper."""
        for url, _ in year_columns(response, run.on_site):
            run.other_columns.add(url)
        for url, text in page:
            if not run.names_body(text):
                if links.is_report_column(text) or (links.looks_like_report_title(text) and links.is_detail_url(url)):
                    run.other_columns.add(url)
                continue
            if links.looks_like_report_title(text) and links.is_detail_url(url):
                yield self.detail_request(run, ListEntry(url, text), response.url)
            elif links.is_report_column(text):
                yield self.column_request(run, url, text, referer=response.url)
            else:
                yield self.nav_request(run, url, depth + 1, in_scope=True, scope_url=url, referer=response.url)
        self.touch(run)
        if depth < self.settings.getint("GOVCRAWL_MAX_NAV_DEPTH", 3):
            for url, text in page:
                if links.is_report_column(text) or run.names_body(text):
                    continue  # other bodies' 年报 columns are not a way to ours
                if links.is_disclosure_nav(text) or links.is_body_index(text, run.site.level):
                    yield self.nav_request(run, url, depth + 1, in_scope=False, referer=response.url)

    def own_columns(self, run: SiteRun, columns: list[str], scope_url: str) -> list[str]:
        """The body's own 年报 columns among those on its page: not its county's (seen outside
        the body's pages), and, when paths tell them apart, those nearest the body's page."""
        ours = [u for u in dict.fromkeys(columns) if u not in run.other_columns]
        parent = self.runs.get(run.site.parent) if run.site.parent else None
        if parent is not None:
            ours = [u for u in ours if u not in parent.columns]
        if len(ours) < 2:
            return ours
        home = urlsplit(scope_url).path.split("/")[:-1]

        def shared(url: str) -> int:
            n = 0
            for a, b in zip(home, urlsplit(url).path.split("/")):
                if a != b:
                    break
                n += 1
            return n

        best = max(shared(u) for u in ours)
        return [u for u in ours if shared(u) == best]

    # -- other 信息公开 columns: misfiled reports ----------------------------------------------
    def scan_requests(self, response, run: SiteRun, page: list[tuple[str, str]]):
        for url, text in page:
            if len(run.scan_columns) >= self.limits.scan_columns:
                return
            t = links.clean(text)
            if (2 <= len(t) <= 10 and _SCAN_WORDS.search(t) and not _NOT_SCAN.search(t)
                    and not links.YEAR.search(t) and url not in run.columns and url not in run.scan_columns
                    and url not in run.other_columns and not links.is_detail_url(url)
                    and not links.is_document_url(url)):
                run.scan_columns.add(url)
                self.touch(run)
                yield self.column_request(run, url, t, referer=response.url, kind="scan", mode="scan")

    # -- subsites ------------------------------------------------------------------------------
    def spawns_subsites(self, run: SiteRun) -> bool:
        """Only a county's own walk finds subsites (townships and departments have none)."""
        return run.site.level == "county" and not run.site.discovered_from

    def subsite_requests(self, response, run: SiteRun, page: list[tuple[str, str]], depth: int,
                         index_level: str | None):
        named = [(url, body_name(text)) for url, text in page]
        named = [(url, b) for url, b in named if b is not None]
        levels = {lvl for _, (_, lvl) in named}
        # A page listing several bodies is an index; one reached from an index link is too.
        if index_level or len(named) >= 3:
            for url, (name, level) in named:
                yield self.add_subsite(run, url, name, index_level if index_level and len(levels) == 1 else level,
                                       response.url)
        if depth < self.settings.getint("GOVCRAWL_MAX_NAV_DEPTH", 3):
            for url, text in page:
                if not run.on_site(url):
                    continue
                for level in ("township", "department"):
                    if links.is_body_index(text, level) and url not in run.columns:
                        yield self.nav_request(run, url, depth + 1, in_scope=True, referer=response.url,
                                               index_level=level)
                        break

    def add_subsite(self, parent: SiteRun, url: str, name: str, level: str, found_on: str):
        """A township or department found on its county's portal: its own site and walk."""
        if any(r.site.name == name for r in self.runs.values()):
            return None  # the registry (or an earlier index) has it already
        if len(parent.subsites) >= self.limits.subsites:
            self.note_cut(parent, f"subsite budget: {self.limits.subsites} subsites", url, found_on)
            return None
        real = parent.to_real(url)
        site_id = site_id_for(real)
        if site_id == parent.site_id or site_id in self.runs or not urlsplit(real).hostname:
            return None
        site = Site(site_id=site_id, name=name, homepage=real, level=level, parent=parent.site_id,
                    province=parent.site.province, city=parent.site.city,
                    county=parent.site.county or (parent.site.name if parent.site.level == "county" else None),
                    township=name if level == "township" else None, discovered_from=parent.to_real(found_on))
        site = self.subsite_region(parent, site)
        same_portal = parent.on_real_domain(real)
        run = self.add_site(site, base_url=parent.fetch_origin if same_portal else None, announce=True)
        run.other_columns |= set(parent.columns)
        parent.subsites[site_id] = name
        self.touch(parent)
        self.touch(run)
        return self.nav_request(run, real, 0, in_scope=True, scope_url=real, kind="subsite", homepage=True,
                                referer=found_on)

    @staticmethod
    def subsite_region(parent: SiteRun, site: Site) -> Site:
        """A township's 9-digit code from its county's (民政部 list), else the county's code."""
        from dataclasses import replace

        from govcrawl.region import normalize_code, township_code

        county_code = normalize_code(parent.site.admin_code) if parent.site.admin_code else None
        if site.level == "township" and county_code and len(county_code) == 6:
            found = township_code(county_code, site.name)
            if found:
                return replace(site, admin_code=found[0])
        return replace(site, admin_code=county_code)


__all__ = ["WalkMixin", "body_name", "origin"]
