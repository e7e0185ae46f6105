"""Signals that carry facts between the crawl's stages without coupling them."""

#: Sent by the archive middleware after a response is written to WARC: ``capture`` (dict).
capture_archived = object()

#: Sent by any stage that notices something to record without a callback to yield it from
#: (a refused link on a page, a cut budget): ``error`` (dict with site_id, url, stage, reason,
#: and optionally status and referer). The store writes it to ``crawl_errors``.
crawl_error = object()
