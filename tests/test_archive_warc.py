"""WARC records as archive tools expect them: verbatim bodies with honest framing headers, revisit
records for 304s, rendered pages apart from server bytes, rotation, and files that survive kill -9."""
from __future__ import annotations

import gzip
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator

from govcrawl.archive import WarcArchiveMiddleware, WarcFile, repair_warc
from govcrawl.signals import capture_archived


class FakeSpider:
    name = "demo"
    run_id = "run1"


def middleware(tmp_path, **settings):
    crawler = get_crawler(settings_dict={"GOVCRAWL_ARCHIVE_DIR": str(tmp_path), **settings})
    seen: list[dict] = []

    def on_capture(capture, spider):
        seen.append(capture)

    crawler.signals.connect(on_capture, signal=capture_archived)
    mw = WarcArchiveMiddleware.from_crawler(crawler)
    mw._keep = on_capture  # signals hold receivers weakly
    return mw, seen


def records(path: Path) -> list:
    out = []
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            out.append((record.rec_type, record.rec_headers, record.http_headers,
                        record.raw_stream.read()))  # the payload as stored, not decoded
    return out


def test_304_to_a_conditional_request_is_a_revisit_record(tmp_path):
    mw, seen = middleware(tmp_path)
    spider = FakeSpider()
    earlier = {"record_id": "<urn:uuid:11111111-2222-3333-4444-555555555555>",
               "url": "http://x.gov.cn/a.html", "date": "2025-01-02T03:04:05Z",
               "payload_digest": "sha1:AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH"}
    request = Request("http://x.gov.cn/a.html", meta={"govcrawl_revisit_of": earlier},
                      headers={"If-None-Match": '"abc"'})
    mw.process_response(request, Response(request.url, status=304, headers={"ETag": '"abc"'},
                                          request=request), spider)
    mw.spider_closed(spider)
    capture = seen[0]
    assert capture["revisit_of"] == earlier["record_id"] and capture["record_type"] == "revisit"
    assert capture["payload_digest"] == earlier["payload_digest"]
    kinds = records(tmp_path / capture["warc_file"])
    assert [k[0] for k in kinds] == ["warcinfo", "revisit", "request"]
    _, headers, http_headers, body = kinds[1]
    assert headers.get_header("WARC-Profile").endswith("/revisit/server-not-modified")
    assert headers.get_header("WARC-Refers-To") == earlier["record_id"]
    assert headers.get_header("WARC-Refers-To-Target-URI") == earlier["url"]
    assert headers.get_header("WARC-Refers-To-Date") == earlier["date"]
    assert http_headers.get_statuscode() == "304" and body == b""
    assert kinds[2][2].get_header("If-None-Match") == '"abc"'


def test_rendered_page_is_a_resource_record_not_a_response(tmp_path):
    mw, seen = middleware(tmp_path)
    spider = FakeSpider()
    request = Request("http://x.gov.cn/b.html", meta={"playwright": True})
    dom = "<html><body>渲染后的页面</body></html>".encode()
    mw.process_response(request, HtmlResponse(request.url, body=dom, request=request,
                                              headers={"Content-Type": "text/html; charset=utf-8"}), spider)
    mw.spider_closed(spider)
    kinds = records(tmp_path / seen[0]["warc_file"])
    assert [k[0] for k in kinds] == ["warcinfo", "resource"]
    assert kinds[1][1].get_header("WARC-Govcrawl-Rendered") == "chromium" and kinds[1][3] == dom
    assert seen[0]["rendered"] and seen[0]["record_type"] == "resource"


