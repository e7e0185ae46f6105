"""Identity of a report: canonical URLs and a hash of its normalized text.

Identical normalized text is one report, whatever URLs it was found at; a URL we already know
keeps its report even when the text was corrected since.
"""
from __future__ import annotations

import hashlib

from w3lib.url import canonicalize_url


MIN_TEXT_FOR_HASH = 50  # shorter bodies (shells, stubs) are identified by URL, not text


def canonical_url(url: str) -> str:
    return canonicalize_url(url, keep_fragments=False)


def content_hash(body_text: str | None, url: str) -> str:
    from govcrawl.normalize import fold_text  # the text stages' module: not loaded by the store

    folded = fold_text(body_text or "")
    if len(folded) >= MIN_TEXT_FOR_HASH:
        return hashlib.sha1(folded.encode("utf-8")).hexdigest()
    return hashlib.sha1(("url:" + canonical_url(url)).encode("utf-8")).hexdigest()


def new_report_id(url: str) -> str:
    return hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()[:16]
