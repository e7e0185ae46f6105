"""A column page that frames its list: the 年报 page carries a dated 最新公开 sidebar (so it does
not look empty) and the real list in ``<iframe src="list.jsp?catid=…">``, paginated with 下一页;
articles are ``content.jsp?id=N``."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "武宁县"
HOME = "http://www.wuning.gov.cn/"
ITEMS = [
    (f"{SITE}2023年政府信息公开工作年度报告", "2024-01-26", 2023),
    (f"{SITE}2022年政府信息公开工作年度报告", "2023-01-31", 2022),
    (f"{SITE}2021年政府信息公开工作年度报告", "2022-01-28", 2021),
    (f"{SITE}2020年政府信息公开工作年度报告", "2021-01-29", 2020),
    (f"关于开展2020年度政府信息公开工作年度报告审查的通知", "2020-12-15", None),
    (f"{SITE}2019年政府信息公开工作年度报告", "2020-01-23", 2019),
    (f"{SITE}2018年政府信息公开工作年度报告", "2019-03-28", 2018),
    (f"{SITE}2017年政府信息公开工作年度报告", "2018-03-27", 2017),
    (f"{SITE}2017年度政府信息公开工作考核细则", "2017-06-01", None),
    (f"{SITE}2016年政府信息公开工作年度报告", "2017-03-24", 2016),
]
PER_PAGE = 4


def shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body><div class="head"><a href="/">首页</a> <a href="/xwdt/">新闻动态</a> <a href="/xxgk/index.html">政府信息公开</a>
<a href="/bsfw/">办事服务</a></div>{main}<div class="foot">{SITE}人民政府</div></body></html>"""


def frame(body: str) -> str:
    return f'<html><head><meta charset="utf-8"><link rel="stylesheet" href="/css/list.css"></head><body>{body}</body></html>'


def build() -> Variant:
    v = Variant("iframe_list", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "360423", "province": "江西省",
        "city": "九江市", "county": SITE, "level": "county"},
        style="年报 list inside an <iframe> of a column page that also has a dated sidebar")
    v.add("/", shell(SITE + "人民政府", "<p>首页</p>"))
    v.add("/xxgk/index.html", shell("政府信息公开", '<ul class="xxgk-menu"><li><a href="/xxgk/zn/index.html">政府信息公开指南</a></li>'
                                    '<li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li></ul>'))
    sidebar = "".join(f'<li><a href="/xxgk/zcwj/content.jsp?id={9100 + i}">{SITE}关于印发第{i}号规范性文件的通知</a>'
                      f'<span>2024-04-1{i}</span></li>' for i in range(1, 5))
    v.add("/xxgk/ndbg/index.html", shell("政府信息公开年报", (
        '<div class="left"><h3>最新公开</h3><ul class="zxgk">' + sidebar + '</ul></div>'
        '<div class="right"><h3>政府信息公开年报</h3><iframe src="list.jsp?catid=88" id="listFrame" width="760" height="600" '
        'frameborder="0" scrolling="no"></iframe></div>')))
    pages = (len(ITEMS) + PER_PAGE - 1) // PER_PAGE
    for p in range(1, pages + 1):
        rows = []
        for n, (title, date, year) in enumerate(ITEMS[(p - 1) * PER_PAGE:p * PER_PAGE], start=(p - 1) * PER_PAGE):
            path = f"/xxgk/ndbg/content.jsp?id={7300 + n}"
            rows.append(f'<tr><td><a href="content.jsp?id={7300 + n}" target="_blank">{esc(title)}</a></td><td>{date}</td></tr>')
            v.add(path, detail(title, date, year))
            v.report(path, title, year)
        nav = f'共{len(ITEMS)}条 第{p}/{pages}页 '
        if p < pages:
            nav += f'<a href="list.jsp?catid=88&page={p + 1}">下一页</a>'
        key = "/xxgk/ndbg/list.jsp?catid=88" + ("" if p == 1 else f"&page={p}")
        v.add(key, frame(f'<table class="list">{"".join(rows)}</table><div class="pager">{nav}</div>'))
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))
    return shell(title, f'<h1>{esc(title)}</h1><p class="meta">发布日期：{date}</p><div class="content">{body}</div>')
