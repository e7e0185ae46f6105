"""List anchors that only call scripts: ``<a href="javascript:void(0)" onclick="openDetail('6601')">``
whose URL pattern is in ``function openDetail(id){window.open('/xxgk/ndbg/content_'+id+'.html')}``,
and ``<a href="javascript:window.open('…')">`` entries."""
from __future__ import annotations

from tests.portal_variants.kit import esc
from tests.portal_variants.plain import add_details, front, items, portal, shell

SITE = "宁陕县"
HOME = "http://www.ningshan.gov.cn/"
COLUMN = "/xxgk/ndbg/"
SCRIPT = ("<script type=\"text/javascript\">\nfunction openDetail(id){\n"
          "  window.open('/xxgk/ndbg/content_' + id + '.html');\n}\n</script>")


def build():
    v = portal("opendetail_js", SITE, HOME, "610923", "陕西省", "安康市",
               "entries are javascript:void(0) + onclick=openDetail(id), URL pattern in the function; "
               "javascript:window.open('…') hrefs")
    front(v, SITE, COLUMN, "年度报告")
    rows = items(SITE, reports=8)
    done = add_details(v, SITE, rows, lambda n, t, d: f"{COLUMN}content_{6601 + n}.html")
    lis = []
    for n, (path, t, d) in enumerate(done):
        if n % 3 == 2:
            lis.append(f'<li><a href="javascript:window.open(\'{path}\')">{esc(t)}</a><span>{d}</span></li>')
        else:
            lis.append(f'<li><a href="javascript:void(0)" onclick="openDetail(\'{6601 + n}\')">{esc(t)}</a>'
                       f'<span>{d}</span></li>')
    v.add(COLUMN + "index.html", shell(SITE, "年度报告", f'<ul class="list">{"".join(lis)}</ul>', head=SCRIPT))
    return v
