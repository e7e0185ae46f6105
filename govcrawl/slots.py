"""Download slots per host and port.

Scrapy keys a download slot (its delay, its concurrency, AutoThrottle's estimate) by the host name
alone, unless a request names its slot in ``meta["download_slot"]``. Portals that share an
address and differ by port (replicas on 127.0.0.1, a test network, an intranet) then wait for each
other: when only the spiders' requests named a ``host:port`` slot, the robots.txt requests Scrapy
makes itself shared one, and a hundred unreachable sites took five minutes, one after another.
This downloader middleware, first in the chain after the safety check, gives every request
without a slot its ``host:port`` (the key the frontier schedules by), so each portal keeps its own
pace. It is the one place that names download slots.
"""
from __future__ import annotations

from scrapy.utils.httpobj import urlparse_cached


class PortSlotMiddleware:
    def process_request(self, request, spider=None):
        if "download_slot" not in request.meta:
            request.meta["download_slot"] = urlparse_cached(request).netloc
        return None
