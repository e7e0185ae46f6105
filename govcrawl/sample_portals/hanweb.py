"""大汉 Hanweb jcms page renderer: /col/colNNN/index.html columns, /art/Y/M/D/art_COL_ID.html
articles, list data in a <script type="text/xml"><datastore> unit, and the
/module/web/jpage/dataproxy.jsp endpoint that serves the following records."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from .bodyhtml import render_blocks
from .model import Article, Brand, Resource
from .textutil import cn_punct, esc

DATAPROXY = "/module/web/jpage/dataproxy.jsp"


@dataclass
class Column:
    colid: int
    name: str

    @property
    def path(self) -> str:
        return f"/col/col{self.colid}/index.html"


def art_path(colid: int, date: str, art_id: int) -> str:
    y, m, d = (int(x) for x in date.split("-"))
    return f"/art/{y}/{m}/{d}/art_{colid}_{art_id}.html"


def _head(brand: Brand, title: str, extra: str = "") -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<title>{esc(title)}</title>
{extra}<link href="/script/page.css" type="text/css" rel="stylesheet" />
<link rel="stylesheet" href="/images/2019/css/hanweb.css" />
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
</head>
"""


def _header(brand: Brand) -> str:
    nav = "".join(f'<li><a href="{esc(href)}" target="_self">{esc(text)}</a></li>' for text, href in brand.nav)
    return f"""<body>
<div class="top"><div class="top-con"><span class="fl">欢迎访问{esc(brand.site_name)}网站</span>
<span class="fr"><a href="javascript:void(0)" id="jianfan">繁體</a> | <a href="javascript:void(0)">无障碍浏览</a> | <a href="javascript:void(0)">长者模式</a></span></div></div>
<div class="header"><div class="logo"><a href="/"><img src="/images/2019/logo.png" alt="{esc(brand.site_name)}" /></a></div>
<div class="search"><form action="/jrobot/search.do" method="get" target="_blank"><input type="hidden" name="webid" value="{brand.webid}" /><input type="text" name="q" class="search-input" /><input type="submit" value="搜索" /></form></div></div>
<div class="nav"><ul>{nav}</ul></div>
"""


def _footer(brand: Brand) -> str:
    return f"""<div class="footer"><div class="footer-con">
<p><a href="javascript:void(0)">网站地图</a> | <a href="javascript:void(0)">联系我们</a> | <a href="javascript:void(0)">隐私声明</a></p>
<p>主办单位：{esc(brand.footer_org)}　地址：{esc(brand.address)}　电话：{esc(brand.phone)}</p>
<p>网站标识码：{esc(brand.site_id_code)}　<a href="https://beian.miit.gov.cn/" target="_blank">{esc(brand.icp)}</a></p>
<p><script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E"));</script></p>
</div></div>
<script language="javascript" src="/script/web_front.js"></script>
</body>
</html>
"""


def homepage(brand: Brand, sections: list[tuple[str, list[tuple[str, str, str]]]]) -> str:
    """Portal homepage: banner, nav and a few boxes of (title, href, date) links."""
    boxes = []
    for name, items in sections:
        lis = "".join(f'<li><a href="{esc(h)}" title="{esc(t)}" target="_blank">{esc(t)}</a><span>{esc(d)}</span></li>'
                      for t, h, d in items)
        boxes.append(f'<div class="box"><div class="box-tit"><h3>{esc(name)}</h3></div><ul class="list">{lis}</ul></div>')
    return (_head(brand, brand.site_name, f'<meta name="SiteName" content="{esc(brand.site_name)}" />\n'
                  f'<meta name="SiteDomain" content="{esc(brand.domain)}" />\n'
                  f'<meta name="SiteIDCode" content="{esc(brand.site_id_code)}" />\n')
            + _header(brand) + '<div class="main index-main">' + "\n".join(boxes) + "</div>\n" + _footer(brand))


def _crumbs(crumbs: list[tuple[str, str]]) -> str:
    tds = "".join(f'<TD> &gt; <a href="{esc(h)}">{esc(t)}</a></TD>' for t, h in crumbs)
    return (f'<table cellspacing="0" cellpadding="0" border="0"><tr><td>当前位置：<a href="/index.html">首页</a></td>'
            f'<td><TABLE WIDTH=100% CELLSPACING=0 CELLPADDING=0 BORDER=0><TR>{tds}</TR></TABLE></td></tr></table>')


def _tree(tree: list[tuple[str, str]], current: str) -> str:
    on = ' class="on"'
    lis = "".join(f'<li{on if h == current else ""}><a href="{esc(h)}" target="_self">{esc(t)}</a></li>'
                  for t, h in tree)
    return f'<div class="xxgk-left"><div class="left-tit">政府信息公开</div><ul class="xxgk-tree">{lis}</ul></div>'


