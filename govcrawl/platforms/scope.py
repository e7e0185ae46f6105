"""One site during a crawl: where its pages are, how fetched URLs map to stored ones, and what
the walk has learned about it so far (its 年报 columns, the list readers that worked, budgets
spent, why it found nothing).

A ``SiteRun`` is plain data, so the frontier can keep it with the queue and a resumed crawl
continues where the killed one stopped.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from govcrawl.registry import Site
from govcrawl.safety import is_ip_literal


def origin(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


def site_domain(url: str) -> str:
    """The part of a host that the portal's other hosts share: www.x.gov.cn -> x.gov.cn. IP hosts
    and localhost stay whole, port included (each port is another site)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if is_ip_literal(host) or host == "localhost":
        return parts.netloc.lower()
    return host.removeprefix("www.")


@dataclass
class SiteRun:
    site: Site
    run_id: str
    real_origin: str
    fetch_origin: str
    extra_hosts: set[str] = field(default_factory=set)      # other domains its 信息公开 lives on
    columns: dict[str, str] = field(default_factory=dict)   # 年报 column URL -> anchor text
    other_columns: set[str] = field(default_factory=set)    # other bodies' columns on a shared portal
    scan_columns: set[str] = field(default_factory=set)     # other 信息公开 columns read for misfiled reports
    readers: set[str] = field(default_factory=set)          # list readers that yielded entries
    needed_browser: bool = False
    counts: Counter = field(default_factory=Counter)
    column_pages: Counter = field(default_factory=Counter)  # real list pages fetched per column
    query_variety: dict[str, set[str]] = field(default_factory=dict)  # path -> distinct queries
    cuts: dict[str, str] = field(default_factory=dict)      # budget or trap reason -> example URL
    homepage_failure: str | None = None
    subsites: dict[str, str] = field(default_factory=dict)  # subsite site_id -> name
    postback_pages: dict[str, set[str]] = field(default_factory=dict)  # ASP.NET list -> pages asked
    recrawl: bool = False       # started from the columns an earlier crawl found
    walked: bool = False        # the walk from the homepage has started
    known_listed: set[str] = field(default_factory=set)  # known reports still listed, not due a revisit

    @classmethod
    def start(cls, site: Site, run_id: str, base_url: str | None = None) -> "SiteRun":
        real = origin(site.homepage)
        return cls(site=site, run_id=run_id, real_origin=real, fetch_origin=origin(base_url) if base_url else real)

    @property
    def site_id(self) -> str:
        return self.site.site_id

    # -- replica mapping -------------------------------------------------------------------------
    def to_fetch(self, url: str) -> str:
        """Real portal URL -> the URL to request (the replica when base_url is set). With a
        replica, every host of the portal's domain is served by the replica's one origin."""
        if self.fetch_origin == self.real_origin:
            return url
        if url.startswith(self.real_origin):
            return self.fetch_origin + url[len(self.real_origin):]
        if self.on_real_domain(url):
            parts = urlsplit(url)
            return urlunsplit(urlsplit(self.fetch_origin)._replace(path=parts.path, query=parts.query))
        return url

    def to_real(self, url: str) -> str:
        if url.startswith(self.fetch_origin):
            return self.real_origin + url[len(self.fetch_origin):]
        return url

    def on_real_domain(self, url: str) -> bool:
        domain = site_domain(self.real_origin)
        host = site_domain(url)
        return bool(domain) and (host == domain or host.endswith("." + domain))

    # -- scope -----------------------------------------------------------------------------------
    def on_site(self, url: str) -> bool:
        """Is the URL one of this site's pages (its hosts, the replica's, or a host its own
        信息公开 link led to)?"""
        host = site_domain(url)
        for base in {site_domain(self.real_origin), site_domain(self.fetch_origin), *self.extra_hosts}:
            if base and (host == base or host.endswith("." + base)):
                return True
        return False

    @property
    def shares_portal(self) -> bool:
        """Townships and departments often publish on their county's portal, among others'
        columns: the walk must find the body's own pages first."""
        return self.site.level in ("township", "department")

    @property
    def scope_names(self) -> list[str]:
        """Names that mark this body's own pages on a shared portal."""
        site = self.site
        names = [site.name]
        for prefix in (site.county, site.city):
            if prefix and site.name.startswith(prefix) and len(site.name) > len(prefix) + 1:
                names.append(site.name[len(prefix):])
        for suffix in ("人民政府", "街道办事处", "办事处", "街道", "镇", "乡"):
            base = names[-1]
            if base.endswith(suffix) and len(base) - len(suffix) >= 2:
                names.append(base[: -len(suffix)])
        return list(dict.fromkeys(names))

    def names_body(self, text: str) -> bool:
        return any(n in text for n in self.scope_names) and len(text) <= 24

    def cut(self, reason: str, url: str) -> bool:
        """Note a budget or trap cut; True the first time this reason is seen."""
        if reason in self.cuts:
            return False
        self.cuts[reason] = url
        return True
