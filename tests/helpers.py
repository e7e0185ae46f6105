"""Test helpers: saved pages as Scrapy responses (city-scrapers style)."""
from __future__ import annotations

from pathlib import Path

from scrapy.http import HtmlResponse, Request, TextResponse

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REALPAGES = SHARED / "realpages"
SEEDS = SHARED / "seeds"
FILES = Path(__file__).resolve().parent / "files"


def file_response(path: str | Path, url: str, encoding: str | None = None, meta: dict | None = None,
                  cls=HtmlResponse) -> TextResponse:
    """A response for a saved page, as if fetched from ``url``."""
    body = Path(path).read_bytes()
    request = Request(url, meta=meta or {})
    kwargs = {"encoding": encoding} if encoding else {}
    return cls(url=url, body=body, request=request, **kwargs)
