"""TRS 海云 (newer TRS WCM templates): the list pager is only a script,
``createPageHTML('page_div', pageCount, currentPage, 'index', 'html', recordCount)`` with 1-based
pages (index.html, index_2.html, index_3.html), and articles are ``./YYYYMM/tYYYYMMDD_N.htm``."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html

SITE = "达拉特旗"
HOME = "http://www.dlt.gov.cn/"
COLUMN = "/zwgk/zfxxgk/zfxxgknb/"
NAV = [("首页", "/"), ("走进达旗", "/zjdq/"), ("政务公开", "/zwgk/"), ("政务服务", "/zwfw/"), ("互动交流", "/hdjl/")]
ITEMS = [  # (title, date, year or None for a look-alike)
    (f"{SITE}2023年政府信息公开工作年度报告", "2024-01-18", 2023),
    ("关于做好2023年度政府信息公开工作年度报告编制发布工作的通知", "2023-12-20", None),
    (f"{SITE}2022年政府信息公开工作年度报告", "2023-01-16", 2022),
    (f"{SITE}2021年政府信息公开工作年度报告", "2022-01-20", 2021),
    (f"{SITE}2020年政府信息公开工作年度报告", "2021-01-22", 2020),
    (f"{SITE}2020年政务公开工作要点", "2020-04-10", None),
    (f"{SITE}2019年政府信息公开工作年度报告", "2020-01-15", 2019),
    (f"{SITE}2018年政府信息公开工作年度报告", "2019-01-25", 2018),
    (f"{SITE}2017年政府信息公开工作年度报告", "2018-03-01", 2017),
    (f"{SITE}2016年法治政府建设年度报告", "2017-02-10", None),
    (f"{SITE}2016年政府信息公开工作年度报告", "2017-03-20", 2016),
    (f"{SITE}2015年政府信息公开工作年度报告", "2016-03-18", 2015),
]
PER_PAGE = 4


def shell(title: str, main: str) -> str:
    nav = "".join(f'<li><a href="{h}">{t}</a></li>' for t, h in NAV)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{esc(title)}</title>
<meta name="SiteName" content="{SITE}人民政府"><meta name="SiteDomain" content="www.dlt.gov.cn">
<script src="/images/jquery.min.js"></script></head>
<body><div class="header"><div class="logo"><img src="/images/logo.png" alt="{SITE}人民政府"></div>
<ul class="nav">{nav}</ul></div>
<div class="container">{main}</div>
<div class="footer"><p>主办：{SITE}人民政府办公室 网站标识码：1506210001</p></div></body></html>"""


def article_path(date: str, n: int) -> str:
    ymd = date.replace("-", "")
    return f"{COLUMN}{ymd[:6]}/t{ymd}_{4123400 + n}.htm"


def build() -> Variant:
    v = Variant("trs_pagediv", "trs", {
        "site_name": SITE, "homepage": HOME, "admin_code": "150621", "province": "内蒙古自治区",
        "city": "鄂尔多斯市", "county": SITE, "level": "county"},
        style="TRS 海云 createPageHTML('page_div',3,1,'index','html',12), .htm articles")
    news = "".join(f'<li><a href="/xwzx/dqyw/202405/t2024050{i}_41000{i}.html">达拉特旗召开第{i}次常务会议</a><span>2024-05-0{i}</span></li>'
                   for i in range(1, 6))
    v.add("/", shell(SITE + "人民政府", f'<div class="news"><h3>达旗要闻</h3><ul>{news}</ul></div>'))
    v.add("/zwgk/", shell("政务公开", '<div class="zwgk"><a href="/zwgk/zfxxgk/">政府信息公开</a>'
                          '<a href="/zwgk/zcjd/">政策解读</a><a href="/zwgk/zdlygk/">重点领域信息公开</a></div>'))
    side = ('<div class="left"><h2>政府信息公开</h2><ul>'
            '<li><a href="/zwgk/zfxxgk/zfxxgkzn/">政府信息公开指南</a></li>'
            '<li><a href="/zwgk/zfxxgk/zfxxgkzd/">政府信息公开制度</a></li>'
            '<li><a href="/zwgk/zfxxgk/fdzdgknr/">法定主动公开内容</a></li>'
            f'<li><a href="{COLUMN}">政府信息公开年报</a></li></ul></div>')
    v.add("/zwgk/zfxxgk/", shell("政府信息公开", side + '<div class="right"><p>欢迎访问政府信息公开专栏。</p></div>'))
    pages = (len(ITEMS) + PER_PAGE - 1) // PER_PAGE
    for p in range(1, pages + 1):
        rows = []
        for n, (title, date, year) in enumerate(ITEMS[(p - 1) * PER_PAGE: p * PER_PAGE], start=(p - 1) * PER_PAGE):
            path = article_path(date, n)
            rel = "./" + path[len(COLUMN):]
            short = title if len(title) <= 22 else title[:22] + "..."
            rows.append(f'<li><a href="{rel}" target="_blank" title="{esc(title)}">{esc(short)}</a><span>{date}</span></li>')
            v.add(path, detail(title, date, year))
            v.report(path, title, year)
        main = (side + '<div class="right"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a>'
                f' &gt; 政府信息公开年报</div><ul class="list">{"".join(rows)}</ul>'
                f'<div class="page" id="page_div"></div><script>createPageHTML(\'page_div\',{pages},{p},\'index\',\'html\',{len(ITEMS)});</script></div>')
        v.add(COLUMN + ("index.html" if p == 1 else f"index_{p}.html"), shell("政府信息公开年报", main))
    return v


def detail(title: str, date: str, year: int | None) -> str:
    body = paragraphs_html(body_paragraphs(SITE + "人民政府办公室", title, year), attrs='style="text-indent:2em"')
    main = (f'<meta name="ArticleTitle" content="{esc(title)}"><meta name="PubDate" content="{date} 09:30">'
            f'<div class="article"><h1 class="title">{esc(title)}</h1>'
            f'<div class="info"><span>来源：{SITE}人民政府办公室</span><span>发布时间：{date}</span></div>'
            f'<div class="TRS_Editor">{body}</div></div>')
    return shell(title, main)
