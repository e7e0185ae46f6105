"""金塘镇 (定海区, 舟山市, 浙江) on the 定海区 portal www.dinghai.gov.cn (older Zhejiang Hanweb jcms).

Path: homepage -> 政府信息公开 -> 乡镇（街道） 金塘镇 -> 政府信息公开年报 (one jpage list page).
Pages show title and 发布时间 only (no 索引号 table), as the 2019 page of seed 004 did. The 2020
report keeps its tables in an XLSX 统计表 attachment; 2016 and 2017 close with the old 统计表.
"""
from __future__ import annotations

from .. import hanweb, seedparse
from ..hanweb import Column, ListUnit
from ..hanweb_site import HanwebSite
from ..model import Brand, Portal
from ..sitekit import Doc, Org

SITE = {
    "name": "金塘镇", "homepage_path": "/", "real_homepage": "http://www.dinghai.gov.cn/",
    "platform": "hanweb", "encoding": "utf-8", "admin_code": "330902100", "province": "浙江省",
    "city": "舟山市", "county": "定海区", "township": "金塘镇", "level": "township",
}

XXGK = Column(1388300, "政府信息公开")
COUNTY_TREE = [Column(1388301, "政府信息公开指南"), Column(1388302, "政府信息公开制度"),
               Column(1388303, "法定主动公开内容"), Column(1388304, "政府信息公开年报")]
TOWN = Column(1388350, "金塘镇")
TOWN_TREE = [Column(1388351, "政府信息公开指南"), Column(1388352, "政府信息公开制度"),
             Column(1388353, "法定主动公开内容"), Column(1388354, "政府信息公开年报")]
NAV_EXTRA = [Column(1388201, "走进定海"), Column(1388202, "新闻中心"), Column(1388203, "互动交流")]

BRAND = Brand(site_name="舟山市定海区人民政府", domain="www.dinghai.gov.cn", site_id_code="3309020001",
              footer_org="舟山市定海区人民政府办公室", icp="浙ICP备05010921号", webid=2437,
              address="舟山市定海区人民北路1号", phone="0580-2023390",
              nav=[("首页", "/"), ("走进定海", NAV_EXTRA[0].path), ("政府信息公开", XXGK.path),
                   ("新闻中心", NAV_EXTRA[1].path), ("互动交流", NAV_EXTRA[2].path)])

TOWN_ORG = Org(name="金塘镇", publisher="金塘镇", leaders="镇党委、政府", level="township",
               channel="定海区政府门户网站金塘镇信息公开专栏和村务公开栏", issuer="舟山市定海区人民政府办公室",
               address="舟山市定海区金塘镇沥港路")
COUNTY_ORG = Org(name="定海区", publisher="定海区政府办", leaders="区委、区政府", level="county",
                 channel="区政府门户网站、政务新媒体", issuer="舟山市定海区人民政府办公室",
                 address="舟山市定海区人民北路1号")

TOWN_DOCS = [
    Doc("金塘镇2022年政府信息公开工作年度报告", "2023-01-17", "report", 2022, layout="tab2021"),
    Doc("金塘镇2021年政府信息公开工作年度报告", "2022-01-21", "report", 2021, layout="html2021_word",
        blanks=True),
    Doc("金塘镇2020年政府信息公开工作年度报告", "2021-01-19", "report", 2020, layout="xlsx"),
    Doc("金塘镇2020年部门预算", "2020-03-02", "budget", 2020),
    Doc("金塘镇2019年政府信息公开工作年度报告", "2020-01-15", "report", 2019, layout="lines"),
    Doc("关于做好2019年度政府信息公开工作年度报告编制发布工作的通知", "2019-12-24", "letter", 2019,
        publisher="舟山市定海区人民政府办公室"),
    Doc("金塘镇2019年政务公开工作要点", "2019-03-28", "workpoints", 2019),
    Doc("金塘2018年度政府信息公开工作年度总结报告", "2019-01-16", "seed", 2018, seed="004", time="10:12:31"),
    Doc("金塘镇2017年度政府信息公开工作年度报告", "2018-01-22", "legacy_table", 2017, layout="legacy"),
    Doc("金塘镇2016年度政府信息公开工作年度报告", "2017-01-20", "legacy_table", 2016, layout="legacy_html"),
]
BROKEN = ("金塘镇2015年度政府信息公开工作年度报告", "/art/2016/1/25/art_1388354_2015017.html", "2016-01-25")
TOWN_GUIDE = [Doc("金塘镇政府信息公开指南", "2019-07-15", "guide")]
COUNTY_DOCS = [Doc("定海区2019年政府信息公开工作年度报告", "2020-01-22", "report", 2019, layout="html_trs")]


def build(key: str = "jintang") -> Portal:
    portal = Portal(key=key, encoding="utf-8")
    title, date_line, seed_body = seedparse.blocks_004()
    site = HanwebSite(key, BRAND, portal, variant="zj_plain", flavor="editor", first_id=30092301,
                      seed_bodies={"004": lambda: seed_body})
    county_tree = [(c.name, c.path) for c in COUNTY_TREE]
    town_tree = [(c.name, c.path) for c in TOWN_TREE]
    county_crumbs = [(XXGK.name, XXGK.path)]
    town_crumbs = county_crumbs + [(TOWN.name, TOWN.path)]
    guide, rules, active, annual = TOWN_TREE
    site.column(guide, TOWN_GUIDE, TOWN_ORG, town_tree, town_crumbs)
    site.column(rules, [], TOWN_ORG, town_tree, town_crumbs)
    site.column(active, [], TOWN_ORG, town_tree, town_crumbs)
    site.column(annual, TOWN_DOCS, TOWN_ORG, town_tree, town_crumbs,
                ListUnit(unitid=4107354, perpage=15, groupsize=3), broken=BROKEN)
    for column, docs in zip(COUNTY_TREE, ([], [], [], COUNTY_DOCS)):
        site.column(column, docs, COUNTY_ORG, county_tree, county_crumbs)
    for column in NAV_EXTRA:
        site.column(column, [], COUNTY_ORG, county_tree, [])
    towns = hanweb.sublinks([("金塘镇", TOWN.path)])
    site.index_page(XXGK, county_crumbs, county_tree, hanweb.sublinks(county_tree)
                    + '<div class="right-tit"><span>乡镇（街道）</span></div>' + towns)
    site.index_page(TOWN, town_crumbs, town_tree, hanweb.sublinks(town_tree))
    site.finish([("政府信息公开", [("政府信息公开", XXGK.path, ""), ("乡镇（街道）信息公开：金塘镇", TOWN.path, "")])])
    portal.xxgk_path = TOWN.path
    portal.column_path = annual.path
    portal.list_urls = [annual.path]
    return portal