def column_page(brand: Brand, column: Column, crumbs: list[tuple[str, str]], tree: list[tuple[str, str]],
                content: str, tree_title_links: str = "") -> str:
    """A column page: left column tree, breadcrumb, and `content` (a list unit or sub-links)."""
    return (_head(brand, f"{column.name} {brand.site_name}",
                  f'<meta name="SiteName" content="{esc(brand.site_name)}" />\n'
                  f'<meta name="SiteIDCode" content="{esc(brand.site_id_code)}" />\n'
                  f'<meta name="ColumnName" content="{esc(column.name)}" />\n'
                  f'<meta name="ColumnType" content="信息公开" />\n')
            + _header(brand)
            + f'<div class="current-position">{_crumbs(crumbs)}</div>\n<div class="main xxgk-main">'
            + _tree(tree, column.path) + tree_title_links
            + f'<div class="xxgk-right"><div class="right-tit"><span>{esc(column.name)}</span></div>'
            + f'<div class="right-con">{content}</div></div></div>\n' + _footer(brand))


def sublinks(links: list[tuple[str, str]]) -> str:
    """Static links box (e.g. the 乡镇（街道） entries on a 政府信息公开 page)."""
    return '<ul class="xxgk-sub">' + "".join(
        f'<li><a href="{esc(h)}" target="_blank">{esc(t)}</a></li>' for t, h in links) + "</ul>"


def record(article: Article) -> str:
    title = article.list_title or article.title
    return (f"<li><a href='{article.path}' title='{esc(title)}' target=\"_blank\">{esc(title)}</a>"
            f"<span>{article.published}</span></li>")


def _proxy_query(brand: Brand, column: Column, unitid: int, page: int) -> str:
    webname = quote(quote(brand.site_name))
    return (f"{DATAPROXY}?page={page}&appid=1&webid={brand.webid}&path=/&columnid={column.colid}"
            f"&unitid={unitid}&webname={webname}&permissiontype=0")


def _datastore(records: list[str], nextgroup: str, total: int | None = None, pages: int | None = None) -> str:
    recs = "\n".join(f"<record><![CDATA[\n{r}]]></record>" for r in records)
    counts = "" if total is None else f"<totalrecord>{total}</totalrecord>\n<totalpage>{pages}</totalpage>\n"
    return (f"<datastore>\n<nextgroup><![CDATA[{nextgroup}]]></nextgroup>\n{counts}"
            f"<recordset>\n{recs}\n</recordset>\n</datastore>")


@dataclass
class ListUnit:
    """A jpage list unit: perpage records a page, groupsize pages per datastore group."""

    unitid: int
    perpage: int = 15
    groupsize: int = 3

    @property
    def group(self) -> int:
        return self.perpage * self.groupsize


def list_unit(brand: Brand, column: Column, unit: ListUnit, records: list[str]) -> str:
    total = len(records)
    nxt = f'<a href="{_proxy_query(brand, column, unit.unitid, 1)}"></a>' if total > unit.group else ""
    store = _datastore(records[: unit.group], nxt)
    webname = esc(brand.site_name)
    return f"""<div id="{unit.unitid}">
<script type="text/xml">{store}</script></div>
<script language="javascript" src="/module/jslib/jquery/jpage/jquery.page.min.js"></script>
<script type="text/javascript">
$(document).ready(function(){{
    $("#{unit.unitid}").jpage({{
        dataStore: dataStore, perPage: {unit.perpage}, totalRecord: {total}, groupSize: {unit.groupsize},
        proxyUrl: "{DATAPROXY}", barPosition: "bottom", showMode: "full", isGoPage: true,
        ajaxParam: {{"col": 1, "appid": 1, "webid": {brand.webid}, "path": "/", "columnid": {column.colid},
                    "sourceContentType": 1, "unitid": "{unit.unitid}", "webname": "{webname}", "permissiontype": 0}}
    }});
}});
</script>
"""


def dataproxy(brand: Brand, columns: dict[int, tuple[Column, ListUnit, list[str]]]):
    """The dataproxy.jsp handler: records startrecord..endrecord (1-based) of a column, or the
    page=N group of the nextgroup link; POST form fields or GET query both accepted."""

    def handle(method: str, path: str, query: list[tuple[str, str]], form: list[tuple[str, str]]) -> Resource | None:
        params = dict(query)
        params.update(dict(form))
        try:
            colid = int(params.get("columnid", ""))
        except ValueError:
            return None
        if colid not in columns:
            return None
        column, unit, records = columns[colid]
        total = len(records)
        if "startrecord" in params:
            start = max(1, int(params.get("startrecord", 1)))
            end = min(total, int(params.get("endrecord", start + unit.group - 1)))
            page_no = (start - 1) // unit.group
        else:
            page_no = max(0, int(params.get("page", 1) or 1))
            start, end = page_no * unit.group + 1, min(total, (page_no + 1) * unit.group)
        nxt = ""
        if end < total:
            nxt = f'<a href="{_proxy_query(brand, column, unit.unitid, page_no + 1)}"></a>'
        pages = (total + unit.perpage - 1) // unit.perpage
        xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + _datastore(records[start - 1:end], nxt, total, pages)
        return Resource(xml.encode("utf-8"), "text/xml;charset=UTF-8")

    return handle


