"""A crawl that stops moving (a request awaited forever) is closed as ``stalled``, with the
engine's state logged, instead of staying open."""
from __future__ import annotations

import json
import subprocess
import sys
import time

from twisted.internet.defer import Deferred

from tests.helpers import ROOT


class NeverAnswers:
    """Downloader middleware: every request waits for an answer that never comes."""

    def process_request(self, request, spider=None):
        return Deferred()


SCRIPT = """
import json, sys
from scrapy import Spider, Request
from scrapy.crawler import CrawlerProcess

class Stuck(Spider):
    name = "stuck"
    async def start(self):
        yield Request("http://127.0.0.1:9/never")

process = CrawlerProcess({"DOWNLOADER_MIDDLEWARES": {"tests.test_stall.NeverAnswers": 1},
                          "EXTENSIONS": {"govcrawl.monitor.StallWatchdog": 500},
                          "GOVCRAWL_STALL_SECONDS": 2, "TELNETCONSOLE_ENABLED": False, "LOG_LEVEL": "ERROR"})
crawler = process.create_crawler(Stuck)
process.crawl(crawler)
process.start()
print(json.dumps({"reason": crawler.stats.get_value("finish_reason"),
                  "stalled": crawler.stats.get_value("govcrawl/stalled")}))
"""


def test_a_stuck_crawl_is_closed_as_stalled():
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result == {"reason": "stalled", "stalled": 1}
    assert "crawl stalled: nothing downloaded" in proc.stderr and "len(engine._slot.inprogress)" in proc.stderr
    assert time.monotonic() - started < 60


STUCK_CALLBACK = """
import asyncio, json
from scrapy import Spider, Request
from scrapy.crawler import CrawlerProcess

class StuckCallback(Spider):
    name = "stuck_callback"
    async def start(self):
        yield Request("data:text/html,<p>x</p>")
    async def parse(self, response):
        await asyncio.get_running_loop().create_future()  # never done
        yield {}

process = CrawlerProcess({"EXTENSIONS": {"govcrawl.monitor.StallWatchdog": 500}, "GOVCRAWL_STALL_SECONDS": 2,
                          "GOVCRAWL_STALL_GRACE_SECONDS": 2, "TELNETCONSOLE_ENABLED": False, "LOG_LEVEL": "ERROR",
                          "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor"})
crawler = process.create_crawler(StuckCallback)
process.crawl(crawler)
process.start()
print(json.dumps({"stalled": crawler.stats.get_value("govcrawl/stalled")}))
"""


def test_a_callback_that_never_returns_ends_the_process():
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", STUCK_CALLBACK], capture_output=True, text=True, timeout=120,
                          cwd=ROOT)
    assert "crawl stalled: nothing downloaded" in proc.stderr, proc.stderr[-3000:]
    assert "stopping the process" in proc.stderr
    assert time.monotonic() - started < 60
