"""A homepage that is only ``<meta http-equiv="refresh" content="0;url=/portal/index.shtml">``;
the 政务公开 link is ``/xxgk`` (answered 301 -> ``/xxgk/``), and the 信息公开 pages set
``<base href=…>`` so that their relative links resolve against another folder than the page's."""
from __future__ import annotations

from tests.portal_variants.kit import esc
from tests.portal_variants.plain import add_details, items, portal, shell

SITE = "旬阳县"
HOME = "http://www.xunyang.gov.cn/"
NAV = '<a href="/portal/index.shtml">首页</a><a href="/xxgk">政务公开</a><a href="/portal/zwfw/index.shtml">政务服务</a>'


def build():
    v = portal("meta_refresh_base", SITE, HOME, "610928", "陕西省", "安康市",
               "meta refresh homepage, /xxgk 301 -> /xxgk/, <base href> moving relative links")
    v.add("/", '<html><head><meta http-equiv="refresh" content="0;url=/portal/index.shtml"></head><body></body></html>')
    v.add("/portal/index.shtml", shell(SITE, SITE + "人民政府", "<p>欢迎访问</p>", NAV))
    v.pages["/xxgk"] = (b"", "text/html", 301, {"Location": "/xxgk/"})
    v.add("/xxgk/index.html", shell(SITE, "政务公开", '<ul class="ml"><li><a href="zn/index.shtml">政府信息公开指南</a></li>'
                                     '<li><a href="ndbg/index.shtml">政府信息公开年报</a></li></ul>', NAV,
                                    head='<base href="/xxgk/ml/">'))
    rows = items(SITE, reports=8)
    done = add_details(v, SITE, rows, lambda n, t, d: f"/xxgk/ml/ndbg/{d[:4]}{d[5:7]}/t{d.replace('-', '')}_{8810 + n}.shtml", NAV)
    lis = "".join(f'<li><a href="{path[1:]}">{esc(t)}</a><span>{d}</span></li>' for path, t, d in done)
    v.add("/xxgk/ml/ndbg/index.shtml", shell(SITE, "政府信息公开年报", f'<ul class="list">{lis}</ul>', NAV,
                                             head='<base href="/">'))
    return v
