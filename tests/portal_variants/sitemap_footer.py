"""No 信息公开 link in the header: the nav names 走进/新闻/服务/互动 only, and the 政府信息公开
columns are reachable from the footer's 网站地图 page, which lists every column of the portal
under headings (the headings are not links)."""
from __future__ import annotations

from tests.portal_variants.kit import esc
from tests.portal_variants.plain import add_details, items, portal, shell

SITE = "汉阴县"
HOME = "http://www.hanyin.gov.cn/"
COLUMN = "/html/gk/nb/"
NAV = '<a href="/">首页</a><a href="/html/zjhy/">走进汉阴</a><a href="/html/xwdt/">新闻动态</a>' \
      '<a href="/html/zwfw/">政务服务</a><a href="/html/hdjl/">互动交流</a>'
FOOT = '<a href="/html/wzdt.html">网站地图</a> | <a href="/html/lxwm.html">联系我们</a><br>'
GROUPS = [("走进汉阴", [("/html/zjhy/xqgk/", "县情概况"), ("/html/zjhy/lsyg/", "历史沿革")]),
          ("新闻动态", [("/html/xwdt/hyyw/", "汉阴要闻"), ("/html/xwdt/bmdt/", "部门动态")]),
          ("政府信息公开", [("/html/gk/zn/", "公开指南"), ("/html/gk/zd/", "公开制度"), ("/html/gk/fd/", "法定主动公开内容"),
                      (COLUMN, "公开年报"), ("/html/gk/ysq/", "依申请公开")]),
          ("互动交流", [("/html/hdjl/xzxx/", "县长信箱"), ("/html/hdjl/zxft/", "在线访谈")])]


def build():
    v = portal("sitemap_footer", SITE, HOME, "610921", "陕西省", "安康市",
               "信息公开 columns only on the footer's 网站地图 page (headings are plain text)")
    page = lambda title, main: shell(SITE, title, main, NAV, foot=FOOT)  # noqa: E731
    v.add("/", page(SITE + "人民政府", "<p>欢迎访问</p>"))
    groups = "".join(f'<div class="group"><h3>{esc(g)}</h3><ul>' +
                     "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for u, t in cols) + "</ul></div>"
                     for g, cols in GROUPS)
    v.add("/html/wzdt.html", page("网站地图", f'<div class="sitemap">{groups}</div>'))
    rows = items(SITE, reports=8)
    done = add_details(v, SITE, rows, lambda n, t, d: f"{COLUMN}{d[:4]}/{d[5:7]}{d[8:]}/{9300 + n}.html", NAV)
    lis = "".join(f'<li><a href="{path}">{esc(t)}</a><span>[{d}]</span></li>' for path, t, d in done)
    v.add(COLUMN, page("公开年报", f'<ul class="list">{lis}</ul>'))
    return v
