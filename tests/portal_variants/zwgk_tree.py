"""A 政务公开 sub-site with its own homepage (/zwgk/), its 政府信息公开 page and a left-nav tree
whose 政府信息公开年报 node is only a toggle (``javascript:void(0)``) over per-year sub-columns
(2023年, 2022年, …). EasySite-style article URLs (``…/2188837/index.html``)."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "罗田县"
HOME = "http://www.luotian.gov.cn/"
NB = "/zwgk/xxgk/ndbg/"
YEARS = {  # sub-column year -> [(title, date, report year or None)]
    2023: [(f"{SITE}人民政府2023年政府信息公开工作年度报告", "2024-01-22", 2023),
           (f"{SITE}发展和改革局2023年政府信息公开工作年度报告", "2024-01-25", 2023),
           (f"关于{SITE}2023年政府信息公开工作年度报告的情况说明", "2024-02-01", None)],
    2022: [(f"{SITE}人民政府2022年政府信息公开工作年度报告", "2023-01-20", 2022),
           (f"{SITE}教育局2022年政府信息公开工作年度报告", "2023-01-28", 2022)],
    2021: [(f"{SITE}人民政府2021年政府信息公开工作年度报告", "2022-01-21", 2021),
           (f"{SITE}2021年政务公开工作方案", "2021-05-11", None)],
    2020: [(f"{SITE}人民政府2020年政府信息公开工作年度报告", "2021-01-29", 2020),
           (f"{SITE}凤山镇2020年政府信息公开工作年度报告", "2021-01-30", 2020)],
    2019: [(f"{SITE}人民政府2019年政府信息公开工作年度报告", "2020-01-17", 2019),
           (f"{SITE}民政局2019年政府信息公开工作年度报告", "2020-01-18", 2019)],
}


def shell(title: str, main: str, header: str = "") -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title>
<meta name="version" content="7.9.10.4"><meta name="SiteName" content="{SITE}人民政府"></head>
<body>{header}{main}<div class="footer">{SITE}人民政府办公室主办</div></body></html>"""


HOME_NAV = ('<div class="nav"><a href="/">首页</a><a href="/zjlt/">走进罗田</a><a href="/zwgk/">政务公开</a>'
            '<a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a></div>')
ZWGK_HEAD = ('<div class="zwgk-head"><div class="zwgk-logo">罗田县政务公开</div><div class="zwgk-nav">'
             '<a href="/zwgk/">首页</a><a href="/zwgk/xxgk/">政府信息公开</a><a href="/zwgk/zcjd/">政策解读</a>'
             '<a href="/zwgk/zdly/">重点领域</a><a href="/">返回主站</a></div></div>')


def tree() -> str:
    years = "".join(f'<li><a href="{NB}{y}/index.html">{y}年</a></li>' for y in YEARS)
    return ('<div class="left-tree"><h3>政府信息公开</h3><ul class="tree">'
            '<li><a href="/zwgk/xxgk/zn/index.html">政府信息公开指南</a></li>'
            '<li><a href="/zwgk/xxgk/zd/index.html">政府信息公开制度</a></li>'
            '<li class="has-sub"><a href="javascript:void(0);" onclick="toggle(this)">法定主动公开内容</a><ul>'
            '<li><a href="/zwgk/xxgk/fdzd/jgzn/index.html">机构职能</a></li><li><a href="/zwgk/xxgk/fdzd/zcwj/index.html">政策文件</a></li></ul></li>'
            '<li class="has-sub"><a href="javascript:void(0);" onclick="toggle(this)">政府信息公开年报</a>'
            f'<ul class="sub">{years}</ul></li></ul></div>')


def build() -> Variant:
    v = Variant("zwgk_tree", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "421123", "province": "湖北省",
        "city": "黄冈市", "county": SITE, "level": "county"},
        style="政务公开 sub-site homepage + left tree with a toggle 年报 node over per-year sub-columns")
    news = "".join(f'<li><a href="/xwzx/lyxw/2024050{i}/index.html">罗田新闻第{i}条</a><span>2024-05-0{i}</span></li>' for i in range(1, 4))
    v.add("/", shell(SITE + "人民政府", f'<div class="news"><ul>{news}</ul></div>', HOME_NAV))
    v.add("/zwgk/", shell("罗田县政务公开", '<div class="blocks"><div class="block"><h4>政策文件</h4></div>'
                          '<div class="block"><h4>重点领域信息公开</h4></div></div>', ZWGK_HEAD))
    v.add("/zwgk/xxgk/", shell("政府信息公开", tree() + '<div class="main"><h2>政府信息公开</h2><p>按照《条例》要求设置。</p></div>', ZWGK_HEAD))
    serial = 2188800
    for y, items in YEARS.items():
        rows = []
        for title, date, year in items:
            serial += 1
            path = f"{NB}{y}/{serial}/index.html"
            rows.append(f'<li><a href="{path}" target="_blank" title="{esc(title)}">{esc(title)}</a><span class="time">{date}</span></li>')
            v.add(path, detail(title, date, year))
            v.report(path, title, year)
        main = (tree() + f'<div class="main"><div class="crumb"><a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报 &gt; {y}年</div>'
                f'<ul class="list">{"".join(rows)}</ul><div class="page">共{len(rows)}条 1/1页</div></div>')
        v.add(f"{NB}{y}/index.html", shell(f"{y}年", main, ZWGK_HEAD))
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))
    return shell(title, f'<div class="detail"><h2>{esc(title)}</h2><div class="info">来源：{SITE}人民政府办公室 日期：{date}</div>'
                        f'<div class="article" id="articleWrap">{body}</div></div>', ZWGK_HEAD)
