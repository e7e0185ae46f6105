"""Small portals for the list readers and the walk's newer duties, crawled from a registry of
name and homepage only: a list filled from a gkmlpt-style JSON API, an ASP.NET postback pager, a
list that exists only after its script runs, a county with township and department subsites, a
report with a 繁體 mirror and a misfiled copy in 通知公告.

Each builder returns a ``Variant`` (pages + handlers, served by tests.portal_variants.server) and
its truth: report path -> (year, body name). Paths are relative to the portal's homepage.
"""
from __future__ import annotations

import json

from opencc import OpenCC

from tests.portal_variants.kit import HTML, Variant, esc, paragraphs_html, report_paragraphs, notice_paragraphs


TO_TRADITIONAL = OpenCC("s2t")


def page(title: str, main: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{esc(title)}</title>{head}</head><body>"
            f"<div class='nav'><a href='/'>首页</a> <a href='/zwgk/'>政府信息公开</a></div>{main}"
            "<div class='foot'>版权所有</div></body></html>")


def detail(title: str, body: str, year: int | None, date: str, extra: str = "") -> str:
    paras = report_paragraphs(body, year) if year else notice_paragraphs(body, title)
    return page(title, f"<h1>{esc(title)}</h1><div class='info'>发布时间：{date}</div>"
                       f"<div class='content'>{paragraphs_html(paras)}</div>{extra}")


def items(site: str, years: range, lookalikes: int = 1) -> list[tuple[str, int | None, str]]:
    out = [(f"{site}{y}年政府信息公开工作年度报告", y, f"{y + 1}-01-{10 + y % 18:02d}") for y in years]
    for i in range(lookalikes):
        out.insert(2 + i, (f"关于做好{2020 + i}年政府信息公开工作年度报告编制工作的通知", None, f"{2021 + i}-01-05"))
    return out


def gkmlpt() -> tuple[Variant, dict]:
    """The 年报 column page is an empty container; its script asks /gkmlpt/api/all/2855."""
    site = "惠来县"
    v = Variant("gkmlpt", "generic", {"site_name": site})
    entries = items(site, range(2008, 2026))
    truth = {}
    v.add("/", page(site, "<a href='/gkmlpt/index'>政府信息公开目录</a>"))
    v.add("/zwgk/", page("政府信息公开", "<a href='/gkmlpt/index'>政府信息公开目录</a>"))
    v.add("/gkmlpt/index", page("政府信息公开目录", "<ul class='tree'><li><a href='/gkmlpt/ndbg'>政府信息公开年报</a></li>"
                                                   "<li><a href='/gkmlpt/zcwj'>政策文件</a></li></ul>"))
    v.add("/gkmlpt/ndbg", page("政府信息公开年报", "<div id='app'><ul class='list'></ul><div class='page'></div></div>",
                              head="<script>var sid = '757116'; var catId = 2855;"
                                   "function load(p){$.ajax({url:'/gkmlpt/api/all/2855', data:{page:p, sid:sid},"
                                   "dataType:'json', success:function(d){render(d)}});} load(1);</script>"))
    records = []
    for n, (title, year, date) in enumerate(entries):
        path = f"/gkmlpt/content/{date[:4]}/{date[5:7]}/post_{5100 + n}.html"
        records.append({"id": 5100 + n, "title": title, "url": path, "date": date, "identifier": f"00723-{n}"})
        v.add(path, detail(title, f"{site}人民政府", year, date))
        truth[path] = (year, site)
    per = 10

    def api(method, query, form):
        p = int(query.get("page", "1"))
        chunk = records[(p - 1) * per:p * per]
        return (json.dumps({"articles": chunk, "total": len(records), "page": p}, ensure_ascii=False).encode(),
                "application/json; charset=utf-8")
    v.handlers["/gkmlpt/api/all/2855"] = api
    return v, truth


