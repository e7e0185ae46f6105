"""A 信息公开目录 drawn as a zTree whose nodes come from ``/api/tree?pid=N`` JSON (async, the
children of a node asked when it is opened); the 年报 column is a child of 法定主动公开内容.
The homepage links the 目录 page; nothing else leads to the column."""
from __future__ import annotations

import json

from tests.portal_variants.kit import esc
from tests.portal_variants.plain import add_details, items, portal, shell

SITE = "西乡县"
HOME = "http://www.xixiang.gov.cn/"
COLUMN = "/xxgk/list.jsp?cid=1024"
SCRIPT = """<script src="/js/jquery.ztree.all.min.js"></script><script type="text/javascript">
var setting = {
  async: { enable: true, url: "/api/tree", autoParam: ["id=pid"], type: "get" },
  data: { simpleData: { enable: true, idKey: "id", pIdKey: "pId" } },
  callback: { onClick: function(e, treeId, node){ if (node.url) { $('#content').attr('src', node.url); } } }
};
$(document).ready(function(){ $.fn.zTree.init($("#xxgkTree"), setting); });
</script>"""
NODES = {
    "0": [{"id": 1, "pId": 0, "name": "政府信息公开指南", "isParent": False, "url": "/xxgk/list.jsp?cid=1001"},
          {"id": 2, "pId": 0, "name": "政府信息公开制度", "isParent": False, "url": "/xxgk/list.jsp?cid=1002"},
          {"id": 3, "pId": 0, "name": "法定主动公开内容", "isParent": True},
          {"id": 4, "pId": 0, "name": "依申请公开", "isParent": False, "url": "/xxgk/ysq.jsp"}],
    "3": [{"id": 31, "pId": 3, "name": "机构职能", "isParent": False, "url": "/xxgk/list.jsp?cid=1011"},
          {"id": 32, "pId": 3, "name": "规划计划", "isParent": False, "url": "/xxgk/list.jsp?cid=1012"},
          {"id": 33, "pId": 3, "name": "政府信息公开年度报告", "isParent": False, "url": COLUMN}],
}


def tree(method: str, query: dict, form: dict):
    pid = query.get("pid") or form.get("pid") or "0"
    return json.dumps(NODES.get(pid, []), ensure_ascii=False).encode(), "application/json; charset=utf-8"


def build():
    v = portal("tree_api", SITE, HOME, "610724", "陕西省", "汉中市",
               "信息公开目录 zTree, nodes from /api/tree?pid=N (async), 年报 a child of 法定主动公开内容")
    nav = '<a href="/">首页</a><a href="/xwzx/">新闻中心</a><a href="/xxgk/ml.html">信息公开目录</a>'
    v.add("/", shell(SITE, SITE + "人民政府", "<p>欢迎访问</p>", nav))
    v.add("/xxgk/ml.html", shell(SITE, "信息公开目录", '<div class="left"><ul id="xxgkTree" class="ztree"></ul></div>'
                                                  '<div class="right"><iframe id="content" src="/xxgk/welcome.html"></iframe></div>',
                                 nav, head=SCRIPT))
    v.add("/xxgk/welcome.html", "<html><body><p>请在左侧选择栏目</p></body></html>")
    v.handlers["/api/tree"] = tree
    rows = items(SITE, reports=8)
    done = add_details(v, SITE, rows, lambda n, t, d: f"/xxgk/content.jsp?id={20240 + n}", nav)
    lis = "".join(f'<tr><td><a href="{esc(path)}">{esc(t)}</a></td><td>{d}</td></tr>' for path, t, d in done)
    v.add(COLUMN, shell(SITE, "政府信息公开年度报告", f'<table class="list">{lis}</table>', nav))
    return v
