"""五原县民政局 (department on a TRS portal, traditional-Chinese variant) on saved pages."""
from spiders.wuyuan_mzj import WuyuanMzjSpider
from tests.helpers import file_response, make_spider, requests_and_items, spider_file

BASE = "http://www.wuyuan.gov.cn"
COLUMN = BASE + "/zwgk/bmxxgk/mzj/xxgknb/"


def test_trs_list_entries_and_static_pages():
    spider = make_spider(WuyuanMzjSpider)
    requests, _ = requests_and_items(spider.parse_list(
        file_response(spider_file("wuyuan_mzj", "zwgk_bmxxgk_mzj_xxgknb_index.html"), COLUMN + "index.html")))
    details = {r.url for r in requests if r.callback == spider.parse_detail}
    assert COLUMN + "202101/t20210128_1178409.html" in details
    assert COLUMN + "index_1.html" in {r.url for r in requests if r.callback == spider.parse_list}


def test_pdf_only_report_asks_for_its_attachment():
    spider = make_spider(WuyuanMzjSpider)
    url = COLUMN + "202001/t20200120_1178411.html"
    requests, items = requests_and_items(spider.parse_detail(
        file_response(spider_file("wuyuan_mzj", "zwgk_bmxxgk_mzj_xxgknb_202001_t20200120_1178411.html"), url)))
    assert not items  # the document waits for its attachment
    assert [r.url for r in requests] == [COLUMN + "202001/P020200120001178411.pdf"]


def test_department_scope_names():
    spider = make_spider(WuyuanMzjSpider)
    assert "民政局" in spider.scope_names and spider.shares_portal
