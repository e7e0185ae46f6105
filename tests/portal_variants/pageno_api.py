"""A 年报 column drawn by its script from a JSON list API: ``$.ajax({url: '/api/article/list',
data: {channelId: 'ndbg', pageNo: pageNo, pageSize: 4}})`` answering
``{"code":200,"data":{"list":[{"articleTitle","linkUrl","publishTime"}…],"total":N}}``; the pager
buttons are drawn by the script too, so the static page shows no entry and no page link."""
from __future__ import annotations

import json

from tests.portal_variants.plain import add_details, front, items, portal, shell

SITE = "勉县"
HOME = "http://www.mianxian.gov.cn/"
COLUMN = "/zwgk/ndbg/"
SCRIPT = """<script type="text/javascript">
var pageNo = 1;
function loadList(){
  $.ajax({ url: '/api/article/list', type: 'get', dataType: 'json',
           data: { channelId: 'ndbg', pageNo: pageNo, pageSize: 4 },
           success: function(res){ render(res.data.list); pager(res.data.total); } });
}
$(function(){ loadList(); });
</script>"""

def build():
    v = portal("pageno_api", SITE, HOME, "610725", "陕西省", "汉中市",
               "list from a JSON API ?channelId=&pageNo=N&pageSize=4 -> {data:{list,total}}, pager drawn by the script")
    front(v, SITE, COLUMN, "政府信息公开年报")
    rows = items(SITE, reports=8)
    done = add_details(v, SITE, rows, lambda n, t, d: f"/zwgk/ndbg/{d[:4]}{d[5:7]}/{d[8:]}{n:02d}.html")
    records = [{"articleId": 880 + n, "articleTitle": t, "linkUrl": path, "publishTime": d + " 09:00:00"}
               for n, (path, t, d) in enumerate(done)]

    def api(method: str, query: dict, form: dict):
        args = {**query, **form}
        if args.get("channelId") != "ndbg":
            return json.dumps({"code": 400, "msg": "channelId"}).encode(), "application/json"
        page, size = max(1, int(args.get("pageNo") or 1)), max(1, min(50, int(args.get("pageSize") or 10)))
        chunk = records[(page - 1) * size:page * size]
        return (json.dumps({"code": 200, "data": {"list": chunk, "total": len(records), "pageNo": page}},
                           ensure_ascii=False).encode(), "application/json; charset=utf-8")
    v.handlers["/api/article/list"] = api
    v.add(COLUMN + "index.html", shell(SITE, "政府信息公开年报", '<ul class="list" id="list"></ul><div id="pager"></div>',
                                       head=SCRIPT))
    return v

