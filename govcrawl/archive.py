"""Archive every raw response as WARC records before anything parses it.

A downloader middleware placed next to the downloader writes each response (and the request that
produced it) to a gzipped WARC file under ``archive/``. It records where the record landed (file,
offset, length) in ``request.meta["capture"]`` and announces it with the ``capture_archived``
signal, so the store can list every fetched URL and each report can point at its archived copy.
"""
from __future__ import annotations

import hashlib
import http
import io
import os
import socket
import uuid
from base64 import b32encode
from datetime import datetime, timezone
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from govcrawl import __version__
from govcrawl.signals import capture_archived

MAX_FILE_BYTES = 1024 * 1024 * 1024  # roll over to a new WARC file after 1 GiB


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def payload_digest(body: bytes) -> str:
    return "sha1:" + b32encode(hashlib.sha1(body).digest()).decode("ascii")


class WarcFile:
    """One rolling WARC output for a crawl run: ``<dir>/<prefix>-<n>.warc.gz``."""

    def __init__(self, directory: str | os.PathLike, prefix: str):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        self.serial = 0
        self._fh = None
        self._writer = None

    @property
    def path(self) -> Path:
        return self.directory / f"{self.prefix}-{self.serial:05d}.warc.gz"

    def _open(self) -> None:
        self._fh = open(self.path, "ab")
        self._writer = WARCWriter(self._fh, gzip=True)
        if self._fh.tell() == 0:
            info = self._writer.create_warcinfo_record(
                self.path.name,
                {
                    "software": f"govcrawl/{__version__}",
                    "format": "WARC File Format 1.1",
                    "hostname": socket.gethostname(),
                },
            )
            self._writer.write_record(info)

    def write(self, record) -> tuple[str, int, int]:
        """Write one record; return (file name relative to the archive dir, offset, length)."""
        if self._fh is None:
            self._open()
        elif self._fh.tell() > MAX_FILE_BYTES:
            self.close()
            self.serial += 1
            self._open()
        offset = self._fh.tell()
        self._writer.write_record(record)
        self._fh.flush()
        return self.path.name, offset, self._fh.tell() - offset

    @property
    def writer(self) -> WARCWriter:
        if self._writer is None:
            self._open()
        return self._writer

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
        self._fh = None
        self._writer = None


def _header_list(headers) -> list[tuple[str, str]]:
    out = []
    for key, values in headers.items():
        name = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        for value in values:
            out.append((name, value.decode("latin-1") if isinstance(value, bytes) else str(value)))
    return out


def response_record(warc: WarcFile, request, response, fetched_at: str):
    """Build the WARC response record for a Scrapy response."""
    try:
        reason = http.HTTPStatus(response.status).phrase
    except ValueError:
        reason = "Unknown"
    protocol = getattr(response, "protocol", None) or "HTTP/1.1"
    http_headers = StatusAndHeaders(
        f"{response.status} {reason}", _header_list(response.headers), protocol=protocol
    )
    warc_headers = {"WARC-Date": fetched_at}
    if getattr(response, "ip_address", None) is not None:
        warc_headers["WARC-IP-Address"] = str(response.ip_address)
    if request.meta.get("playwright"):
        # The body is the DOM a real browser rendered, not the bytes on the wire.
        warc_headers["WARC-Govcrawl-Rendered"] = "chromium"
    return warc.writer.create_warc_record(
        response.url,
        "response",
        payload=io.BytesIO(response.body),
        length=len(response.body),
        http_headers=http_headers,
        warc_headers_dict=warc_headers,
    )


def request_record(warc: WarcFile, request, concurrent_to: str, fetched_at: str):
    path = request.url.split("/", 3)[3] if request.url.count("/") >= 3 else ""
    http_headers = StatusAndHeaders(
        f"{request.method} /{path} HTTP/1.1", _header_list(request.headers), is_http_request=True
    )
    return warc.writer.create_warc_record(
        request.url,
        "request",
        payload=io.BytesIO(request.body or b""),
        length=len(request.body or b""),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Date": fetched_at, "WARC-Concurrent-To": concurrent_to},
    )


class WarcArchiveMiddleware:
    """Downloader middleware: write each response to WARC and note where it went."""

    def __init__(self, crawler, archive_dir: str):
        self.crawler = crawler
        self.archive_dir = archive_dir
        self.warc: WarcFile | None = None

    @classmethod
    def from_crawler(cls, crawler):
        mw = cls(crawler, crawler.settings.get("GOVCRAWL_ARCHIVE_DIR", "archive"))
        from scrapy import signals

        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def _warc_for(self, spider) -> WarcFile:
        if self.warc is None:
            run_id = getattr(spider, "run_id", None) or datetime.now(timezone.utc).strftime(
                "%Y%m%dT%H%M%SZ"
            )
            self.warc = WarcFile(Path(self.archive_dir) / spider.name, f"{spider.name}-{run_id}")
        return self.warc

    def process_response(self, request, response, spider=None):
        spider = spider or self.crawler.spider
        warc = self._warc_for(spider)
        fetched_at = utc_now()
        record = response_record(warc, request, response, fetched_at)
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        name, offset, length = warc.write(record)
        warc.write(request_record(warc, request, record_id, fetched_at))
        capture = {
            "capture_id": record_id.strip("<>").removeprefix("urn:uuid:"),
            "run_id": request.meta.get("run_id") or getattr(spider, "run_id", None),
            "site_id": request.meta.get("site_id") or spider.name,
            "url": response.url,
            "method": request.method,
            "status": response.status,
            "fetched_at": fetched_at,
            "content_type": response.headers.get(b"Content-Type", b"").decode("latin-1") or None,
            "content_length": len(response.body),
            "payload_digest": payload_digest(response.body),
            "warc_file": f"{spider.name}/{name}",
            "warc_offset": offset,
            "warc_length": length,
            "rendered": bool(request.meta.get("playwright")),
        }
        request.meta["capture"] = capture
        self.crawler.signals.send_catch_log(signal=capture_archived, capture=capture, spider=spider)
        return response

    def spider_closed(self, spider):
        if self.warc is not None:
            self.warc.close()


def read_record(archive_dir: str | os.PathLike, warc_file: str, offset: int):
    """Return (http status line, headers list, payload bytes) of the record at ``offset``."""
    from warcio.archiveiterator import ArchiveIterator

    with open(Path(archive_dir) / warc_file, "rb") as fh:
        fh.seek(offset)
        for record in ArchiveIterator(fh):
            headers = record.http_headers
            body = record.content_stream().read()
            return (
                headers.statusline if headers else "",
                headers.headers if headers else [],
                body,
                record.rec_headers.get_header("WARC-Target-URI"),
            )
    raise LookupError(f"no WARC record at {warc_file}:{offset}")


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


__all__ = ["WarcArchiveMiddleware", "WarcFile", "read_record", "new_run_id"]
