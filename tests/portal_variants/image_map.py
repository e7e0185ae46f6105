"""The 政务公开 entry is only an ``<area>`` of an image map over the homepage banner (its words in
``alt``), and on the 政务公开 page the 年报 column is an area of another map; no anchor names them."""
from __future__ import annotations

from tests.portal_variants.plain import add_details, items, paged_list, portal, shell

SITE = "留坝县"
HOME = "http://www.liuba.gov.cn/"
COLUMN = "/zwgk/nb/"
NAV = '<a href="/">首页</a><a href="/xwzx/">新闻中心</a>'


def build():
    v = portal("image_map", SITE, HOME, "610729", "陕西省", "汉中市",
               "政务公开 and 年报 entries only as <map><area alt=… href=…> over banner images")
    v.add("/", shell(SITE, SITE + "人民政府", '<img src="/images/banner.jpg" usemap="#bm" width="1000" height="120">'
                     '<map name="bm"><area shape="rect" coords="0,0,250,120" href="/xwzx/" alt="新闻中心">'
                     '<area shape="rect" coords="250,0,500,120" href="/zwgk/" alt="政务公开">'
                     '<area shape="rect" coords="500,0,750,120" href="/bsfw/" alt="办事服务"></map>', NAV))
    v.add("/zwgk/index.html", shell(SITE, "政务公开", '<img src="/images/gk.jpg" usemap="#gk">'
                                    '<map name="gk"><area shape="rect" coords="0,0,200,60" href="/zwgk/zn/" alt="公开指南">'
                                    f'<area shape="rect" coords="200,0,400,60" href="{COLUMN}" alt="公开年报"></map>', NAV))
    rows = items(SITE, reports=8)
    done = add_details(v, SITE, rows, lambda n, t, d: f"{COLUMN}{d[:4]}/{d[5:7]}/{7700 + n}.html", NAV)
    paged_list(v, SITE, "公开年报", done, 5, lambda p: COLUMN + ("index.html" if p == 1 else f"index_{p}.html"), NAV)
    return v
