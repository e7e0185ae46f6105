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

import html
import logging
import re
from urllib.parse import urlsplit

from scrapy_playwright.page import PageMethod

from govcrawl.browser import within
from govcrawl.signals import browser_host, cookies_cleared

logger = logging.getLogger(__name__)

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


def challenge_shape(body: bytes) -> tuple[int, int]:
    """(visible text bytes, links) of a challenge page, to tell the page behind it apart."""
    return visible_text_size(body), len(re.findall(rb"<a\s[^>]*href", body[:300_000], re.I))


def passed(rendered: bytes, shape: tuple[int, int] | None) -> bool:
    """Did Chromium get past the challenge? The page it settled on shows more than the challenge
    did (text or links), however small the real page is; with nothing to compare, it must not
    look like a challenge itself."""
    if not shape:
        return not looks_like_challenge(521, rendered)
    text, links = challenge_shape(rendered)
    return links > shape[1] or text > shape[0] + 20


def browser_hosts(spider) -> set[str]:
    """host:port whose challenge cookie rotates: every request goes through Chromium."""
    if not hasattr(spider, "browser_hosts"):
        spider.browser_hosts = set()
    return spider.browser_hosts


def challenge_passes(spider) -> dict:
    """Challenge bookkeeping of a run: host:port -> passes; "names:<host>" -> the cookie names
    Chromium got; "rejected:<host:port>" -> plain requests challenged despite that cookie."""
    if not hasattr(spider, "_govcrawl_challenge_passes"):
        spider._govcrawl_challenge_passes = {}
    return spider._govcrawl_challenge_passes


def cleared_cookies(spider) -> dict[str, list[dict]]:
    """host:port -> cookies a browser got past a challenge with, waiting to join the cookie jar
    (each site has a jar and a browser context of its own, see PortalSpider.make_request)."""
    if not hasattr(spider, "_govcrawl_cleared_cookies"):
        spider._govcrawl_cleared_cookies = {}
    return spider._govcrawl_cleared_cookies


def _given(spider) -> dict:
    """(host:port, cookie jar) -> the cleared-cookie list that jar was last given."""
    if not hasattr(spider, "_govcrawl_cookies_given"):
        spider._govcrawl_cookies_given = {}
    return spider._govcrawl_cookies_given


class ChallengeMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        """Hand a host's challenge cookies to the cookies middleware (which runs after us); send
        requests to a host whose cookie rotates on every request through Chromium."""
        spider = spider or self.crawler.spider
        netloc = urlsplit(request.url).netloc
        if netloc in browser_hosts(spider) and not request.meta.get("playwright"):
            self.crawler.stats.inc_value("govcrawl/challenge/browser_always")
            return request.replace(meta={**request.meta, "playwright": True, "govcrawl_challenge": "always",
                                         "govcrawl_challenge_shape": (0, 0),
                                         "playwright_include_page": True,
                                         "playwright_page_methods": [PageMethod("wait_for_load_state", "networkidle")]},
                                   dont_filter=True)
        cookies = cleared_cookies(spider).get(netloc)
        if cookies:
            # Every cookie jar that asks this host gets them once (a site's own jar, robots.txt's
            # default jar): handing them to whichever request came first left the site's jar
            # without them, and its pages challenged again.
            given = _given(spider)
            jar = (netloc, repr(request.meta.get("cookiejar")))
            if given.get(jar) is not cookies:
                given[jar] = cookies
                existing = request.cookies or []
                if isinstance(existing, dict):
                    existing = [{"name": k, "value": v} for k, v in existing.items()]
                request.cookies = list(existing) + cookies
        return None

    def process_response(self, request, response, spider=None):
        if request.meta.get("playwright") or not looks_like_challenge(response.status, response.body):
            return response
        spider = spider or self.crawler.spider
        self.crawler.stats.inc_value("govcrawl/challenges")
        netloc = urlsplit(request.url).netloc
        sent = (request.headers.get(b"Cookie") or b"").decode("latin-1")
        names = challenge_passes(spider).get("names:" + netloc, set())
        if names and any(f"{n}=" in sent for n in names):
            # Challenged although it carried the cookie Chromium got: that cookie was good for one
            # request only (or is bound to something a plain request cannot show).
            challenge_passes(spider)["rejected:" + netloc] = challenge_passes(spider).get("rejected:" + netloc, 0) + 1
        if challenge_passes(spider).get("rejected:" + netloc, 0) >= 2 and netloc not in browser_hosts(spider):
            # From now on this host is fetched through the browser.
            browser_hosts(spider).add(netloc)
            self.crawler.stats.inc_value("govcrawl/challenge/rotating_hosts")
            self.crawler.signals.send_catch_log(signal=browser_host, spider=spider, host=netloc)
            note = getattr(spider, "note_browser_host", None)
            if note is not None:
                note(request, f"the challenge cookie of {netloc} rotates on every request: every page of the "
                              "host is fetched through Chromium from now on")
        meta = dict(request.meta)
        meta.update(
            playwright=True,
            govcrawl_challenge=response.status,
            govcrawl_challenge_shape=challenge_shape(response.body),
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
        spider = spider or self.crawler.spider
        page = request.meta.pop("playwright_page", None)
        shape = request.meta.get("govcrawl_challenge_shape")
        if page is not None:
            try:
                # The challenge's script may reload the page after the first load settled: give
                # it a moment, a few times, before judging what the browser shows.
                for _ in range(4):
                    if response.status not in CHALLENGE_STATUSES or passed(response.body, shape):
                        break
                    await page.wait_for_timeout(400)
                    await page.wait_for_load_state("networkidle", timeout=10000)
                    response = response.replace(body=(await within(page.content())).encode("utf-8"))
                cookies = await within(page.context.cookies())
            except Exception as exc:  # the page went away or stopped answering: judge what we have
                logger.info("challenge page of %s: %s", request.url, type(exc).__name__)
                cookies = []
            finally:
                try:
                    await within(page.close())
                except Exception:  # noqa: BLE001 - a page that will not close is left to its context
                    pass
            host = urlsplit(request.url).netloc
            jar = [{"name": c["name"], "value": c["value"], "domain": c.get("domain") or host,
                    "path": c.get("path") or "/", "expires": c.get("expires")} for c in cookies]
            if jar:
                cleared_cookies(spider)[host] = [{k: v for k, v in c.items() if k != "expires"} for c in jar]
                challenge_passes(spider).setdefault("names:" + host, set()).update(c["name"] for c in jar)
                self.crawler.signals.send_catch_log(signal=cookies_cleared, spider=spider, host=host, cookies=jar)
        logger.debug("challenge judged %s: status %s shape %s body %s -> %s", request.url, response.status, shape,
                     challenge_shape(response.body), passed(response.body, shape))
        if (request.meta.get("govcrawl_challenge") and request.meta.get("playwright")
                and response.status in CHALLENGE_STATUSES
                and passed(response.body, shape)):
            self.crawler.stats.inc_value("govcrawl/challenges_passed")
            netloc = urlsplit(request.url).netloc
            challenge_passes(spider)[netloc] = challenge_passes(spider).get(netloc, 0) + 1
            if urlsplit(request.url).path == "/robots.txt":
                # Chromium shows a text file inside <pre>: robots rules are the text, not the markup
                shown = re.search(rb"<pre[^>]*>(.*?)</pre>", response.body, re.S | re.I)
                if shown:
                    text = html.unescape(shown.group(1).decode("utf-8", "replace"))
                    return response.replace(status=200, body=text.encode("utf-8"))
            return response.replace(status=200)
        return response
