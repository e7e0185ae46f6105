"""Column lists whose entries or further pages come from scripts, endpoints or form posts.

- ``hanweb``: 大汉 jcms /col/colN/index.html; the first group of records sits in
  ``<script type="text/xml"><datastore>``, the rest comes from
  ``/module/web/jpage/dataproxy.jsp?startrecord=&endrecord=&perpage=`` POSTed with the column's
  ids (col, appid, webid, columnid, unitid …); without them it answers an error page;
- ``gkmlpt``: Guangdong 政府信息公开目录: one app page /gkmlpt/index whose script holds the SID and
  the column TREE; the 年报 link is /gkmlpt/index#COLUMN and the entries only come from
  ``/gkmlpt/api/all/COLUMN?page=N&sid=SID`` (JSON ``{"articles": [...], "total": N}``);
- ``fujian``: Fujian 集约化 动静结合: the first page is static, later ones come from
  ``POST /fjdzapp/search`` (channelid, classsql=chnlid=N, page, prepage), called by
  /images/list2.trsapi.js;
- ``aspnet``: WebForms List.aspx with ``__VIEWSTATE`` / ``__EVENTVALIDATION`` and an AspNetPager of
  ``javascript:__doPostBack('AspNetPager1','N')`` links; a post without the page's state fields
  gets ASP.NET's error page;
- ``js_only``: an empty ``<ul>`` that a script fills from an endpoint whose answer is base64 JSON,
  with a pager of onclick buttons and no static link at all: only a browser lists it.
"""
from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime

from govcrawl.sample_portals.textutil import esc
from tests.simnet.lists import Entry, ListSpec, chunks, items_html
from tests.simnet.model import Request, Resource, host_mark


def _abs(spec: ListSpec, href: str) -> str:
    return href if href.startswith(("http", "@@")) else host_mark(spec.host.key) + href


def _json(data) -> Resource:
    return Resource(json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json;charset=UTF-8",
                    conditional=False)


# ---- Hanweb -------------------------------------------------------------------------------------
PROXY = "/module/web/jpage/dataproxy.jsp"


def _record(e: Entry) -> str:
    return (f'<li><a href="{esc(e.href)}" title="{esc(e.title)}" target="_blank">{esc(e.text())}</a>'
            f"<span>{e.date}</span></li>")


def _datastore(records: list[str], total: int, nextgroup: str = "") -> str:
    recs = "\n".join(f"<record><![CDATA[\n{r}\n]]></record>" for r in records)
    return (f"<datastore>\n<nextgroup><![CDATA[{nextgroup}]]></nextgroup>\n<totalrecord>{total}</totalrecord>\n"
            f"<recordset>\n{recs}\n</recordset>\n</datastore>")


def publish_hanweb(spec: ListSpec, entries: list[Entry]) -> str:
    per, group = spec.per_page, spec.per_page * 2
    webid, unitid, cid = 1 + spec.column_id % 97, 5000 + spec.column_id, spec.column_id
    records = [_record(e) for e in entries]
    column = f"/col/col{cid}/index.html"
    main = (f'<div id="{unitid}"><script type="text/xml">{_datastore(records[:group], len(records))}</script></div>'
            '<script language="javascript" src="/module/web/jpage/jpage.js"></script>'
            f"""<script type="text/javascript">
$(document).ready(function(){{ $("#{unitid}").jpage({{ dataStore: dataStore, perPage: {per}, groupSize: 2,
  totalRecord: {len(records)}, proxyUrl: "{PROXY}", barPosition: "bottom", showMode: "full", isGoPage: true,
  ajaxParam: {{"col": 1, "appid": 1, "webid": {webid}, "path": "/", "columnid": {cid}, "sourceContentType": 1,
  "unitid": "{unitid}", "webname": "{esc(spec.chrome.name)}", "permissiontype": 0}} }}); }});
</script>""")
    spec.html(column, spec.name, main)
    previous = spec.host.endpoints.get(PROXY)

    def proxy(req: Request) -> Resource | None:
        if req.form.get("columnid") != str(cid):
            return previous(req) if previous else (None if req.form.get("columnid") else Resource(
                "<html><body>参数错误</body></html>".encode("utf-8"), "text/html;charset=UTF-8", 500, conditional=False))
        try:
            start = max(1, int(req.query.get("startrecord", "1")))
            end = min(len(records), int(req.query.get("endrecord", str(start + group - 1))))
        except ValueError:
            return Resource(b"<html><body>error</body></html>", "text/html", 500, conditional=False)
        xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + _datastore(records[start - 1:end], len(records))
        return Resource(xml.encode("utf-8"), "text/xml;charset=UTF-8", conditional=False)

    spec.host.endpoints[PROXY] = proxy
    return column


# ---- gkmlpt -------------------------------------------------------------------------------------

