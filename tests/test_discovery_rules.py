"""Discovery rules added for portal styles beyond the sample portals: pager words, 尾页 ranges,
海云 page_div pagers, jpage-only Hanweb columns, 年报 tree nodes over year sub-columns."""
from scrapy.http import HtmlResponse

from govcrawl.platforms import links, paging
from govcrawl.platforms.hanweb import dataproxy_params, proxy_path
from govcrawl.platforms.listing import year_columns
from govcrawl.platforms.trs import trs_page_urls


def html(url: str, body: str) -> HtmlResponse:
    return HtmlResponse(url, body=f"<html><body>{body}</body></html>".encode(), encoding="utf-8")


def test_pager_words_in_their_written_forms():
    for text in ("下一页", "[下一页]", "下一页>>", "后一页", "下页", "›", ">>", "Next"):
        assert links.is_next_page(text), text
    for text in ("尾页", "[尾页]", "末页", "最后一页"):
        assert links.is_last_page(text) and not links.is_next_page(text), text
    assert not links.is_next_page("上一页") and not links.is_last_page("首页")


def test_body_index_links_of_shared_portals():
    assert links.is_body_index("乡镇（街道）", "township")
    assert links.is_body_index("镇街信息公开", "township")
    assert not links.is_body_index("乡镇动态", "township")
    assert links.is_body_index("部门信息公开", "department")
    assert not links.is_body_index("部门预算", "department")
    assert not links.is_body_index("乡镇（街道）", "county")


def test_pages_between_next_and_last_share_one_template():
    base = "http://x.gov.cn/zwgk/nb/"
    assert paging.pages_between(base + "index.html", [base + "index_2.html"], [base + "index_5.html"], 100) == [
        base + f"index_{n}.html" for n in range(2, 6)]
    assert paging.pages_between(base + "index_3.html", [base + "index_4.html"], [base + "index_6.html"], 2) == [
        base + "index_4.html", base + "index_5.html"]
    q = "http://x.gov.cn/zwgk/list.jsp?lmid=35"
    got = paging.pages_between(q, [q + "&page=2"], [q + "&page=4"], 100)
    assert [paging.page_of(u)[1] for u in got] == [2, 3, 4]
    # another list's pages are not ours to fill in
    assert paging.pages_between(base + "index.html", [base + "index_2.html"], ["http://x.gov.cn/other/index_9.html"], 100) == []


def test_haiyun_page_div_pager_is_one_based():
    assert trs_page_urls("http://x.gov.cn/a/index.html", "createPageHTML('page_div',3,1,'index','html',45);") == [
        "http://x.gov.cn/a/index_2.html", "http://x.gov.cn/a/index_3.html"]
    assert trs_page_urls("http://x.gov.cn/a/", 'var countPage = 3//共多少页\ncreatePageHTML(countPage, currentPage, "index", "htm");') == [
        "http://x.gov.cn/a/index_1.htm", "http://x.gov.cn/a/index_2.htm"]


def test_hanweb_params_and_endpoint_from_the_jpage_call_alone():
    page = ("<div id='51'><script type='text/xml'><datastore><recordset></recordset></datastore></script></div>"
            "<script>$('#51').jpage({perPage: 5, totalRecord: 13, proxyUrl: '/module/jpage/dataproxy.jsp', "
            "ajaxParam: 'col=1&appid=1&webid=3158&path=%2F&columnid=1229412&unitid=51&webname=%E8%8B%8D&permissiontype=0'});</script>")
    params = dataproxy_params(page)
    assert (params["columnid"], params["unitid"], params["webid"], params["path"], params["webname"]) == (
        "1229412", "51", "3158", "/", "苍")
    assert proxy_path(page) == "/module/jpage/dataproxy.jsp"
    assert proxy_path("<script>$('#1').jpage({totalRecord: 3})</script>") == "/module/web/jpage/dataproxy.jsp"


def test_year_subcolumns_under_a_report_tree_node_only():
    response = html("http://x.gov.cn/zwgk/xxgk/", """<ul class="tree">
      <li><a href="javascript:void(0)">法定主动公开内容</a><ul><li><a href="/tj/2023/">2023年</a></li></ul></li>
      <li><a href="javascript:void(0)">政府信息公开年报</a><ul>
        <li><a href="/nb/2023/">2023年</a></li><li><a href="/nb/2022/">2022年度</a></li></ul></li></ul>
      <div class="box"><h3>年度报告</h3><ul><li><a href="/nd/2021/">2021年</a></li></ul></div>""")
    got = [u for u, _ in year_columns(response, lambda u: "x.gov.cn" in u)]
    assert got == ["http://x.gov.cn/nb/2023/", "http://x.gov.cn/nb/2022/", "http://x.gov.cn/nd/2021/"]
