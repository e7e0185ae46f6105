"""Archive every raw response as WARC records before anything parses it.

A downloader middleware placed next to the downloader writes, for each fetch, the server's
response and the request that produced it to a gzipped WARC file under ``archive/<spider>/``, as
replay and indexing tools (pywb, ReplayWeb.page, cdxj-indexer) expect them:

- bodies exactly as they came off the wire, still compressed when the server sent
  ``Content-Encoding``. Scrapy's HTTP/1.1 handler has already undone chunked transfer-coding by the
  time the middleware sees the response, so the ``Transfer-Encoding`` header is dropped and the
  real ``Content-Length`` stated, or the record would claim a framing its bytes do not have;
- a ``warcinfo`` record opening every file, and a new file once one passes
  ``GOVCRAWL_WARC_MAX_BYTES``;
- a 304 answer to a conditional re-crawl request (meta ``govcrawl_revisit_of``) becomes a
  ``revisit`` record, profile server-not-modified, pointing at the capture it confirms;
- a page rendered by Chromium (meta ``playwright``) is a ``resource`` record of the DOM, marked
  ``WARC-Govcrawl-Rendered``, never a response record pretending to be the server's bytes.

Each record is its own gzip member and is flushed before the capture is announced (signal
``capture_archived``), so a row in ``captures`` only ever points at a complete record. A process
killed mid-write leaves at most a truncated last member; reopening a file cuts it back to the last
complete member before appending (``repair_warc``), so a resumed run never buries good records
behind a broken one.
"""
from __future__ import annotations

import hashlib
import http
import io
import os
import socket
import uuid
import zlib
from base64 import b32encode
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import iso_date_to_timestamp
from warcio.warcwriter import WARCWriter

from govcrawl import __version__
from govcrawl.signals import capture_archived

DEFAULT_MAX_FILE_BYTES = 1024 * 1024 * 1024  # roll over to a new WARC file after 1 GiB
SERVER_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
# Hop-by-hop framing the handler has already undone: the record's body is no longer framed so.
_DECODED_FRAMING = {"transfer-encoding"}


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def payload_digest(body: bytes) -> str:
    return "sha1:" + b32encode(hashlib.sha1(body).digest()).decode("ascii")


def cdxj_key(url: str, warc_date: str) -> str:
    """The CDXJ index key of a capture, "<SURT> <14-digit timestamp>", as cdxj-indexer writes it."""
    import surt

    try:
        key = surt.surt(url)
    except Exception:  # an unparsable URL: cdxj-indexer falls back to the URL itself
        key = url
    return f"{key} {iso_date_to_timestamp(warc_date)}"


def repair_warc(path: str | os.PathLike) -> int:
    """Cut a gzipped WARC back to its last complete gzip member; return the bytes dropped.

    A process killed while writing leaves a truncated member at the end. Appending after it would
    make every later record unreachable to readers that stop at the first bad member.
    """
    path = Path(path)
    size = path.stat().st_size
    good = 0
    with open(path, "rb") as fh:
        pos = 0  # file offset of the start of ``pending``
        pending = b""
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        while True:
            if not pending:
                pending = fh.read(1 << 20)
                if not pending:
                    break
            try:
                inflater.decompress(pending, 1 << 20)  # output discarded: only framing matters
            except zlib.error:
                break
            consumed = len(pending) - len(inflater.unconsumed_tail) - len(inflater.unused_data)
            if inflater.eof:  # a complete member: the file is good up to here
                good = pos = pos + consumed
                pending = inflater.unused_data
                inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
                continue
            pos += consumed
            pending = inflater.unconsumed_tail
    if good < size:
        with open(path, "r+b") as fh:
            fh.truncate(good)
    return size - good


