"""An older generic ASP-style CMS, as many county portals ran it before 集约化: list.asp?classid=N
with 下一页 links (&page=N), show.asp?id=N articles, a 首页 >> … >> 正文 breadcrumb and the
"2018-02-07 09:33:10 来源: 作者: 编辑: 点击:" line.  Pages are declared gb2312 and served GBK."""
from __future__ import annotations

from .bodyhtml import render_blocks
from .model import Article, Brand
from .textutil import cn_punct, esc


def _page(brand: Brand, title: str, content: str) -> str:
    nav = " | ".join(f'<a href="{esc(h)}">{esc(t)}</a>' for t, h in brand.nav)
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{esc(title)}</title>
<link href="/css/style.css" rel="stylesheet" type="text/css">
</head>
<body topmargin="0" leftmargin="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td><img src="/images/banner.jpg" width="980" height="150" alt="{esc(brand.site_name)}"></td></tr>
<tr><td class="nav" height="36" align="center">{nav}</td></tr>
</table>
{content}
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" class="bottom">
<tr><td align="center">主办：{esc(brand.footer_org)}　地址：{esc(brand.address)}　电话：{esc(brand.phone)}<br>
{esc(brand.icp)}　网站标识码：{esc(brand.site_id_code)}<br>技术支持：西峰区信息中心</td></tr>
</table>
</body>
</html>
"""


def homepage(brand: Brand, sections: list[tuple[str, list[tuple[str, str, str]]]]) -> str:
    boxes = []
    for name, items in sections:
        rows = "".join(f'<tr><td class="list_td">·<a href="{esc(h)}" target="_blank">{esc(t)}</a></td><td width="90">{esc(d)}</td></tr>'
                       for t, h, d in items)
        boxes.append(f'<table width="480" border="0" cellspacing="0" cellpadding="0" class="box"><tr><td class="box_tit" colspan="2">{esc(name)}</td></tr>{rows}</table>')
    return _page(brand, brand.site_name, '<table width="980" align="center"><tr><td valign="top">' + "".join(boxes) + "</td></tr></table>")


def _left(tree: list[tuple[str, str]]) -> str:
    rows = "".join(f'<tr><td class="left_td"><a href="{esc(h)}">{esc(t)}</a></td></tr>' for t, h in tree)
    return f'<td width="220" valign="top"><table width="210" border="0" cellspacing="0" cellpadding="0" class="left_menu"><tr><td class="left_tit">政府信息公开</td></tr>{rows}</table></td>'


def list_page(brand: Brand, class_name: str, crumbs: list[tuple[str, str]], tree: list[tuple[str, str]],
              items: list[tuple[str, str, str]], list_href: str, page: int, pages: int, total: int) -> str:
    """A class list page: rows (href, title, date) and the 首页/上一页/下一页/尾页 bar."""
    crumb = " &gt;&gt; ".join([f'<a href="/">首页</a>'] + [f'<a href="{esc(h)}">{esc(t)}</a>' for t, h in crumbs])
    rows = "".join(f'<tr><td height="26" class="list_td">·<a href="{esc(h)}" target="_blank" title="{esc(t)}">{esc(t)}</a></td>'
                   f'<td width="100" align="right">[{esc(d)}]</td></tr>' for h, t, d in items)

    def link(n: int, text: str) -> str:
        href = list_href if n == 1 else f"{list_href}&page={n}"
        return f'<a href="{esc(href)}">{text}</a>'

    bar = [f"共{total}条记录 页次：{page}/{pages}"]
    bar.append(link(1, "首页") if page > 1 else "首页")
    bar.append(link(page - 1, "上一页") if page > 1 else "上一页")
    bar.append(link(page + 1, "下一页") if page < pages else "下一页")
    bar.append(link(pages, "尾页") if page < pages else "尾页")
    content = f"""<table width="980" border="0" align="center" cellpadding="0" cellspacing="0"><tr>{_left(tree)}
<td valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="position">您的位置：{crumb}</td></tr>
<tr><td class="class_tit">{esc(class_name)}</td></tr>
<tr><td><table width="100%" border="0" cellspacing="0" cellpadding="0" class="list">{rows}</table></td></tr>
<tr><td align="center" class="page">{"&nbsp;".join(bar)}</td></tr>
</table></td></tr></table>"""
    return _page(brand, f"{class_name}_{brand.site_name}", content)


def detail_page(brand: Brand, article: Article, breadcrumb: str, info_line: str) -> str:
    """Article page: breadcrumb, title, the 来源/作者/编辑/点击 line, then the content cell."""
    parts = breadcrumb.split(" >> ")
    crumb = " &gt;&gt; ".join(esc(p) for p in parts)
    attach = "".join(f'<p>附件：<a href="{esc(h)}">{esc(t)}</a></p>' for h, t in article.attachments)
    art_id = article.path.rsplit("=", 1)[-1]
    content = f"""<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="position">{crumb}</td></tr>
<tr><td height="50" align="center" class="show_title">{esc(article.title)}</td></tr>
<tr><td align="center" class="show_info">{esc(cn_punct(info_line)).replace(" ", "&nbsp;")}<script src="/inc/hits.asp?id={art_id}"></script></td></tr>
<tr><td class="show_content" id="fontzoom">{render_blocks(article.body, "plain")}{attach}</td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印此页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table>"""
    return _page(brand, f"{article.title}_{brand.site_name}", content)


def not_found(brand: Brand) -> str:
    return _page(brand, "无法找到该页", '<table width="980" align="center"><tr><td align="center" height="200">'
                 '<b>HTTP 404 - 无法找到该页</b><br>您要访问的页面不存在。<a href="/">返回首页</a></td></tr></table>')
