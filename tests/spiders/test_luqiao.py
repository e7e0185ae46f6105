"""路桥区 (Hanweb, Zhejiang 信息公开 platform) on saved pages."""
from scrapy.http import XmlResponse

from govcrawl.items import DocumentItem
from spiders.luqiao import LuqiaoSpider
from tests.helpers import file_response, make_spider, requests_and_items, spider_file

BASE = "http://www.luqiao.gov.cn"


def test_homepage_leads_to_the_report_column():
    spider = make_spider(LuqiaoSpider)
    requests, _ = requests_and_items(spider.parse_nav(
        file_response(spider_file("luqiao", "index.html"), BASE + "/"), depth=0))
    assert BASE + "/col/col1229180420/index.html" in {r.url for r in requests}


def test_column_lists_static_records_and_asks_dataproxy_for_the_rest():
    spider = make_spider(LuqiaoSpider)
    url = BASE + "/col/col1229180420/index.html"
    requests, _ = requests_and_items(spider.parse_list(file_response(spider_file("luqiao", "col_col1229180420_index.html"), url)))
    details = [r for r in requests if r.callback == spider.parse_detail]
    assert len(details) == 5
    seed = [r for r in details if r.url == BASE + "/art/2024/1/12/art_1229180420_5012305.html"][0]
    assert seed.cb_kwargs["list_title"] == "路桥区2023年政务公开工作总结和2024年工作思路"
    assert seed.cb_kwargs["list_date"] == "2024-01-12"
    proxies = [r for r in requests if "dataproxy.jsp" in r.url]
    assert proxies and proxies[0].method == "POST"
    assert b"columnid=1229180420" in proxies[0].body and "startrecord=6" in proxies[0].url


def test_dataproxy_answer_yields_the_remaining_records_without_looping():
    spider = make_spider(LuqiaoSpider)
    url = BASE + "/module/web/jpage/dataproxy.jsp?startrecord=6&endrecord=50&perpage=5"
    response = file_response(spider_file("luqiao", "dataproxy.xml"), url, cls=XmlResponse,
                             meta={"dataproxy": (6, 50)})
    requests, _ = requests_and_items(spider.parse_list(response))
    details = {r.url for r in requests if r.callback == spider.parse_detail}
    assert BASE + "/art/2022/1/25/art_1229180420_5012310.html" in details
    assert len(details) == 7
    assert not [r for r in requests if "dataproxy" in r.url]


def test_detail_page_becomes_a_document_with_the_real_url():
    spider = make_spider(LuqiaoSpider, base_url="http://127.0.0.1:8704/")
    fetched = "http://127.0.0.1:8704/art/2024/1/12/art_1229180420_5012305.html"
    _, items = requests_and_items(spider.parse_detail(
        file_response(spider_file("luqiao", "art_2024_1_12_art_1229180420_5012305.html"), fetched),
        list_title="路桥区2023年政务公开工作总结和2024年工作思路"))
    assert len(items) == 1 and isinstance(items[0], DocumentItem)
    assert items[0].url == BASE + "/art/2024/1/12/art_1229180420_5012305.html"
    assert items[0].fetched_url == fetched
    assert items[0].site["admin_code"] == "331004" and items[0].site["name"] == "路桥区"
