"""Politeness that holds across workers: per-host concurrency and request spacing on Redis,
and robots.txt fetched once per host for the whole crawl.

Scrapy's ``CONCURRENT_REQUESTS_PER_DOMAIN``, ``DOWNLOAD_DELAY`` and AutoThrottle act inside one
process: N workers would put N times the load on a portal. ``SharedHostLimiter`` makes every
request take a lease on its host in Redis before it goes out (a Lua script, timed by the Redis
server's clock so machines need not agree on the time):

- at most ``GOVCRAWL_HOST_CONCURRENCY`` (default ``CONCURRENT_REQUESTS_PER_DOMAIN``) requests in
  flight per host, over all workers;
- request starts on one host at least ``GOVCRAWL_HOST_INTERVAL`` seconds apart (default
  ``DOWNLOAD_DELAY``), or the worker's own AutoThrottle delay for that host when it is longer,
  so a server that slows down is given room by every worker.

A lease is returned when the response (or the failure) comes back, and expires by itself after
``DOWNLOAD_TIMEOUT`` + 30 s if its worker dies. No maintained Scrapy component shares these
limits over Redis (scrapy-redis shares only the queue), hence this middleware.

``SharedRobotsPolicy`` is govcrawl's robots.txt policy (``govcrawl.robots``) with the file kept in
Redis: the first worker to need a host's robots.txt fetches it, the others wait for it and parse
the same bytes.
"""
from __future__ import annotations

import asyncio
import logging
import uuid

from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler

from govcrawl.distributed import cluster
from govcrawl.robots import RobotsPolicyMiddleware

logger = logging.getLogger(__name__)

# KEYS: leases (zset token -> expiry ms), next start (ms). ARGV: token, concurrency, interval ms,
# lease ms. Returns 0 when the lease is taken, else milliseconds to wait before asking again.
ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 25 end
local nxt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nxt > now then return nxt - now end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('SET', KEYS[2], now + tonumber(ARGV[3]), 'PX', tonumber(ARGV[3]) + 1000)
return 0
"""
NO_ROBOTS = b"\x00unavailable"   # robots.txt could not be fetched: allowed, as Scrapy does


class _Shared:
    def __init__(self, crawler):
        settings = crawler.settings
        self.server = cluster.connect(settings.get("REDIS_URL"))
        self.keys = cluster.Keys(settings.get("GOVCRAWL_CRAWL_NAME") or "registry")


class SharedHostLimiter(_Shared):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.crawler = crawler
        settings = crawler.settings
        self.concurrency = settings.getint("GOVCRAWL_HOST_CONCURRENCY") or settings.getint(
            "CONCURRENT_REQUESTS_PER_DOMAIN", 2)
        interval = settings.get("GOVCRAWL_HOST_INTERVAL")
        self.interval = float(interval) if interval not in (None, "") else settings.getfloat("DOWNLOAD_DELAY", 0)
        self.lease_ms = int((settings.getfloat("DOWNLOAD_TIMEOUT", 60) + 30) * 1000)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _host(self, request) -> str:
        return request.meta.get("download_slot") or urlparse_cached(request).netloc

    def _interval(self, host: str) -> float:
        slot = self.crawler.engine.downloader.slots.get(host) if self.crawler.engine else None
        return max(self.interval, getattr(slot, "delay", 0) or 0)

    async def process_request(self, request, spider=None):
        host = self._host(request)
        token = uuid.uuid4().hex
        keys = (self.keys.host(host) + ":leases", self.keys.host(host) + ":next")
        waited = 0
        while True:
            wait = int(self.server.eval(ACQUIRE, 2, *keys, token, self.concurrency,
                                        int(self._interval(host) * 1000), self.lease_ms))
            if wait <= 0:
                break
            waited += wait
            await asyncio.sleep(min(wait, 1000) / 1000)
        if waited:
            self.crawler.stats.inc_value("govcrawl/politeness/waited_ms", waited)
        request.meta["govcrawl_lease"] = (host, token)
        return None

    def _release(self, request) -> None:
        lease = request.meta.pop("govcrawl_lease", None)
        if lease:
            self.server.zrem(self.keys.host(lease[0]) + ":leases", lease[1])

    def process_response(self, request, response, spider=None):
        self._release(request)
        return response

    def process_exception(self, request, exception, spider=None):
        self._release(request)
        return None


class SharedRobotsPolicy(RobotsPolicyMiddleware):
    def __init__(self, crawler):
        super().__init__(crawler)
        shared = _Shared(crawler)
        self.server, self.keys = shared.server, shared.keys

    async def robot_parser(self, request):
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            body = await self._shared(netloc)
            if body is not None and netloc not in self._parsers:
                self._stats.inc_value("govcrawl/robots/shared")
                self._parsers[netloc] = None if body == NO_ROBOTS else build_from_crawler(
                    self._parserimpl, self.crawler, body)
        return await super().robot_parser(request)

    async def _shared(self, netloc: str, patience: float = 60.0) -> bytes | None:
        """The host's robots.txt as another worker fetched it; None when this worker is to fetch it."""
        key = self.keys.robots(netloc)
        waited = 0.0
        while waited < patience:
            body = self.server.get(key)
            if body is not None:
                return body
            if self.server.set(key + ":claim", "1", nx=True, ex=int(patience)):
                return None
            await asyncio.sleep(0.1)
            waited += 0.1
        return None

    async def _parse_robots(self, response, netloc, request):
        self.server.set(self.keys.robots(netloc), response.body, ex=7 * 24 * 3600)
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc, netloc):
        self.server.set(self.keys.robots(netloc), NO_ROBOTS, ex=7 * 24 * 3600)
        super()._robots_error(exc, netloc)
