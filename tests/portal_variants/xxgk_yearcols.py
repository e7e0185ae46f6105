"""A 信息公开 sub-site under its own path prefix (/xxgk/, own index and nav) whose 年报 column
政府信息公开年度报告 holds no list, only per-year sub-columns written '2023年度', '2022年度' …,
each a one-page list of the reports filed that year (the county's and its departments')."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "平利县"
HOME = "http://www.pingli.gov.cn/"
NB = "/xxgk/zfxxgkndbg/"
YEARS = {
    2023: [(f"{SITE}人民政府2023年度政府信息公开工作年度报告", "2024-01-26", 2023),
           (f"{SITE}财政局2023年度政府信息公开工作年度报告", "2024-01-29", 2023)],
    2022: [(f"{SITE}人民政府2022年度政府信息公开工作年度报告", "2023-01-20", 2022),
           (f"{SITE}2022年度政府信息公开工作年度报告发布情况说明", "2023-02-03", None)],
    2021: [(f"{SITE}人民政府2021年度政府信息公开工作年度报告", "2022-01-28", 2021),
           (f"{SITE}卫生健康局2021年度政府信息公开工作年度报告", "2022-01-30", 2021)],
    2020: [(f"{SITE}人民政府2020年度政府信息公开工作年度报告", "2021-01-29", 2020),
           (f"{SITE}2020年政务公开工作实施方案", "2020-04-20", None)],
    2019: [(f"{SITE}人民政府2019年度政府信息公开工作年度报告", "2020-01-21", 2019)],
}


def shell(title: str, main: str, sub: bool = True) -> str:
    nav = ('<div class="xxgk-nav"><a href="/xxgk/index.html">信息公开首页</a><a href="/xxgk/zn/index.html">信息公开指南</a>'
           '<a href="/xxgk/zd/index.html">信息公开制度</a><a href="/xxgk/fdzdgknr/index.html">法定主动公开内容</a>'
           f'<a href="{NB}index.html">政府信息公开年度报告</a><a href="/">返回主站</a></div>') if sub else \
          '<div class="nav"><a href="/">首页</a><a href="/xwzx/">新闻中心</a><a href="/xxgk/index.html">信息公开</a></div>'
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body>{nav}{main}<div class="foot">{SITE}人民政府办公室</div></body></html>"""


def build() -> Variant:
    v = Variant("xxgk_yearcols", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "610926", "province": "陕西省",
        "city": "安康市", "county": SITE, "level": "county"},
        style="/xxgk/ sub-site; 政府信息公开年度报告 column of '2023年度' sub-column links only")
    v.add("/", shell(SITE + "人民政府", "<p>首页</p>", sub=False))
    v.add("/xxgk/index.html", shell("信息公开", '<div class="blocks"><h3>法定主动公开内容</h3><p>机构职能、政策文件…</p></div>'))
    years = "".join(f'<li><a href="{NB}{y}nd/index.html">{y}年度</a></li>' for y in YEARS)
    v.add(f"{NB}index.html", shell("政府信息公开年度报告", f'<div class="sub-cols"><h3>政府信息公开年度报告</h3><ul>{years}</ul></div>'))
    serial = 4410
    for y, items in YEARS.items():
        rows = []
        for title, date, year in items:
            serial += 1
            path = f"{NB}{y}nd/{date[:4]}{date[5:7]}/t{date.replace('-', '')}_{serial}.html"
            rows.append(f'<li><a href="{path}" target="_blank">{esc(title)}</a><span>{date}</span></li>')
            v.add(path, detail(title, date, year))
            v.report(path, title, year)
        v.add(f"{NB}{y}nd/index.html", shell(f"{y}年度", f'<div class="sub-cols"><ul>{years}</ul></div><ul class="list">{"".join(rows)}</ul>'))
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))
    return shell(title, f'<h1>{esc(title)}</h1><div class="time">{date}</div><div class="TRS_Editor">{body}</div>')
