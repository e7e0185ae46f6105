"""金塘镇 (township on the 定海区 Hanweb portal) on saved pages."""
from spiders.jintang import JintangSpider
from tests.helpers import file_response, make_spider, requests_and_items, spider_file

BASE = "http://www.dinghai.gov.cn"


def test_homepage_leads_into_the_township_pages():
    spider = make_spider(JintangSpider)
    requests, _ = requests_and_items(spider.parse_nav(file_response(spider_file("jintang", "index.html"), BASE + "/"), depth=0))
    assert requests
    assert "金塘" in spider.scope_names


def test_township_page_and_single_page_list():
    spider = make_spider(JintangSpider)
    requests, _ = requests_and_items(spider.parse_nav(
        file_response(spider_file("jintang", "col_col1388350_index.html"), BASE + "/col/col1388350/index.html"),
        depth=1, in_scope=True))
    column = BASE + "/col/col1388354/index.html"
    assert column in {r.url for r in requests if r.callback == spider.parse_list}
    requests, _ = requests_and_items(spider.parse_list(
        file_response(spider_file("jintang", "col_col1388354_index.html"), column)))
    details = {r.url: r for r in requests if r.callback == spider.parse_detail}
    seed = BASE + "/art/2019/1/16/art_1388354_30092309.html"
    assert seed in details and details[seed].cb_kwargs["list_date"] == "2019-01-16"
    assert not [r for r in requests if "dataproxy" in r.url]  # everything is on the first page
