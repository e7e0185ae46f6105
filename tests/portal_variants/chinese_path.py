"""A GBK portal whose addresses hold Chinese: the 年报 list is ``/xxgk/list.jsp?lm=年报&page=N``
(the query sent GBK-encoded, ``lm=%C4%EA%B1%A8``, as a browser does on a GBK page) and reports
live under ``/xxgk/年报/…`` (UTF-8 percent-encoded path), linked with raw Chinese in the href."""
from __future__ import annotations

from urllib.parse import quote

from tests.portal_variants.kit import esc
from tests.portal_variants.plain import add_details, items, portal, shell

SITE = "白河县"
HOME = "http://www.baihe.gov.cn/"
GBK = "text/html; charset=gbk"
PER_PAGE = 5


def gbk(html: str) -> str:
    return html.replace('charset="utf-8"', 'charset="gbk"')


def build():
    v = portal("chinese_path", SITE, HOME, "610929", "陕西省", "安康市",
               "GBK pages, Chinese in paths (UTF-8 %-encoded) and in queries (GBK %-encoded)")
    v.add("/", gbk(shell(SITE, SITE + "人民政府", "<p>欢迎访问</p>", '<a href="/">首页</a><a href="/xxgk/">信息公开</a>')), GBK, "gbk")
    v.add("/xxgk/index.html", gbk(shell(SITE, "信息公开", '<ul><li><a href="/xxgk/list.jsp?lm=指南&amp;page=1">信息公开指南</a></li>'
                                                        '<li><a href="/xxgk/list.jsp?lm=年报&amp;page=1">信息公开年报</a></li></ul>')), GBK, "gbk")
    rows = items(SITE, reports=8)
    raw = {}

    def path_of(n, title, date):
        name = f"/xxgk/年报/{date[:4]}年/{title[len(SITE):len(SITE) + 10]}{n}.html"
        encoded = quote(name)
        raw[encoded] = name
        return encoded
    done = add_details(v, SITE, rows, path_of, encoding="gbk")
    last = -(-len(done) // PER_PAGE)
    lm = quote("年报".encode("gbk"))
    for p in range(1, last + 1):
        lis = "".join(f'<li><a href="{esc(raw[path])}">{esc(t)}</a><span>{d}</span></li>'
                      for path, t, d in done[(p - 1) * PER_PAGE:p * PER_PAGE])
        more = f'<a href="list.jsp?lm=年报&amp;page={p + 1}">下一页</a>' if p < last else ""
        v.add(f"/xxgk/list.jsp?lm={lm}&page={p}",
              gbk(shell(SITE, "信息公开年报", f'<ul class="list">{lis}</ul><div class="page">{more}</div>')), GBK, "gbk")
    return v
