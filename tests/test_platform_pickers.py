"""Unit checks of the second batch of platform rules: script pagers, <select> column pickers,
the portal's other hosts under a replica, and statically published Hanweb columns."""
from __future__ import annotations

from govcrawl.platforms import links
from govcrawl.platforms.base import DisclosureSpider
from govcrawl.platforms.hanweb import uses_dataproxy
from govcrawl.platforms.paging import js_pager_links

GO_PAGE = ("function goPage(n){ if(n<=1){ location.href='index.html'; }"
           " else{ location.href='index_'+(n-1)+'.html'; } }")


def test_script_pager_links_resolve_through_the_function_body():
    anchors = [("javascript:goPage(1)", "", "首页"), ("javascript:goPage(2)", "", "下一页"),
               ("javascript:void(0)", "goPage(5);return false;", "尾页"), ("javascript:share()", "", "分享")]
    assert js_pager_links(anchors, GO_PAGE) == [("index_1.html", "下一页"), ("index_4.html", "尾页")]


def test_script_pager_with_query_parameter_and_unknown_function():
    script = 'var turn = function(p){ window.location = "list.jsp?lmid=3&page=" + p; };'
    assert js_pager_links([("javascript:turn(3)", "", "3")], script) == [("list.jsp?lmid=3&page=3", "3")]
    assert js_pager_links([("javascript:nowhere(3)", "", "3")], script) == []


def test_option_values_that_are_addresses():
    assert links.is_url_like("/xxgk/ndbg/")
    assert links.is_url_like("http://xxgk.example.gov.cn/")
    assert links.is_url_like("list.jsp?lmid=35")
    assert not links.is_url_like("")
    assert not links.is_url_like("2023")
    assert not links.is_url_like("javascript:void(0)")


class _Portal(DisclosureSpider):
    name = "portal"
    homepage = "http://www.langao.gov.cn/"


def test_replica_serves_every_host_of_the_portal_domain():
    spider = _Portal(base_url="http://127.0.0.1:8799/")
    assert spider.to_fetch("http://xxgk.langao.gov.cn/xxgk/ndbg/index.html") == "http://127.0.0.1:8799/xxgk/ndbg/index.html"
    assert spider.to_fetch("https://www.langao.gov.cn/a.html?id=3") == "http://127.0.0.1:8799/a.html?id=3"
    assert spider.to_fetch("http://zwfw.shaanxi.gov.cn/x.html") == "http://zwfw.shaanxi.gov.cn/x.html"
    real = _Portal()
    assert real.to_fetch("http://xxgk.langao.gov.cn/xxgk/") == "http://xxgk.langao.gov.cn/xxgk/"


def test_static_hanweb_column_does_not_use_dataproxy():
    assert not uses_dataproxy('<div class="default_pgContainer"></div><script>var totalRecord = 10;</script>')
    assert uses_dataproxy("<script type='text/xml'><datastore><recordset></recordset></datastore></script>")
    assert uses_dataproxy("$('#1').jpage({perPage: 5, proxyUrl: '/module/jpage/dataproxy.jsp'})")
