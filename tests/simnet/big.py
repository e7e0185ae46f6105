"""One large county portal: a 年报 column holding the reports of the county government and of
its departments and townships for many years, as county portals list them (600 reports for the
kill -9 resume test, 2,000 for the throughput benchmark).

The column is a list of 25 entries a page with a plain 下一页 link (any list convention can be asked
for); detail pages are TRS pages with the metadata block and the generated report bodies (tables
included), so the crawler does its full per-page work. Every report is one URL and belongs to the portal's one site.
"""
from __future__ import annotations

import itertools
import random

from tests.simnet import content, names, skins
from tests.simnet.lists import Entry, ListSpec, publish_list
from tests.simnet.model import Doc, Network, Site


def bodies(count: int) -> list[tuple[str, str]]:
    """(org name, level) of the county, its departments and townships: enough for count reports."""
    county = "鹿邑县"
    orgs = [(f"{county}人民政府", "county")] + [(f"{county}{d}", "department") for d in names.DEPARTMENTS]
    orgs += [(f"{county}{t}人民政府", "township") for t in names.TOWNSHIPS]
    extra = itertools.count(1)
    while len(orgs) * 18 < count:
        orgs.append((f"{county}第{next(extra)}社区服务中心", "department"))
    return orgs


def big_portal(reports: int = 600, seed: int = 1, per_page: int = 25, list_kind: str = "plain_next") -> Network:
    rng = random.Random(f"big:{seed}:{reports}")
    net = Network(seed)
    host = net.host("big", server="nginx")
    site = Site("big", "鹿邑县人民政府", "big", "/", "county", conventions=[list_kind, "big"])
    net.sites["big"] = site
    chrome = skins.Chrome("鹿邑县人民政府", "trs", nav=[("首页", "/"), ("政府信息公开", "/zwgk/")],
                          site_code="4116280001")
    years = list(range(2008, 2026))
    pairs = [(org, level, year) for org, level in bodies(reports) for year in years][:reports]
    entries = []
    for n, (org_name, level, year) in enumerate(pairs):
        org = content.org_for(org_name, level, "鹿邑县")
        date = f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
        title = content.report_title(org_name, year, rng)
        doc = Doc(f"b{n:05d}", "big", title, year, "report", tags=["big", "template_old" if year < 2019
                                                                   else "template_new"], published=date)
        blocks = content.body_blocks(f"big{n % 50}", org, "鹿邑县", tuple(years), "report", year, title, date)
        path = f"/zwgk/zfxxgknb/{date[:7].replace('-', '')}/t{date.replace('-', '')}_{700000 + n}.html"
        fields = {"索引号": f"411628/{date[:4]}-{n:05d}", "发布机构": org.publisher, "发布日期": date}
        main = content.detail_main("trs", title, date, org.publisher, fields, content.body_html(blocks, "trs"), [])
        host.html(path, skins.page(chrome, title, main, [("政府信息公开", "/zwgk/"), ("政府信息公开年报", "")]),
                  last_modified=date)
        doc.locations.append(("big", path))
        net.docs.append(doc)
        entries.append(Entry(title, path, date))
    entries.sort(key=lambda e: e.date, reverse=True)
    spec = ListSpec(list_kind, host, chrome, "/zwgk/zfxxgknb/", "政府信息公开年报", [("政府信息公开", "/zwgk/")],
                    per_page=per_page, rng=rng)
    column = publish_list(spec, entries)
    host.html("/zwgk/index.html", skins.page(chrome, "政府信息公开", f'<ul class="lm"><li><a href="/zwgk/xxgkzn/">'
                                             f'政府信息公开指南</a></li><li><a href="{column}">政府信息公开年报</a></li></ul>'))
    host.html("/zwgk/xxgkzn/index.html", skins.page(chrome, "政府信息公开指南", "<p>　　本指南说明政府信息公开的方式和程序。</p>"))
    host.html("/", skins.homepage(chrome, "nav", "政府信息公开", "/zwgk/", [], [])["/"])
    return net
