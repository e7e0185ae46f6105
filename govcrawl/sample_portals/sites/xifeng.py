"""西峰区 (庆阳市, 甘肃) on www.xifeng.gov.cn, an older ASP CMS served in GBK (declared gb2312).

Path: homepage -> 政府信息公开 (list.asp?classid=40) -> 政府信息公开年报 (list.asp?classid=45,
下一页 -> &page=2) -> show.asp?id=N.  The detail page shows 首页 >> 政府信息公开 >> 信息公开年度报告 >>
正文, the title and the "2018-02-07 09:33:10 来源: 作者: 编辑: 点击:" line of seed 001.
The 2019 report keeps its tables in an XLSX 统计表 attachment; the 2021 one has a balance error that
also breaks 2022's cross-year carry.
"""
from __future__ import annotations

from .. import generic, seedparse
from ..model import Brand, Portal, Resource
from ..sitekit import Doc, Org, article_for, generated_article, newest_first, publish_files, year_stats

SITE = {
    "name": "西峰区", "homepage_path": "/", "real_homepage": "http://www.xifeng.gov.cn/",
    "platform": "generic", "encoding": "gbk", "admin_code": "621002", "province": "甘肃省",
    "city": "庆阳市", "county": "西峰区", "township": None, "level": "county",
}

XXGK = ("政府信息公开", "/list.asp?classid=40")
CLASSES = [("政府信息公开指南", 41), ("政府信息公开制度", 42), ("法定主动公开内容", 43), ("政府信息公开年报", 45)]
ANNUAL_CLASS_NAME = "信息公开年度报告"  # what the column calls itself in breadcrumbs and headings

BRAND = Brand(site_name="庆阳市西峰区人民政府", domain="www.xifeng.gov.cn", site_id_code="6210020001",
              footer_org="西峰区人民政府办公室", icp="陇ICP备05001126号", address="甘肃省庆阳市西峰区南大街",
              phone="0934-8213456",
              nav=[("首页", "/"), ("政府信息公开", XXGK[1]), ("走进西峰", "/list.asp?classid=2"),
                   ("政务动态", "/list.asp?classid=3")])

ORG = Org(name="西峰区", publisher="西峰区政府办", leaders="区委、区政府", level="county",
          channel="区政府门户网站、西峰广播电视台、政务微信和公共查阅点", issuer="西峰区人民政府办公室",
          address="甘肃省庆阳市西峰区南大街区政府办公楼")

DOCS = [
    Doc("西峰区2022年政府信息公开工作年度报告", "2023-01-30", "report", 2022, time="16:21:05", layout="html2021"),
    Doc("西峰区2021年政府信息公开工作年度报告", "2022-01-28", "report", 2021, time="10:02:47", layout="html2021",
        errors=("balance",)),
    Doc("西峰区2020年政府信息公开工作年度报告", "2021-01-29", "report", 2020, time="09:15:33", layout="lines"),
    Doc("西峰区2019年政府信息公开工作年度报告", "2020-01-31", "report", 2019, time="17:40:12", layout="xlsx"),
    Doc("关于做好2019年度政府信息公开工作年度报告编制发布工作的通知", "2019-12-26", "letter", 2019,
        time="11:05:20", publisher="西峰区人民政府办公室"),
    Doc("西峰区2019年区级部门预算公开", "2019-03-22", "budget", 2019, time="15:30:00"),
    Doc("西峰区2018年政府信息公开工作年度报告", "2019-01-30", "legacy", 2018, time="08:55:41", layout="legacy"),
    Doc("西峰区2018年政务公开工作要点", "2018-04-10", "workpoints", 2018, time="10:20:16"),
    Doc("西峰区2017年政府信息公开工作的年度报告", "2018-02-07", "seed", 2017, seed="001", time="09:33:10",
        publisher=None),
    Doc("西峰区2016年政府信息公开工作年度报告", "2017-02-15", "legacy", 2016, time="10:11:09", layout="legacy_html"),
    Doc("西峰区2015年政府信息公开工作年度报告", "2016-03-01", "legacy", 2015, time="14:46:52"),
]
BROKEN = ("西峰区2014年政府信息公开工作年度报告", "show.asp?id=1999", "2015-03-10")
GUIDE = [Doc("西峰区人民政府政府信息公开指南", "2019-08-20", "guide", time="09:00:00")]
RULES = [Doc("西峰区政府信息公开保密审查制度", "2019-08-20", "rules", time="09:10:00")]
PER_PAGE = 10


