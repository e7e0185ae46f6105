"""Detail pages, their attachments and their copies, gathered into one document for the pipeline.

A detail page becomes a ``DocumentItem`` with its raw bytes. Before it goes to the pipeline,
the spider fetches (one after another, carried in the request) the documents it links (PDF, DOC,
XLS, OFD, scans: the report is often only there) and the copies it links (a 繁體 / big5 mirror of
the same report), so the document reaches the pipeline whole and its copies are merged with it
rather than racing it to the store.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from scrapy.http import HtmlResponse, TextResponse

from govcrawl.items import Attachment, DocumentItem, RevisitItem
from govcrawl.platforms import links, scripted
from govcrawl.platforms.listing import ListEntry
from govcrawl.platforms.scope import SiteRun
from govcrawl.recrawl import validators

_COPY_TEXT = re.compile(r"^[\[【(（]?(繁體|繁体|正體|正体|繁體版|繁体版|繁體中文|繁体中文|big5|BIG5|Big5|繁)[\]】)）]?$")
_COPY_URL = re.compile(r"(/big5/|//big5\.|[?&](lang|language)=(big5|tw|zh-?tw|zh_tw|cht)\b)", re.I)


def _deleted_notice(text: str, title: str) -> bool:
    """A full portal page (nav, footer) whose only content is a deletion notice: the notice is
    there and the report's own title is not."""
    from govcrawl.recrawl import soft_404

    folded = links.clean(text)
    notice = any(soft_404(folded[i:i + 400]) for i in range(0, min(len(folded), 20000), 300))
    return notice and bool(title) and title[:12] not in folded


def is_copy_link(url: str, text: str) -> bool:
    """A link to the same page in traditional characters (a 繁體 / big5 mirror)."""
    return bool(_COPY_TEXT.match(links.clean(text))) or bool(_COPY_URL.search(url))


def page_title(response) -> str:
    for xp in ("//h1//text()", "//title/text()"):
        text = links.clean(" ".join(response.xpath(xp).getall()))
        if text:
            return text
    return ""


def same_title(a: str, b: str) -> bool:
    from govcrawl.normalize import to_simplified

    a, b = to_simplified(links.clean(a)), to_simplified(links.clean(b))
    if not a or not b:
        return False
    return a in b or b in a or SequenceMatcher(None, a, b).ratio() >= 0.8


REDIRECTS = (301, 302, 303, 307, 308)
MAX_REVISIT_HOPS = 5
_OPENED = re.compile(r"""(?:window\.open|location\.href\s*=|downloadFile|openFile)\s*\(?\s*['"]([^'"]+)['"]""", re.I)


def embedded_documents(response) -> list[tuple[str, str]]:
    """(url, name) of documents a detail page shows without an ordinary link: a PDF in an
    ``<iframe>`` / ``<embed>`` / ``<object>`` (directly or through a viewer's ``?file=``), or
    opened by a script (``onclick="window.open('….pdf')"``)."""
    from urllib.parse import parse_qs

    out = []
    sources = response.xpath("//iframe/@src | //embed/@src | //object/@data | //*[@onclick]/@onclick").getall()
    for source in sources:
        source = source.strip()
        opened = _OPENED.search(source)
        if opened:
            source = opened.group(1)
        elif source.lower().startswith("javascript:") or not source:
            continue
        url = response.urljoin(source)
        query = parse_qs(urlsplit(url).query)
        for key in ("file", "src", "url", "path"):  # pdf.js viewer.html?file=…, and its cousins
            inner = (query.get(key) or [""])[0]
            if inner and links.is_document_url(inner):
                url = response.urljoin(inner)
                break
        if links.is_document_url(url):
            out.append((url, "附件"))
    return out


