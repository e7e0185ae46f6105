"""JavaScript challenges (HTTP 412 / 521 cookie scripts such as 加速乐): do what a visitor's
browser does — run the page in Chromium, let its script set the cookie and reload — never more.

The challenge response itself is archived first (the archive middleware sits closer to the
downloader); the request is then repeated once through scrapy-playwright. The browser's first
navigation answers with the challenge status again, so once the page it settled on is no longer a
challenge, ``ChallengePassedMiddleware`` (next to the downloader, before archiving) gives the
rendered page the status of a page that was served, and takes the cookies the page's script set
from the browser. The next request to that host carries them into Scrapy's cookie jar, so one
pass through Chromium clears the host for the rest of the crawl, as it does for a visitor.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from scrapy_playwright.page import PageMethod

CHALLENGE_STATUSES = (412, 521)
_SCRIPT = re.compile(rb"<script|document\.cookie|location\.(href|replace|reload)", re.I)
_INVISIBLE = re.compile(rb"<(script|style)[^>]*>.*?</\1>|<[^>]+>|\s+", re.I | re.S)
MAX_CHALLENGE_TEXT = 200  # bytes of visible text: challenge pages show next to nothing


def visible_text_size(body: bytes) -> int:
    return len(_INVISIBLE.sub(b"", body[:300_000]))


def looks_like_challenge(status: int, body: bytes) -> bool:
    """A script that shows nothing, answered with a challenge status: not an ordinary error page."""
    if status not in CHALLENGE_STATUSES or not _SCRIPT.search(body[:20000]):
        return False
    return visible_text_size(body) < MAX_CHALLENGE_TEXT


def cleared_cookies(spider) -> dict[str, list[dict]]:
    """host -> cookies a browser got past a challenge with, waiting to join the cookie jar."""
    if not hasattr(spider, "_govcrawl_cleared_cookies"):
        spider._govcrawl_cleared_cookies = {}
    return spider._govcrawl_cleared_cookies


class ChallengeMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        """Hand a host's challenge cookies to the cookies middleware (which runs after us)."""
        spider = spider or self.crawler.spider
        cookies = cleared_cookies(spider).pop(urlsplit(request.url).hostname or "", None)
        if cookies:
            existing = request.cookies or []
            if isinstance(existing, dict):
                existing = [{"name": k, "value": v} for k, v in existing.items()]
            request.cookies = list(existing) + cookies
        return None

    def process_response(self, request, response, spider=None):
        if request.meta.get("playwright") or not looks_like_challenge(response.status, response.body):
            return response
        self.crawler.stats.inc_value("govcrawl/challenges")
        meta = dict(request.meta)
        meta.update(
            playwright=True,
            govcrawl_challenge=response.status,
            playwright_include_page=True,  # to read the cookies the script set
            playwright_page_methods=[PageMethod("wait_for_load_state", "networkidle")],
        )
        return request.replace(meta=meta, dont_filter=True)


class ChallengePassedMiddleware:
    """Rendered answer to a challenged request: 200 if Chromium got past the challenge, and the
    browser's cookies kept for the next request to the host."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_response(self, request, response, spider=None):
        if not request.meta.get("govcrawl_challenge"):
            return response  # a page rendered for its own sake (a script-filled list) keeps its page
        page = request.meta.pop("playwright_page", None)
        if page is not None:
            try:
                cookies = await page.context.cookies()
            finally:
                await page.close()
            host = urlsplit(request.url).hostname or ""
            jar = [{"name": c["name"], "value": c["value"], "domain": c.get("domain") or host,
                    "path": c.get("path") or "/"} for c in cookies]
            if jar:
                cleared_cookies(spider or self.crawler.spider)[host] = jar
        if (request.meta.get("govcrawl_challenge") and request.meta.get("playwright")
                and response.status in CHALLENGE_STATUSES
                and not looks_like_challenge(response.status, response.body)):
            self.crawler.stats.inc_value("govcrawl/challenges_passed")
            return response.replace(status=200)
        return response
