"""What the crawler may fetch: http(s) only, and only public addresses.

A portal page is untrusted input. A link, an attachment or a redirect may point at ``file:``,
``ftp:`` or ``data:`` URLs, or at the operator's own network (loopback, private, link-local,
reserved addresses). Three layers keep the crawler out of them:

- ``DOWNLOAD_HANDLERS`` in the settings leave only http and https enabled;
- ``SafetyMiddleware`` (a downloader middleware, first to see every request) refuses other
  schemes and private IP literals; ``SafetyRedirectGuard`` refuses redirects to either and
  names redirect loops;
- ``SafeResolver`` (``TWISTED_DNS_RESOLVER``) refuses a host name that resolves to a non-public address,
  at the moment Scrapy connects, so a name cannot be re-pointed between check and use;
- Chromium resolves names itself, so its request filter (``govcrawl.browser.abort_request``)
  applies ``refusal`` and then ``resolves_privately`` to every request the page makes.

``refusal`` reads IP literals in every spelling resolvers accept (``127.1``, ``2130706433``,
``0x7f.0.0.1``, a trailing dot), not only the dotted one.

Hosts the operator's registry lists (a replica on 127.0.0.1, an intranet portal) are allowed
whatever their address: ``GOVCRAWL_ALLOWED_HOSTS``, filled by ``govcrawl crawl`` from the
registry and from ``--base-url``. Every refusal raises ``IgnoreRequest`` with a reason a person
can read, so the request's errback records it as a ``crawl_errors`` row.

Scrapy's own resolver and middlewares are kept; this module adds only the checks they lack.
"""
from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
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


_LEGACY_IPV4 = re.compile(r"^(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+)){0,3}$")


def legacy_ipv4(host: str) -> str | None:
    """The dotted address of an IPv4 literal in the forms resolvers still accept (``127.1``,
    ``0x7f.0.0.1``, ``0177.0.0.1``, ``2130706433``), or None when ``host`` is not one."""
    if not _LEGACY_IPV4.match(host):
        return None
    try:
        return socket.inet_ntoa(socket.inet_aton(host))
    except OSError:
        return None


def refusal(url: str) -> str | None:
    """Why the URL must not be fetched (a short phrase), or None when it may be."""
    try:
        scheme, host = scheme_of(url), host_of(url)
    except ValueError:
        return "not a URL (its host cannot be read)"
    if scheme not in ALLOWED_SCHEMES:
        return f"{scheme or 'no'} scheme is never fetched (only http and https)"
    if not host:
        return "no host"
    if host in _allowed_hosts:
        return None
    name = host.rstrip(".")  # "localhost." is localhost
    address = name if is_ip_literal(name) else legacy_ipv4(name)
    if address and not is_public_ip(address):
        return f"{host} is not a public address"
    if name == "localhost" or name.endswith(".localhost"):
        return f"{host} is the local machine"
    return None


async def resolves_privately(host: str, timeout: float = 5.0) -> str | None:
    """For requests that no SafeResolver sees (Chromium resolves names itself): the non-public
    address a host name resolves to, or None. A name that does not resolve in time is treated as
    private (the browser then makes no request to it)."""
    host = host.lower()
    if not host or host in _allowed_hosts or is_ip_literal(host) or legacy_ipv4(host.rstrip(".")):
        return None
    if host in _resolved:
        return _resolved[host]
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(loop.getaddrinfo(host, None), timeout)
        private = next((info[4][0] for info in infos if not is_public_ip(info[4][0])), None)
    except (OSError, asyncio.TimeoutError):
        private = "no address"
    _resolved[host] = private
    return private


_resolved: dict[str, str | None] = {}


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
