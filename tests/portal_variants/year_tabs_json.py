"""A 年报 column of year tabs (``<li onclick="loadYear(2022)">2022年</li>``) whose content is
loaded by ``$.get('/zwgk/ndbg/data/' + y + '.json')``: one JSON array of {title, url, date} per
year; the page's own call loads only the latest year."""
from __future__ import annotations

import json

from tests.portal_variants.plain import add_details, front, items, portal, shell

SITE = "石泉县"
HOME = "http://www.shiquan.gov.cn/"
COLUMN = "/zwgk/ndbg/"
SCRIPT = """<script type="text/javascript">
function loadYear(y){
  $('.tabs li').removeClass('on'); $('#y' + y).addClass('on');
  $.get('/zwgk/ndbg/data/' + y + '.json', function(d){
    var h = '';
    for (var i = 0; i < d.length; i++) { h += '<li><a href="' + d[i].url + '">' + d[i].title + '</a><span>' + d[i].date + '</span></li>'; }
    $('#list').html(h);
  });
}
$(function(){ loadYear(2023); });
</script>"""


def build():
    v = portal("year_tabs_json", SITE, HOME, "610922", "陕西省", "安康市",
               "year tabs onclick=loadYear(Y); each year's entries from $.get('/…/data/'+y+'.json')")
    front(v, SITE, COLUMN, "政府信息公开年报")
    rows = items(SITE, reports=7)
    done = add_details(v, SITE, rows, lambda n, t, d: f"/zwgk/content/{d[:4]}-{d[5:7]}/{d[8:]}/content_{52100 + n}.html")
    by_year: dict[int, list] = {}
    for (path, title, date), (_, _, year) in zip(done, rows):
        # a report sits under the year it reports on; a look-alike under the year it was issued
        by_year.setdefault(year or int(date[:4]), []).append({"title": title, "url": path, "date": date})
    years = sorted(by_year, reverse=True)
    for y in years:
        v.add(f"{COLUMN}data/{y}.json", json.dumps(by_year[y], ensure_ascii=False), "application/json; charset=utf-8")
    tabs = "".join(f'<li id="y{y}" onclick="loadYear({y})">{y}年</li>' for y in years)
    v.add(COLUMN + "index.html", shell(SITE, "政府信息公开年报", f'<ul class="tabs">{tabs}</ul><ul class="list" id="list"></ul>',
                                       head='<script src="/js/jquery.min.js"></script>' + SCRIPT))
    return v
