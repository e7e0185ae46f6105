"""Unit checks of the third batch of discovery rules (govcrawl/platforms/scripted.py and the link
resolution of links.absolute): rows and menu items that only scripts make clickable, pages that
are only a redirect, <base href>, queries in the page's own encoding, run-time endpoint URLs."""
from __future__ import annotations

from scrapy.http import HtmlResponse

from govcrawl.platforms import jsonlist, links, scripted
from govcrawl.platforms.paging import js_url_builder


def page(body: str, url: str = "http://www.example.gov.cn/xxgk/ndbg/index.html", encoding: str = "utf-8"):
    html = f'<html><head><meta charset="{encoding}"></head><body>{body}</body></html>'
    return HtmlResponse(url, body=html.encode(encoding), encoding=encoding)


def test_rows_with_onclick_and_data_attributes_become_entries_with_dates():
    r = page("""<ul><li onclick="location.href='/xxgk/ndbg/202401/t20240120_1.html'"><span>某县2023年政府信息公开工作年度报告</span>
    <span>2024-01-20</span></li>
    <li onclick="window.open('./202301/t20230120_2.html')"><span>某县2022年政府信息公开工作年度报告</span><span>2023-01-20</span></li></ul>
    <div class="item" data-href="/xxgk/ndbg/202201/t20220120_3.html"><p>某县2021年政府信息公开工作年度报告</p><p>2022-01-20</p></div>
    <div class="menu" onclick="alert('x')">关于我们的一些说明文字</div>""")
    entries = scripted.script_entries(r, lambda u: "example.gov.cn" in u)
    assert [(e.url, e.title, e.date) for e in entries] == [
        ("http://www.example.gov.cn/xxgk/ndbg/202401/t20240120_1.html", "某县2023年政府信息公开工作年度报告", "2024-01-20"),
        ("http://www.example.gov.cn/xxgk/ndbg/202301/t20230120_2.html", "某县2022年政府信息公开工作年度报告", "2023-01-20"),
        ("http://www.example.gov.cn/xxgk/ndbg/202201/t20220120_3.html", "某县2021年政府信息公开工作年度报告", "2022-01-20"),
    ]


def test_calls_resolve_through_the_pages_function_and_skip_selectors():
    script = """<script>function openDetail(id){ $('#d' + id).addClass('on'); window.open('/xxgk/content_' + id + '.html'); }
    function loadYear(y){ $.get('/ndbg/data/' + y + '.json', function(d){}); }</script>"""
    r = page(script + """<a href="javascript:void(0)" onclick="openDetail('a1b2')">某县2023年政府信息公开工作年度报告</a>
    <li onclick="loadYear(2022)">2022年</li><a href="javascript:void(0)" onclick="nowhere('9')">某县通知公告标题文字</a>
    <a href="javascript:window.open('/xxgk/content_77.html')">某县2020年政府信息公开工作年度报告</a>""")
    assert scripted.script_links(r) == [
        ("http://www.example.gov.cn/xxgk/content_a1b2.html", "某县2023年政府信息公开工作年度报告"),
        ("http://www.example.gov.cn/ndbg/data/2022.json", "2022年"),
        ("http://www.example.gov.cn/xxgk/content_77.html", "某县2020年政府信息公开工作年度报告"),
    ]


def test_url_builder_keeps_pager_numbers_and_ids():
    build = js_url_builder("n", "if(n<=1){location.href='index.html';}else{location.href='index_'+(n-1)+'.html';}")
    assert build(1) is None and build(3) == "index_2.html"
    assert build("0042") is None  # an id cannot take a page offset
    build = js_url_builder("id", "var msg = '第' + id + '条'; location.href = 'show.jsp?id=' + id;")
    assert build("0042") == "show.jsp?id=0042"


def test_landing_redirects_only_on_near_empty_pages_and_at_load_time():
    assert scripted.landing_redirect(page('<script>window.location.href="/col/col1/index.html";</script>')) \
        == "http://www.example.gov.cn/col/col1/index.html"
    # a pager function's location assignment is not a redirect
    assert scripted.landing_redirect(page("<script>function goPage(n){ location.href='index.html'; }</script>"
                                          "<a href='/'>首页</a>")) is None
    r = HtmlResponse("http://www.example.gov.cn/", body=b'<html><head><meta http-equiv="refresh" '
                     b'content="0;url=/portal/index.shtml"></head></html>', encoding="utf-8")
    assert scripted.landing_redirect(r) == "http://www.example.gov.cn/portal/index.shtml"
    long = "<p>" + "政府信息公开" * 60 + "</p><script>location.href='/x.html'</script>"
    assert scripted.landing_redirect(page(long)) is None


