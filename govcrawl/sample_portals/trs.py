"""TRS WCM page renderer: directory columns with index.html / index_N.html pages written by
createPageHTML, articles at ./YYYYMM/tYYYYMMDD_ID.html with a div.TRS_Editor body, and
attachments as P0YYYYMMDD….pdf beside the article."""
from __future__ import annotations

from .bodyhtml import render_blocks
from .model import Article, Brand
from .textutil import esc

CREATE_PAGE_HTML = """<script type="text/javascript">
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
    if(_nPageCount == null || _nPageCount<=1){ return; }
    var nCurrIndex = _nCurrIndex || 0;
    document.write("共" + _nPageCount + "页&nbsp;&nbsp;");
    if(nCurrIndex == 0) document.write("首页&nbsp;上一页&nbsp;");
    else if(nCurrIndex == 1) document.write("<a href=\\"" + _sPageName + "." + _sPageExt + "\\">首页</a>&nbsp;<a href=\\"" + _sPageName + "." + _sPageExt + "\\">上一页</a>&nbsp;");
    else document.write("<a href=\\"" + _sPageName + "." + _sPageExt + "\\">首页</a>&nbsp;<a href=\\"" + _sPageName + "_" + (nCurrIndex-1) + "." + _sPageExt + "\\">上一页</a>&nbsp;");
    if(nCurrIndex == _nPageCount-1) document.write("下一页&nbsp;尾页");
    else document.write("<a href=\\"" + _sPageName + "_" + (nCurrIndex+1) + "." + _sPageExt + "\\">下一页</a>&nbsp;<a href=\\"" + _sPageName + "_" + (_nPageCount-1) + "." + _sPageExt + "\\">尾页</a>");
}
</script>"""


def article_path(column_dir: str, date: str, doc_id: int) -> str:
    """/dir/ + ./202101/t20210115_123456.html"""
    ym, ymd = date[:7].replace("-", ""), date.replace("-", "")
    return f"{column_dir}{ym}/t{ymd}_{doc_id}.html"


def _head(brand: Brand, title: str, extra: str = "") -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(title)}</title>
<meta name="SiteName" content="{esc(brand.site_name)}" />
<meta name="SiteDomain" content="{esc(brand.domain)}" />
<meta name="SiteIDCode" content="{esc(brand.site_id_code)}" />
{extra}<link href="{{root}}images/gl.css" type="text/css" rel="stylesheet" />
</head>
"""


def _header(brand: Brand, root: str) -> str:
    tds = "".join(f'<td class="td3"><a href="{root}{esc(h.lstrip("/"))}">{esc(t)}</a></td><td><img src="{root}images/menu_line.jpg" /></td>'
                  for t, h in brand.nav)
    return f"""<body>
<table width="1006" border="0" cellspacing="0" cellpadding="0" align="center"><tr><td id="top" align="center" style="height:160px;"><img src="{root}images/top.jpg" alt="{esc(brand.site_name)}" /></td></tr></table>
<table width="1006" border="0" cellspacing="0" cellpadding="0" id="memu" align="center"><tr>{tds}</tr></table>
"""


def _footer(brand: Brand, root: str) -> str:
    return f"""<table width="1006" border="0" cellspacing="0" cellpadding="0" id="down" align="center"><tr><td align="center">
<p>主办：{esc(brand.footer_org)}　<a href="javascript:void(0)">网站地图</a> | <a href="javascript:void(0)">联系我们</a></p>
<p>地址：{esc(brand.address)}　电话：{esc(brand.phone)}　<font color="#000000">网站标识码：{esc(brand.site_id_code)}</font></p>
<p><a href="http://www.beian.miit.gov.cn/" target="_blank">{esc(brand.icp)}</a></p>
<script id="_jiucuo_" sitecode="{esc(brand.site_id_code)}" src="/jiucuo.js"></script>
</td></tr></table>
</body></html>
"""


def _root(path: str) -> str:
    """Relative prefix from a page back to the site root, as TRS publishes links."""
    depth = path.count("/") - 1
    return "../" * depth if depth else "./"


def page(brand: Brand, path: str, title: str, content: str, meta: str = "") -> str:
    root = _root(path)
    return (_head(brand, title, meta).replace("{root}", root) + _header(brand, root) + content
            + _footer(brand, root))


def homepage(brand: Brand, path: str, sections: list[tuple[str, list[tuple[str, str, str]]]]) -> str:
    boxes = []
    for name, items in sections:
        rows = "".join(f'<tr><td><a href="{esc(h)}" target="_blank" title="{esc(t)}">{esc(t)}</a></td><td>{esc(d)}</td></tr>'
                       for t, h, d in items)
        boxes.append(f'<table width="480" class="index_box"><tr><th colspan="2">{esc(name)}</th></tr>{rows}</table>')
    return page(brand, path, brand.site_name, '<table width="1006" align="center"><tr><td>' + "".join(boxes) + "</td></tr></table>")


def column_page(brand: Brand, path: str, name: str, crumbs: list[tuple[str, str]], tree: list[tuple[str, str]],
                content: str) -> str:
    """Left tree (gl_left), 您现在的位置 breadcrumb, then `content`; links are relative."""
    left = "".join(f'<tr><td width="19"><img src="{_root(path)}images/gl_ico.jpg" /></td>'
                   f'<td width="136"><a href="{esc(h)}" target="_self">{esc(t)}</a></td></tr>' for t, h in tree)
    crumb = "&nbsp;&gt;&gt;&nbsp;".join(f'<a href="{esc(h)}" title="{esc(t)}" class="CurrChnlCls">{esc(t)}</a>' for t, h in crumbs)
    body = f"""<table width="1006" border="0" cellspacing="0" cellpadding="0" class="mag1" align="center"><tr>
