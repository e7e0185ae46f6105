"""五原县民政局 (五原县, 巴彦淖尔市, 内蒙古) on www.wuyuan.gov.cn, a TRS WCM site.

Path: homepage -> 政府信息公开 (/zwgk/) -> 部门信息公开 -> 县民政局 -> 政府信息公开年报
(/zwgk/bmxxgk/mzj/xxgknb/index.html + index_1.html).  The 2020 report (seed 002) is served in
the traditional-Chinese variant with pinyin glosses; the 2019 report exists only as a PDF, the 2021
report only as a DOCX (both behind 详见附件 shell pages); 2022 carries a deliberate 行政复议 total error.
"""
from __future__ import annotations

import posixpath

from .. import seedparse, trs
from ..bodyhtml import render_blocks
from ..model import Article, Brand, Portal, Resource
from ..sitekit import Doc, Org, article_for, generated_article, newest_first, publish_files, year_stats
from ..textutil import to_glossed_traditional

SITE = {
    "name": "五原县民政局", "homepage_path": "/", "real_homepage": "http://www.wuyuan.gov.cn/",
    "platform": "trs", "encoding": "utf-8", "admin_code": "150821", "province": "内蒙古自治区",
    "city": "巴彦淖尔市", "county": "五原县", "township": None, "level": "department",
}

BRAND = Brand(site_name="五原县人民政府", domain="www.wuyuan.gov.cn", site_id_code="1508210001",
              footer_org="五原县人民政府办公室", icp="蒙ICP备10002381号-1", address="五原县隆兴昌镇政务服务中心",
              phone="0478-5212345",
              nav=[("首页", "/"), ("政府信息公开", "/zwgk/"), ("政务服务", "/zwfw/"), ("走进五原", "/zjwy/")])

MZJ = Org(name="五原县民政局", publisher="五原县民政局", leaders="县委、县政府", level="department",
          channel="五原县人民政府网站、“三务公开”便民服务平台、微信公众号和公开栏",
          issuer="五原县人民政府办公室", address="巴彦淖尔市五原县政务中心大楼4楼")
COUNTY = Org(name="五原县", publisher="五原县人民政府办公室", leaders="县委、县政府", level="county",
             channel="县政府门户网站、政务新媒体", issuer="五原县人民政府办公室", address="五原县隆兴昌镇")

COUNTY_COLUMNS = [("政府信息公开指南", "/zwgk/zfxxgkzn/"), ("政府信息公开制度", "/zwgk/zfxxgkzd/"),
                  ("法定主动公开内容", "/zwgk/fdzdgknr/"), ("政府信息公开年报", "/zwgk/zfxxgknb/")]
MZJ_COLUMNS = [("政府信息公开指南", "/zwgk/bmxxgk/mzj/xxgkzn/"), ("政府信息公开制度", "/zwgk/bmxxgk/mzj/xxgkzd/"),
               ("法定主动公开内容", "/zwgk/bmxxgk/mzj/fdzdgknr/"), ("政府信息公开年报", "/zwgk/bmxxgk/mzj/xxgknb/")]

MZJ_DOCS = [
    Doc("五原县民政局2023年政府信息公开工作年度报告", "2024-01-19", "report", 2023, layout="html_trs"),
    Doc("五原县民政局2022年政府信息公开工作年度报告", "2023-01-18", "report", 2022, layout="html_trs",
        errors=("appeals",)),
    Doc("五原县民政局2021年部门预算公开", "2021-03-05", "budget", 2021),
    Doc("五原县民政局2021年政府信息公开工作年度报告", "2022-01-24", "report", 2021, layout="docx"),
    Doc("关于开展2021年社会救助政策宣传月活动的通知", "2021-04-12", "notice", 2021),
    Doc("五原县民政局2021年政务公开工作要点", "2021-03-18", "workpoints", 2021),
    Doc("五原县民政局2020年政府信息公开工作年度报告", "2021-01-28", "seed", 2020, seed="002", time="11:20:00"),
    Doc("关于做好2020年度政府信息公开工作年度报告编制工作的函", "2020-12-21", "letter", 2020,
        publisher="五原县人民政府办公室"),
    Doc("五原县民政局2019年政府信息公开工作年度报告", "2020-01-20", "report", 2019, pdf_only=True),
    Doc("五原县民政局2018年政府信息公开工作年度报告", "2019-01-25", "legacy", 2018, layout="legacy_html"),
    Doc("五原县民政局2017年政府信息公开工作年度报告", "2018-01-26", "legacy", 2017),
]
BROKEN = ("五原县民政局2016年政府信息公开工作年度报告", "./201701/t20170123_404404.html", "2017-01-23")
MZJ_GUIDE = [Doc("五原县民政局政府信息公开指南", "2020-05-20", "guide")]
COUNTY_DOCS = [Doc("五原县2020年政府信息公开工作年度报告", "2021-01-29", "report", 2020, layout="html_trs")]
PER_PAGE = 10


def _rel(from_path: str, to_dir: str) -> str:
    """Relative link from a page to a directory or file, as TRS writes them (./ and ../)."""
    base = posixpath.dirname(from_path)
    rel = posixpath.relpath(to_dir.rstrip("/") or "/", base)
    rel = rel if rel.startswith(".") else "./" + rel
    return rel + "/" if to_dir.endswith("/") else rel


def _index_no(doc_id: int, date: str) -> str:
    return f"11150821011566210L/{date[:4]}-{doc_id % 100000:05d}"


