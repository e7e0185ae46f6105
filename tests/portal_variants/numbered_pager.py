"""Static list pages index.html, index_2.html … index_5.html whose pager is plain links, written
differently on each page, as template fragments of county CMSs are: a numbered window with 后一页
and 尾页, 上页/下页/末页 without numbers, ‹ ›, and [首页] [上一页] [下一页] [尾页]."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "宁陵县"
HOME = "http://www.ningling.gov.cn/"
COLUMN = "/zwgk/zfxxgknb/"
ITEMS = [(f"{SITE}人民政府{y}年政府信息公开工作年度报告", f"{y + 1}-01-2{y % 10}", y) for y in range(2023, 2012, -1)]
ITEMS.insert(2, (f"{SITE}人民政府办公室关于报送2021年度政务公开工作总结的通知", "2021-12-10", None))
ITEMS.insert(6, (f"{SITE}2018年政府信息公开工作年度报告编制工作方案", "2018-12-05", None))
ITEMS.insert(9, (f"{SITE}2016年度政务公开第三方评估报告", "2017-05-20", None))
PER_PAGE = 3


def page_name(p: int) -> str:
    return "index.html" if p == 1 else f"index_{p}.html"


def pager(p: int, last: int) -> str:
    """Each page writes its pager in another of the styles seen on county portals."""
    nxt, prev = page_name(min(p + 1, last)), page_name(max(p - 1, 1))
    style = (p - 1) % 4
    if p == last:
        return f'<div class="page"><a href="{page_name(1)}">首页</a> <a href="{prev}">上一页</a> 第{p}页</div>'
    if style == 0:
        window = " ".join(f'<a href="{page_name(n)}">{n}</a>' if n != p else f'<span class="current">{n}</span>'
                          for n in range(max(1, p - 1), min(last, p + 1) + 1))
        return f'<div class="page">{window} <a href="{nxt}">后一页</a> <a href="{page_name(last)}">尾页</a></div>'
    if style == 1:
        return (f'<div class="page"><a href="{page_name(1)}">首页</a> <a href="{prev}">上页</a> <a href="{nxt}">下页</a> '
                f'<a href="{page_name(last)}">末页</a></div>')
    if style == 2:
        return f'<div class="pagination"><a class="prev" href="{prev}">‹</a><a class="next" href="{nxt}">›</a></div>'
    return (f'<div class="page">[<a href="{page_name(1)}">首页</a>] <a href="{prev}">[上一页]</a> '
            f'<a href="{nxt}">[下一页]</a> [<a href="{page_name(last)}">尾页</a>]</div>')


def shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body><div class="nav"><a href="/">网站首页</a><a href="/zwgk/index.html">政务公开</a><a href="/zxft/">在线访谈</a></div>
{main}<div class="foot">主办：{SITE}人民政府</div></body></html>"""


def build() -> Variant:
    v = Variant("numbered_pager", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "411423", "province": "河南省",
        "city": "商丘市", "county": SITE, "level": "county"},
        style="index_N.html pages linked by 后一页/下页/›/[下一页] and 尾页/末页 only")
    v.add("/", shell(SITE + "人民政府", "<p>首页</p>"))
    v.add("/zwgk/index.html", shell("政务公开", '<div class="zwgk"><a href="/zwgk/zcwj/">政策文件</a>'
                                    f'<a href="{COLUMN}">政府信息公开年报</a><a href="/zwgk/rsxx/">人事信息</a></div>'))
    last = (len(ITEMS) + PER_PAGE - 1) // PER_PAGE
    for p in range(1, last + 1):
        rows = []
        for n, (title, date, year) in enumerate(ITEMS[(p - 1) * PER_PAGE:p * PER_PAGE], start=(p - 1) * PER_PAGE):
            path = f"{COLUMN}{date[:4]}{date[5:7]}/t{date.replace('-', '')}_{1285000 + n}.html"
            rows.append(f'<li><span class="date">[{date}]</span><a href="{path}" target="_blank">{esc(title)}</a></li>')
            v.add(path, detail(title, date, year))
            v.report(path, title, year)
        v.add(COLUMN + page_name(p), shell("政府信息公开年报", f'<ul class="news_list">{"".join(rows)}</ul>{pager(p, last)}'))
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))
    return shell(title, f'<div class="article"><h1>{esc(title)}</h1><p>发布时间：{date}</p><div class="content">{body}</div></div>')
