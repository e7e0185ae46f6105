"""Offline replicas of five real portals, for the demo and the end-to-end tests.

Each replica mimics its portal's CMS output (大汉 Hanweb jcms, TRS WCM, an older ASP CMS) and
path layout, so a spider written for the real site works against it once its base URL is swapped:
homepage -> 政府信息公开 -> 政府信息公开年报 column -> paginated list -> detail pages, with one seed
report (shared/seeds) per site, generated reports for other years, look-alike documents, a
PDF-only report, a broken list link and a 404.

    with serve() as servers:
        servers.urls["luqiao"]   # "http://127.0.0.1:PORT/"
    truth("luqiao")              # every detail page with the facts extraction should find
"""
from __future__ import annotations

import importlib
import threading

from .model import Portal
from .server import PortalServers

SITE_KEYS = ["shuipo", "xifeng", "wuyuan_mzj", "luqiao", "jintang"]
_MODULES = {key: importlib.import_module(f".sites.{key}", __name__) for key in SITE_KEYS}

SITES: dict[str, dict] = {key: dict(module.SITE) for key, module in _MODULES.items()}

_built: dict[str, Portal] = {}
_lock = threading.Lock()


def portal(key: str) -> Portal:
    """The built replica of one site (built once, then cached; building is deterministic)."""
    with _lock:
        if key not in _built:
            _built[key] = _MODULES[key].build(key)
        return _built[key]


def serve(host: str = "127.0.0.1", base_port: int = 0) -> PortalServers:
    """Start one threaded HTTP server per site: port base_port+i, or free ports when 0."""
    servers = PortalServers()
    try:
        for i, key in enumerate(SITE_KEYS):
            port = base_port + i if base_port else 0
            servers.start(key, portal(key), SITES[key]["platform"], host, port)
    except BaseException:
        servers.shutdown()
        raise
    return servers


def truth(key: str) -> list[dict]:
    """Every detail page of a replica with what a careful reader extracts from it.

    Titles are given in simplified Chinese (the 五原县民政局 seed page itself is served in the
    traditional+gloss variant); paths include the query string where the CMS uses one.
    """
    return [article.truth() for article in portal(key).articles]


def broken_links(key: str) -> list[str]:
    """Paths a replica's lists link to that answer 404 on purpose."""
    return list(portal(key).broken_links)


__all__ = ["SITES", "PortalServers", "serve", "truth", "broken_links", "portal"]
