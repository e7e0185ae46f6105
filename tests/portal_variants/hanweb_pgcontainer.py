"""大汉 Hanweb jcms column published statically: the page's records are already rendered in
``<div class="default_pgContainer">`` and a script sets ``var totalRecord = …; var perPage = …``
(with the column's id), but there is no dataproxy: further pages are static
``index.html?uid=…&pageNum=N`` linked from the ``default_pgToolbar`` buttons, whose words are only
in their ``title`` (下页 / 尾页)."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "泰顺县"
HOME = "http://www.ts.gov.cn/"
COLUMN_ID, UNIT_ID = "1229554", "7742318"
COL = f"/col/col{COLUMN_ID}/index.html"
PER_PAGE = 4
ITEMS = [
    (f"{SITE}人民政府2023年政府信息公开工作年度报告", "2024-01-22", 2023),
    (f"{SITE}人民政府2022年政府信息公开工作年度报告", "2023-01-19", 2022),
    (f"{SITE}关于2022年政府信息公开工作年度报告的情况说明", "2023-01-20", None),
    (f"{SITE}人民政府2021年政府信息公开工作年度报告", "2022-01-24", 2021),
    (f"{SITE}人民政府2020年政府信息公开工作年度报告", "2021-01-25", 2020),
    (f"{SITE}人民政府2019年政府信息公开工作年度报告", "2020-01-16", 2019),
    (f"{SITE}人民政府2018年政府信息公开工作年度报告", "2019-03-21", 2018),
    (f"{SITE}2018年政务公开工作考核办法", "2018-06-05", None),
    (f"{SITE}人民政府2017年政府信息公开工作年度报告", "2018-03-23", 2017),
    (f"{SITE}人民政府2016年政府信息公开工作年度报告", "2017-03-28", 2016),
]


def art_path(date: str, n: int) -> str:
    y, m, d = (int(x) for x in date.split("-"))
    return f"/art/{y}/{m}/{d}/art_{COLUMN_ID}_{60110200 + n}.html"


def page_url(p: int) -> str:
    return COL if p == 1 else f"{COL}?uid={UNIT_ID}&pageNum={p}"


def shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title>
<meta name="SiteName" content="{SITE}人民政府"><meta name="ColumnName" content="政府信息公开年报">
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script></head>
<body><div class="top"><a href="/index.html">首页</a> <a href="/col/col1229550/index.html">政府信息公开</a></div>
{main}<div class="bottom">主办：{SITE}人民政府办公室</div></body></html>"""


def toolbar(p: int, last: int) -> str:
    def btn(cls: str, title: str, n: int) -> str:
        return f'<a class="default_pgBtn {cls}" href="{page_url(n)}" title="{title}"></a>'

    parts = []
    if p > 1:
        parts += [btn("default_pgFirst", "首页", 1), btn("default_pgPrev", "上页", p - 1)]
    parts.append(f'<span class="default_pgCurrentPage">{p}</span>/<span class="default_pgTotalPage">{last}</span>')
    if p < last:
        parts += [btn("default_pgNext", "下页", p + 1), btn("default_pgLast", "尾页", last)]
    return f'<div class="default_pgToolbar">{"".join(parts)}</div>'


def build() -> Variant:
    v = Variant("hanweb_pgcontainer", "hanweb", {
        "site_name": SITE, "homepage": HOME, "admin_code": "330329", "province": "浙江省",
        "city": "温州市", "county": SITE, "level": "county"},
        style="Hanweb static default_pgContainer + var totalRecord, pages ?uid=&pageNum=N (no dataproxy)")
    v.add("/", shell(SITE, "<p>首页</p>"))
    v.add("/index.html", shell(SITE, "<p>首页</p>"))
    v.add("/col/col1229550/index.html", shell("政府信息公开", f'<ul class="tree"><li><a href="{COL}">政府信息公开年报</a></li>'
                                              '<li><a href="/col/col1229551/index.html">政府信息公开指南</a></li></ul>'))
    last = -(-len(ITEMS) // PER_PAGE)
    for p in range(1, last + 1):
        recs = []
        for n in range((p - 1) * PER_PAGE, min(p * PER_PAGE, len(ITEMS))):
            title, date, year = ITEMS[n]
            recs.append(f'<li><a href="{art_path(date, n)}" title="{esc(title)}" target="_blank">{esc(title)}</a><span>{date}</span></li>')
            v.add(art_path(date, n), detail(title, date, year, n))
        script = (f'<script type="text/javascript">\nvar columnid = {COLUMN_ID};\nvar unitid = "{UNIT_ID}";\n'
                  f'var totalRecord = {len(ITEMS)};\nvar perPage = {PER_PAGE};\nvar currentPage = {p};\n</script>')
        main = (f'<div id="{UNIT_ID}"><div class="default_pgContainer"><ul>{"".join(recs)}</ul></div>{toolbar(p, last)}</div>{script}')
        v.add(page_url(p), shell("政府信息公开年报", main))
    for n, (title, date, year) in enumerate(ITEMS):
        v.report(art_path(date, n), title, year)
    return v


def detail(title: str, date: str, year: int | None, n: int) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))
    return shell(title, f'<div class="title">{esc(title)}</div><div class="info">发布日期：{date}</div><div id="zoom">{body}</div>')