def _epoch(date: str) -> int:
    return int(datetime.strptime(date, "%Y-%m-%d").timestamp())


def publish_gkmlpt(spec: ListSpec, entries: list[Entry]) -> str:
    sid = str(750000 + spec.column_id % 9973)
    cid = spec.column_id
    tree = [{"id": cid - 3, "name": "政府信息公开指南", "parent": 0}, {"id": cid - 2, "name": "政府信息公开制度", "parent": 0},
            {"id": cid - 1, "name": "法定主动公开内容", "parent": 0}, {"id": cid, "name": spec.name, "parent": 0}]
    app = f"""<div id="gkml-app"><div class="tree"></div><ul class="gkml-list" id="list"></ul><div id="pager"></div></div>
<script type="text/javascript">
window._CONFIG = {{SID: "{sid}", DETAIL: {{}}, TREE: {json.dumps(tree, ensure_ascii=False)}}};
(function(){{
  var cid = (location.hash || "#{cid - 3}").slice(1);
  function go(p){{
    var x = new XMLHttpRequest();
    x.open("GET", "/gkmlpt/api/all/" + cid + "?page=" + p + "&sid=" + window._CONFIG.SID);
    x.onload = function(){{
      var d = JSON.parse(x.responseText), html = "";
      for (var i = 0; i < d.articles.length; i++) {{ var a = d.articles[i];
        html += '<li><a target="_blank" href="' + a.url + '">' + a.title + '</a><span>' +
          new Date(a.date * 1000).toISOString().slice(0, 10) + '</span></li>'; }}
      document.getElementById("list").innerHTML = html;
      var pages = Math.ceil(d.total / {spec.per_page}), bar = "";
      for (var n = 1; n <= pages; n++) bar += '<a href="javascript:;" data-p="' + n + '">' + n + '</a> ';
      var pager = document.getElementById("pager"); pager.innerHTML = bar;
      var links = pager.getElementsByTagName("a");
      for (var k = 0; k < links.length; k++) links[k].onclick = function(){{ go(this.getAttribute("data-p")); }};
    }};
    x.send();
  }}
  go(1);
  window.onhashchange = function(){{ cid = location.hash.slice(1); go(1); }};
}})();
</script>"""
    spec.html("/gkmlpt/index", "政府信息公开目录", app)
    articles = [{"id": 100000 + n, "title": e.title, "url": _abs(spec, e.href), "date": _epoch(e.date),
                 "publisher": spec.chrome.name, "identifier": f"{sid}/{e.date[:4]}-{n:05d}"}
                for n, e in enumerate(entries)]

    def api(req: Request) -> Resource | None:
        if req.query.get("sid") != sid:
            return _json({"error": "sid"})
        try:
            page = max(1, int(req.query.get("page", "1")))
        except ValueError:
            page = 1
        rows = articles[(page - 1) * spec.per_page: page * spec.per_page]
        return _json({"articles": rows, "total": len(articles), "classify": {"id": cid, "name": spec.name}})

    spec.host.endpoints[f"/gkmlpt/api/all/{cid}"] = api
    for other in (cid - 3, cid - 2, cid - 1):
        spec.host.endpoints.setdefault(f"/gkmlpt/api/all/{other}", lambda req: _json({"articles": [], "total": 0}))
    return f"/gkmlpt/index#{cid}"


# ---- Fujian 集约化 ---------------------------------------------------------------------------------
LIST_JS = """window.listModel = function(opt){
  var box = document.getElementById("trsList"), bar = document.getElementById("trsPager");
  function go(p){
    var x = new XMLHttpRequest(), args = opt.listArgs;
    x.open("POST", "/fjdzapp/search");
    x.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
    x.onload = function(){
      var d = JSON.parse(x.responseText).data, html = "";
      for (var i = 0; i < d.data.length; i++) { var a = d.data[i];
        html += '<dd><a href="' + a.url + '" target="_blank" title="' + a.title + '">' + a.title + '</a><span>' + a.docreltime + '</span></dd>'; }
      box.innerHTML = '<dl>' + html + '</dl>';
      var pages = Math.ceil(d.total / opt.pagebar.prepage), s = "";
      for (var n = 1; n <= pages; n++) s += '<a href="javascript:void(0)" data-p="' + n + '">' + n + '</a> ';
      bar.innerHTML = s; var links = bar.getElementsByTagName("a");
      for (var k = 0; k < links.length; k++) links[k].onclick = function(){ go(this.getAttribute("data-p")); };
    };
    x.send("channelid=" + args.channelid + "&classsql=" + encodeURIComponent(args.classsql) +
           "&sortfield=" + encodeURIComponent(args.sortfield) + "&prepage=" + opt.pagebar.prepage + "&page=" + p);
  }
  if (opt.maxStaticIndex < 1) go(1);
  var links = bar.getElementsByTagName("a");
  for (var k = 0; k < links.length; k++) links[k].onclick = function(){ go(this.getAttribute("data-p")); };
};
window.require = window.require || function(mods, fn){ fn(window.listModel); };
"""


