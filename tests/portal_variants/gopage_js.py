"""A list whose pager is only ``<a href="javascript:goPage(2)">`` links; the page URLs exist only
in the template's script, ``function goPage(n){ if(n<=1){location.href='index.html';}
else{location.href='index_'+(n-1)+'.html';} }`` (0-based static pages index_1.html …)."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "镇坪县"
HOME = "http://www.zhenping.gov.cn/"
COLUMN = "/zwgk/zfxxgk/ndbg/"
ITEMS = [
    (f"{SITE}2023年政府信息公开工作年度报告", "2024-01-29", 2023),
    (f"{SITE}2022年政府信息公开工作年度报告", "2023-01-30", 2022),
    (f"{SITE}2021年政府信息公开工作年度报告", "2022-01-27", 2021),
    (f"{SITE}2020年政府信息公开工作年度报告", "2021-01-28", 2020),
    (f"{SITE}人民政府办公室关于2020年度政府信息公开工作年度报告的补充说明", "2021-02-05", None),
    (f"{SITE}2019年政府信息公开工作年度报告", "2020-01-20", 2019),
    (f"{SITE}2018年政府信息公开工作年度报告", "2019-03-27", 2018),
    (f"{SITE}2017年政府信息公开工作年度报告", "2018-03-29", 2017),
    (f"{SITE}2017年政务公开工作要点", "2017-04-11", None),
    (f"{SITE}2016年政府信息公开工作年度报告", "2017-03-30", 2016),
    (f"{SITE}2015年政府信息公开工作年度报告", "2016-03-25", 2015),
]
PER_PAGE = 3
SCRIPT = ("<script type=\"text/javascript\">\nfunction goPage(n){\n  if(n<=1){ location.href='index.html'; }\n"
          "  else{ location.href='index_'+(n-1)+'.html'; }\n}\n</script>")


def shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title>{SCRIPT}</head>
<body><div class="nav"><a href="/">首页</a><a href="/zwgk/zfxxgk/">政府信息公开</a><a href="/hdjl/">互动交流</a></div>
{main}<div class="foot">{SITE}人民政府</div></body></html>"""


def pager(p: int, last: int) -> str:
    parts = [f"共{len(ITEMS)}条 {p}/{last}页", '<a href="javascript:goPage(1)">首页</a>']
    if p > 1:
        parts.append(f'<a href="javascript:goPage({p - 1})">上一页</a>')
    if p < last:
        parts.append(f'<a href="javascript:goPage({p + 1})">下一页</a>')
    parts.append(f'<a href="javascript:goPage({last})">尾页</a>')
    return f'<div class="pages">{" ".join(parts)}</div>'


def build() -> Variant:
    v = Variant("gopage_js", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "610927", "province": "陕西省",
        "city": "安康市", "county": SITE, "level": "county"},
        style="pager of javascript:goPage(N) links; URL pattern only in function goPage(n){location.href=…}")
    v.add("/", shell(SITE + "人民政府", "<p>首页</p>"))
    v.add("/zwgk/zfxxgk/", shell("政府信息公开", f'<div class="ml"><a href="/zwgk/zfxxgk/zn/">政府信息公开指南</a>'
                                 f'<a href="{COLUMN}">政府信息公开年报</a></div>'))
    last = -(-len(ITEMS) // PER_PAGE)
    for p in range(1, last + 1):
        rows = []
        for n, (title, date, year) in enumerate(ITEMS[(p - 1) * PER_PAGE:p * PER_PAGE], start=(p - 1) * PER_PAGE):
            path = f"{COLUMN}{date[:4]}{date[5:7]}/t{date.replace('-', '')}_{337100 + n}.html"
            rows.append(f'<li><a href="./{path[len(COLUMN):]}" target="_blank">{esc(title)}</a><span>{date}</span></li>')
            v.add(path, detail(title, date, year))
            v.report(path, title, year)
        v.add(COLUMN + ("index.html" if p == 1 else f"index_{p - 1}.html"),
              shell("政府信息公开年报", f'<ul class="list">{"".join(rows)}</ul>{pager(p, last)}'))
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))
    return shell(title, f'<h1>{esc(title)}</h1><div class="date">{date}</div><div class="TRS_Editor">{body}</div>')
