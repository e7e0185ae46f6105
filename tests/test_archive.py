"""The archive middleware writes a replayable WARC record for every response, before parsing."""
import gzip

from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator

from govcrawl.archive import WarcArchiveMiddleware, read_record
from govcrawl.signals import capture_archived


class FakeSpider:
    name = "demo"
    run_id = "run1"


def test_every_response_is_archived_with_its_offset(tmp_path):
    crawler = get_crawler(settings_dict={"GOVCRAWL_ARCHIVE_DIR": str(tmp_path)})
    seen = []

    def on_capture(capture, spider):
        seen.append(capture)

    crawler.signals.connect(on_capture, signal=capture_archived)  # held weakly: keep a name
    mw = WarcArchiveMiddleware.from_crawler(crawler)
    spider = FakeSpider()
    bodies = {"http://x.gov.cn/a.html": "<html><body>年度报告</body></html>".encode("gbk"),
              "http://x.gov.cn/missing": b"not found"}
    for (url, body), status in zip(bodies.items(), (200, 404)):
        request = Request(url)
        response = HtmlResponse(url, status=status, body=body, request=request,
                                headers={"Content-Type": "text/html; charset=gbk"})
        assert mw.process_response(request, response, spider) is response
        assert request.meta["capture"]["url"] == url
    mw.spider_closed(spider)
    assert [c["status"] for c in seen] == [200, 404]
    for capture, (url, body) in zip(seen, bodies.items()):
        status, headers, payload, target = read_record(tmp_path, capture["warc_file"], capture["warc_offset"])
        assert target == url and payload == body
        assert dict(headers)["Content-Type"] == "text/html; charset=gbk"
    # The file is a valid gzipped WARC: warcinfo, then response/request pairs.
    path = tmp_path / seen[0]["warc_file"]
    with open(path, "rb") as fh:
        types = [r.rec_type for r in ArchiveIterator(fh)]
    assert types == ["warcinfo", "response", "request", "response", "request"]
    assert gzip.open(path).read(4) == b"WARC"
