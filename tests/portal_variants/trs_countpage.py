"""Classic TRS WCM list templates: ``var countPage = 3//共多少页`` then
``createPageHTML(countPage, currentPage, "index", "htm")`` (0-based: index.htm, index_1.htm, …),
rows in ``table.gl_list``, articles ``./YYYYMM/tYYYYMMDD_N.htm``, column named 年度报告."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "杭锦旗"
HOME = "http://www.hjq.gov.cn/"
COLUMN = "/xxgk/ndbg/"
ITEMS = [
    (f"{SITE}人民政府2023年度政府信息公开工作年度报告", "2024-01-29", 2023),
    (f"{SITE}人民政府2022年度政府信息公开工作年度报告", "2023-01-30", 2022),
    (f"{SITE}2022年度政府网站工作年度报表", "2023-01-12", None),
    (f"{SITE}人民政府2021年度政府信息公开工作年度报告", "2022-01-28", 2021),
    (f"{SITE}人民政府2020年度政府信息公开工作年度报告", "2021-01-27", 2020),
    (f"{SITE}人民政府2019年度政府信息公开工作年度报告", "2020-01-20", 2019),
    (f"{SITE}人民政府2018年度政府信息公开工作年度报告", "2019-03-29", 2018),
    (f"关于{SITE}2018年度政府信息公开工作年度报告的更正说明", "2019-04-02", None),
    (f"{SITE}人民政府2017年度政府信息公开工作年度报告", "2018-03-30", 2017),
]
PER_PAGE = 3


def shell(title: str, main: str) -> str:
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{esc(title)}</title></head>
<body><table width="1000" align="center"><tr><td class="top"><a href="/index.htm">首页</a> | <a href="/zwdt/index.htm">政务动态</a>
 | <a href="/xxgk/index.htm">信息公开</a> | <a href="/bsfw/index.htm">办事服务</a></td></tr></table>
{main}
<table width="1000" align="center"><tr><td class="foot">{SITE}人民政府 版权所有</td></tr></table></body></html>"""


def build() -> Variant:
    v = Variant("trs_countpage", "trs", {
        "site_name": SITE, "homepage": HOME, "admin_code": "150625", "province": "内蒙古自治区",
        "city": "鄂尔多斯市", "county": SITE, "level": "county"},
        style='classic TRS WCM var countPage + createPageHTML(countPage, currentPage, "index", "htm")')
    v.add("/", shell(SITE + "人民政府", '<p>欢迎访问。</p>'))
    v.add("/index.htm", shell(SITE + "人民政府", '<p>欢迎访问。</p>'))
    left = ('<td width="200" valign="top" class="left"><div class="lm">信息公开目录</div>'
            '<a href="/xxgk/xxgkzn/index.htm">信息公开指南</a><br><a href="/xxgk/xxgkzd/index.htm">信息公开制度</a><br>'
            f'<a href="/xxgk/fdzdgknr/index.htm">法定主动公开内容</a><br><a href="{COLUMN}index.htm">年度报告</a></td>')
    v.add("/xxgk/index.htm", shell("信息公开", f'<table width="1000" align="center"><tr>{left}<td>信息公开专栏</td></tr></table>'))
    pages = (len(ITEMS) + PER_PAGE - 1) // PER_PAGE
    for p in range(pages):
        rows = []
        for n, (title, date, year) in enumerate(ITEMS[p * PER_PAGE:(p + 1) * PER_PAGE], start=p * PER_PAGE):
            ymd = date.replace("-", "")
            path = f"{COLUMN}{ymd[:6]}/t{ymd}_{2748700 + n}.htm"
            rows.append(f'<tr><td class="gl_list_title"><a href="./{path[len(COLUMN):]}" target="_blank">{esc(title)}</a></td>'
                        f'<td class="gl_list_date">{date}</td></tr>')
            v.add(path, detail(title, date, year))
            v.report(path, title, year)
        pager = (f'<script language="JavaScript">\nvar currentPage = {p};//所在页从0开始\nvar prevPage = currentPage-1//上一页\n'
                 f'var nextPage = currentPage+1//下一页\nvar countPage = {pages}//共多少页\n'
                 'createPageHTML(countPage, currentPage, "index", "htm");\n</script>')
        main = (f'<table width="1000" align="center"><tr>{left}<td valign="top"><table class="gl_list">{"".join(rows)}</table>'
                f'{pager}</td></tr></table>')
        v.add(COLUMN + ("index.htm" if p == 0 else f"index_{p}.htm"), shell("年度报告", main))
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))
    return shell(title, f'<table width="1000" align="center"><tr><td><div class="title">{esc(title)}</div>'
                        f'<div class="time">发布日期：{date}</div><div class="TRS_Editor">{body}</div></td></tr></table>')
