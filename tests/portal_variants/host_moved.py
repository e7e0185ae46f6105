"""A homepage on a host that only answers ``301`` to another host (``http://xunyang.gov.cn/`` →
``http://www.…``; here another 127.0.0.1 port, as a registry row's homepage would be): every page
of the portal lives on the host the redirect names, so the CSV's homepage is not where the site is."""
from __future__ import annotations

from tests.portal_variants.plain import add_details, front, items, paged_list, portal

SITE = "宁强县"
HOME = "http://ningqiang.gov.cn/"
COLUMN = "/zwgk/zfxxgknb/"


def build():
    v = portal("host_moved", SITE, HOME, "610726", "陕西省", "汉中市",
               "the homepage's host answers 301 to another host (bare domain -> www., another port here)")
    v.moved = True
    front(v, SITE, COLUMN, "政府信息公开年报")
    rows = items(SITE, reports=8)
    done = add_details(v, SITE, rows, lambda n, t, d: f"{COLUMN}{d[:4]}{d[5:7]}/{d.replace('-', '')}{n:03d}.html")
    paged_list(v, SITE, "政府信息公开年报", done, 6, lambda p: COLUMN + ("index.html" if p == 1 else f"index_{p}.html"))
    return v