def _list_href(classid: int) -> str:
    return f"list.asp?classid={classid}"


def build(key: str = "xifeng") -> Portal:
    portal = Portal(key=key, encoding="gbk")
    tree = [(name, "/" + _list_href(cid)) for name, cid in CLASSES]
    ids = iter(range(2561, 9999, 3))
    for (name, classid), docs in zip(CLASSES, (GUIDE, RULES, [], DOCS)):
        org_stats = year_stats(key, ORG, docs)
        pairs = []
        for doc in docs:
            path = f"/show.asp?id={next(ids)}"
            if doc.seed == "001":
                article = article_for(doc, path, ORG, seedparse.blocks_001())
            else:
                article = generated_article(doc, path, ORG, org_stats)
            stamp = doc.date.replace("-", "") + doc.time.replace(":", "")
            publish_files(portal, article, ORG, lambda ext, stamp=stamp, year=doc.date[:4]:
                          (f"/uploadfile/{year}/{stamp}.{ext}", f"uploadfile/{year}/{stamp}.{ext}"))
            if doc.seed == "001":
                article.publisher = None  # the seed page's 来源 is empty
            portal.articles.append(article)
            pairs.append((doc, article))
        class_name = ANNUAL_CLASS_NAME if classid == 45 else name
        items = [(a.path.lstrip("/"), a.title, a.published) for _, a in newest_first(pairs)]
        if classid == 45:
            items.append(BROKEN[1:2] + (BROKEN[0], BROKEN[2]))
            portal.broken_links.append("/" + BROKEN[1])
        pages = max(1, (len(items) + PER_PAGE - 1) // PER_PAGE)
        crumbs = [XXGK, (class_name, "/" + _list_href(classid))]
        for n in range(1, pages + 1):
            target = "/" + _list_href(classid) + ("" if n == 1 else f"&page={n}")
            html = generic.list_page(BRAND, class_name, crumbs, tree, items[(n - 1) * PER_PAGE:n * PER_PAGE],
                                     _list_href(classid), n, pages, len(items))
            portal.add_html(target, html)
        for doc, article in pairs:
            breadcrumb = f"首页 >> 政府信息公开 >> {class_name} >> 正文"
            if doc.seed == "001":
                header = seedparse.header_001()
                breadcrumb, info = header["breadcrumb"], header["info"]
            else:
                source = article.publisher or ""
                info = f"{article.published} {article.time} 来源:{source} 作者: 编辑: 点击:"
            portal.add_html(article.path, generic.detail_page(BRAND, article, breadcrumb, info))
    xxgk_items = [(href.lstrip("/"), name, "") for name, href in tree]
    portal.add_html(XXGK[1], generic.list_page(BRAND, "政府信息公开", [XXGK], tree, xxgk_items,
                                               XXGK[1].lstrip("/"), 1, 1, len(xxgk_items)))
    for name, classid in (("走进西峰", 2), ("政务动态", 3)):
        portal.add_html(f"/list.asp?classid={classid}", generic.list_page(
            BRAND, name, [(name, f"/list.asp?classid={classid}")], tree, [], _list_href(classid), 1, 1, 0))
    reports = [(a.title, a.path.lstrip("/"), a.published) for a in portal.articles if a.is_annual_report][:5]
    home = generic.homepage(BRAND, [("政府信息公开", [("政府信息公开", XXGK[1].lstrip("/"), "")]
                                     + [(n, h.lstrip("/"), "") for n, h in tree]),
                                    ("信息公开年度报告", reports)])
    portal.add_html("/", home)
    portal.add_html("/index.asp", home)
    portal.not_found = Resource(generic.not_found(BRAND).encode("gbk"), "text/html; charset=gb2312", 404)
    portal.xxgk_path = XXGK[1]
    portal.column_path = "/list.asp?classid=45"
    portal.list_urls = ["/list.asp?classid=45", "/list.asp?classid=45&page=2"]
    return portal
