"""A township (玉皇庙镇) on its county's portal (商河县): the county's 信息公开 page links a
"乡镇（街道）" index (no 信息公开 in the link text) whose table lists every township; each
township page repeats the county's left nav — including the county's own 政府信息公开年报 — next
to the township's own columns."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

COUNTY = "商河县"
SITE = "玉皇庙镇"
HOME = "http://www.shanghe.gov.cn/"
TOWNS = [("许商街道", "xsjd"), ("玉皇庙镇", "yhmz"), ("贾庄镇", "jzz"), ("孙集镇", "sjz"), ("韩庙镇", "hmz"), ("龙桑寺镇", "lssz")]


def reports(body: str, years: range) -> list[tuple[str, str, int | None]]:
    return [(f"{body}{y}年政府信息公开工作年度报告", f"{y + 1}-01-1{y % 10}", y) for y in years]


OWN = reports(SITE, range(2023, 2016, -1)) + [
    (f"{SITE}2023年政务公开工作要点", "2023-03-06", None),
    (f"{SITE}关于2022年政府信息公开工作年度报告的补充说明", "2023-02-10", None)]
OTHER_TOWN = reports("贾庄镇", range(2023, 2020, -1))
COUNTY_OWN = reports(f"{COUNTY}人民政府", range(2023, 2020, -1))


def shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body><div class="header"><a href="/">首页</a><a href="/xxgk/index.html">信息公开</a><a href="/hdjl/">互动交流</a></div>
{main}<div class="footer">{COUNTY}人民政府办公室</div></body></html>"""


COUNTY_LEFT = ('<div class="left"><h3>政府信息公开</h3><ul><li><a href="/xxgk/zn/index.html">政府信息公开指南</a></li>'
               '<li><a href="/xxgk/zd/index.html">政府信息公开制度</a></li><li><a href="/xxgk/fdzd/index.html">法定主动公开内容</a></li>'
               '<li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li></ul></div>')


def add_list(v: Variant, column: str, title: str, items, own: bool) -> None:
    rows = []
    for n, (t, date, year) in enumerate(items):
        path = f"{column}{date[:7].replace('-', '')}/t{date.replace('-', '')}_{sum(map(ord, column)) % 9000 + 100}{n}.html"
        rows.append(f'<li><a href="{path}" title="{esc(t)}">{esc(t)}</a><span>{date}</span></li>')
        v.add(path, detail(t, date, year))
        if own:
            v.report(path, t, year)
        else:
            v.foreign.append(path)
    v.add(column + "index.html", shell(title, COUNTY_LEFT + f'<div class="right"><h2>{esc(title)}</h2><ul class="list">{"".join(rows)}</ul></div>'))


def build() -> Variant:
    v = Variant("township_table", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "370126", "province": "山东省", "city": "济南市",
        "county": COUNTY, "township": SITE, "level": "township"},
        style="township found through a 乡镇（街道） table on the county portal, county nav repeated on its pages")
    v.add("/", shell(COUNTY + "人民政府", "<p>首页</p>"))
    v.add("/xxgk/index.html", shell("信息公开", COUNTY_LEFT + '<div class="right"><h3>信息公开目录</h3>'
                                    '<a href="/xxgk/bm/index.html">县政府部门</a> <a href="/xxgk/xzjd/index.html">乡镇（街道）</a></div>'))
    cells = "".join(f'<td><a href="/xxgk/xzjd/{code}/index.html" target="_blank">{name}</a></td>' + ("</tr><tr>" if i % 3 == 2 else "")
                    for i, (name, code) in enumerate(TOWNS))
    v.add("/xxgk/xzjd/index.html", shell("乡镇（街道）", COUNTY_LEFT + f'<table class="xzjd"><tr>{cells}</tr></table>'))
    for name, code in TOWNS:
        base = f"/xxgk/xzjd/{code}/"
        own_nav = (f'<div class="dept-nav"><h3>{name}</h3><a href="{base}jgzn/index.html">机构职能</a>'
                   f'<a href="{base}zn/index.html">政府信息公开指南</a><a href="{base}fdzd/index.html">法定主动公开内容</a>'
                   f'<a href="{base}ndbg/index.html">政府信息公开年报</a></div>')
        v.add(base + "index.html", shell(name, COUNTY_LEFT + own_nav))
    add_list(v, "/xxgk/xzjd/yhmz/ndbg/", "政府信息公开年报", OWN, own=True)
    add_list(v, "/xxgk/xzjd/jzz/ndbg/", "政府信息公开年报", OTHER_TOWN, own=False)
    add_list(v, "/xxgk/ndbg/", "政府信息公开年报", COUNTY_OWN, own=False)
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(title[:4], title, year))
    return shell(title, f'<div class="article"><h1>{esc(title)}</h1><div class="info">发布日期：{date}</div><div class="content">{body}</div></div>')
