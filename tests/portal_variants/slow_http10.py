"""A slow portal on an old server: every answer 0.6–1.2 s late, HTTP/1.0 with ``Connection: close``
(no keep-alive). Its titles write years in Chinese numerals (二〇二三年度…), and one report is
titled without a year: its year is only in the body's 统计期限."""
from __future__ import annotations

from tests.portal_variants.plain import add_details, paged_list, portal, shell

SITE = "汉滨区"
HOME = "http://www.hanbin.gov.cn/"
COLUMN = "/gk/nb/"
DIGITS = "〇一二三四五六七八九"
PER_PAGE = 4


def cn(year: int) -> str:
    return "".join(DIGITS[int(c)] for c in str(year))


def build():
    v = portal("slow_http10", SITE, HOME, "610902", "陕西省", "安康市",
               "every answer ~1 s late, HTTP/1.0 + Connection: close; years in Chinese numerals, one title without a year")
    v.delay, v.http10 = 0.9, True
    rows = [(f"{SITE}{cn(y)}年度政府信息公开工作年度报告", f"{y + 1}-01-1{i}", y) for i, y in enumerate(range(2023, 2017, -1))]
    rows.insert(2, (f"{SITE}人民政府关于印发{cn(2022)}年政务公开工作要点的通知", "2022-03-08", None))
    rows.insert(5, (f"{SITE}政府信息公开工作年度报告", "2016-02-25", 2015))
    rows.append((f"{SITE}人民政府{cn(2017)}年度政府网站工作年度报表", "2018-01-20", None))
    v.add("/", shell(SITE, SITE + "人民政府", "<p>欢迎访问</p>", '<a href="/">首页</a><a href="/gk/">政务公开</a>'))
    v.add("/gk/index.html", shell(SITE, "政务公开", f'<ul><li><a href="/gk/zn/">公开指南</a></li><li><a href="{COLUMN}">政务公开年报</a></li></ul>'))
    done = add_details(v, SITE, rows, lambda n, t, d: f"{COLUMN}{d[:4]}{d[5:7]}{d[8:]}/{700 + n}.htm")
    paged_list(v, SITE, "政务公开年报", done, PER_PAGE, lambda p: COLUMN + ("index.html" if p == 1 else f"index_{p - 1}.htm"))
    return v