class DetailMixin:
    """Detail callbacks of PortalSpider (see module doc)."""

    def detail_request(self, run: SiteRun, entry: ListEntry, list_url: str | None, column_title: str | None = None,
                       kind: str = "detail"):
        known = self.memory.lookup(run.to_real(entry.url)) if self.memory.urls else None
        if known is not None:  # a report we have: asked conditionally, like every known URL
            if not known.conditional_headers() and not known.due():
                # no validators to ask with, and checked recently enough (recrawl.KnownUrl.due):
                # still listed, which is all this crawl needs to know of it
                run.known_listed.add(known.url)
                return None
            return self.revisit_request(run, known, entry, list_url, column_title)
        return self.make_request(
            run, entry.url, self.parse_detail, kind, referer=list_url,
            cb_kwargs={"list_title": entry.title, "list_date": entry.date,
                       "list_url": run.to_real(list_url) if list_url else None, "column_title": column_title},
            meta={"download_maxsize": self.settings.getint("GOVCRAWL_MAX_PAGE_BYTES", 8 * 1024 * 1024)})

    def revisit_request(self, run: SiteRun, known, entry: ListEntry | None = None, list_url: str | None = None,
                        column_title: str | None = None):
        """A known report URL asked again with its validators; 304, 404, 410 and 5xx answers
        come to the callback, which tells unchanged, gone and failing apart."""
        # Redirects come to the callback too: one to the homepage or a list is a removal, judged
        # on the Location itself (following it could be dropped as a duplicate of the list page).
        meta = {"handle_httpstatus_list": [304, 404, 410, 500, 502, 503, 504, *REDIRECTS], "dont_redirect": True,
                "govcrawl_known": known.url,
                "download_maxsize": self.settings.getint("GOVCRAWL_MAX_PAGE_BYTES", 8 * 1024 * 1024)}
        revisit_of = known.revisit_of()
        if revisit_of and known.conditional_headers():
            meta["govcrawl_revisit_of"] = revisit_of
        return self.make_request(
            run, known.url, self.parse_detail, "revisit", referer=list_url, errback=self.revisit_error,
            headers=known.conditional_headers(), meta=meta,
            cb_kwargs={"list_title": entry.title if entry else known.list_title,
                       "list_date": entry.date if entry else None,
                       "list_url": run.to_real(list_url) if list_url else None, "column_title": column_title})

    def revisit_outcome(self, run: SiteRun, response, known) -> tuple[str, str] | None:
        """('unchanged' | 'removed' | 'failed', how) for a known URL's answer, or None when it
        is a page to read again."""
        from govcrawl.recrawl import GONE_STATUSES, redirected_away, soft_404

        status = response.status
        final = run.to_real(response.url)
        if status == 304:
            return "unchanged", "HTTP 304 Not Modified"
        if status in REDIRECTS:
            location = response.headers.get(b"Location")
            if not location:
                return "failed", f"HTTP {status} without a Location"
            target = run.to_real(response.urljoin(location.decode("latin-1")))
            if redirected_away(known.url, target, run.site.homepage, set(run.columns)):
                return "removed", f"redirected to {target}"
            return "moved", target
        if status in GONE_STATUSES:
            return "removed", f"HTTP {status}"
        if status >= 500:
            return "failed", f"HTTP {status}"
        if redirected_away(known.url, final, run.site.homepage, set(run.columns)):
            return "removed", f"redirected to {final}"
        if isinstance(response, HtmlResponse):
            target = scripted.landing_redirect(response)
            if target and run.to_real(target) != final:
                target = run.to_real(target)
                if redirected_away(known.url, target, run.site.homepage, set(run.columns)):
                    return "removed", f"the page sends the browser to {target}"
                return "moved", target
            text = " ".join(response.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]").getall())
            title = links.clean(known.title or known.list_title or "")
            if soft_404(text) or _deleted_notice(text, title):
                return "removed", "the page says the information was deleted or does not exist"
        return None

    def parse_detail(self, response, list_title=None, list_date=None, list_url=None, column_title=None):
        run = self.site_of(response)
        run.counts["details"] += 1
        self.touch(run)
        real = run.to_real(response.url)
        known = self.memory.urls.get(response.meta.get("govcrawl_known") or "")
        if known is not None:
            outcome = self.revisit_outcome(run, response, known)
            if outcome is not None and outcome[0] == "moved":
                # moved elsewhere on the portal: read it there (gone if it is gone there), the old
                # URL kept as another URL of the report
                hops = [*response.meta.get("redirect_urls", []), response.url]
                if len(hops) <= MAX_REVISIT_HOPS:
                    request = self.make_request(
                        run, outcome[1], self.parse_detail, "revisit", referer=response.url, dont_filter=True,
                        errback=self.revisit_error,
                        cb_kwargs={"list_title": list_title, "list_date": list_date, "list_url": list_url,
                                   "column_title": column_title},
                        meta={**{k: response.meta[k] for k in ("handle_httpstatus_list", "dont_redirect",
                                                               "govcrawl_known", "download_maxsize")
                                 if k in response.meta},
                              "redirect_urls": hops})
                    if request is not None:
                        yield request
                        return
                outcome = ("failed", f"{len(hops)} redirects, the last to {outcome[1]}")
            if outcome is not None:
                run.counts[f"revisit_{outcome[0]}"] += 1
                yield RevisitItem(url=known.url, report_id=known.report_id, site_id=run.site_id, outcome=outcome[0],
                                  how=outcome[1], run_id=run.run_id, validators=validators(response.headers),
                                  capture=response.meta.get("capture"))
                return
        item = DocumentItem(
            url=real,
            fetched_url=response.url,
            site=run.site.info(),
            raw=response.body,
            content_type=response.headers.get(b"Content-Type", b"").decode("latin-1") or None,
            status=response.status,
            capture=response.meta.get("capture"),
            list_title=list_title,
            list_date=list_date,
            list_url=list_url,
            column_title=column_title,
            run_id=run.run_id,
            other_urls=[run.to_real(u) for u in response.meta.get("redirect_urls", []) if run.to_real(u) != real],
            validators=validators(response.headers),
        )
        steps: list = []
        if isinstance(response, HtmlResponse):
            page = self.page_links(response, run)
            title = list_title or page_title(response)
            steps += [("copy", (url, title)) for url in self.copy_links(run, page, real)]
            steps += [("attachment", att) for att in self.attachment_links(page + embedded_documents(response))]
        yield from self._next_step(run, item, steps)

    def copy_links(self, run: SiteRun, page: list[tuple[str, str]], real: str) -> list[str]:
        out = []
        for url, text in page:
            real_url = run.to_real(url)
            if real_url != real and is_copy_link(url, text) and not links.is_document_url(url):
                out.append(url)
        return list(dict.fromkeys(out))[:2]

    def attachment_links(self, page: list[tuple[str, str]]):
        """Documents linked from the page (the report is often only the attachment)."""
        exts = tuple(self.settings.getlist("GOVCRAWL_ATTACHMENT_EXTENSIONS"))
        seen = set()
        for url, text in page:
            target = urlsplit(url)
            ext = (target.path + "?" + target.query).rsplit(".", 1)[-1].lower()
            if ext in links.IMAGE_EXTENSIONS:
                wanted = "附件" in text  # photos in the article are not attachments
            else:
                wanted = ext in exts or (links.is_download_url(url) and bool(text))
            if wanted and url not in seen:
                seen.add(url)
                yield Attachment(url=url, name=text or None)

    def _next_step(self, run: SiteRun, item: DocumentItem, steps: list):
        while steps:
            kind, target = steps.pop(0)
            if kind == "copy":
                url, title = target
                request = self.make_request(
                    run, url, self.parse_copy, "copy", errback=self.copy_error, dont_filter=True,
                    referer=item.fetched_url, cb_kwargs={"item": item, "title": title, "steps": steps})
            else:
                image = links.is_image_url(target.url)
                limit = self.settings.getint("GOVCRAWL_MAX_IMAGE_BYTES" if image else "GOVCRAWL_MAX_ATTACHMENT_BYTES",
                                             (16 if image else 64) * 1024 * 1024)
                request = self.make_request(
                    run, target.url, self.parse_attachment, "attachment", errback=self.attachment_error,
                    dont_filter=True, referer=item.fetched_url, cb_kwargs={"item": item, "att": target, "steps": steps},
                    meta={"download_maxsize": limit})
                if request is None:
                    target.error = "not fetched (refused or over budget)"
                    target.url = run.to_real(target.url)
                    item.attachments.append(target)
            if request is not None:
                yield request
                return
        yield item

    def parse_copy(self, response, item, title, steps):
        run = self.site_of(response)
        real = run.to_real(response.url)
        if isinstance(response, TextResponse) and same_title(page_title(response), title or ""):
            item.other_urls.append(real)
            self.crawler.stats.inc_value("govcrawl/copies_merged")
        elif isinstance(response, TextResponse):
            # Not the same report after all: a document of its own.
            yield from self.parse_detail(response, list_url=item.fetched_url)
        yield from self._next_step(run, item, steps)

    def copy_error(self, failure):
        kw = failure.request.cb_kwargs
        yield from self.on_error(failure)
        yield from self._next_step(self.site_of(failure), kw["item"], kw["steps"])

    def parse_attachment(self, response, item, att, steps):
        run = self.site_of(response)
        att.raw = response.body
        att.status = response.status
        att.content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        att.capture = response.meta.get("capture")
        att.url = run.to_real(att.url)
        item.attachments.append(att)
        run.counts["attachments"] += 1
        yield from self._next_step(run, item, steps)

    def revisit_error(self, failure):
        """A known URL that could not be fetched (network): failing, not removed (see recrawl)."""
        run = self.site_of(failure)
        known = self.memory.urls.get(failure.request.meta.get("govcrawl_known") or "")
        yield from self.on_error(failure)
        if known is not None:
            run.counts["revisit_failed"] += 1
            yield RevisitItem(url=known.url, report_id=known.report_id, site_id=run.site_id, outcome="failed",
                              how=self.describe_failure(failure), run_id=run.run_id)

    def attachment_error(self, failure):
        kw = failure.request.cb_kwargs
        run = self.site_of(failure)
        att, item = kw["att"], kw["item"]
        att.error = self.describe_failure(failure)
        att.url = run.to_real(att.url)
        item.attachments.append(att)
        yield self.error_item(failure, stage="attachment")
        yield from self._next_step(run, item, kw["steps"])
