"""Column lists whose pages are static HTML files, paged by the conventions portals use.

- ``trs_createpage``: TRS WCM index.html, index_1.html …; the pager is written by
  ``createPageHTML(count, current, "index", "html")`` (no static links to other pages);
- ``trs_countpage``: ``var countPage = N; var currentPage = i`` and a loop of document.write;
- ``easysite``: a server-side 首页 / 上一页 / 下一页 / 尾页 pager of ``?pageIndex=N`` links;
- ``epoint``: 新点 pages 1.html, 2.html … whose pager a script draws into ``div#page``;
- ``plain_next``: only a 下一页 link (list_2.html …);
- ``numbered``: numbered ``?page=N`` links and a 尾页, which on some portals points 1,000 pages
  ahead of the last real page (pages past the end answer an empty list);
- ``iframe``: the column page frames the real list (list.jsp?cid=…), paged by 下一页;
- ``year_subcolumns``: the column holds only 2024年度, 2023年度 … sub-columns, each a short list;
- ``table_rows``: a 序号 / 标题 / 发布日期 table, paged by number links.
"""
from __future__ import annotations

from govcrawl.sample_portals.textutil import esc
from tests.simnet.lists import Entry, ListSpec, chunks, items_html
from tests.simnet.skins import STYLE_CLASSES


def _cls(spec: ListSpec) -> str:
    return STYLE_CLASSES[spec.chrome.style][2]


_CREATE_PAGE = """<script type="text/javascript">
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
  if(_nPageCount == null || _nPageCount<=1){ return; }
  var nCurrIndex = _nCurrIndex || 0;
  if(nCurrIndex == 0){ document.write("首页&nbsp;上一页&nbsp;"); }
  else {
    document.write("<a href=\\""+_sPageName+"."+_sPageExt+"\\">首页</a>&nbsp;");
    var prev = nCurrIndex-1 == 0 ? _sPageName+"."+_sPageExt : _sPageName+"_"+(nCurrIndex-1)+"."+_sPageExt;
    document.write("<a href=\\""+prev+"\\">上一页</a>&nbsp;");
  }
  for(var i=0;i<_nPageCount;i++){
    var href = i == 0 ? _sPageName+"."+_sPageExt : _sPageName+"_"+i+"."+_sPageExt;
    if(i == nCurrIndex){ document.write("<span class=\\"current\\">"+(i+1)+"</span>&nbsp;"); }
    else { document.write("<a href=\\""+href+"\\">"+(i+1)+"</a>&nbsp;"); }
  }
  if(nCurrIndex == _nPageCount-1){ document.write("下一页&nbsp;尾页"); }
  else {
    document.write("<a href=\\""+_sPageName+"_"+(nCurrIndex+1)+"."+_sPageExt+"\\">下一页</a>&nbsp;");
    document.write("<a href=\\""+_sPageName+"_"+(_nPageCount-1)+"."+_sPageExt+"\\">尾页</a>");
  }
}
createPageHTML(%d, %d, "index", "html");
</script>"""


def publish_trs_createpage(spec: ListSpec, entries: list[Entry]) -> str:
    pages = chunks(entries, spec.per_page)
    for i, chunk in enumerate(pages):
        path = spec.base + ("index.html" if i == 0 else f"index_{i}.html")
        spec.html(path, spec.name, items_html(chunk, _cls(spec)) + '<div class="page">'
                  + _CREATE_PAGE % (len(pages), i) + "</div>")
    return spec.base


_COUNT_PAGE = """<script language="JavaScript">
var currentPage = %d;//所在页从0开始
var prevPage = currentPage-1//上一页
var nextPage = currentPage+1//下一页
var countPage = %d//共多少页
if(countPage>1&&currentPage!=0&&currentPage!=1)
  document.write("<a href=\\"index.html\\">首页</a>&nbsp;<a href=\\"index"+"_" + prevPage + "."+"html\\">上一页</a>&nbsp;");
else if(countPage>1&&currentPage!=0&&currentPage==1)
  document.write("<a href=\\"index.html\\">首页</a>&nbsp;<a href=\\"index.html\\">上一页</a>&nbsp;");
for(var i=0 ; i<countPage; i++){
  if(currentPage==i) document.write("<span>"+(i+1)+"</span>&nbsp;");
  else if(i==0) document.write("<a href=\\"index.html\\">1</a>&nbsp;");
  else document.write("<a href=\\"index_"+i+".html\\">"+(i+1)+"</a>&nbsp;");
}
if(countPage>1&&currentPage!=countPage-1)
  document.write("<a href=\\"index"+"_" + nextPage + "."+"html\\">下一页</a>&nbsp;<a href=\\"index_" + (countPage-1) + ".html\\">尾页</a>");
</script>"""