class _Builder:
    def __init__(self, key: str) -> None:
        self.key = key
        self.portal = Portal(key=key, encoding="utf-8")
        self.ids = iter(range(1178401, 1199999))

    def tree_links(self, page: str, columns) -> list[tuple[str, str]]:
        return [(name, _rel(page, target)) for name, target in columns]

    def crumbs(self, page: str, trail) -> list[tuple[str, str]]:
        return [(name, _rel(page, target)) for name, target in [("首页", "/")] + trail]

    def column(self, name: str, directory: str, docs: list[Doc], org: Org, columns, trail,
               broken: tuple[str, str, str] | None = None) -> None:
        stats = year_stats(self.key, org, docs)
        pairs = []
        for doc in docs:
            doc_id = next(self.ids)
            path = trs.article_path(directory, doc.date, doc_id)
            if doc.seed == "002":
                article = article_for(doc, path, org, seedparse.blocks_002(), _index_no(doc_id, doc.date))
            else:
                article = generated_article(doc, path, org, stats, _index_no(doc_id, doc.date))
            stamp = doc.date.replace("-", "")
            publish_files(self.portal, article, org, lambda ext, path=path, name=f"P0{stamp}{doc_id:09d}":
                          (posixpath.join(posixpath.dirname(path), f"{name}.{ext}"), f"./{name}.{ext}"))
            self.portal.articles.append(article)
            pairs.append((doc, article))
        items = [("./" + a.path[len(directory):], a.title, a.published) for _, a in newest_first(pairs)]
        if broken:
            title, href, date = broken
            items.append((href, title, date))
            self.portal.broken_links.append(posixpath.normpath(posixpath.join(directory, href)))
        pages = max(1, (len(items) + PER_PAGE - 1) // PER_PAGE)
        here_trail = trail + [(name, directory)]
        for n in range(pages):
            page_path = directory + ("index.html" if n == 0 else f"index_{n}.html")
            content = trs.list_table(items[n * PER_PAGE:(n + 1) * PER_PAGE], pages, n)
            self.portal.add_html(page_path, trs.column_page(BRAND, page_path, name, self.crumbs(page_path, here_trail),
                                                            self.tree_links(page_path, columns), content))
        for doc, article in pairs:
            crumbs = self.crumbs(article.path, here_trail)
            if doc.seed == "002":
                self.portal.add_html(article.path, _glossed_page(article, name, crumbs))
            else:
                self.portal.add_html(article.path, trs.detail_page(BRAND, article, name, crumbs))

    def links_page(self, path: str, name: str, trail, columns, links) -> None:
        rows = "".join(f'<li><a href="{_rel(path, target)}">{title}</a></li>' for title, target in links)
        self.portal.add_html(path, trs.column_page(BRAND, path, name, self.crumbs(path, trail),
                                                   self.tree_links(path, columns), f'<ul class="xxgk_sub">{rows}</ul>'))


def _glossed_page(article: Article, column_name: str, crumbs) -> str:
    """The page as the traditional-variant service returns it: chrome converted with glosses,
    the body exactly as seed 002 has it."""
    marker = "@@SEEDBODY@@"
    shell = trs.detail_page(BRAND, article, column_name, crumbs, body_html=marker)
    body = render_blocks(article.body, "trs")
    return to_glossed_traditional(shell).replace(marker, body)


def build(key: str = "wuyuan_mzj") -> Portal:
    b = _Builder(key)
    zwgk_trail = [("政府信息公开", "/zwgk/")]
    mzj_trail = zwgk_trail + [("部门信息公开", "/zwgk/bmxxgk/"), ("县民政局", "/zwgk/bmxxgk/mzj/")]
    county_cols = COUNTY_COLUMNS + [("部门信息公开", "/zwgk/bmxxgk/")]
    for (name, directory), docs in zip(COUNTY_COLUMNS, ([], [], [], COUNTY_DOCS)):
        b.column(name, directory, docs, COUNTY, county_cols, zwgk_trail)
    for (name, directory), docs in zip(MZJ_COLUMNS, (MZJ_GUIDE, [], [], MZJ_DOCS)):
        b.column(name, directory, docs, MZJ, MZJ_COLUMNS, mzj_trail,
                 broken=BROKEN if name == "政府信息公开年报" else None)
    b.links_page("/zwgk/index.html", "政府信息公开", [], county_cols, county_cols)
    b.links_page("/zwgk/bmxxgk/index.html", "部门信息公开", zwgk_trail, county_cols,
                 [("县民政局", "/zwgk/bmxxgk/mzj/")])
    b.links_page("/zwgk/bmxxgk/mzj/index.html", "县民政局", mzj_trail[:-1], MZJ_COLUMNS, MZJ_COLUMNS)
    for name, directory in (("政务服务", "/zwfw/"), ("走进五原", "/zjwy/")):
        b.links_page(directory + "index.html", name, [], county_cols, [("政府信息公开", "/zwgk/")])
    latest = [(a.title, _rel("/index.html", a.path), a.published) for a in b.portal.articles if a.is_annual_report][:4]
    home = trs.homepage(BRAND, "/index.html", [("政府信息公开", [("政府信息公开", "./zwgk/", ""),
                                                             ("部门信息公开", "./zwgk/bmxxgk/", "")]),
                                                ("信息公开年报", latest)])
    b.portal.add_html("/index.html", home)
    b.portal.not_found = Resource(trs.not_found(BRAND).encode("utf-8"), "text/html; charset=utf-8", 404)
    b.portal.xxgk_path = "/zwgk/bmxxgk/mzj/index.html"
    b.portal.column_path = "/zwgk/bmxxgk/mzj/xxgknb/index.html"
    b.portal.list_urls = ["/zwgk/bmxxgk/mzj/xxgknb/index.html", "/zwgk/bmxxgk/mzj/xxgknb/index_1.html"]
    return b.portal