class WarcFile:
    """One rolling WARC output for a crawl run: ``<dir>/<prefix>-<n>.warc.gz``."""

    def __init__(self, directory: str | os.PathLike, prefix: str,
                 max_bytes: int = DEFAULT_MAX_FILE_BYTES):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.serial = 0
        self.repaired: dict[str, int] = {}  # file name -> bytes of a broken tail cut off on open
        self._fh = None
        self._writer = WARCWriter(io.BytesIO(), gzip=True, warc_version="1.1")  # builds records

    @property
    def path(self) -> Path:
        return self.directory / f"{self.prefix}-{self.serial:05d}.warc.gz"

    def _open(self) -> None:
        # A resumed run continues its last file (not the ones it had already rolled past).
        while (self.directory / f"{self.prefix}-{self.serial + 1:05d}.warc.gz").exists():
            self.serial += 1
        if self.path.exists() and self.path.stat().st_size:
            dropped = repair_warc(self.path)
            if dropped:
                self.repaired[self.path.name] = dropped
        self._fh = open(self.path, "ab")
        self._writer = WARCWriter(self._fh, gzip=True, warc_version="1.1")
        if self._fh.tell() == 0:
            info = self._writer.create_warcinfo_record(
                self.path.name,
                {
                    "software": f"govcrawl/{__version__}",
                    "format": "WARC File Format 1.1",
                    "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
                    "hostname": socket.gethostname(),
                    "isPartOf": self.prefix,
                },
            )
            self._writer.write_record(info)
            self._fh.flush()

    def write_group(self, records: list) -> list[tuple[str, int, int]]:
        """Write records together in one file; return (file name, offset, length) of each."""
        if self._fh is None:
            self._open()
        elif self._fh.tell() >= self.max_bytes:
            self.close()
            self.serial += 1
            self._open()
        places = []
        for record in records:
            offset = self._fh.tell()
            self._writer.write_record(record)
            places.append((self.path.name, offset, self._fh.tell() - offset))
        self._fh.flush()
        return places

    def write(self, record) -> tuple[str, int, int]:
        """Write one record; return (file name relative to the archive dir, offset, length)."""
        return self.write_group([record])[0]

    @property
    def writer(self) -> WARCWriter:
        return self._writer

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
        self._fh = None


def _header_list(headers) -> list[tuple[str, str]]:
    out = []
    for key, values in headers.items():
        name = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        for value in values:
            out.append((name, value.decode("latin-1") if isinstance(value, bytes) else str(value)))
    return out


def wire_headers(headers, body_length: int) -> list[tuple[str, str]]:
    """Response headers as they describe the record's body (see the module docstring)."""
    pairs = [(k, v) for k, v in _header_list(headers) if k.lower() not in _DECODED_FRAMING]
    if len(pairs) != len(_header_list(headers)) or not any(
            k.lower() == "content-length" for k, _ in pairs):
        pairs = [(k, v) for k, v in pairs if k.lower() != "content-length"]
        pairs.append(("Content-Length", str(body_length)))
    return pairs


def _status_line(status: int) -> str:
    try:
        reason = http.HTTPStatus(status).phrase
    except ValueError:
        reason = "Unknown"
    return f"{status} {reason}"


def _warc_headers(response, fetched_at: str) -> dict:
    headers = {"WARC-Date": fetched_at}
    if getattr(response, "ip_address", None) is not None:
        headers["WARC-IP-Address"] = str(response.ip_address)
    return headers


def response_record(writer: WARCWriter, request, response, fetched_at: str):
    """The WARC response record of a Scrapy response, body verbatim."""
    protocol = getattr(response, "protocol", None) or "HTTP/1.1"
    http_headers = StatusAndHeaders(_status_line(response.status),
                                    wire_headers(response.headers, len(response.body)),
                                    protocol=protocol)
    return writer.create_warc_record(
        response.url, "response", payload=io.BytesIO(response.body), length=len(response.body),
        http_headers=http_headers, warc_headers_dict=_warc_headers(response, fetched_at))


def revisit_record(writer: WARCWriter, response, revisit_of: dict, fetched_at: str):
    """A 304 to a conditional request: a revisit record (server-not-modified) of the earlier
    capture named in ``revisit_of`` (record_id, url, date, payload_digest)."""
    protocol = getattr(response, "protocol", None) or "HTTP/1.1"
    http_headers = StatusAndHeaders(_status_line(response.status),
                                    wire_headers(response.headers, 0), protocol=protocol)
    warc_headers = _warc_headers(response, fetched_at)
    warc_headers.update({
        "WARC-Profile": SERVER_NOT_MODIFIED,
        "WARC-Refers-To": revisit_of["record_id"],
        "WARC-Refers-To-Target-URI": revisit_of.get("url") or response.url,
        "WARC-Refers-To-Date": revisit_of.get("date") or "",
    })
    if revisit_of.get("payload_digest"):
        warc_headers["WARC-Payload-Digest"] = revisit_of["payload_digest"]
    warc_headers = {k: v for k, v in warc_headers.items() if v}
    return writer.create_warc_record(response.url, "revisit", payload=io.BytesIO(b""), length=0,
                                     http_headers=http_headers, warc_headers_dict=warc_headers)


def rendered_record(writer: WARCWriter, request, response, fetched_at: str):
    """The DOM Chromium rendered, as a resource record: what a browser showed, kept apart from
    (never in place of) response records of the server's bytes."""
    warc_headers = {"WARC-Date": fetched_at, "WARC-Govcrawl-Rendered": "chromium"}
    earlier = request.meta.get("capture") or {}
    if earlier.get("warc_record_id"):  # the challenge page the browser was sent to get past
        warc_headers["WARC-Govcrawl-Rendered-After"] = earlier["warc_record_id"]
    content_type = "text/html; charset=utf-8"
    if response.headers.get(b"Content-Type"):
        content_type = response.headers.get(b"Content-Type").decode("latin-1")
    return writer.create_warc_record(response.url, "resource", payload=io.BytesIO(response.body),
                                     length=len(response.body), warc_content_type=content_type,
                                     warc_headers_dict=warc_headers)


