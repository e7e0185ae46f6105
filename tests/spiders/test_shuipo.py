"""水泊街道 (township on the 梁山县 Hanweb portal) on saved pages."""
from govcrawl.items import DocumentItem
from spiders.shuipo import ShuipoSpider
from tests.helpers import file_response, make_spider, requests_and_items, spider_file

BASE = "http://www.liangshan.gov.cn"


def test_township_spider_keeps_to_its_own_pages_on_the_county_portal():
    spider = make_spider(ShuipoSpider)
    requests, _ = requests_and_items(spider.parse_nav(file_response(spider_file("shuipo", "index.html"), BASE + "/"), depth=0))
    urls = {r.url for r in requests}
    assert BASE + "/col/col25201/index.html" in urls                 # 水泊街道信息公开
    assert BASE + "/col/col25105/index.html" not in urls             # the county's own 年报 column
    assert all(r.callback != spider.parse_list or "25105" not in r.url for r in requests)


def test_township_page_leads_to_its_report_column():
    spider = make_spider(ShuipoSpider)
    requests, _ = requests_and_items(spider.parse_nav(
        file_response(spider_file("shuipo", "col_col25201_index.html"), BASE + "/col/col25201/index.html"),
        depth=1, in_scope=True))
    assert BASE + "/col/col25205/index.html" in {r.url for r in requests if r.callback == spider.parse_list}


def test_report_list_and_seed_report():
    spider = make_spider(ShuipoSpider)
    requests, _ = requests_and_items(spider.parse_list(
        file_response(spider_file("shuipo", "col_col25205_index.html"), BASE + "/col/col25205/index.html")))
    details = {r.url: r for r in requests if r.callback == spider.parse_detail}
    seed = BASE + "/art/2020/1/20/art_25205_2845010.html"
    assert seed in details and details[seed].cb_kwargs["list_title"] == "水泊街道2019年政府信息公开工作年度报告"
    assert any("dataproxy.jsp" in r.url for r in requests)
    _, items = requests_and_items(spider.parse_detail(
        file_response(spider_file("shuipo", "art_2020_1_20_art_25205_2845010.html"), seed)))
    assert isinstance(items[0], DocumentItem) and "水泊街道" in items[0].raw.decode("utf-8")
    assert items[0].site["township"] == "水泊街道"
