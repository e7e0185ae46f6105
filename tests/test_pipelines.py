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


def test_the_reason_of_each_decision_is_stored_and_the_list_context_counts(run):
    # a partial title: the column the list came from and the body's 统计期限 make it a report
    run(item("http://www.luqiao.gov.cn/art/2023/1/20/art_1_2.html",
             PAGE.format(title="路桥区2022年度报告").encode(), list_title="路桥区2022年度报告",
             list_url="http://www.luqiao.gov.cn/col/col1229/index.html", column_title="政府信息公开年报"))
    run(item("http://www.luqiao.gov.cn/art/2023/1/21/art_1_3.html",
             PAGE.format(title="路桥区2023年政务公开工作要点").replace("12件", "7件").encode(),
             column_title="政府信息公开年报"))
    got = {r["url"].rsplit("/", 1)[-1]: r for r in rows(run.db, "select * from reports")}
    assert got["art_1_2.html"]["is_annual_report"] == 1
    assert got["art_1_2.html"]["classified_by"] == "title:organ+year+报告;body:统计期限+本报告;column"
    assert got["art_1_3.html"]["is_annual_report"] == 0
    assert got["art_1_3.html"]["classified_by"] == "title:lookalike(要点)"


CHROME_SHELL = """<html><head><meta charset="utf-8"><title>新桥镇2022年政府信息公开工作年度报告</title></head><body>
<h1>新桥镇2022年政府信息公开工作年度报告</h1><div class="wrap"><ul>{links}</ul>
<p>详见附件</p><p><a href="/files/P020230120.pdf">新桥镇2022年政府信息公开工作年度报告.pdf</a></p>
<p>版权所有：台州市路桥区人民政府</p><p>网站标识码：3310040001</p></div></body></html>"""
MENU = "".join(f"<li><a href='/col/{n}.html'>{name}</a></li>" for n, name in enumerate(
    ["首页", "政务公开", "政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "部门信息公开",
     "乡镇街道信息公开", "政策解读", "回应关切", "政务服务", "互动交流", "走进路桥", "通知公告", "人事信息",
     "财政预决算", "统计数据", "规划计划", "应急管理", "新闻发布会", "建议提案办理", "重大决策预公开"] * 2))


def test_a_body_that_is_page_chrome_still_takes_the_attachment_text(run):
    from govcrawl.items import Attachment

    raw = CHROME_SHELL.format(links=MENU).encode()
    report = ("新桥镇2022年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n"
              "一、总体情况\n2022年，新桥镇持续推进政务公开。") * 3
    it = item("http://www.luqiao.gov.cn/art/2023/1/20/art_1_9.html", raw)
    it.attachments.append(Attachment(url="http://www.luqiao.gov.cn/files/P020230120.pdf", name="年报",
                                     raw=b"%PDF", text=report))
    run(it)
    (stored,) = rows(run.db, "select * from reports")
    assert stored["body_source"] == "attachment" and stored["body_text"].startswith("新桥镇2022年")


def test_a_document_linked_straight_from_the_list_has_a_publisher():
    from govcrawl.pipelines.extract import document_publisher

    assert document_publisher("新桥镇2022年政府信息公开工作年度报告", None, "路桥区") == "新桥镇"
    assert document_publisher("2022年年报", "路桥区民政局\n2022年政府信息公开工作年度报告", "路桥区") == "路桥区民政局"
    assert document_publisher("2022年年报", "一、总体情况", "路桥区") == "路桥区"