def postback() -> tuple[Variant, dict]:
    """An ASP.NET list paged only by __doPostBack('ctl00$Main$Pager','N')."""
    site = "张北县"
    v = Variant("postback", "generic", {"site_name": site})
    entries = items(site, range(2012, 2026))
    per = 5
    truth = {}
    v.add("/", page(site, "<a href='/xxgk/Default.aspx'>信息公开</a>"))
    v.add("/xxgk/Default.aspx", page("信息公开", "<a href='/xxgk/List.aspx?cid=12'>年度报告</a>"))
    for n, (title, year, date) in enumerate(entries):
        path = f"/xxgk/Show.aspx?id={700 + n}"
        v.add(path, detail(title, f"{site}人民政府", year, date))
        truth[path] = (year, site)
    pages = (len(entries) + per - 1) // per

    def listing(method, query, form):
        p = int(form.get("__EVENTARGUMENT") or 1) if method == "POST" else 1
        rows = "".join(f"<tr><td><a href='Show.aspx?id={700 + n}'>{esc(t)}</a></td><td>{d}</td></tr>"
                       for n, (t, _, d) in list(enumerate(entries))[(p - 1) * per:p * per])
        pager = "".join(f"<a href=\"javascript:__doPostBack('ctl00$Main$Pager','{i}')\">{i}</a> "
                        if i != p else f"<span>{i}</span> " for i in range(1, pages + 1))
        html = page("年度报告", f"""<form name="aspnetForm" method="post" action="./List.aspx?cid=12" id="aspnetForm">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY3NzE5MjIx{p}ZGQ=" />
<table class="list">{rows}</table><div class="pager">{pager}</div></form>""")
        return html.encode(), HTML
    v.handlers["/xxgk/List.aspx"] = listing
    return v, truth


def rendered() -> tuple[Variant, dict]:
    """A list only its script fills, from an endpoint whose name the script builds at run time,
    paged by a 下一页 button: only a browser sees the entries."""
    site = "兴山县"
    v = Variant("rendered", "generic", {"site_name": site})
    entries = items(site, range(2015, 2026))
    per = 4
    truth = {}
    v.add("/", page(site, "<a href='/zwgk/'>政务公开</a>"))
    v.add("/zwgk/", page("政务公开", "<a href='/zwgk/ndbg/'>政务公开年报</a>"))
    script = """<script>
var cur = 1; var api = ['/zwgk', 'data', 'nb' + 'list'].join('/');
function show(p){ var x = new XMLHttpRequest(); x.open('GET', api + '?p=' + p); x.onload = function(){
  var d = JSON.parse(x.responseText); var ul = document.getElementById('list'); ul.innerHTML = '';
  d.rows.forEach(function(r){ var li = document.createElement('li'); var a = document.createElement('a');
    a.href = r.u; a.textContent = r.t; li.appendChild(a); var s = document.createElement('span');
    s.textContent = r.d; li.appendChild(s); ul.appendChild(li); });
  document.getElementById('next').style.display = d.more ? 'inline' : 'none'; }; x.send(); }
window.onload = function(){ show(1); document.getElementById('next').onclick = function(){ cur += 1; show(cur); }; };
</script>"""
    v.add("/zwgk/ndbg/", page("政务公开年报", "<ul id='list'></ul><div class='pg'><a href='javascript:;' id='next'>下一页</a></div>",
                             head=script))
    rows = []
    for n, (title, year, date) in enumerate(entries):
        path = f"/zwgk/ndbg/{date[:4]}{date[5:7]}/t{date.replace('-', '')}_{8800 + n}.html"
        rows.append({"t": title, "u": path, "d": date})
        v.add(path, detail(title, f"{site}人民政府", year, date))
        truth[path] = (year, site)

    def data(method, query, form):
        p = int(query.get("p", "1"))
        return (json.dumps({"rows": rows[(p - 1) * per:p * per], "more": p * per < len(rows)}, ensure_ascii=False).encode(),
                "application/json")
    v.handlers["/zwgk/data/nblist"] = data
    return v, truth


