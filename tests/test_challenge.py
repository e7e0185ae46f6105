"""A portal behind a 521 cookie challenge: the challenge is archived, then Chromium passes it."""
import json
import os
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from govcrawl.challenge import looks_like_challenge
from tests.helpers import REALPAGES

CHALLENGE = ("<html><script>document.cookie='__jsl_clearance_s=1700000000.1|0|abc;max-age=3600;path=/';"
             "location.href=location.pathname+location.search</script></html>").encode()
PAGE = ("<html><head><meta charset='utf-8'><script>var a = document.cookie;</script></head><body>"
        "<h1>政府信息公开年报</h1><ul>" + "".join(
            f"<li><a href='/art/{y}/1/15/art_1229_{y}.html'>{y}年度政府信息公开工作年度报告</a></li>"
            for y in range(2015, 2025)) + "</ul></body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        passed = "__jsl_clearance_s=" in (self.headers.get("Cookie") or "")
        body = PAGE if passed else CHALLENGE
        self.send_response(200 if passed else 521)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_challenge_detection_on_real_jsl_script():
    body = b"<script>" + (REALPAGES / "mps_jsl521_challenge1_raw.js").read_bytes() + b"</script>"
    assert looks_like_challenge(521, body)
    assert not looks_like_challenge(200, body)
    assert not looks_like_challenge(404, b"<html>not found</html>")
    assert not looks_like_challenge(521, PAGE)  # a page with content is not a challenge


SPIDER = '''
import json, scrapy
class Fetch(scrapy.Spider):
    name = "fetch"
    async def start(self):
        yield scrapy.Request(self.url, dont_filter=True)
    def parse(self, response):
        yield {"status": response.status, "body": response.text, "rendered": bool(response.meta.get("playwright"))}
        if "second" not in response.url:  # a second page of the same host, after the challenge
            yield scrapy.Request(response.urljoin("second.html"), dont_filter=True)
    def closed(self, reason):
        with open(self.stats_out, "w") as fh:
            json.dump({k: v for k, v in self.crawler.stats.get_stats().items() if isinstance(v, int)}, fh)
'''


@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="Debian chromium is not installed")
def test_challenge_is_passed_with_chromium(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/col/col1229/index.html"
    (tmp_path / "fetch_spider.py").write_text(SPIDER)
    out = tmp_path / "out.jsonl"
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "scrapy", "runspider", str(tmp_path / "fetch_spider.py"), "-a", f"url={url}",
             "-a", f"stats_out={tmp_path / 'stats.json'}",
             "-o", str(out), "-s", "ITEM_PIPELINES={}", "-s", "EXTENSIONS={}", "-s", "ROBOTSTXT_OBEY=False", "-s", "GOVCRAWL_ALLOWED_HOSTS=127.0.0.1",
             "-s", f"GOVCRAWL_ARCHIVE_DIR={tmp_path / 'archive'}", "-s", "LOG_LEVEL=INFO"],
            capture_output=True, text=True, timeout=180, cwd=os.path.dirname(os.path.dirname(__file__)),
        )
    finally:
        server.shutdown()
    assert out.exists(), proc.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(items) == 2 and all("政府信息公开年报" in i["body"] and i["status"] == 200 for i in items)
    assert items[0]["rendered"] and not items[1]["rendered"]  # the cleared cookie went to the jar
    stats = json.loads((tmp_path / "stats.json").read_text())
    assert stats["playwright/page_count"] == 1 and stats["govcrawl/challenges_passed"] == 1
    # Both the challenge and the page that followed are in the archive.
    warcs = list((tmp_path / "archive").rglob("*.warc.gz"))
    assert warcs and shutil.which("gzip")
    text = subprocess.run(["gzip", "-dc", str(warcs[0])], capture_output=True).stdout
    assert b"521" in text and b"__jsl_clearance_s" in text and "政府信息公开年报".encode() in text
