"""Every request waits in the download slot of its own host:port, robots.txt included."""
from scrapy import Request
from scrapy.utils.test import get_crawler

from govcrawl import settings as project_settings
from govcrawl.slots import PortSlotMiddleware


def test_requests_without_a_slot_get_their_host_and_port():
    mw = PortSlotMiddleware()
    robots = Request("http://127.0.0.1:20001/robots.txt", meta={"dont_obey_robotstxt": True})
    named = Request("http://127.0.0.1:20002/a.html", meta={"download_slot": "127.0.0.1:20002"})
    for request in (robots, named):
        assert mw.process_request(request) is None
    assert robots.meta["download_slot"] == "127.0.0.1:20001"
    assert named.meta["download_slot"] == "127.0.0.1:20002"


def test_scrapy_keys_the_downloader_slot_by_it():
    """Without the middleware two ports of one address would share Scrapy's slot "127.0.0.1"."""
    from scrapy.core.downloader import Downloader

    crawler = get_crawler(settings_dict={k: getattr(project_settings, k) for k in dir(project_settings) if k.isupper()})
    downloader = Downloader(crawler)
    keys = set()
    for port in (20001, 20002):
        request = Request(f"http://127.0.0.1:{port}/robots.txt")
        PortSlotMiddleware().process_request(request)
        keys.add(downloader.get_slot_key(request))
    assert keys == {"127.0.0.1:20001", "127.0.0.1:20002"}
    assert "govcrawl.slots.PortSlotMiddleware" in project_settings.DOWNLOADER_MIDDLEWARES