def publish_trs_countpage(spec: ListSpec, entries: list[Entry]) -> str:
    pages = chunks(entries, spec.per_page)
    for i, chunk in enumerate(pages):
        rows = "".join(f'<tr><td class="bt"><a href="{esc(e.href)}" target="_blank" title="{esc(e.title)}">'
                       f"{esc(e.text())}</a></td><td class=\"rq\">{e.date}</td></tr>" for e in chunk)
        path = spec.base + ("index.html" if i == 0 else f"index_{i}.html")
        spec.html(path, spec.name, f'<table class="gl_list" width="100%">{rows}</table><div class="fy">'
                  + _COUNT_PAGE % (i, len(pages)) + "</div>")
    return spec.base + "index.html"


def _pager_links(spec: ListSpec, current: int, count: int, href, far: bool = False) -> str:
    last = count + 1000 if far else count
    parts = [f"<span>共{count}页</span>"]
    parts.append(f'<a href="{href(1)}">首页</a>' if current > 1 else "<span>首页</span>")
    parts.append(f'<a href="{href(current - 1)}">上一页</a>' if current > 1 else "<span>上一页</span>")
    parts.append(f'<a href="{href(current + 1)}">下一页</a>' if current < last else "<span>下一页</span>")
    parts.append(f'<a href="{href(last)}">尾页</a>' if current < last else "<span>尾页</span>")
    return " ".join(parts)


def publish_easysite(spec: ListSpec, entries: list[Entry]) -> str:
    pages = chunks(entries, spec.per_page)
    column = spec.base + "index.html"

    def href(n: int) -> str:
        return f"{column}?pageIndex={n}&pageSize={spec.per_page}" if n > 1 else column

    for i, chunk in enumerate(pages, 1):
        pager = (f'<div class="easysite-page-wrap" pageCount="{len(pages)}" pageIndex="{i}">'
                 + _pager_links(spec, i, len(pages), href) + "</div>")
        spec.html(href(i), spec.name, items_html(chunk, "easysite-list") + pager)
    return column


_EPOINT_PAGER = """<div id="page" class="ewb-page"></div>
<script type="text/javascript">
(function(){
  var pageCount = %d, current = %d, box = document.getElementById("page"), html = [];
  function link(n, text){ return n == current ? '<li class="ewb-page-li current"><span>'+text+'</span></li>'
    : '<li class="ewb-page-li"><a class="ewb-page-hover" href="'+n+'.html">'+text+'</a></li>'; }
  if(current > 1) html.push(link(current-1, "上页"));
  for(var n=1; n<=pageCount; n++) html.push(link(n, n));
  if(current < pageCount) html.push(link(current+1, "下页"));
  box.innerHTML = '<ul class="m-pagination-page">' + html.join("") + '</ul><span class="ewb-page-total">共'+pageCount+'页</span>';
})();
</script>"""


def publish_epoint(spec: ListSpec, entries: list[Entry]) -> str:
    pages = chunks(entries, spec.per_page)
    for i, chunk in enumerate(pages, 1):
        rows = "".join(f'<li class="ewb-list-node clearfix"><a href="{esc(e.href)}" class="ewb-list-name" '
                       f'target="_blank" title="{esc(e.title)}">{esc(e.text())}</a><span class="ewb-list-date">'
                       f"{e.date}</span></li>" for e in chunk)
        spec.html(spec.base + f"{i}.html", spec.name, f'<ul class="wb-data-item">{rows}</ul>'
                  + _EPOINT_PAGER % (len(pages), i))
    spec.host.html(spec.base + "subpage.html", _redirect_page(spec.base + "1.html"), last_modified=spec.last_modified)
    return spec.base + "1.html"


def _redirect_page(target: str) -> str:
    return (f'<html><head><meta http-equiv="refresh" content="0;url={target}"></head>'
            f'<body><a href="{target}">进入</a></body></html>')


def publish_plain_next(spec: ListSpec, entries: list[Entry]) -> str:
    pages = chunks(entries, spec.per_page)
    for i, chunk in enumerate(pages, 1):
        name = "list.html" if i == 1 else f"list_{i}.html"
        nxt = f'<a href="list_{i + 1}.html">下一页</a>' if i < len(pages) else ""
        spec.html(spec.base + name, spec.name, items_html(chunk, _cls(spec)) + f'<div class="pages">{nxt}</div>')
    return spec.base + "list.html"