def detail_page(brand: Brand, article: Article, column: Column, crumbs: list[tuple[str, str]],
                variant: str, flavor: str, heading: list[str] | None = None) -> str:
    """An article page.  variant: 'sd_xxgk' (Shandong 信息公开 table), 'zj_xxgk' (Zhejiang
    索引号/公开方式 table + 打印本页 关闭窗口 footer) or 'zj_plain' (title + 发布时间 line)."""
    art_id = article.path.rsplit("_", 1)[-1].split(".")[0]
    meta = (f'<meta name="Maketime" content="{article.published} {article.time}" />\n'
            f'<meta name="SiteName" content="{esc(brand.site_name)}" />\n'
            f'<meta name="SiteDomain" content="{esc(brand.domain)}" />\n'
            f'<meta name="SiteIDCode" content="{esc(brand.site_id_code)}" />\n'
            f'<meta name="ColumnName" content="{esc(column.name)}" />\n'
            f'<meta name="ColumnType" content="信息公开" />\n'
            f'<meta name="ArticleTitle" content="{esc(article.title)}" />\n'
            f'<meta name="PubDate" content="{article.published} {article.time[:5]}" />\n'
            f'<meta name="ContentSource" content="{esc(article.publisher or "")}" />\n'
            '<meta name="keywords" content="" />\n<meta name="description" content="" />\n')
    hidden = "".join(f"<span id='col{len(crumbs) - i}_name'>{esc(t)}</span><span id='col{len(crumbs) - i}_url'>{esc(h)}</span>"
                     for i, (t, h) in enumerate(crumbs))
    body = render_blocks(article.body, flavor)
    if heading:
        body = "".join(f'<p style="text-align: center;"><strong><span style="font-size: 22px;">{esc(cn_punct(h))}</span></strong></p>'
                       for h in heading) + "\n" + body
    zoom = (f'<div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">{body}'
            f'<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div>')
    title = esc(article.title)
    if variant == "zj_xxgk":
        info = f"""<table width="100%" border="0" cellspacing="0" cellpadding="0" class="xxgk_table">
<tr><td width="12%" class="xxgk_td1">索引号：</td><td width="38%">{esc(article.index_no or "")}</td><td width="12%" class="xxgk_td1">公开方式：</td><td width="38%">主动公开</td></tr>
<tr><td class="xxgk_td1">发布机构：</td><td>{esc(article.publisher or "")}</td><td class="xxgk_td1">公开日期：</td><td>{article.published}</td></tr>
<tr><td class="xxgk_td1">有效性</td><td></td><td class="xxgk_td1">文件编号</td><td>{esc(article.doc_no or "")}</td></tr>
</table>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="title" align="center">{title}</td></tr></table>"""
        tail = ('<table width="100%" border="0" cellspacing="0" cellpadding="0" class="dyan"><tr><td align="right">'
                '<a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></td></tr></table>')
    elif variant == "sd_xxgk":
        info = f"""<div class="xxgk-info"><table class="xxgk_table" border="1" cellspacing="0" cellpadding="0" width="100%">
<tr><th>索引号</th><td>{esc(article.index_no or "")}</td><th>发布机构</th><td>{esc(article.publisher or "")}</td></tr>
<tr><th>发布日期</th><td>{article.published}</td><th>主题分类</th><td>政务公开</td></tr>
<tr><th>文号</th><td>{esc(article.doc_no or "")}</td><th>有效性</th><td>有效</td></tr>
</table></div>
<h1 class="art-title">{title}</h1>
<div class="art-info">发布日期：{article.published}　来源：{esc(article.publisher or "")}　浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp?colid={column.colid}&amp;artid={art_id}"></script></div>"""
        tail = '<div class="art-tools"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>'
    else:
        info = f"""<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="title" align="center">{title}</td></tr>
<tr><td align="center" class="fbsj">发布时间：{article.published}<span style="display:none">浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp?colid={column.colid}&amp;artid={art_id}"></script></span></td></tr></table>"""
        tail = '<div class="art-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>'
    return (_head(brand, article.title, meta)
            + f"<!--hiddenLocation--><div id='hiddenLocation' style='display:none;'><span id='ss_webid'>{brand.webid}</span>{hidden}</div>\n"
            + _header(brand)
            + f'<div class="current-position">{_crumbs(crumbs)}</div>\n'
            + f'<div class="main art-main">{info}\n{zoom}\n{tail}</div>\n'
            + f"<!-- visitcount Begin --><iframe src='/module/visitcount/visit.jsp?type=3&i_webid={brand.webid}&i_columnid={column.colid}&i_articleid={art_id}' name=\"vishidden\" id=\"vishidden\" frameborder=\"0\" style=\"width:0; height:0; display:none\"></iframe><!-- visitcount End -->\n"
            + _footer(brand))


def not_found(brand: Brand) -> str:
    return (_head(brand, "404 页面不存在") + _header(brand)
            + '<div class="main"><div class="error404"><h2>抱歉，您访问的页面不存在或已被删除！</h2>'
            + '<p><a href="/">返回首页</a></p></div></div>' + _footer(brand))
