"""A www portal whose 政务公开 link is absolute to another host of the same domain
(``http://xxgk.….gov.cn/``), whose list links its articles absolutely on that host, and whose
pages mix in ``https://www.…`` links. Replicas serve every host on one origin, so a report's
path is the same whichever host named it."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "岚皋县"
HOME = "http://www.langao.gov.cn/"
XXGK = "http://xxgk.langao.gov.cn"
COLUMN = "/xxgk/ndbg/"
ITEMS = [
    (f"{SITE}人民政府2023年政府信息公开工作年度报告", "2024-01-24", 2023),
    (f"{SITE}人民政府2022年政府信息公开工作年度报告", "2023-01-18", 2022),
    (f"{SITE}人民政府2021年政府信息公开工作年度报告", "2022-01-26", 2021),
    (f"{SITE}人民政府办公室关于印发2021年政务公开工作要点的通知", "2021-05-08", None),
    (f"{SITE}人民政府2020年政府信息公开工作年度报告", "2021-01-27", 2020),
    (f"{SITE}人民政府2019年政府信息公开工作年度报告", "2020-01-20", 2019),
    (f"{SITE}人民政府2018年政府信息公开工作年度报告", "2019-03-25", 2018),
    (f"{SITE}2018年度政府信息公开工作年度报告更正说明", "2019-04-01", None),
    (f"{SITE}人民政府2017年政府信息公开工作年度报告", "2018-03-28", 2017),
]
PER_PAGE = 5


def shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body><div class="nav"><a href="https://www.langao.gov.cn/">首页</a><a href="https://www.langao.gov.cn/xwzx/">新闻中心</a>
<a href="{XXGK}/xxgk/index.html">政务公开</a><a href="http://zwfw.shaanxi.gov.cn/">政务服务</a></div>
{main}<div class="foot">{SITE}人民政府</div></body></html>"""


def build() -> Variant:
    v = Variant("other_host", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "610925", "province": "陕西省",
        "city": "安康市", "county": SITE, "level": "county"},
        style="政务公开 on another host of the portal's domain (xxgk.), absolute and https links")
    v.by_address = False  # its links name the real xxgk. host, which only the replica mapping serves
    v.add("/", shell(SITE + "人民政府", "<p>欢迎访问</p>"))
    v.add("/xxgk/index.html", shell("政务公开", f'<ul class="xxgk"><li><a href="{XXGK}/xxgk/zn/">政府信息公开指南</a></li>'
                                    f'<li><a href="{XXGK}{COLUMN}">政府信息公开年报</a></li></ul>'))
    pages = (len(ITEMS) + PER_PAGE - 1) // PER_PAGE
    for p in range(1, pages + 1):
        rows = []
        for n, (title, date, year) in enumerate(ITEMS[(p - 1) * PER_PAGE:p * PER_PAGE], start=(p - 1) * PER_PAGE):
            path = f"{COLUMN}{date[:4]}/{int(date[5:7])}/{int(date[8:])}/{6620 + n}.html"
            rows.append(f'<li><a href="{XXGK}{path}" target="_blank">{esc(title)}</a><span>{date}</span></li>')
            v.add(path, detail(title, date, year))
            v.report(path, title, year)
        pager = f'<a href="{XXGK}{COLUMN}index_{p + 1}.html">下一页</a>' if p < pages else ""
        v.add(COLUMN + ("index.html" if p == 1 else f"index_{p}.html"),
              shell("政府信息公开年报", f'<ul class="list">{"".join(rows)}</ul><div class="page">{pager}</div>'))
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year))
    return shell(title, f'<h1>{esc(title)}</h1><div class="date">{date}</div><div class="content">{body}</div>')