def test_links_resolve_against_base_href_and_encode_queries_as_the_page():
    r = HtmlResponse("http://www.example.gov.cn/xxgk/ml/ndbg/index.shtml",
                     body='<html><head><base href="/"></head><body></body></html>'.encode(), encoding="utf-8")
    assert links.absolute(r, "xxgk/a.shtml") == "http://www.example.gov.cn/xxgk/a.shtml"
    gbk = page("", url="http://www.example.gov.cn/xxgk/", encoding="gbk")
    assert links.absolute(gbk, "list.jsp?lm=年报&page=2") == "http://www.example.gov.cn/xxgk/list.jsp?lm=%C4%EA%B1%A8&page=2"
    assert links.absolute(gbk, "/xxgk/年报/1.html") == "http://www.example.gov.cn/xxgk/%E5%B9%B4%E6%8A%A5/1.html"


def test_site_map_words():
    assert links.is_site_map("网站地图") and links.is_site_map(" 站点地图 ")
    assert not links.is_site_map("地图服务")


def test_no_endpoint_from_the_head_of_an_address_built_at_run_time():
    assert jsonlist.endpoints("$.get('/ndbg/data/' + y + '.json', function(d){});", "http://a.gov.cn/ndbg/") == []
    found = jsonlist.endpoints("$.get('/api/list', {pageNo: 1, pageSize: 15}, cb);", "http://a.gov.cn/ndbg/")
    assert [e.url for e in found] == ["http://a.gov.cn/api/list"]


def test_async_tree_sources_and_nodes():
    from govcrawl.platforms.tree import tree_nodes, tree_sources

    script = 'var setting = {async: {enable: true, url: "/api/tree", autoParam: ["id=pid"], type: "post"}};'
    assert tree_sources(script) == [("/api/tree", "id", "pid", "POST")]
    assert tree_sources('var s = {async: {url: "/api/tree?x=" + y}};') == []
    nodes = tree_nodes({"data": [{"id": 3, "name": "法定主动公开内容", "isParent": True},
                                 {"id": 4, "text": "公开年报", "url": "/xxgk/nb/", "children": [
                                     {"id": 41, "name": "2023年", "url": "/xxgk/nb/2023/"}]}]})
    assert nodes == [{"name": "法定主动公开内容", "url": None, "id": 3, "parent": True},
                     {"name": "公开年报", "url": "/xxgk/nb/", "id": 4, "parent": False},
                     {"name": "2023年", "url": "/xxgk/nb/2023/", "id": 41, "parent": False}]


def test_sitemap_column_pages_and_titled_columns():
    from govcrawl.platforms.sitemaps import column_like, titled_column

    assert column_like("http://a.gov.cn/zbxxgk/c102/") and column_like("http://a.gov.cn/gk/index.html")
    assert not column_like("http://a.gov.cn/zbxxgk/c102/202401/t20240120_9910.html")
    assert not column_like("http://a.gov.cn/files/report.pdf")
    r = HtmlResponse("http://a.gov.cn/gk/nb/", body="<title>政府信息公开年报_某县人民政府</title>".encode(), encoding="utf-8")
    assert titled_column(r) == "政府信息公开年报"
    r = HtmlResponse("http://a.gov.cn/gk/", body="<title>某县人民政府-信息公开</title>".encode(), encoding="utf-8")
    assert titled_column(r) is None


def test_unparseable_links_are_left_out_not_raised():
    r = page('<ul><li><a href="http://[bad/a.html">某县2023年政府信息公开工作年度报告</a> 2024-01-20</li>'
             '<li data-href="http://[x/b.html">某县2022年政府信息公开工作年度报告 2023-01-20</li></ul>')
    assert links.absolute(r, "http://[bad/a.html") == ""
    assert not links.is_wellformed(links.absolute(r, "http://[bad/a.html"))
    assert scripted.script_entries(r, lambda u: "example.gov.cn" in u) == []
    from govcrawl.platforms.listing import list_block_entries
    assert list_block_entries(r, lambda u: "example.gov.cn" in u) == []