def request_record(writer: WARCWriter, request, concurrent_to: str, fetched_at: str):
    """The request as sent: request line, headers (with Host, which the client adds) and body."""
    target = urlsplit(request.url)
    path = (target.path or "/") + (f"?{target.query}" if target.query else "")
    headers = _header_list(request.headers)
    if not any(k.lower() == "host" for k, _ in headers):
        headers.insert(0, ("Host", target.netloc))
    http_headers = StatusAndHeaders(f"{request.method} {path} HTTP/1.1", headers,
                                    is_http_request=True)
    body = request.body or b""
    return writer.create_warc_record(
        request.url, "request", payload=io.BytesIO(body), length=len(body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Date": fetched_at, "WARC-Concurrent-To": concurrent_to})


class WarcArchiveMiddleware:
    """Downloader middleware: write each response to WARC and note where it went."""

    def __init__(self, crawler, archive_dir: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES):
        self.crawler = crawler
        self.archive_dir = archive_dir
        self.max_bytes = max_bytes
        self.warc: WarcFile | None = None

    @classmethod
    def from_crawler(cls, crawler):
        mw = cls(crawler, crawler.settings.get("GOVCRAWL_ARCHIVE_DIR", "archive"),
                 crawler.settings.getint("GOVCRAWL_WARC_MAX_BYTES", DEFAULT_MAX_FILE_BYTES))
        from scrapy import signals

        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def _warc_for(self, spider) -> WarcFile:
        if self.warc is None:
            run_id = getattr(spider, "run_id", None) or datetime.now(timezone.utc).strftime(
                "%Y%m%dT%H%M%SZ")
            # Workers of a distributed crawl share its run id: each writes its own files.
            worker = self.crawler.settings.get("GOVCRAWL_WORKER_ID")
            self.warc = WarcFile(Path(self.archive_dir) / spider.name,
                                 f"{spider.name}-{run_id}" + (f"-{worker}" if worker else ""), self.max_bytes)
        return self.warc

    def _records(self, writer, request, response, fetched_at):
        """(main record, records to write) for one fetch, and what it revisits if anything."""
        revisit_of = request.meta.get("govcrawl_revisit_of")
        if request.meta.get("playwright"):
            record = rendered_record(writer, request, response, fetched_at)
            return record, [record], None
        if response.status == 304 and revisit_of and revisit_of.get("record_id"):
            record = revisit_record(writer, response, revisit_of, fetched_at)
        else:
            record, revisit_of = response_record(writer, request, response, fetched_at), None
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        return record, [record, request_record(writer, request, record_id, fetched_at)], revisit_of

    def process_response(self, request, response, spider=None):
        spider = spider or self.crawler.spider
        warc = self._warc_for(spider)
        fetched_at = utc_now()
        record, records, revisit_of = self._records(warc.writer, request, response, fetched_at)
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        name, offset, length = warc.write_group(records)[0]
        for file_name, dropped in warc.repaired.items():
            self.crawler.stats.set_value(f"govcrawl/warc_repaired/{file_name}", dropped)
        capture = {
            "capture_id": record_id.strip("<>").removeprefix("urn:uuid:"),
            "warc_record_id": record_id,
            "record_type": record.rec_type,
            "run_id": request.meta.get("run_id") or getattr(spider, "run_id", None),
            "site_id": request.meta.get("site_id") or spider.name,
            "url": response.url,
            "method": request.method,
            "status": response.status,
            "fetched_at": fetched_at,
            "content_type": response.headers.get(b"Content-Type", b"").decode("latin-1") or None,
            "content_length": len(response.body),
            "payload_digest": (revisit_of or {}).get("payload_digest") or payload_digest(response.body),
            "warc_file": f"{spider.name}/{name}",
            "warc_offset": offset,
            "warc_length": length,
            "rendered": bool(request.meta.get("playwright")),
            "revisit_of": (revisit_of or {}).get("record_id"),
            "cdxj_key": cdxj_key(response.url, fetched_at),
        }
        request.meta["capture"] = capture
        self.crawler.signals.send_catch_log(signal=capture_archived, capture=capture, spider=spider)
        return response

    def spider_closed(self, spider):
        if self.warc is not None:
            self.warc.close()


def read_record(archive_dir: str | os.PathLike, warc_file: str, offset: int):
    """Return (http status line, headers list, payload bytes, target URI) of the record at
    ``offset``."""
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


__all__ = ["WarcArchiveMiddleware", "WarcFile", "read_record", "repair_warc", "new_run_id",
           "cdxj_key"]
