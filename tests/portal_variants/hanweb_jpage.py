"""大汉 Hanweb jcms column whose page holds only its first records (``<script type="text/xml">
<datastore>``, no <nextgroup>) and whose pager is the jpage call alone:
``$('#unit').jpage({perPage, totalRecord, proxyUrl: '/module/jpage/dataproxy.jsp', ajaxParam:
'col=1&appid=1&webid=…&columnid=…&unitid=…'})``. Older jcms installs serve dataproxy.jsp under
/module/jpage/ instead of /module/web/jpage/; it answers startrecord/endrecord/perpage (query)
with the column's ids as POST fields."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "苍南县"
HOME = "http://www.cncn.gov.cn/"
COLUMN_ID, UNIT_ID, WEB_ID = "1229412", "5171389", "3158"
PROXY = "/module/jpage/dataproxy.jsp"
PER_PAGE = 5
ITEMS = [
    (f"{SITE}人民政府2023年政府信息公开工作年度报告", "2024-01-19", 2023),
    (f"{SITE}人民政府2022年政府信息公开工作年度报告", "2023-01-17", 2022),
    (f"{SITE}关于2022年度政府信息公开工作年度报告有关事项的通知", "2022-12-28", None),
    (f"{SITE}人民政府2021年政府信息公开工作年度报告", "2022-01-25", 2021),
    (f"{SITE}人民政府2020年政府信息公开工作年度报告", "2021-01-26", 2020),
    (f"{SITE}人民政府2019年政府信息公开工作年度报告", "2020-01-21", 2019),
    (f"{SITE}2019年度政务公开工作考核评估结果公示", "2020-03-02", None),
    (f"{SITE}人民政府2018年政府信息公开工作年度报告", "2019-03-26", 2018),
    (f"{SITE}人民政府2017年政府信息公开工作年度报告", "2018-03-22", 2017),
    (f"{SITE}人民政府2016年政府信息公开工作年度报告", "2017-03-30", 2016),
    (f"{SITE}人民政府2015年政府信息公开工作年度报告", "2016-03-25", 2015),
    (f"{SITE}2015年政务公开工作要点", "2015-04-08", None),
    (f"{SITE}人民政府2014年政府信息公开工作年度报告", "2015-03-27", 2014),
]


def art_path(date: str, n: int) -> str:
    y, m, d = (int(x) for x in date.split("-"))
    return f"/art/{y}/{m}/{d}/art_{COLUMN_ID}_{58912300 + n}.html"


def record(n: int) -> str:
    title, date, _ = ITEMS[n]
    return (f'<record><![CDATA[<li class="list-item"><a href="{art_path(date, n)}" title="{esc(title)}" target="_blank">'
            f'{esc(title)}</a><span class="date">{date}</span></li>]]></record>')


def shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title>
<meta name="SiteName" content="{SITE}人民政府"><meta name="ColumnName" content="政府信息公开年报">
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
<script type="text/javascript" src="/module/jslib/jquery/jpage/jquery.page.min.js"></script></head>
<body><div class="top"><a href="/index.html">首页</a> <a href="/col/col1229390/index.html">新闻中心</a>
<a href="/col/col1229393/index.html">政府信息公开</a> <a href="/col/col1229391/index.html">政务服务</a></div>
{main}<div class="bottom">主办：{SITE}人民政府办公室</div></body></html>"""


TREE = ('<div class="xxgk-tree"><ul><li><a href="/col/col1229394/index.html">政府信息公开指南</a></li>'
        '<li><a href="/col/col1229395/index.html">政府信息公开制度</a></li>'
        '<li><a href="/col/col1229396/index.html">法定主动公开内容</a></li>'
        f'<li><a href="/col/col{COLUMN_ID}/index.html">政府信息公开年报</a></li></ul></div>')


def dataproxy(method: str, query: dict, form: dict):
    fields = {**query, **form}
    if (fields.get("columnid"), fields.get("unitid"), fields.get("webid")) != (COLUMN_ID, UNIT_ID, WEB_ID):
        return b"<datastore><totalrecord>0</totalrecord><recordset></recordset></datastore>", "text/xml; charset=utf-8"
    start = int(fields.get("startrecord", 1))
    end = min(int(fields.get("endrecord", start + PER_PAGE - 1)), len(ITEMS))
    records = "".join(record(n) for n in range(start - 1, end))
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>{len(ITEMS)}</totalrecord>'
           f'<totalpage>{-(-len(ITEMS) // PER_PAGE)}</totalpage><recordset>{records}</recordset></datastore>')
    return xml.encode(), "text/xml; charset=utf-8"


def build() -> Variant:
    v = Variant("hanweb_jpage", "hanweb", {
        "site_name": SITE, "homepage": HOME, "admin_code": "330327", "province": "浙江省",
        "city": "温州市", "county": SITE, "level": "county"},
        style="Hanweb jpage({proxyUrl:'/module/jpage/dataproxy.jsp', ajaxParam:'col=1&…'}) without nextgroup")
    v.add("/", shell(SITE, "<p>首页</p>"))
    v.add("/index.html", shell(SITE, "<p>首页</p>"))
    v.add("/col/col1229393/index.html", shell("政府信息公开", TREE + "<div>政府信息公开专栏</div>"))
    first = "".join(record(n) for n in range(PER_PAGE))
    params = (f"col=1&appid=1&webid={WEB_ID}&path=%2F&columnid={COLUMN_ID}&sourceContentType=1&unitid={UNIT_ID}"
              "&webname=%E8%8B%8D%E5%8D%97%E5%8E%BF&permissiontype=0")
    column = (TREE + f'<div class="list"><div id="{UNIT_ID}"><script type="text/xml"><datastore><recordset>{first}'
              f'</recordset></datastore></script></div>\n<script language="javascript">\n$(document).ready(function(){{\n'
              f"  $('#{UNIT_ID}').jpage({{\n    themeName: 'default', showMode: 'full', dataBefore: '<ul>', dataAfter: '</ul>',\n"
              f"    perPage: {PER_PAGE}, totalRecord: {len(ITEMS)}, groupSize: 3,\n"
              f"    proxyUrl: '{PROXY}',\n    ajaxParam: '{params}'\n  }});\n}});\n</script></div>")
    v.add(f"/col/col{COLUMN_ID}/index.html", shell("政府信息公开年报", column))
    v.handlers[PROXY] = dataproxy
    for n, (title, date, year) in enumerate(ITEMS):
        path = art_path(date, n)
        v.add(path, detail(title, date, year, n))
        v.report(path, title, year)
    return v


def detail(title: str, date: str, year: int | None, n: int) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))
    table = (f'<table class="xxgk_table"><tr><td>索引号</td><td>001008003001/{date[:4]}-{30000 + n}</td>'
             f'<td>发布机构</td><td>{SITE}人民政府办公室</td></tr><tr><td>生成日期</td><td>{date}</td><td>公开方式</td><td>主动公开</td></tr></table>')
    return shell(title, f'{table}<div class="title">{esc(title)}</div><div id="zoom">{body}</div>')
