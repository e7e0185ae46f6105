"""The item pipeline stage by stage, without the network: bad input is recorded, never fatal,
and the same report at two URLs is one report."""
import sqlite3

import pytest

from govcrawl.items import CrawlErrorItem, DocumentItem
from govcrawl.pipelines import extract as extract_stage
from govcrawl.pipelines.classify import ClassifyPipeline
from govcrawl.pipelines.dedupe import DedupePipeline
from govcrawl.pipelines.extract import ExtractPipeline
from govcrawl.pipelines.normalize import NormalizePipeline
from govcrawl.pipelines.store import StorePipeline
from govcrawl.pipelines.tables import TablesPipeline
from spiders.luqiao import LuqiaoSpider
from tests.helpers import make_spider

PAGE = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="nav">首页 &gt; 政府信息公开 &gt; 年报</div>
<h1>{title}</h1><div id="zoom"><p>本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。</p>
<p>2022年，全区共收到政府信息公开申请12件，均已按期答复。行政复议1件，行政诉讼0件。</p></div></body></html>"""


@pytest.fixture
def run(tmp_path):
    db = str(tmp_path / "m.db")
    spider = make_spider(LuqiaoSpider, {"GOVCRAWL_DB": db}, run_id="test-run")
    stages = [ExtractPipeline(spider.crawler), NormalizePipeline(), ClassifyPipeline(),
              TablesPipeline(db, spider.crawler), DedupePipeline(db, spider.crawler)]
    store = StorePipeline(spider.crawler)
    store.open_spider(spider)

    def process(item):
        for stage in stages:
            item = stage.process_item(item, spider)
        return store.process_item(item, spider)

    process.db = db
    process.spider = spider
    return process


def item(url, raw, **kw):
    return DocumentItem(url=url, fetched_url=url, site=LuqiaoSpider.site_info(), raw=raw,
                        content_type="text/html", status=200, **kw)


def rows(db, sql):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute(sql)]


def test_report_is_stored_with_year_and_region(run):
    run(item("http://www.luqiao.gov.cn/art/2023/1/19/art_1_1.html",
             PAGE.format(title="路桥区2022年政府信息公开工作年度报告").encode()))
    (report,) = rows(run.db, "select * from reports")
    assert report["report_year"] == 2022 and report["is_annual_report"] == 1
    assert report["county"] == "路桥区" and report["province"] == "浙江省"


def test_same_text_at_two_urls_is_one_report(run):
    raw = PAGE.format(title="路桥区2022年政府信息公开工作年度报告").encode()
    run(item("http://www.luqiao.gov.cn/art/2023/1/19/art_1_1.html", raw))
    run(item("http://www.luqiao.gov.cn/col/col9/art_1_1_copy.html", raw))
    assert len(rows(run.db, "select * from reports")) == 1
    assert len(rows(run.db, "select * from report_urls")) == 2


def test_unreadable_bytes_are_kept_and_the_problem_recorded(run):
    run(item("http://www.luqiao.gov.cn/art/2023/1/1/art_1_2.html", b"\x00\xff\xfe" * 2000,
             list_title="路桥区2021年政府信息公开工作年度报告"))
    (report,) = rows(run.db, "select * from reports")
    assert report["title"] == "路桥区2021年政府信息公开工作年度报告"  # from the list, since the page had none
    errors = rows(run.db, "select * from crawl_errors")
    assert any("mojibake" in e["reason"] for e in errors) and all(e["stage"] == "extract" for e in errors)


def test_an_extractor_crash_does_not_lose_the_page(run, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("unexpected markup")

    monkeypatch.setattr(extract_stage, "extract", broken)
    run(item("http://www.luqiao.gov.cn/art/2023/1/1/art_1_3.html", b"<html><body>x</body></html>",
             list_title="某文件"))
    assert len(rows(run.db, "select * from reports")) == 1
    (error,) = rows(run.db, "select * from crawl_errors")
    assert "ValueError: unexpected markup" in error["reason"]


def test_fetch_errors_are_recorded(run):
    run(CrawlErrorItem(url="http://www.luqiao.gov.cn/missing.html", site_id="luqiao", stage="fetch",
                       reason="HTTP 404", status=404))
    (error,) = rows(run.db, "select * from crawl_errors")
    assert error["status"] == 404 and error["run_id"] == "test-run-luqiao"  # the site's run of crawl test-run
