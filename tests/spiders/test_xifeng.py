"""西峰区 (older generic CMS, GB2312) on saved pages."""
from spiders.xifeng import XifengSpider
from tests.helpers import file_response, make_spider, requests_and_items, spider_file

BASE = "http://www.xifeng.gov.cn"


def test_homepage_to_disclosure_to_column():
    spider = make_spider(XifengSpider)
    requests, _ = requests_and_items(spider.parse_nav(file_response(spider_file("xifeng", "index.html"), BASE + "/"), depth=0))
    assert any("classid=40" in r.url or "classid=45" in r.url for r in requests)
    requests, _ = requests_and_items(spider.parse_nav(
        file_response(spider_file("xifeng", "list.asp_classid_40.html"), BASE + "/list.asp?classid=40"), depth=1))
    assert BASE + "/list.asp?classid=45" in {r.url for r in requests if r.callback == spider.parse_list}


def test_gbk_list_page_entries_and_next_page():
    spider = make_spider(XifengSpider)
    response = file_response(spider_file("xifeng", "list.asp_classid_45.html"), BASE + "/list.asp?classid=45")
    assert response.encoding in ("gb18030", "gbk", "gb2312", "cp936")
    requests, _ = requests_and_items(spider.parse_list(response))
    details = {r.url: r for r in requests if r.callback == spider.parse_detail}
    seed = BASE + "/show.asp?id=2591"
    assert seed in details and details[seed].cb_kwargs["list_title"] == "西峰区2017年政府信息公开工作的年度报告"
    assert details[seed].cb_kwargs["list_date"] == "2018-02-07"
    assert any("page=2" in r.url and r.callback == spider.parse_list for r in requests)
    assert all("show.asp" in u for u in details)  # no navigation links taken as entries
