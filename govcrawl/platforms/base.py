"""Spider bases: one portal named in code, or every portal of a registry.

The walk is the same for both and lives in one module per job: ``portal`` (requests, budgets,
errors), ``walk`` (homepage -> 政府信息公开 -> 年报 column, subsites), ``lists`` (list pages and
their readers), ``details`` (detail pages, attachments, copies). A site spider names its portal
(homepage, region, level) and inherits the walk; ``-a base_url=http://127.0.0.1:8701/`` points it
at a replica: requests go there, while stored URLs keep the real portal's address.

``TRSSpider`` and ``HanwebSpider`` remain as names for the platform a portal runs, but every
spider applies every list reader a page calls for (see ``lists``), whichever base it has.
"""
from __future__ import annotations

from govcrawl.platforms.details import DetailMixin
from govcrawl.platforms.lists import ListMixin
from govcrawl.platforms.portal import PortalSpider
from govcrawl.platforms.scope import origin
from govcrawl.platforms.sitemaps import SitemapMixin
from govcrawl.platforms.tree import TreeMixin
from govcrawl.platforms.walk import WalkMixin
from govcrawl.registry import Site, load_registry


class DisclosureSpider(WalkMixin, TreeMixin, SitemapMixin, ListMixin, DetailMixin, PortalSpider):
    """One government portal named by class attributes, its 年报 columns and their reports."""

    platform = "generic"
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

    def __init__(self, *args, base_url: str | None = None, run_id: str | None = None, sites=None, **kwargs):
        if sites is None:
            sites = [self.class_site()] if self.homepage else []
        base_urls = {s.site_id: base_url for s in sites} if base_url else None
        super().__init__(*args, sites=sites, base_urls=base_urls, run_id=run_id, **kwargs)

    @classmethod
    def class_site(cls) -> Site:
        return Site(site_id=cls.name, name=cls.site_name, homepage=cls.homepage, admin_code=cls.admin_code or None,
                    level=cls.level, platform=cls.platform, column_urls=list(cls.column_urls), spider=cls.name,
                    verified=True, province=cls.province, city=cls.city, county=cls.county, township=cls.township)

    @classmethod
    def site_info(cls) -> dict:
        return cls.class_site().info()

    async def start(self):
        for run in list(self.runs.values()):
            for request in self.homepage_requests(run):
                if request is not None:
                    yield request

    # -- the single site's mapping, for spiders and tests that speak of "the" site ----------------
    @property
    def main(self):
        return next(iter(self.runs.values()))

    @property
    def real_origin(self) -> str:
        return self.main.real_origin

    @property
    def fetch_origin(self) -> str:
        return self.main.fetch_origin

    def to_fetch(self, url: str) -> str:
        return self.main.to_fetch(url)

    def to_real(self, url: str) -> str:
        return self.main.to_real(url)

    def on_site(self, url: str) -> bool:
        return self.main.on_site(url)

    @property
    def scope_names(self) -> list[str]:
        return self.main.scope_names

    @property
    def shares_portal(self) -> bool:
        return self.main.shares_portal


class TRSSpider(DisclosureSpider):
    """A portal on TRS WCM / 海云 (a hint: every spider reads TRS pagers where it meets them)."""

    platform = "trs"


class HanwebSpider(DisclosureSpider):
    """A portal on 大汉 Hanweb jcms (a hint: every spider reads Hanweb lists where it meets them)."""

    platform = "hanweb"


class RegistrySpider(DisclosureSpider):
    """Every site of a registry CSV (see govcrawl.registry) in one crawl.

    ``scrapy crawl registry -a sites=FILE.csv`` or ``govcrawl crawl --sites FILE.csv``."""

    name = "registry"

    def __init__(self, *args, sites=None, **kwargs):
        if isinstance(sites, str):
            sites, problems = load_registry(sites)
            self.registry_problems = problems
        super().__init__(*args, sites=list(sites or []), **kwargs)


__all__ = ["DisclosureSpider", "TRSSpider", "HanwebSpider", "RegistrySpider", "origin"]
