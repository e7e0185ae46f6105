"""A county department (临朐县民政局) under 部门信息公开 on the county portal: a list of
departments, a department page that repeats the county's header (with the county's own 年报
link) above the department's columns, and a department 年度报告 list paginated by 下一页."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

COUNTY = "临朐县"
SITE = "临朐县民政局"
HOME = "http://www.linqu.gov.cn/"
DEPTS = [("县发展和改革局", "fgj"), ("县教育和体育局", "jtj"), ("县民政局", "mzj"), ("县财政局", "czj"), ("县卫生健康局", "wjj")]
OWN = ([(f"{y}年度{SITE}政府信息公开工作年度报告", f"{y + 1}-01-2{y % 10}", y) for y in range(2023, 2016, -1)]
       + [(f"{SITE}2022年度社会组织年度报告公示", "2022-06-30", None),
          (f"{SITE}关于做好2019年度政府信息公开工作年度报告编制工作的通知", "2019-12-16", None)])
OTHER = [(f"{y}年度临朐县财政局政府信息公开工作年度报告", f"{y + 1}-01-1{y % 10}", y) for y in (2023, 2022)]
COUNTY_OWN = [(f"{COUNTY}人民政府{y}年政府信息公开工作年度报告", f"{y + 1}-01-15", y) for y in (2023, 2022)]
PER_PAGE = 5


def shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body><div class="top-nav"><a href="/">首页</a><a href="/zwgk/">政府信息公开</a><a href="/zwgk/zfxxgknb/">年报</a>
<a href="/zmhd/">政民互动</a></div>{main}<div class="foot">{COUNTY}人民政府办公室</div></body></html>"""


def add_list(v: Variant, column: str, items, own: bool) -> None:
    pages = (len(items) + PER_PAGE - 1) // PER_PAGE
    for p in range(1, pages + 1):
        rows = []
        for n, (t, date, year) in enumerate(items[(p - 1) * PER_PAGE:p * PER_PAGE], start=(p - 1) * PER_PAGE):
            path = f"{column}{date[:7].replace('-', '')}/t{date.replace('-', '')}_{len(column) * 1000 + n}.html"
            rows.append(f'<tr><td class="bt"><a href="{path}">{esc(t)}</a></td><td class="rq">{date}</td></tr>')
            v.add(path, detail(t, date, year))
            (v.report(path, t, year) if own else v.foreign.append(path))
        more = f'<a href="index_{p}.html">下一页</a>' if p < pages else ""
        v.add(column + ("index.html" if p == 1 else f"index_{p - 1}.html"),
              shell("年度报告", f'<table class="list">{"".join(rows)}</table><div class="fy">{more}</div>'))


def build() -> Variant:
    v = Variant("department", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "370724", "province": "山东省", "city": "潍坊市",
        "county": COUNTY, "level": "department"},
        style="department under 部门信息公开, county header (with the county 年报 link) on every page")
    v.add("/", shell(COUNTY + "人民政府", "<p>首页</p>"))
    v.add("/zwgk/", shell("政府信息公开", '<div class="tabs"><a href="/zwgk/">县政府信息公开</a><a href="/zwgk/bmxxgk/">部门信息公开</a>'
                          '<a href="/zwgk/zjxxgk/">镇街信息公开</a></div>'))
    depts = "".join(f'<li><a href="/zwgk/bmxxgk/{code}/">{name}</a></li>' for name, code in DEPTS)
    v.add("/zwgk/bmxxgk/", shell("部门信息公开", f'<ul class="bm-list">{depts}</ul>'))
    for name, code in DEPTS:
        base = f"/zwgk/bmxxgk/{code}/"
        left = (f'<div class="left"><h3>{name}</h3><a href="{base}jgxx/">机构信息</a><a href="{base}zcwj/">政策文件</a>'
                f'<a href="{base}xxgkzn/">政府信息公开指南</a><a href="{base}ndbg/">年度报告</a></div>')
        v.add(base, shell(name, left))
    add_list(v, "/zwgk/bmxxgk/mzj/ndbg/", OWN, own=True)
    add_list(v, "/zwgk/bmxxgk/czj/ndbg/", OTHER, own=False)
    add_list(v, "/zwgk/zfxxgknb/", COUNTY_OWN, own=False)
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(SITE, title, year))
    return shell(title, f'<h1 class="bt">{esc(title)}</h1><div class="xx">发布时间：{date}</div><div class="zw">{body}</div>')
