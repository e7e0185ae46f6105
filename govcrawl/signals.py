"""Signals that carry facts between the crawl's stages without coupling them."""

#: Sent by the archive middleware after a response is written to WARC: ``capture`` (dict).
capture_archived = object()

#: Sent by any stage that notices something to record without a callback to yield it from
#: (a refused link on a page, a cut budget): ``error`` (dict with site_id, url, stage, reason,
#: and optionally status and referer). The store writes it to ``crawl_errors``.
crawl_error = object()

#: Sent when the crawl learns of a site (a registry row when the spider opens, a subsite found
#: on its county's portal, or what a site turned out to be when the spider closes): ``site``
#: (the ``sites`` row as a dict). The store upserts it.
site_found = object()

#: Sent when a list page answered with validators (ETag / Last-Modified): ``page`` (url,
#: site_id, etag, last_modified, capture_id). The store keeps them for the next crawl.
page_seen = object()

#: Sent when Chromium got past a challenge: ``host`` and ``cookies`` (name, value, domain, path,
#: expires). The store keeps them, so the next run reuses them while they are valid.
cookies_cleared = object()

#: Sent when a host's challenge cookie turned out to rotate on every request, so every page of it
#: is fetched through Chromium: ``host`` (host:port). The store keeps it, so the next run starts
#: that way instead of learning it again from failed plain requests.
browser_host = object()

#: What the store keeps of the crawl's signals: signal -> the handler method that takes it. The
#: store pipeline writes them; a distributed worker's forward pipeline sends them to the writer,
#: which hands them to the same handlers.
STORED = {capture_archived: "on_capture", crawl_error: "on_error", site_found: "on_site",
          page_seen: "on_page", cookies_cleared: "on_cookies", browser_host: "on_browser_host"}


def connect_stored(crawler, receiver) -> None:
    """Connect each signal of ``STORED`` to the receiver's handler of that name."""
    for signal, name in STORED.items():
        crawler.signals.connect(getattr(receiver, name), signal=signal)
