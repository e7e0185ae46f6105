"""A 政府信息公开目录 page whose columns are offered only as a drop-down: ``<select
onchange="window.location=this.value">`` with one ``<option value="/xxgk/…/">`` per column,
法定主动公开内容 and 政府信息公开年度报告 among them (no <a> leads to the 年报 column).
Reports are ``/xxgk/ndbg/YYYYMM/YYYYMMDDHHMMSS.html`` rows of a <ul> with [date] first."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "略阳县"
HOME = "http://www.lueyang.gov.cn/"
COLUMN = "/xxgk/ndbg/"
ITEMS = [
    (f"{SITE}人民政府2023年政府信息公开工作年度报告", "2024-01-25", 2023),
    (f"{SITE}人民政府2022年政府信息公开工作年度报告", "2023-01-30", 2022),
    (f"{SITE}人民政府办公室关于做好2022年度政府信息公开工作年度报告编制发布工作的通知", "2022-12-20", None),
    (f"{SITE}人民政府2021年政府信息公开工作年度报告", "2022-01-27", 2021),
    (f"{SITE}人民政府2020年政府信息公开工作年度报告", "2021-01-29", 2020),
    (f"{SITE}人民政府2019年政府信息公开工作年度报告", "2020-01-31", 2019),
    (f"{SITE}2019年政务公开工作要点", "2019-04-16", None),
    (f"{SITE}人民政府2018年政府信息公开工作年度报告", "2019-03-28", 2018),
    (f"{SITE}人民政府2017年政府信息公开工作年度报告", "2018-03-26", 2017),
]
OPTIONS = [("/xxgk/xxgkzn/", "政府信息公开指南"), ("/xxgk/xxgkzd/", "政府信息公开制度"),
           ("/xxgk/fdzdgknr/", "法定主动公开内容"), (COLUMN, "政府信息公开年度报告"), ("/xxgk/ysqgk/", "依申请公开")]


def shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body><div class="header"><ul class="menu"><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li>
<li><a href="/xxgk/xxgkml.html">信息公开目录</a></li><li><a href="/zmhd/">政民互动</a></li></ul></div>
{main}<div class="footer">{SITE}人民政府办公室 主办</div></body></html>"""


def build() -> Variant:
    v = Variant("select_catalog", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "610727", "province": "陕西省",
        "city": "汉中市", "county": SITE, "level": "county"},
        style="信息公开目录 whose columns are <option value=URL> of an onchange <select>")
    v.add("/", shell(SITE + "人民政府", "<p>欢迎访问</p>"))
    options = "".join(f'<option value="{url}">{esc(name)}</option>' for url, name in OPTIONS)
    v.add("/xxgk/xxgkml.html", shell("信息公开目录", (
        '<div class="xxgk-ml"><span>请选择栏目：</span><select id="lmSelect" name="lm" '
        'onchange="if(this.value!=\'\'){window.location=this.value;}"><option value="">--请选择--</option>'
        f'{options}</select></div><div class="intro">根据《条例》编制本机关政府信息公开目录。</div>')))
    rows = []
    for n, (title, date, year) in enumerate(ITEMS):
        path = f"{COLUMN}{date[:4]}{date[5:7]}/{date.replace('-', '')}09{n:02d}31.html"
        rows.append(f'<li><em>[{date}]</em> <a href="{path}" target="_blank">{esc(title)}</a></li>')
        v.add(path, detail(title, date, year))
        v.report(path, title, year)
    v.add(COLUMN, shell("政府信息公开年度报告", f'<h3>政府信息公开年度报告</h3><ul class="artlist">{"".join(rows)}</ul>'))
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))
    return shell(title, f'<div class="art"><h1>{esc(title)}</h1><div class="info">发布时间：{date}</div><div class="con">{body}</div></div>')
