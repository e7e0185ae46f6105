"""Traps and budgets: the URLs a crawl must not follow, and the pager jump it must not take."""
import pytest

from govcrawl.platforms import budget
from govcrawl.platforms.lists import ListMixin


@pytest.mark.parametrize("url", [
    "http://x.gov.cn/cal/index.jsp?date=2024-01-05", "http://x.gov.cn/rili.html?y=2024&m=1&d=5",
    "http://x.gov.cn/list?month=3&day=4", "http://x.gov.cn/search/index.jsp?q=年报",
    "http://x.gov.cn/jsearch/search.do?searchword=公开", "http://x.gov.cn/a.html?keyword=报告"])
def test_traps(url):
    assert budget.trap(url)


@pytest.mark.parametrize("url", [
    "http://x.gov.cn/zwgk/ndbg/index_3.html", "http://x.gov.cn/list.jsp?lmid=33&page=2",
    "http://x.gov.cn/col/col1229/index.html?uid=7&pageNum=4", "http://x.gov.cn/nb/?year=2023",
    "http://x.gov.cn/a?pageNo=2&d=1"])
def test_not_traps(url):
    assert budget.trap(url) is None


def test_endless_parameters_stop_after_the_limit():
    seen: dict = {}
    reasons = [budget.endless(seen, f"http://x.gov.cn/list.jsp?id={n}&t={n}", 5) for n in range(8)]
    assert reasons[:5] == [None] * 5 and all("endless-parameter" in r for r in reasons[5:])
    assert budget.endless(seen, "http://x.gov.cn/list.jsp?id=1&t=999", 5) is None  # session noise ignored


def test_a_last_page_far_ahead_is_not_jumped_to():
    from scrapy.http import HtmlResponse, Request

    from govcrawl.platforms.base import DisclosureSpider
    from tests.helpers import make_spider

    class Site(DisclosureSpider):
        name = "trap_site"
        site_name = "陷阱县"
        homepage = "http://www.xianjing.gov.cn/"

    spider = make_spider(Site)
    html = ("<html><body><ul>" + "".join(
        f"<li><a href='/zwgk/ndbg/art_{i}.html'>陷阱县{2010 + i}年政府信息公开工作年度报告</a><span>2020-01-0{i + 1}</span></li>"
        for i in range(3)) + "</ul><a href='list.jsp?page=2'>下一页</a> <a href='list.jsp?page=1000'>尾页</a></body></html>")
    url = "http://www.xianjing.gov.cn/zwgk/ndbg/list.jsp?page=1"
    response = HtmlResponse(url, body=html.encode(), encoding="utf-8", request=Request(url, meta={"kind": "column"}))
    out = list(ListMixin.parse_list(spider, response, column=url))
    pages = sorted(r.url for r in out if r.callback == spider.parse_list)
    assert "page=1000" not in " ".join(pages)
    assert any("page=2" in u for u in pages)
    # The pages between come, but never more than the column's budget.
    assert len(pages) <= spider.limits.column_pages
