"""路桥区 (台州市, 浙江) on www.luqiao.gov.cn, a Zhejiang 大汉 Hanweb jcms 信息公开 site.

Path: homepage -> 政府信息公开 -> 政府信息公开年报 (jpage list, 5 a page, one page per datastore
group, the rest from dataproxy.jsp).  Detail pages carry the 索引号/公开方式/发布机构/公开日期/
有效性/文件编号 table and the 打印本页 关闭窗口 footer; the 2021 report is a PDF attachment only.
"""
from __future__ import annotations

from .. import hanweb, seedparse
from ..hanweb import Column, ListUnit
from ..hanweb_site import HanwebSite
from ..model import Brand, Portal
from ..sitekit import Doc, Org

SITE = {
    "name": "路桥区", "homepage_path": "/", "real_homepage": "http://www.luqiao.gov.cn/",
    "platform": "hanweb", "encoding": "utf-8", "admin_code": "331004", "province": "浙江省",
    "city": "台州市", "county": "路桥区", "township": None, "level": "county",
}

XXGK = Column(1229180416, "政府信息公开")
TREE = [Column(1229180417, "政府信息公开指南"), Column(1229180418, "政府信息公开制度"),
        Column(1229180419, "法定主动公开内容"), Column(1229180420, "政府信息公开年报")]
NAV_EXTRA = [Column(1229180401, "走进路桥"), Column(1229180402, "政务服务"), Column(1229180403, "政民互动")]

BRAND = Brand(site_name="台州市路桥区人民政府", domain="www.luqiao.gov.cn", site_id_code="3310040001",
              footer_org="台州市路桥区人民政府办公室", icp="浙ICP备05016592号", webid=3391,
              address="台州市路桥区路桥大道399号", phone="0576-82432000",
              nav=[("首页", "/"), ("走进路桥", NAV_EXTRA[0].path), ("政务公开", XXGK.path),
                   ("政务服务", NAV_EXTRA[1].path), ("政民互动", NAV_EXTRA[2].path)])

ORG = Org(name="路桥区", publisher="路桥区府办", leaders="区委、区政府", level="county",
          channel="区政府门户网站、“路桥发布”政务新媒体、新闻发布会", issuer="台州市路桥区人民政府办公室",
          address="台州市路桥区路桥大道399号区行政中心")

DOCS = [
    Doc("路桥区2024年政务公开工作要点", "2024-03-20", "workpoints", 2024),
    Doc("路桥区2023年政务公开工作总结和2024年工作思路", "2024-01-12", "seed", 2023, seed="003", time="16:05:00"),
    Doc("台州市路桥区人民政府办公室2022年度部门决算", "2023-08-30", "budget", 2022),
    Doc("台州市路桥区人民政府办公室2023年部门预算", "2023-02-15", "budget", 2023),
    Doc("路桥区2022年政府信息公开工作年度报告", "2023-01-19", "report", 2022, layout="html2021", blanks=True),
    Doc("关于做好2022年度政府信息公开工作年度报告编制发布工作的通知", "2022-12-20", "letter", 2022),
    Doc("路桥区2021年政府信息公开工作年度报告", "2022-01-25", "report", 2021, layout="pdf",
        errors=("total_column",)),
    Doc("路桥区2020年政府信息公开工作年度报告", "2021-01-22", "report", 2020, layout="html2019"),
    Doc("路桥区2019年政府信息公开工作年度报告", "2020-01-21", "report", 2019, layout="pipe2019"),
    Doc("路桥区2018年政府信息公开工作年度报告", "2019-01-30", "legacy", 2018, layout="legacy"),
    Doc("路桥区2017年政府信息公开工作年度报告", "2018-01-25", "legacy", 2017),
]
BROKEN = ("路桥区2016年政府信息公开工作年度报告", "/art/2017/1/24/art_1229180420_1500123.html", "2017-01-24")
GUIDE = [Doc("台州市路桥区人民政府政府信息公开指南", "2020-06-30", "guide")]
RULES = [Doc("路桥区政府信息公开社会评议制度", "2023-03-10", "rules"),
         Doc("路桥区“政府网站找错”答复机制", "2023-03-10", "rules")]


def _index_no(doc: Doc, art_id: int) -> str:
    if doc.seed == "003":
        return "001008010003/2024-158571"
    return f"001008010003/{doc.date[:4]}-{(art_id * 7919) % 200000:06d}"


def build(key: str = "luqiao") -> Portal:
    portal = Portal(key=key, encoding="utf-8")
    heading, body = seedparse.blocks_003()
    site = HanwebSite(key, BRAND, portal, variant="zj_xxgk", flavor="editor", first_id=5012301,
                      seed_bodies={"003": lambda: body}, headings={"003": heading}, index_no=_index_no)
    tree = [(c.name, c.path) for c in TREE]
    crumbs = [(XXGK.name, XXGK.path)]
    guide, rules, active, annual = TREE
    site.column(guide, GUIDE, ORG, tree, crumbs)
    site.column(rules, RULES, ORG, tree, crumbs)
    site.column(active, [], ORG, tree, crumbs)
    site.column(annual, DOCS, ORG, tree, crumbs, ListUnit(unitid=7741223, perpage=5, groupsize=1), broken=BROKEN)
    for column in NAV_EXTRA:
        site.column(column, [], ORG, tree, [])
    site.index_page(XXGK, crumbs, tree, '<div class="xxgk-intro">政府信息公开目录</div>' + hanweb.sublinks(tree))
    latest = [(a.title, a.path, a.published) for a in portal.articles if a.path.startswith("/art/")][-4:]
    site.finish([("政府信息公开", [(t, p, "") for t, p in [("政府信息公开", XXGK.path)] + tree]),
                 ("通知公告", latest)])
    portal.xxgk_path = XXGK.path
    portal.column_path = annual.path
    portal.list_urls = [annual.path] + [f"{hanweb.DATAPROXY}?startrecord={s}&endrecord={s + 4}&perpage=5"
                                        for s in (6, 11)]
    return portal
