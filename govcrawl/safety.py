"""What the crawler may fetch: http(s) only, and only public addresses.

A portal page is untrusted input. A link, an attachment or a redirect may point at ``file:``,
``ftp:`` or ``data:`` URLs, or at the operator's own network (loopback, private, link-local,
reserved addresses). Three layers keep the crawler out of them:

- ``DOWNLOAD_HANDLERS`` in the settings leave only http and https enabled;
- ``SafetyMiddleware`` (a downloader middleware, first to see every request) refuses other
  schemes and private IP literals; ``SafetyRedirectGuard`` refuses redirects to either and
  names redirect loops;
- ``SafeResolver`` (``TWISTED_DNS_RESOLVER``) refuses a host name that resolves to a non-public address,
  at the moment Scrapy connects, so a name cannot be re-pointed between check and use.

Hosts the operator's registry lists (a replica on 127.0.0.1, an intranet portal) are allowed
whatever their address: ``GOVCRAWL_ALLOWED_HOSTS``, filled by ``govcrawl crawl`` from the
registry and from ``--base-url``. Every refusal raises ``IgnoreRequest`` with a reason a person
can read, so the request's errback records it as a ``crawl_errors`` row.

Scrapy's own resolver and middlewares are kept; this module adds only the checks they lack.
"""
from __future__ import annotations

import ipaddress
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer
from twisted.internet.error import DNSLookupError

ALLOWED_SCHEMES = ("http", "https")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)

# Hosts allowed to resolve anywhere (set per crawler from GOVCRAWL_ALLOWED_HOSTS).
_allowed_hosts: set[str] = set()


class RefusedRequest(IgnoreRequest):
    """A request the crawler will not make; ``str()`` is the reason."""


def allow_hosts(hosts) -> None:
    """Add hosts (names or IP literals) that may resolve to private addresses."""
    _allowed_hosts.update(h.lower().strip("[]") for h in hosts if h)


def allowed_hosts() -> frozenset[str]:
    return frozenset(_allowed_hosts)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def scheme_of(url: str) -> str:
    return urlsplit(url).scheme.lower()


def is_public_ip(address: str) -> bool:
    """Is the address one the public internet routes to (not loopback, private, link-local,
    multicast, reserved or unspecified)?"""
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return True  # not an IP literal: the resolver decides
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False


def refusal(url: str) -> str | None:
    """Why the URL must not be fetched (a short phrase), or None when it may be."""
    scheme = scheme_of(url)
    if scheme not in ALLOWED_SCHEMES:
        return f"{scheme or 'no'} scheme is never fetched (only http and https)"
    host = host_of(url)
    if not host:
        return "no host"
    if host in _allowed_hosts:
        return None
    if is_ip_literal(host) and not is_public_ip(host):
        return f"{host} is not a public address"
    if host == "localhost" or host.endswith(".localhost"):
        return f"{host} is the local machine"
    return None


class _Refuser:
    def __init__(self, crawler):
        self.crawler = crawler
        allow_hosts(crawler.settings.getlist("GOVCRAWL_ALLOWED_HOSTS"))

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _refuse(self, reason: str):
        self.crawler.stats.inc_value("govcrawl/refused")
        raise RefusedRequest(reason)


class SafetyMiddleware(_Refuser):
    """Downloader middleware, first to see every request (priority 50): refuse unsafe targets."""

    def process_request(self, request, spider=None):
        reason = refusal(request.url)
        if reason:
            self._refuse(f"refused {request.url[:200]}: {reason}")
        return None


class SafetyRedirectGuard(_Refuser):
    """Downloader middleware that sees responses before Scrapy's RedirectMiddleware (600) acts on
    a Location header (priority 650): refuse redirects to unsafe targets and name loops, which
    the duplicate filter would otherwise drop without a trace."""

    def process_response(self, request, response, spider=None):
        if response.status not in REDIRECT_STATUSES or b"Location" not in response.headers:
            return response
        if request.meta.get("dont_redirect"):
            return response
        location = response.headers[b"Location"].decode("latin-1").strip()
        if location.startswith("//"):
            location = scheme_of(request.url) + ":" + location
        target = urljoin(request.url, location)
        reason = refusal(target)
        if reason:
            self._refuse(f"refused redirect {response.status} to {target[:200]}: {reason}")
        chain = list(request.meta.get("redirect_urls", [])) + [request.url]
        if _same(target, chain):
            hops = " → ".join(chain[-4:] + [target])
            self._refuse(f"redirect loop after {len(chain)} hop(s): {hops[:400]}")
        return response


def _same(url: str, seen: list[str]) -> bool:
    key = url.split("#", 1)[0]
    return any(key == s.split("#", 1)[0] for s in seen)


class SafeResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, refusing names that resolve to non-public addresses unless the
    registry lists the host (see module doc)."""

    @classmethod
    def from_crawler(cls, crawler, reactor):
        allow_hosts(crawler.settings.getlist("GOVCRAWL_ALLOWED_HOSTS"))
        return super().from_crawler(crawler, reactor)

    def getHostByName(self, name, timeout=()):
        d = super().getHostByName(name, timeout)
        return d.addCallback(self._check, name)

    @staticmethod
    def _check(address, name):
        host = (name or "").lower()
        if host in _allowed_hosts or is_public_ip(address):
            return address
        return defer.fail(DNSLookupError(
            f"refused {name}: resolves to {address}, not a public address"))


def abort_browser_request(request) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: Chromium, rendering a challenge or a list page, loads nothing a
    plain request could not (no file:, no private addresses outside the registry's hosts)."""
    url = request.url
    if url.startswith(("data:", "blob:")):
        return False  # the page's own inline resources, no fetch leaves the browser
    return refusal(url) is not None
