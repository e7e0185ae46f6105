"""The data of a simulated network: hosts that serve pages, the documents they publish, and truth.

A network is built once from a seed (``generator.generate``) and is pure data: every page is
bytes, every dynamic endpoint a function of the request. Absolute links to another host of the
network are written as ``HOST_MARK(key)`` and become ``http://127.0.0.1:PORT`` only when the
network is served, because ports are known only then.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable

from govcrawl.sample_portals.model import canonical  # path + sorted query: one key per page


def host_mark(key: str) -> str:
    """Placeholder for ``http://127.0.0.1:PORT`` of host ``key`` (replaced when served)."""
    return f"@@HOST[{key}]@@"


def port_mark(key: str) -> str:
    """Placeholder for the PORT of host ``key`` alone (links to the same port under another
    host name: localhost, 127.1 …)."""
    return f"@@PORT[{key}]@@"


@dataclass
class Resource:
    body: bytes
    content_type: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    last_modified: str = "2025-03-01"   # YYYY-MM-DD: the Last-Modified the server sends
    conditional: bool = True            # answers If-None-Match / If-Modified-Since with 304


@dataclass
class Request:
    """What a dynamic endpoint sees of a request."""

    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    headers: dict[str, str]


Endpoint = Callable[[Request], "Resource | None"]


@dataclass
class Host:
    """One 127.0.0.1 port: a portal, or a subsite with its own host."""

    key: str
    encoding: str = "utf-8"              # "utf-8" | "gbk" | "gb2312"
    server: str = "nginx"
    pages: dict[str, Resource] = field(default_factory=dict)
    endpoints: dict[str, Endpoint] = field(default_factory=dict)   # exact path -> function
    challenge: str | None = None         # None | "static" | "ua" | "rotate"
    down: bool = False                   # every request answers 503 (a dead portal)
    bind: str = "127.0.0.1"              # another loopback address for a host that must never be fetched

    def charset(self) -> str:
        return {"gbk": "GBK", "gb2312": "gb2312"}.get(self.encoding, "utf-8")

    def html(self, target: str, text: str, last_modified: str = "2025-03-01", status: int = 200,
             header_charset: bool = True) -> None:
        """Add an HTML page in the host's encoding (characters it lacks become &#NNNN;)."""
        data = text.encode(self.encoding, errors="xmlcharrefreplace")
        ctype = f"text/html; charset={self.charset()}" if header_charset else "text/html"
        self.pages[canonical(target)] = Resource(data, ctype, status, last_modified=last_modified)

    def add(self, target: str, resource: Resource) -> None:
        self.pages[canonical(target)] = resource

    def lookup(self, target: str) -> Resource | None:
        key = canonical(target)
        found = self.pages.get(key)
        if found is None and key.endswith("/"):  # a directory URL serves its index.html
            found = self.pages.get(key + "index.html")
        return found


@dataclass
class Site:
    """A body that publishes reports: a registry portal or a subsite found from one."""

    key: str
    name: str                       # as the registry (or the parent's index link) names it
    host: str                       # host key
    root: str = "/"                 # path of its homepage on that host
    level: str = "county"           # county | township | department
    parent: str | None = None       # parent site key
    registry: bool = True           # listed in sites.csv (subsites are not)
    conventions: list[str] = field(default_factory=list)
    expect_reason: str | None = None  # why the site can have no report (no column, dead host)


@dataclass
class Doc:
    """One document: a true report (year set) or a look-alike (year None), at one or more URLs."""

    doc_id: str
    site: str                        # site key
    title: str
    year: int | None
    kind: str = "report"             # report | lookalike kind (工作要点, 通知, 解读, ...)
    locations: list[tuple[str, str]] = field(default_factory=list)  # (host key, path): all copies
    aliases: list[tuple[str, str]] = field(default_factory=list)    # same page, other URL spelling
    tags: list[str] = field(default_factory=list)                   # conventions on its path
    published: str = ""

    @property
    def is_report(self) -> bool:
        return self.year is not None


@dataclass
class Trap:
    site: str
    host: str
    prefix: str                      # path (and query start) every trap URL begins with
    kind: str                        # calendar | search | endless | far_last_page


@dataclass
class Network:
    seed: int
    hosts: dict[str, Host] = field(default_factory=dict)
    sites: dict[str, Site] = field(default_factory=dict)
    docs: list[Doc] = field(default_factory=list)
    traps: list[Trap] = field(default_factory=list)
    state: int = 1

    def host(self, key: str, **kwargs) -> Host:
        if key not in self.hosts:
            self.hosts[key] = Host(key, **kwargs)
        return self.hosts[key]

    def registry(self) -> list[Site]:
        return [s for s in self.sites.values() if s.registry]

    def fingerprint(self) -> str:
        """A digest of every page and document: equal networks have equal fingerprints."""
        h = hashlib.sha256()
        for key in sorted(self.hosts):
            host = self.hosts[key]
            for path in sorted(host.pages):
                h.update(f"{key}{path}".encode())
                h.update(host.pages[path].body)
            h.update(",".join(sorted(host.endpoints)).encode())
        for doc in self.docs:
            h.update(repr((doc.doc_id, doc.site, doc.title, doc.year, doc.locations, doc.aliases)).encode())
        return h.hexdigest()

    def truth(self, bases: dict[str, str]) -> dict:
        """The truth with real URLs, once every host has a base URL (``http://127.0.0.1:PORT``)."""
        def url(loc: tuple[str, str]) -> str:
            return bases[loc[0]].rstrip("/") + loc[1]

        sites = []
        for s in self.sites.values():
            sites.append({"key": s.key, "name": s.name, "homepage": url((s.host, s.root)), "level": s.level,
                          "parent": self.sites[s.parent].name if s.parent else None, "registry": s.registry,
                          "conventions": s.conventions, "expect_reason": s.expect_reason})
        reports, lookalikes = [], []
        for d in self.docs:
            row = {"id": d.doc_id, "site": self.sites[d.site].name, "site_key": d.site, "title": d.title,
                   "urls": [url(loc) for loc in d.locations], "aliases": [url(loc) for loc in d.aliases],
                   "tags": d.tags, "published": d.published}
            if d.is_report:
                reports.append(dict(row, year=d.year))
            else:
                lookalikes.append(dict(row, kind=d.kind))
        traps = [{"site": self.sites[t.site].name, "kind": t.kind, "prefix": url((t.host, t.prefix))}
                 for t in self.traps]
        return {"seed": self.seed, "state": self.state, "sites": sites, "reports": reports,
                "lookalikes": lookalikes, "traps": traps}