def publish_numbered(spec: ListSpec, entries: list[Entry]) -> str:
    pages = chunks(entries, spec.per_page)
    column = spec.base + "list.jsp"

    def href(n: int) -> str:
        return f"{column}?page={n}"

    count = len(pages)
    for i, chunk in enumerate(pages, 1):
        numbers = " ".join(f'<a href="{href(n)}">{n}</a>' if n != i else f"<b>{n}</b>" for n in range(1, count + 1))
        pager = f'<div class="pagination">{numbers} ' + _pager_links(spec, i, count, href, spec.far_last_page) + "</div>"
        main = items_html(chunk, _cls(spec)) + pager
        spec.html(href(i), spec.name, main)
        if i == 1:
            spec.html(column, spec.name, main)
    if spec.far_last_page:
        _far_pages(spec, column, count, href)
    return column


def _far_pages(spec: ListSpec, column: str, count: int, href) -> None:
    """Pages past the end up to the 尾页 target: an empty list and the same pager (a trap)."""
    last = count + 1000

    def answer(req):
        from tests.simnet.model import Resource
        from tests.simnet import skins

        try:
            n = int(req.query.get("page", "1"))
        except ValueError:
            return None
        if n <= count or n > last:
            return None
        pager = '<div class="pagination">' + _pager_links(spec, n, count, href, True) + "</div>"
        text = skins.page(spec.chrome, spec.name, '<ul class="list"><li>暂无信息</li></ul>' + pager,
                          spec.crumbs + [(spec.name, "")], "", spec.side)
        return Resource(text.encode(spec.host.encoding, "xmlcharrefreplace"),
                        f"text/html; charset={spec.host.charset()}")

    spec.host.endpoints[column] = answer


def publish_iframe(spec: ListSpec, entries: list[Entry]) -> str:
    pages = chunks(entries, spec.per_page)
    frame = spec.base + "list.jsp"
    for i, chunk in enumerate(pages, 1):
        nxt = f'<a href="list.jsp?cid={spec.column_id}&pageNo={i + 1}">下一页</a>' if i < len(pages) else ""
        body = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={spec.chrome.charset()}">'
                f'</head><body>{items_html(chunk, "list")}<div class="page">第{i}页 共{len(pages)}页 {nxt}</div></body></html>')
        spec.host.html(f"{frame}?cid={spec.column_id}&pageNo={i}", body, last_modified=spec.last_modified)
    spec.html(spec.base + "index.html", spec.name,
              f'<iframe id="listFrame" src="list.jsp?cid={spec.column_id}&pageNo=1" width="100%" height="600" '
              'frameborder="0" scrolling="no"></iframe>')
    return spec.base + "index.html"


def publish_year_subcolumns(spec: ListSpec, entries: list[Entry]) -> str:
    by_year: dict[str, list[Entry]] = {}
    for e in entries:
        by_year.setdefault(e.date[:4], []).append(e)
    links = []
    for year in sorted(by_year, reverse=True):
        label = f"{int(year) - 1}年度"
        path = spec.base + f"nd{year}/index.html"
        spec.html(path, label, items_html(by_year[year], _cls(spec)))
        links.append(f'<li><a href="{path}">{label}</a></li>')
    spec.html(spec.base + "index.html", spec.name, f'<ul class="sub_columns">{"".join(links)}</ul>')
    return spec.base + "index.html"


def publish_table_rows(spec: ListSpec, entries: list[Entry]) -> str:
    pages = chunks(entries, spec.per_page)
    column = spec.base + "index.aspx"
    for i, chunk in enumerate(pages, 1):
        rows = "".join(f'<tr><td>{(i - 1) * spec.per_page + n}</td><td><a href="{esc(e.href)}" title="{esc(e.title)}">'
                       f"{esc(e.text())}</a></td><td>{e.date}</td></tr>" for n, e in enumerate(chunk, 1))
        numbers = " ".join(f'<a href="{column}?cid={spec.column_id}&pageIndex={n}">{n}</a>' if n != i else f"<b>{n}</b>"
                           for n in range(1, len(pages) + 1))
        main = (f'<table class="list_table"><tr><th>序号</th><th>标题</th><th>发布日期</th></tr>{rows}</table>'
                f'<div class="pager">{numbers}</div>')
        spec.html(f"{column}?cid={spec.column_id}&pageIndex={i}", spec.name, main)
        if i == 1:
            spec.html(f"{column}?cid={spec.column_id}", spec.name, main)
    return f"{column}?cid={spec.column_id}"