def test_rotation_by_size_gives_every_file_its_warcinfo(tmp_path):
    mw, seen = middleware(tmp_path, GOVCRAWL_WARC_MAX_BYTES=2000)
    spider = FakeSpider()
    for i in range(12):
        request = Request(f"http://x.gov.cn/{i}.html")
        body = os.urandom(700)  # incompressible: each record about 1 kB
        mw.process_response(request, HtmlResponse(request.url, body=body, request=request), spider)
    mw.spider_closed(spider)
    files = sorted({c["warc_file"] for c in seen})
    assert len(files) >= 4
    for name in files:
        kinds = [k[0] for k in records(tmp_path / name)]
        assert kinds[0] == "warcinfo" and kinds.count("warcinfo") == 1
        assert kinds[1:] == ["response", "request"] * ((len(kinds) - 1) // 2)


CHUNKED_SERVER = textwrap.dedent("""
    import gzip, sys
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    BODY = gzip.compress("<html><body>分块传输的年度报告</body></html>".encode("gbk"))
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=gbk")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(BODY), 10):
                part = BODY[i:i + 10]
                self.wfile.write(b"%x\\r\\n" % len(part) + part + b"\\r\\n")
            self.wfile.write(b"0\\r\\n\\r\\n")
        def log_message(self, *a):
            pass
    server = ThreadingHTTPServer(("127.0.0.1", 0), H)
    print(server.server_address[1], flush=True)
    server.serve_forever()
""")

CRAWL = textwrap.dedent("""
    import sys, scrapy
    from scrapy.crawler import CrawlerProcess
    class One(scrapy.Spider):
        name = "demo"
        run_id = "run1"
        start_urls = [sys.argv[1]]
        def parse(self, response):
            yield {"text": response.text}
    process = CrawlerProcess({
        "DOWNLOADER_MIDDLEWARES": {"govcrawl.archive.WarcArchiveMiddleware": 950},
        "GOVCRAWL_ARCHIVE_DIR": sys.argv[2], "ROBOTSTXT_OBEY": False, "LOG_LEVEL": "ERROR",
        "FEEDS": {sys.argv[3]: {"format": "jsonlines"}}})
    process.crawl(One)
    process.start()
""")


def test_chunked_gzip_response_through_scrapy_is_archived_verbatim(tmp_path):
    """Scrapy's HTTP/1.1 handler undoes the chunking before the middleware sees the response, but
    not the gzip: the record keeps the compressed bytes and must not claim chunked framing."""
    server = subprocess.Popen([sys.executable, "-c", CHUNKED_SERVER], stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline())
        feed = tmp_path / "items.jsonl"
        subprocess.run([sys.executable, "-c", CRAWL, f"http://127.0.0.1:{port}/r.html",
                        str(tmp_path / "archive"), str(feed)], check=True, timeout=120)
    finally:
        server.terminate()
    import json  # the spider got the decoded page

    assert "分块传输的年度报告" in json.loads(feed.read_text(encoding="utf-8"))["text"]
    warc = next((tmp_path / "archive" / "demo").glob("*.warc.gz"))
    response = [r for r in records(warc) if r[0] == "response"][0]
    http_headers, raw = response[2], response[3]
    assert http_headers.get_header("Transfer-Encoding") is None
    assert http_headers.get_header("Content-Encoding") == "gzip"
    assert int(http_headers.get_header("Content-Length")) == len(raw)
    assert gzip.decompress(raw).decode("gbk") == "<html><body>分块传输的年度报告</body></html>"
    # warcio, as replay tools do, undoes the content-encoding from the record alone.
    with open(warc, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type == "response":
                assert "分块传输".encode("gbk") in record.content_stream().read()


WRITER = textwrap.dedent("""
    import io, sys
    from warcio.statusandheaders import StatusAndHeaders
    from govcrawl.archive import WarcFile
    warc = WarcFile(sys.argv[1], "site-run1")
    i = int(sys.argv[2])
    while True:
        body = (b"<html>report %d</html>" % i) * 2000
        rec = warc.writer.create_warc_record(
            "http://x.gov.cn/%d.html" % i, "response", payload=io.BytesIO(body), length=len(body),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"))
        warc.write(rec)
        print(i, flush=True)
        i += 1
""")


def read_all(path: Path) -> list[str]:
    with open(path, "rb") as fh:
        return [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh)
                if r.rec_type == "response"]


def test_warc_stays_readable_after_kill_9_and_a_resumed_run(tmp_path):
    """A writer killed with SIGKILL at random moments, then resumed on the same file, several
    times: every record it reported written is there, in order, and the whole file reads."""
    rng = random.Random(7)
    reported: list[int] = []
    next_i = 0
    for _round in range(4):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(next_i)],
                                stdout=subprocess.PIPE, text=True)
        deadline = time.time() + 30
        while time.time() < deadline and len(reported) < next_i + 3:
            line = proc.stdout.readline()
            if line:
                reported.append(int(line))
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reported += [int(x) for x in proc.stdout.read().split()]
        path = tmp_path / "site-run1-00000.warc.gz"
        # What a killed writer left: readable up to a possibly truncated last member.
        written = [int(u.rsplit("/", 1)[1].split(".")[0]) for u in _readable_prefix(path)]
        assert set(reported) <= set(written)
        next_i = max(written) + 1 if written else 0
    # The next open repairs the tail, then appends: the whole file reads to the end.
    warc = WarcFile(tmp_path, "site-run1")
    warc._open()
    warc.close()
    urls = read_all(tmp_path / "site-run1-00000.warc.gz")
    numbers = [int(u.rsplit("/", 1)[1].split(".")[0]) for u in urls]
    assert numbers == sorted(set(numbers)) and set(reported) <= set(numbers)
    assert sum(1 for r in _types(tmp_path / "site-run1-00000.warc.gz") if r == "warcinfo") == 1


def _types(path: Path) -> list[str]:
    with open(path, "rb") as fh:
        return [r.rec_type for r in ArchiveIterator(fh)]


def _readable_prefix(path: Path) -> list[str]:
    urls = []
    with open(path, "rb") as fh:
        try:
            for r in ArchiveIterator(fh):
                if r.rec_type == "response":
                    r.content_stream().read()
                    urls.append(r.rec_headers.get_header("WARC-Target-URI"))
        except Exception:
            pass
    return urls


def test_repair_cuts_a_truncated_member_and_keeps_the_rest(tmp_path):
    mw, seen = middleware(tmp_path)
    spider = FakeSpider()
    for i in range(3):
        request = Request(f"http://x.gov.cn/{i}.html")
        mw.process_response(request, HtmlResponse(request.url, body=b"x" * 5000, request=request), spider)
    mw.spider_closed(spider)
    path = tmp_path / seen[0]["warc_file"]
    good = path.stat().st_size
    with open(path, "ab") as fh:  # half of another record, as a kill mid-write leaves it
        fh.write(gzip.compress(b"WARC/1.1\r\n" + os.urandom(4000))[:700])
    assert repair_warc(path) == 700 and path.stat().st_size == good
    assert repair_warc(path) == 0
    assert [c["url"] for c in seen] == read_all(path)
