"""水泊街道 (梁山县, 济宁市, 山东) on the 梁山县 portal, a Shandong 大汉 Hanweb jcms site.

Path: homepage -> 政府信息公开 (county column tree + 乡镇（街道）) -> 水泊街道 -> 政府信息公开年报
(jpage list, 5 a page, 2 pages per datastore group, the rest from dataproxy.jsp).
"""
from __future__ import annotations

from .. import hanweb, seedparse
from ..hanweb import Column, ListUnit
from ..hanweb_site import HanwebSite
from ..model import Brand, Portal
from ..sitekit import Doc, Org

SITE = {
    "name": "水泊街道", "homepage_path": "/", "real_homepage": "http://www.liangshan.gov.cn/",
    "platform": "hanweb", "encoding": "utf-8", "admin_code": "370832002", "province": "山东省",
    "city": "济宁市", "county": "梁山县", "township": "水泊街道", "level": "township",
}

XXGK = Column(25101, "政府信息公开")
COUNTY_TREE = [Column(25102, "政府信息公开指南"), Column(25103, "政府信息公开制度"),
               Column(25104, "法定主动公开内容"), Column(25105, "政府信息公开年报")]
TOWN = Column(25201, "水泊街道")
TOWN_TREE = [Column(25202, "政府信息公开指南"), Column(25203, "政府信息公开制度"),
             Column(25204, "法定主动公开内容"), Column(25205, "政府信息公开年报")]
NAV_EXTRA = [Column(20501, "走进梁山"), Column(20601, "政务服务"), Column(20701, "互动交流")]

BRAND = Brand(site_name="梁山县人民政府", domain="www.liangshan.gov.cn", site_id_code="3708320001",
              footer_org="梁山县人民政府办公室", icp="鲁ICP备05011373号", webid=38,
              address="山东省济宁市梁山县水泊中路", phone="0537-7321100",
              nav=[("首页", "/"), ("走进梁山", "/col/col20501/index.html"), ("政务公开", XXGK.path),
                   ("政务服务", "/col/col20601/index.html"), ("互动交流", "/col/col20701/index.html")])

TOWN_ORG = Org(name="水泊街道", publisher="水泊街道办事处", leaders="街道党工委、办事处", level="township",
               channel="梁山县人民政府网站水泊街道政府信息公开专栏、政务新媒体和公开栏",
               issuer="梁山县人民政府办公室", address="梁山县水泊街道办事处党政办")
COUNTY_ORG = Org(name="梁山县人民政府", publisher="梁山县人民政府办公室", leaders="县委、县政府", level="county",
                 channel="县政府门户网站、政务新媒体、新闻发布会", issuer="梁山县人民政府办公室",
                 address="梁山县人民政府办公室（水泊中路）")

TOWN_DOCS = [
    Doc("水泊街道2023年政府信息公开工作年度报告", "2024-01-22", "report", 2023, layout="html2021_word"),
    Doc("水泊街道2022年政府信息公开工作年度报告", "2023-01-16", "report", 2022, layout="html2021_word",
        errors=("handled_sum",)),
    Doc("关于做好2021年度政府信息公开工作年度报告编制发布工作的通知", "2021-12-28", "letter", 2021,
        publisher="梁山县人民政府办公室"),
    Doc("水泊街道2021年政府信息公开工作年度报告", "2022-01-20", "report", 2021, layout="tab2021"),
    Doc("水泊街道2021年政务公开工作要点", "2021-03-15", "workpoints", 2021),
    Doc("水泊街道2020年政府信息公开工作年度报告", "2021-01-25", "report", 2020, layout="html2019", blanks=True),
    Doc("水泊街道2020年部门预算公开", "2020-02-10", "budget", 2020),
    Doc("水泊街道2019年政府信息公开工作年度报告", "2020-01-20", "seed", 2019, seed="000", time="15:42:10"),
    Doc("关于开展“政务公开日”活动的通知", "2019-05-10", "notice", 2019),
    Doc("水泊街道2018年政府信息公开工作年度报告", "2019-01-28", "legacy", 2018, layout="legacy_html"),
    Doc("水泊街道2017年政府信息公开工作年度报告", "2018-01-26", "legacy", 2017),
]
BROKEN = ("水泊街道2016年政府信息公开工作年度报告", "/art/2017/1/20/art_25205_2011111.html", "2017-01-20")
TOWN_GUIDE = [Doc("水泊街道政府信息公开指南", "2019-06-28", "guide")]
TOWN_RULES = [Doc("水泊街道政府信息公开工作制度", "2019-06-28", "rules")]
COUNTY_DOCS = [Doc("梁山县2020年政府信息公开工作年度报告", "2021-01-28", "report", 2020, layout="pipe2019"),
               Doc("梁山县2019年政府信息公开工作年度报告", "2020-01-31", "report", 2019, layout="html2019")]
COUNTY_GUIDE = [Doc("梁山县人民政府政府信息公开指南", "2019-07-01", "guide")]


def _index_no(doc: Doc, art_id: int) -> str:
    return f"11370832004300712K/{doc.date[:4]}-{art_id % 1000:05d}"


def build(key: str = "shuipo") -> Portal:
    portal = Portal(key=key, encoding="utf-8")
    site = HanwebSite(key, BRAND, portal, variant="sd_xxgk", flavor="mso", first_id=2845001,
                      seed_bodies={"000": seedparse.blocks_000}, index_no=_index_no)
    county_tree = [(c.name, c.path) for c in COUNTY_TREE]
    town_tree = [(c.name, c.path) for c in TOWN_TREE]
    county_crumbs = [(XXGK.name, XXGK.path)]
    town_crumbs = county_crumbs + [(TOWN.name, TOWN.path)]

    guide, rules, active, annual = TOWN_TREE
    site.column(guide, TOWN_GUIDE, TOWN_ORG, town_tree, town_crumbs)
    site.column(rules, TOWN_RULES, TOWN_ORG, town_tree, town_crumbs)
    site.column(active, [], TOWN_ORG, town_tree, town_crumbs)
    site.column(annual, TOWN_DOCS, TOWN_ORG, town_tree, town_crumbs,
                ListUnit(unitid=65205, perpage=5, groupsize=2), broken=BROKEN)
    site.flavor = "editor"
    for column, docs in zip(COUNTY_TREE, (COUNTY_GUIDE, [], [], COUNTY_DOCS)):
        site.column(column, docs, COUNTY_ORG, county_tree, county_crumbs)
    for column in NAV_EXTRA:
        site.column(column, [], COUNTY_ORG, county_tree, [])

    site.index_page(XXGK, county_crumbs, county_tree,
                    '<div class="xxgk-intro">政府信息公开目录</div>' + hanweb.sublinks(county_tree)
                    + '<div class="right-tit"><span>乡镇（街道）信息公开</span></div>'
                    + hanweb.sublinks([("水泊街道", TOWN.path)]))
    site.index_page(TOWN, town_crumbs, town_tree, hanweb.sublinks(town_tree))
    reports = [(a.title, a.path, a.published) for a in portal.articles if a.is_annual_report][:4]
    site.finish([("政府信息公开", [("政府信息公开", XXGK.path, ""), ("水泊街道信息公开", TOWN.path, "")]
                  + [(t, p, "") for t, p in county_tree]),
                 ("最新公开", reports)])
    portal.xxgk_path = TOWN.path
    portal.column_path = annual.path
    portal.list_urls = [annual.path, f"{hanweb.DATAPROXY}?startrecord=11&endrecord=20&perpage=5"]
    return portal
