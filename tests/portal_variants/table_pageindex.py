"""An ASP.NET list ``list.aspx?ColumnId=37`` whose rows are a <table> with a 序号 column, the
title in one <td> and the date in another, paginated only by page-number links
``list.aspx?ColumnId=37&pageIndex=2`` (no 下一页 / 尾页 words, no form post)."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "景泰县"
HOME = "http://www.jingtai.gov.cn/"
LIST = "/xxgk/list.aspx?ColumnId=37"
ITEMS = [(f"{SITE}人民政府{y}年政府信息公开工作年度报告", f"{y + 1}-01-{18 + y % 10}", y) for y in range(2023, 2013, -1)]
ITEMS.insert(1, (f"{SITE}人民政府办公室关于2023年度政务公开第三方评估情况的通报", "2024-01-10", None))
ITEMS.insert(7, (f"{SITE}2018年度政府信息公开工作社会评议结果公示", "2019-02-11", None))
PER_PAGE = 4


def shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body><form name="aspnetForm" method="post" action="list.aspx" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk"></form>
<div class="top"><a href="/">网站首页</a> <a href="/xxgk/index.aspx">政府信息公开</a> <a href="/hdjl/">互动交流</a></div>
{main}<div class="bottom">{SITE}人民政府</div></body></html>"""


def build() -> Variant:
    v = Variant("table_pageindex", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "620423", "province": "甘肃省",
        "city": "白银市", "county": SITE, "level": "county"},
        style="<table> rows 序号|标题|发布日期, paged only by number links ?ColumnId=37&pageIndex=N")
    v.add("/", shell(SITE + "人民政府", "<p>首页</p>"))
    v.add("/xxgk/index.aspx", shell("政府信息公开", '<table class="lm"><tr><td><a href="list.aspx?ColumnId=35">政府信息公开指南</a></td>'
                                    '<td><a href="list.aspx?ColumnId=36">法定主动公开内容</a></td>'
                                    '<td><a href="list.aspx?ColumnId=37">政府信息公开年报</a></td></tr></table>'))
    pages = (len(ITEMS) + PER_PAGE - 1) // PER_PAGE
    for p in range(1, pages + 1):
        rows = ['<tr class="head"><th width="60">序号</th><th>标题</th><th width="120">发布日期</th></tr>']
        for n, (title, date, year) in enumerate(ITEMS[(p - 1) * PER_PAGE:p * PER_PAGE], start=(p - 1) * PER_PAGE):
            # stored URLs are canonical (query fields sorted), as dedupe writes them
            path = f"/xxgk/show.aspx?ArticleId={8800 + n}&ColumnId=37"
            rows.append(f'<tr><td align="center">{n + 1}</td><td><a href="show.aspx?ColumnId=37&amp;ArticleId={8800 + n}" '
                        f'target="_blank">{esc(title)}</a></td><td align="center">{date}</td></tr>')
            v.add(path, detail(title, date, year))
            v.report(path, title, year)
        numbers = " ".join(f"<span class=\"cur\">{n}</span>" if n == p else
                           f'<a href="list.aspx?ColumnId=37&amp;pageIndex={n}">{n}</a>' for n in range(1, pages + 1))
        main = f'<table class="list" width="100%">{"".join(rows)}</table><div class="pager">共{len(ITEMS)}条记录 {numbers}</div>'
        v.add(f"{LIST}&pageIndex={p}", shell("政府信息公开年报", main))
        if p == 1:
            v.add(LIST, shell("政府信息公开年报", main))
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))
    return shell(title, f'<h2 class="title">{esc(title)}</h2><div class="info">发布日期：{date}</div><div id="content">{body}</div>')
