"""An older JSP portal served in GBK (Content-Type without charset, <meta charset=gbk>): image
buttons in the top nav (the words only in ``alt``), a 政务公开 page, and a class list
``list.jsp?lmid=35`` paginated with query-only links ``?lmid=35&page=2`` (下一页 / 尾页)."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "平遥县"
HOME = "http://www.pingyao.gov.cn/"
ITEMS = [(f"平遥县人民政府{y}年度政府信息公开工作年度报告", f"{y + 1}/1/{20 + y % 9}", y) for y in range(2023, 2013, -1)]
ITEMS.insert(3, ("平遥县人民政府办公室关于印发2021年政务公开工作要点的通知", "2021/4/12", None))
ITEMS.insert(8, ("平遥县2016年度政府信息公开工作年度报告（征求意见稿）公示", "2017/1/9", None))
PER_PAGE = 5
CT = "text/html"


def shell(title: str, main: str) -> str:
    nav = "".join(f'<td><a href="{h}"><img src="/images/nav_{i}.gif" alt="{t}" border="0"></a></td>'
                  for i, (t, h) in enumerate([("网站首页", "/index.jsp"), ("政务公开", "/zwgk/index.jsp"),
                                              ("办事服务", "/bsfw/index.jsp"), ("公众参与", "/gzcy/index.jsp")]))
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>{esc(title)}</title></head>
<body><table width="990" align="center"><tr><td><img src="/images/banner.jpg" alt=""></td></tr></table>
<table width="990" align="center" class="nav"><tr>{nav}</tr></table>{main}
<table width="990" align="center"><tr><td>平遥县人民政府主办 晋ICP备05001234号</td></tr></table></body></html>"""


def build() -> Variant:
    v = Variant("gbk_jsp", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "140728", "province": "山西省", "city": "晋中市",
        "county": SITE, "level": "county"},
        style="GBK JSP site, image-only nav (alt text), ?lmid=35&page=N pagination")
    v.add("/", shell(SITE + "人民政府", "<p>欢迎访问</p>"), CT, "gbk")
    v.add("/index.jsp", shell(SITE + "人民政府", "<p>欢迎访问</p>"), CT, "gbk")
    v.add("/zwgk/index.jsp", shell("政务公开", '<table><tr><td class="lm"><a href="list.jsp?lmid=33">政府文件</a></td>'
                                   '<td class="lm"><a href="list.jsp?lmid=35">政府信息公开年报</a></td>'
                                   '<td class="lm"><a href="list.jsp?lmid=36">人事任免</a></td></tr></table>'), CT, "gbk")
    pages = (len(ITEMS) + PER_PAGE - 1) // PER_PAGE
    for p in range(1, pages + 1):
        rows = []
        for n, (title, date, year) in enumerate(ITEMS[(p - 1) * PER_PAGE:p * PER_PAGE], start=(p - 1) * PER_PAGE):
            path = f"/zwgk/show.jsp?id={51200 + n}&lmid=35"
            short = title if len(title) <= 20 else title[:20] + "…"
            rows.append(f'<tr><td>·<a href="show.jsp?id={51200 + n}&lmid=35" title="{esc(title)}" target="_blank">{esc(short)}</a></td>'
                        f'<td align="right">{date}</td></tr>')
            v.add(path, detail(title, date, year), CT, "gbk")
            v.report(path, title, year)
        bar = [f"共{len(ITEMS)}条 页次{p}/{pages}"]
        if p > 1:
            bar += ['<a href="?lmid=35&page=1">首页</a>', f'<a href="?lmid=35&page={p - 1}">上一页</a>']
        if p < pages:
            bar += [f'<a href="?lmid=35&page={p + 1}">下一页</a>', f'<a href="?lmid=35&page={pages}">尾页</a>']
        main = f'<table width="760" class="list">{"".join(rows)}</table><div align="center">{" ".join(bar)}</div>'
        v.add("/zwgk/list.jsp?lmid=35" + (f"&page={p}" if p > 1 else ""), shell("政府信息公开年报", main), CT, "gbk")
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))
    return shell(title, f'<table width="990" align="center"><tr><td class="title" align="center">{esc(title)}</td></tr>'
                        f'<tr><td align="center">发布时间：{date.replace("/", "-")}</td></tr><tr><td class="content">{body}</td></tr></table>')
