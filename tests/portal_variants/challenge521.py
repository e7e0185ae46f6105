"""A small portal behind a 加速乐-style challenge: every request without the clearance cookie is
answered HTTP 521 with a script that sets the cookie and reloads (govcrawl.challenge passes it
with Chromium). One list page of eight documents keeps the browser work small."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "沂水县"
HOME = "http://www.yishui.gov.cn/"
ITEMS = [(f"{SITE}{y}年政府信息公开工作年度报告", f"{y + 1}-01-2{y % 10}", y) for y in range(2023, 2017, -1)]
ITEMS.insert(1, (f"关于做好{SITE}2023年度政府信息公开工作年度报告编制工作的通知", "2023-12-18", None))
ITEMS.append((f"{SITE}2018年政务公开工作要点", "2018-03-16", None))


def shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body><div class="nav"><a href="/">首页</a><a href="/xxgk/">政府信息公开</a></div>{main}</body></html>"""


def build() -> Variant:
    v = Variant("challenge521", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "371323", "province": "山东省", "city": "临沂市",
        "county": SITE, "level": "county"}, challenge=True,
        style="HTTP 521 + document.cookie script before every page (加速乐)")
    v.add("/", shell(SITE + "人民政府", "<p>首页</p>"))
    v.add("/xxgk/", shell("政府信息公开", '<ul><li><a href="/xxgk/zn/">政府信息公开指南</a></li>'
                          '<li><a href="/xxgk/nb/">政府信息公开年报</a></li></ul>'))
    rows = []
    for n, (title, date, year) in enumerate(ITEMS):
        path = f"/xxgk/nb/{date[:7].replace('-', '')}/t{date.replace('-', '')}_{60400 + n}.html"
        rows.append(f'<li><a href="{path}">{esc(title)}</a><span>{date}</span></li>')
        v.add(path, shell(title, f'<h1>{esc(title)}</h1><p>发布日期：{date}</p><div class="content">'
                                 f'{paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))}</div>'))
        v.report(path, title, year)
    v.add("/xxgk/nb/", shell("政府信息公开年报", f'<ul class="list">{"".join(rows)}</ul>'))
    return v