<td align="center" bgcolor="#e1f1ff" width="253" valign="top"><table width="155" border="0" cellspacing="0" cellpadding="0" class="gl_left">{left}</table></td>
<td bgcolor="#FFFFFF" valign="top"><table width="752" border="0" cellpadding="0" cellspacing="0" class="bor">
<tr><td class="pos" height="27">您现在的位置是：{crumb}</td></tr>
<tr><td valign="top">{content}</td></tr></table></td></tr></table>
"""
    return page(brand, path, f"{name}-{brand.site_name}", body, f'<meta name="ColumnName" content="{esc(name)}" />\n')


def list_table(items: list[tuple[str, str, str]], count_page: int, current: int) -> str:
    """table.gl_list rows (relative href, title, date) and the createPageHTML pager."""
    rows = "".join(f"""
<tr valign="top"><td width="25"><img src="../../images/ico2.jpg" /></td>
<td width="550"><a href="{esc(h)}" target="_blank" title="{esc(t)}">{esc(t)}</a></td><td>{esc(d)}</td></tr>""" for h, t, d in items)
    return (f'<table width="682" border="0" cellspacing="0" cellpadding="0" class="gl_list">{rows}\n</table>\n'
            f'<div class="page">{CREATE_PAGE_HTML}\n<script type="text/javascript">\n'
            f'var currentPage = {current};//所在页从0开始\nvar countPage = {count_page}//共多少页\n'
            f'createPageHTML({count_page}, {current}, "index", "html");\n</script></div>')


def detail_page(brand: Brand, article: Article, column_name: str, crumbs: list[tuple[str, str]],
                body_html: str | None = None) -> str:
    """An article: 信息公开 metadata table, title, 发布时间/来源 line and div.TRS_Editor."""
    name = article.path.rsplit("/", 1)[-1]
    meta = (f'<meta name="ColumnName" content="{esc(column_name)}" />\n'
            f'<meta name="ArticleTitle" content="{esc(article.title)}" />\n'
            f'<meta name="PubDate" content="{article.published} {article.time[:5]}" />\n'
            f'<meta name="ContentSource" content="{esc(article.publisher or "")}" />\n'
            '<meta name="Keywords" content="" />\n<meta name="Author" content="" />\n<meta name="Description" content="" />\n'
            f'<meta name="Url" content="./{name}" />\n')
    body = body_html if body_html is not None else render_blocks(article.body, "trs")
    crumb = "&nbsp;&gt;&gt;&nbsp;".join(f'<a href="{esc(h)}" class="CurrChnlCls">{esc(t)}</a>' for t, h in crumbs)
    attach = ""
    if article.attachments:
        links = "".join(f'<li><a href="{esc(h)}" target="_blank">{esc(t)}</a></li>' for h, t in article.attachments)
        attach = f'<div class="fj"><span>附件：</span><ul>{links}</ul></div>'
    content = f"""<table width="1006" border="0" cellspacing="0" cellpadding="0" align="center" class="bor"><tr><td class="pos">您现在的位置是：{crumb}</td></tr></table>
<table width="1006" border="0" cellspacing="0" cellpadding="0" align="center"><tr><td>
<table class="xxgk_table" width="900" border="1" cellspacing="0" cellpadding="0" align="center">
<tr><td class="td_title">索引号：</td><td>{esc(article.index_no or "")}</td><td class="td_title">信息分类：</td><td>政府信息公开年报</td></tr>
<tr><td class="td_title">发布机构：</td><td>{esc(article.publisher or "")}</td><td class="td_title">发文日期：</td><td>{article.published}</td></tr>
<tr><td class="td_title">文号：</td><td>{esc(article.doc_no or "")}</td><td class="td_title">是否有效：</td><td>有效</td></tr>
<tr><td class="td_title">名称：</td><td colspan="3">{esc(article.title)}</td></tr>
</table>
<div class="detail_title"><h2>{esc(article.title)}</h2></div>
<div class="detail_info">发布时间：{article.published}&nbsp;&nbsp;来源：{esc(article.publisher or "")}&nbsp;&nbsp;【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</div>
<div class="detail_con" id="Zoom"><div class="TRS_Editor">{body}</div></div>
{attach}
<div class="detail_tools"><a href="javascript:window.print();">【打印】</a> <a href="javascript:window.close();">【关闭】</a></div>
</td></tr></table>
"""
    return page(brand, article.path, article.title, content, meta)


def not_found(brand: Brand) -> str:
    return page(brand, "/404.html", "404",
                '<table width="1006" align="center"><tr><td align="center"><h2>您访问的页面不存在！</h2>'
                '<p><a href="/">返回首页</a></p></td></tr></table>')
