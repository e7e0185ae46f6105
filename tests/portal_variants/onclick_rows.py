"""List entries without ``<a href>``: ``<li onclick="location.href='…'">`` rows on the first
page, ``<div class="item" data-href="…">`` rows on the second; the pager is a plain 下一页."""
from __future__ import annotations

from tests.portal_variants.kit import esc
from tests.portal_variants.plain import add_details, front, items, portal, shell

SITE = "紫阳县"
HOME = "http://www.zyx.gov.cn/"
COLUMN = "/zfxxgk/ndbg/"


def build():
    v = portal("onclick_rows", SITE, HOME, "610924", "陕西省", "安康市",
               "list rows are <li onclick=\"location.href='…'\"> and <div data-href=…>, no <a href>")
    front(v, SITE, COLUMN, "政府信息公开年报")
    rows = items(SITE, reports=8)
    done = add_details(v, SITE, rows, lambda n, t, d: f"{COLUMN}{d[:4]}{d[5:7]}/t{d.replace('-', '')}_{41200 + n}.html")
    half = len(done) // 2
    first = "".join(f'<li onclick="location.href=\'{path}\'" style="cursor:pointer"><span class="t">{esc(t)}</span>'
                    f'<span class="d">{d}</span></li>' for path, t, d in done[:half])
    second = "".join(f'<div class="item" data-href="{path}"><p class="t">{esc(t)}</p><p class="d">{d}</p></div>'
                     for path, t, d in done[half:])
    script = ("<script>$(function(){$('.item').click(function(){window.open($(this).data('href'));});});</script>")
    v.add(COLUMN + "index.html", shell(SITE, "政府信息公开年报", f'<ul class="list">{first}</ul>'
                                       f'<div class="page"><a href="{COLUMN}index_1.html">下一页</a></div>'))
    v.add(COLUMN + "index_1.html", shell(SITE, "政府信息公开年报", f'<div class="list">{second}</div>{script}'))
    return v