def county() -> tuple[Variant, dict]:
    """A county whose 信息公开 page leads to its 年报 column and to 乡镇（街道）and 部门 indexes; each
    township and department has its own 年报 column under its own folder."""
    site = "阳新县"
    v = Variant("county", "generic", {"site_name": site})
    truth = {}
    towns = [("白沙镇", "bsz"), ("浮屠镇", "ftz"), ("兴国镇", "xgz")]
    depts = [("阳新县民政局", "mzj"), ("阳新县财政局", "czj")]
    v.add("/", page(site, "<a href='/zwgk/'>政府信息公开</a>"))
    v.add("/zwgk/", page("政府信息公开", "<a href='/zwgk/ndbg/'>政府信息公开年报</a> <a href='/zwgk/xzxxgk/'>乡镇（街道）信息公开</a> "
                                        "<a href='/zwgk/bmxxgk/'>部门信息公开</a> <a href='/zwgk/tzgg/'>通知公告</a>"))
    v.add("/zwgk/tzgg/", page("通知公告", "<ul><li><a href='/zwgk/tzgg/202301/t20230105_1.html'>关于春节放假的通知</a><span>2023-01-05</span></li></ul>"))
    v.add("/zwgk/tzgg/202301/t20230105_1.html", detail("关于春节放假的通知", "阳新县人民政府办公室", None, "2023-01-05"))

    def column(prefix: str, body: str, years: range, owner: str | None = None):
        rows = []
        for y in years:
            title = f"{body}{y}年政府信息公开工作年度报告"
            date = f"{y + 1}-01-20"
            path = f"{prefix}ndbg/{y + 1}01/t{y + 1}0120_{abs(hash((body, y))) % 100000}.html"
            rows.append(f"<li><a href='{path}'>{esc(title)}</a><span>{date}</span></li>")
            v.add(path, detail(title, body, y, date))
            truth[path] = (y, owner or body)
        v.add(prefix + "ndbg/", page(f"{body}政府信息公开年报", f"<ul class='list'>{''.join(rows)}</ul>"))
    column("/zwgk/", f"{site}人民政府", range(2016, 2026), owner=site)
    v.add("/zwgk/xzxxgk/", page("乡镇（街道）信息公开", "<ul>" + "".join(
        f"<li><a href='/zwgk/xzxxgk/{code}/'>{name}</a></li>" for name, code in towns) + "</ul>"))
    v.add("/zwgk/bmxxgk/", page("部门信息公开", "<ul>" + "".join(
        f"<li><a href='/zwgk/bmxxgk/{code}/'>{name}</a></li>" for name, code in depts) + "</ul>"))
    for name, code in towns:
        prefix = f"/zwgk/xzxxgk/{code}/"
        v.add(prefix, page(f"{name}信息公开", f"<h2>{name}</h2><a href='{prefix}ndbg/'>政府信息公开年报</a> "
                                              f"<a href='{prefix}zcwj/'>政策文件</a>"))
        column(prefix, name, range(2019, 2026))
    for name, code in depts:
        prefix = f"/zwgk/bmxxgk/{code}/"
        v.add(prefix, page(f"{name}信息公开", f"<h2>{name}</h2><a href='{prefix}ndbg/'>年度报告</a>"))
        column(prefix, name, range(2020, 2026))
    return v, truth


def copies() -> tuple[Variant, dict]:
    """A report with a 繁體 mirror linked from its page, one misfiled only in 通知公告, and one
    listed in both the 年报 column and 通知公告."""
    site = "镇巴县"
    v = Variant("copies", "generic", {"site_name": site})
    truth: dict = {}
    entries = items(site, range(2017, 2026), lookalikes=0)
    rows = []
    for n, (title, year, date) in enumerate(entries):
        path = f"/xxgk/ndbg/{date[:4]}/{n + 1}.html"
        mirror = f"/big5/xxgk/ndbg/{date[:4]}/{n + 1}.html"
        v.add(path, detail(title, f"{site}人民政府", year, date, extra=f"<div class='tool'><a href='{mirror}'>繁體</a></div>"))
        v.add(mirror, TO_TRADITIONAL.convert(detail(title, f"{site}人民政府", year, date)))
        truth[path] = (year, site)
        truth[mirror] = (year, site)
        if n < 7:
            rows.append(f"<li><a href='{path}'>{esc(title)}</a><span>{date}</span></li>")
    misfiled = "/xxgk/tzgg/2016/88.html"
    v.add(misfiled, detail(f"{site}2016年政府信息公开工作年度报告", f"{site}人民政府", 2016, "2017-02-10"))
    truth[misfiled] = (2016, site)
    v.add("/", page(site, "<a href='/xxgk/'>信息公开</a>"))
    v.add("/xxgk/", page("信息公开", "<a href='/xxgk/ndbg/'>政府信息公开年报</a> <a href='/xxgk/tzgg/'>通知公告</a>"))
    v.add("/xxgk/ndbg/", page("政府信息公开年报", f"<ul>{''.join(rows)}</ul>"))
    late = [e for e in entries[7:]]
    tz = "".join(f"<li><a href='/xxgk/ndbg/{d[:4]}/{8 + i}.html'>{esc(t)}</a><span>{d}</span></li>" for i, (t, _, d) in enumerate(late))
    v.add("/xxgk/tzgg/", page("通知公告", f"<ul><li><a href='{misfiled}'>{site}2016年政府信息公开工作年度报告</a><span>2017-02-10</span></li>"
                                       f"<li><a href='/xxgk/tzgg/2023/5.html'>关于开展安全检查的通知</a><span>2023-03-01</span></li>{tz}</ul>"))
    v.add("/xxgk/tzgg/2023/5.html", detail("关于开展安全检查的通知", f"{site}人民政府办公室", None, "2023-03-01"))
    return v, truth


BUILDERS = (gkmlpt, postback, rendered, county, copies)
