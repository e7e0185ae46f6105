"""A homepage that is only a script redirect (``window.location.href='/col/col1/index.html'``,
no link, no meta refresh): the portal lives one hop away, on a Hanweb-style ``/col/colN/`` path.
The 年报 column has a plain 下一页 pager."""
from __future__ import annotations

from tests.portal_variants.plain import add_details, items, paged_list, portal, shell

SITE = "平利县"
HOME = "http://www.pingli.gov.cn/"
COLUMN = "/col/col35/"
NAV = '<a href="/col/col1/index.html">首页</a><a href="/col/col2/index.html">新闻动态</a>' \
      '<a href="/col/col3/index.html">信息公开</a><a href="/col/col4/index.html">政务服务</a>'
PER_PAGE = 5


def build():
    v = portal("js_redirect", SITE, HOME, "610926", "陕西省", "安康市",
               "homepage is only <script>window.location.href='/col/col1/index.html'</script>")
    v.add("/", '<html><head><meta charset="utf-8"><script type="text/javascript">\n'
               'window.location.href="/col/col1/index.html";\n</script></head><body></body></html>')
    v.add("/col/col1/index.html", shell(SITE, SITE + "人民政府", "<p>欢迎访问</p>", NAV))
    v.add("/col/col3/index.html", shell(SITE, "信息公开", '<ul class="ml"><li><a href="/col/col31/index.html">信息公开指南</a></li>'
                                         f'<li><a href="{COLUMN}index.html">信息公开年报</a></li></ul>', NAV))
    rows = items(SITE)
    done = add_details(v, SITE, rows, lambda n, t, d: f"/art/{d[:4]}/{int(d[5:7])}/{int(d[8:])}/art_35_{6600 + n}.html", NAV)
    paged_list(v, SITE, "信息公开年报", done, PER_PAGE,
               lambda p: COLUMN + ("index.html" if p == 1 else f"index_{p}.html"), NAV)
    return v