def publish_fujian(spec: ListSpec, entries: list[Entry]) -> str:
    chnl = spec.column_id
    per = spec.per_page
    first = entries[:per]
    static = "".join(f'<dd><a href="{esc(e.href)}" target="_blank" title="{esc(e.title)}">{esc(e.text())}</a>'
                     f"<span>{e.date}</span></dd>" for e in first)
    pages = max(1, -(-len(entries) // per))
    bar = " ".join(f'<a href="javascript:void(0)" data-p="{n}">{n}</a>' for n in range(1, pages + 1))
    main = (f'<div class="rules_tabs_01" id="trsList"><dl>{static}</dl></div><div class="pagination" id="trsPager">{bar}</div>'
            '<script>var SiteInfo = {searchId: 200210, defaultPgTemp: "pgBar_pt.html"};</script>'
            '<script src="/images/list2.trsapi.js"></script>'
            f"""<script>
require(["list2.trsapi", "tools"], function(listModel) {{
  listModel({{ quickMode: "动静结合", maxStaticIndex: 1,
    listArgs: {{ channelid: SiteInfo.searchId, classsql: "chnlid={chnl}", sortfield: "-docorderpri,-docreltime" }},
    pagebar: {{ prepage: {per}, recordCount: '{len(entries)}', pgTemp: "pgBar_xxgk.html", pgCountMode: "recordCount" }} }});
}});
</script>""")
    spec.html(spec.base + "index.htm", spec.name, main)
    spec.host.add("/images/list2.trsapi.js", Resource(LIST_JS.encode("utf-8"), "application/javascript"))
    rows = [{"title": e.title, "url": _abs(spec, e.href), "docreltime": e.date + " 09:00:00", "chnlid": chnl}
            for e in entries]
    previous = spec.host.endpoints.get("/fjdzapp/search")

    def search(req: Request) -> Resource | None:
        args = {**req.query, **req.form}
        if args.get("classsql", "") != f"chnlid={chnl}":
            return previous(req) if previous else _json({"data": {"data": [], "total": 0}, "msg": "no channel"})
        try:
            page, prepage = max(1, int(args.get("page", "1"))), max(1, int(args.get("prepage", str(per))))
        except ValueError:
            page, prepage = 1, per
        return _json({"data": {"data": rows[(page - 1) * prepage: page * prepage], "total": len(rows),
                               "page": page, "prepage": prepage}, "success": True})

    spec.host.endpoints["/fjdzapp/search"] = search
    return spec.base + "index.htm"


# ---- ASP.NET WebForms -----------------------------------------------------------------------------
_ASPNET_ERROR = ("<html><head><title>Invalid postback or callback argument.</title></head><body><h1>“/”应用程序中的服务器错误。"
                 "</h1><h2><i>回发或回调参数无效。</i></h2></body></html>")


def _state(cid: int, page: int) -> str:
    return base64.b64encode(f"/wEPDwUKMTY1NDU2MTA1Mg9kFgICAw9kFgICAQ8PFgIeC1JlY29yZGNvdW50Ag{cid}:{page}".encode()).decode()


def _validation(cid: int) -> str:
    return base64.b64encode(hashlib.sha1(f"ev{cid}".encode()).digest()).decode()


def publish_aspnet(spec: ListSpec, entries: list[Entry]) -> str:
    cid = spec.column_id
    pages = chunks(entries, spec.per_page)
    column = spec.base + "List.aspx"
    action = f"List.aspx?ClassID={cid}"

    def render(n: int) -> bytes:
        rows = "".join(f'<tr><td><a id="gvList_lnk_{i}" href="{esc(e.href)}" target="_blank">{esc(e.text())}</a></td>'
                       f"<td>{e.date}</td></tr>" for i, e in enumerate(pages[n - 1]))
        numbers = " ".join(f"<a href=\"javascript:__doPostBack('AspNetPager1','{k}')\">{k}</a>" if k != n else
                           f'<span style="color:red">{k}</span>' for k in range(1, len(pages) + 1))
        nxt = (f"<a href=\"javascript:__doPostBack('AspNetPager1','{n + 1}')\">下一页</a> "
               f"<a href=\"javascript:__doPostBack('AspNetPager1','{len(pages)}')\">尾页</a>") if n < len(pages) else ""
        main = (f'<form method="post" action="./{action}" id="form1"><div class="aspNetHidden">'
                '<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />'
                '<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />'
                f'<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{_state(cid, n)}" /></div>'
                """<script type="text/javascript">
var theForm = document.forms['form1']; if (!theForm) { theForm = document.form1; }
function __doPostBack(eventTarget, eventArgument) {
  if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
    theForm.__EVENTTARGET.value = eventTarget; theForm.__EVENTARGUMENT.value = eventArgument; theForm.submit(); } }
</script>"""
                f'<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATEGENERATOR" value="C{cid:07d}" />'
                f'<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="{_validation(cid)}" /></div>'
                f'<table id="gvList" class="gvList" width="100%">{rows}</table>'
                f'<div id="AspNetPager1" class="pager">共{len(entries)}条 第{n}/{len(pages)}页 {numbers} {nxt}</div></form>')
        from tests.simnet import skins
        text = skins.page(spec.chrome, spec.name, main, spec.crumbs + [(spec.name, "")], "", spec.side)
        return text.encode(spec.host.encoding, "xmlcharrefreplace")

    ctype = f"text/html; charset={spec.host.charset()}"
    spec.host.add(f"{column}?ClassID={cid}", Resource(render(1), ctype, last_modified=spec.last_modified))
    previous = spec.host.endpoints.get(column)

    def postback(req: Request) -> Resource | None:
        if req.method != "POST":
            return None  # GETs are the static first page
        if req.query.get("ClassID") != str(cid):
            return previous(req) if previous else None
        if "__VIEWSTATE" not in req.form or req.form.get("__EVENTVALIDATION") != _validation(cid):
            return Resource(_ASPNET_ERROR.encode("utf-8"), "text/html; charset=utf-8", 500, conditional=False)
        try:
            n = int(req.form.get("__EVENTARGUMENT") or "1")
        except ValueError:
            n = 1
        n = min(max(1, n), len(pages))
        return Resource(render(n), ctype, conditional=False)

    spec.host.endpoints[column] = postback
    return f"{column}?ClassID={cid}"


# ---- lists drawn only by JavaScript -----------------------------------------------------------------

def publish_js_only(spec: ListSpec, entries: list[Entry]) -> str:
    token = hashlib.md5(f"{spec.host.key}{spec.column_id}".encode()).hexdigest()[:10]
    channel = f"c{spec.column_id}"
    main = f"""<div id="app"><ul class="doc-list" id="docList"><template><li v-for="item in list">
<a :href="item.link">{{{{item.title}}}}</a><span>{{{{item.time}}}}</span></li></template></ul>
<div class="page-bar" id="pageBar"></div></div>
<script type="text/javascript">
(function(){{
  var cfg = {{ch: "{channel}", k: "{token}", size: {spec.per_page}}};
  function load(p){{
    var x = new XMLHttpRequest();
    x.open("GET", ["", "interface", "doc", "list.do"].join("/") + "?ch=" + cfg.ch + "&k=" + cfg.k + "&p=" + p);
    x.onload = function(){{
      var d = JSON.parse(decodeURIComponent(escape(atob(x.responseText)))), h = "";
      for (var i = 0; i < d.rows.length; i++) h += '<li><a href="' + d.rows[i].link + '" target="_blank">' +
        d.rows[i].title + '</a><span>' + d.rows[i].time + '</span></li>';
      document.getElementById("docList").innerHTML = h;
      var bar = document.getElementById("pageBar"); bar.innerHTML = "";
      var pages = Math.ceil(d.total / cfg.size);
      for (var n = 1; n <= pages; n++) {{ var b = document.createElement("button"); b.textContent = n;
        b.className = n == p ? "active" : ""; b.onclick = (function(m){{ return function(){{ load(m); }}; }})(n);
        bar.appendChild(b); }}
      if (p < pages) {{ var nx = document.createElement("button"); nx.textContent = "下一页";
        nx.onclick = function(){{ load(p + 1); }}; bar.appendChild(nx); }}
    }};
    x.send();
  }}
  load(1);
}})();
</script>"""
    spec.html(spec.base + "index.html", spec.name, main)
    rows = [{"title": e.title, "link": e.href, "time": e.date} for e in entries]
    previous = spec.host.endpoints.get("/interface/doc/list.do")

    def answer(req: Request) -> Resource | None:
        if req.query.get("ch") != channel:
            return previous(req) if previous else None
        if req.query.get("k") != token:
            return Resource(b"forbidden", "text/plain", 403, conditional=False)
        try:
            p = max(1, int(req.query.get("p", "1")))
        except ValueError:
            p = 1
        data = json.dumps({"rows": rows[(p - 1) * spec.per_page: p * spec.per_page], "total": len(rows)},
                          ensure_ascii=False)
        return Resource(base64.b64encode(data.encode("utf-8")), "text/plain;charset=UTF-8", conditional=False)

    spec.host.endpoints["/interface/doc/list.do"] = answer
    return spec.base + "index.html"
