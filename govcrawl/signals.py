"""Signals that carry facts between the crawl's stages without coupling them."""

#: Sent by the archive middleware after a response is written to WARC: ``capture`` (dict).
capture_archived = object()
