"""Paging a list that exists only in the browser: click 下一页 and read the page again.

Used when no reader finds an entry in a column's static HTML and the page runs scripts (a Vue
or jQuery list filled from an endpoint no script text names). The page is already rendered by
scrapy-playwright (Debian's Chromium); this clicks its pager until the list stops changing or the
column's page budget is spent.
"""
from __future__ import annotations

import logging
import re

from govcrawl.browser import within

logger = logging.getLogger(__name__)

_NEXT = re.compile(r"^\s*(下一页|下页|后一页|下一頁|>|>>|›|»|next|next page)\s*$", re.I)
_DISABLED = re.compile(r"(disabled|disable|noclick|unable|gray|grey)", re.I)


async def _next_control(page):
    """The pager's 下一页 control, if one is visible and enabled."""
    # Innermost controls first: a wide <div> holding only the word would be clicked off its link.
    searches = [page.locator(tag).filter(has_text=_NEXT) for tag in ("a", "button", "span", "li", "div")]
    searches.append(page.locator("input[value='下一页'], input[value='下页'], [title='下一页'], [aria-label*='next' i]"))
    for locator in searches:
        count = await locator.count()
        for i in range(min(count, 6)):
            el = locator.nth(i)
            try:
                if not await el.is_visible():
                    continue
                cls = (await el.get_attribute("class") or "") + " " + (await el.get_attribute("disabled") or "")
                if _DISABLED.search(cls):
                    continue
                inner = await el.evaluate("e => e.children.length")
                if inner > 2:  # a container that happens to hold the word, not the control
                    continue
                href = (await el.get_attribute("href") or "").strip().lower()
                if href and not href.startswith(("javascript", "#")):
                    return None  # a plain link: the static readers follow it without a browser
                return el
            except Exception:  # the element went away while we looked
                continue
    return None


async def _numbered_control(page, number: int):
    """The pager's control for page ``number`` (a script pager with numbers and no 下一页)."""
    locator = page.locator("a, span, li, button").filter(has_text=re.compile(rf"^\s*{number}\s*$"))
    count = await locator.count()
    for i in range(min(count, 6)):
        el = locator.nth(i)
        try:
            if not await el.is_visible():
                continue
            href = (await el.get_attribute("href") or "").strip().lower()
            if href and not href.startswith(("javascript", "#")):
                return None
            return el
        except Exception:
            continue
    return None


async def _list_text(page) -> str:
    return await page.evaluate("() => Array.from(document.links).map(a => a.href + '|' + a.textContent).join('\\n')")


async def click_through(page, response, max_pages: int, max_seconds: float = 120,
                        enough=None) -> list[tuple[str, str]]:
    """(html, url) of each state of the list, the rendered first page first; at most
    ``max_pages`` states and ``max_seconds`` of clicking, and no further than the first state
    for which ``enough(html, url)`` says so (a re-crawl's list that brought nothing new)."""
    import time

    out = [(response.text, response.url)]
    if page is None:
        return out
    try:
        await _paged(page, response, out, max_pages, max_seconds, enough)
    except Exception as exc:  # a page that stops answering (a script in a loop): keep what was read
        logger.info("rendered list %s: pager stopped (%s)", response.url, type(exc).__name__)
    return out


async def _paged(page, response, out: list, max_pages: int, max_seconds: float, enough) -> None:
    import time

    seen = {await within(_list_text(page))}
    started = time.monotonic()
    for number in range(2, max_pages + 1):
        if enough is not None and enough(*out[-1]):
            break
        if time.monotonic() - started > max_seconds:
            logger.info("rendered list %s: stopped after %.0f s of paging", response.url, max_seconds)
            break
        control = await within(_next_control(page)) or await within(_numbered_control(page, number))
        if control is None:
            break
        await control.click(timeout=5000)
        await page.wait_for_load_state("networkidle", timeout=15000)
        state = await within(_list_text(page))
        for _ in range(25):  # the list may be redrawn a moment after the network settles
            if state not in seen:
                break
            await page.wait_for_timeout(200)
            state = await within(_list_text(page))
        if state in seen:
            break
        seen.add(state)
        out.append((await within(page.content()), page.url))
