"""Generate a network of simulated county portals from a seed (deterministic: the same seed and
size give byte-identical pages).

Every registry site gets one list convention (the kinds of ``lists``), one homepage entry style,
one wording of 信息公开 and of its 年报 column, a CMS chrome that goes with its list convention,
and a share of the features that make real portals hard: GBK / GB2312 pages, cookie challenges,
/big5/ mirrors, copies in another column, tracking parameters, misfiled reports, reports that are
only a PDF or DOCX, pre-2019 reports left on an old CMS, truncated list titles, traps, and
乡镇（街道）/ 部门 subsites on the same host or their own. Features are spread so that even a small
network carries every one of them. Two registry sites can have no report at all: one has no
信息公开 entry, one is down (503); a crawler must say why it found nothing there.
"""
from __future__ import annotations

import itertools
import random

from tests.simnet import names
from tests.simnet.lists import LIST_KINDS
from tests.simnet.model import Network, Site
from tests.simnet.portal import LIST_STYLE, Builder, Plan

ENTRIES = ["nav", "frameset", "iframe", "select", "image", "footer"]
# feature -> (how many sites get it per 15 registry sites, at least 1)
FEATURES = {
    "challenge_static": 0, "challenge_ua": 0, "challenge_rotate": 0,
    "trap_calendar": 0, "trap_search": 0, "trap_endless": 0, "trap_far_last": 0,
    "big5": 1, "tracking": 1, "copy_column": 1, "misfiled_notice": 1, "misfiled_other": 1,
    "pdf_direct": 1, "attachment_pdf": 1, "attachment_docx": 1, "old_cms": 1, "truncated": 1,
    "townships": 1, "departments": 1, "no_meta_charset": 1,
}
SUBSITE_KINDS = ["plain_next", "numbered", "trs_createpage", "table_rows", "easysite", "trs_countpage"]
DEFAULT_SITES = 40


def _fits(feature: str, plan: Plan) -> bool:
    kind, feats = plan.list_kind, plan.features
    busy = {"challenge_static", "challenge_ua", "challenge_rotate"}
    if feature in busy:
        return not (feats & busy) and kind in ("plain_next", "numbered", "trs_createpage", "table_rows",
                                               "easysite", "trs_countpage", "hanweb") \
            and not any(f.startswith("trap") or f in ("townships", "departments") for f in feats)
    if feature == "trap_far_last":
        return kind == "numbered"
    if feature.startswith("trap") or feature in ("townships", "departments"):
        return not (feats & busy)
    if feature == "truncated":
        return kind not in ("gkmlpt", "fujian", "js_only")
    return True


def _assign(plans: list[Plan], rng: random.Random) -> None:
    per15 = max(1, len(plans) // 15)
    for feature, weight in FEATURES.items():
        count = per15 * weight if weight else 1
        for _ in range(count):
            candidates = [p for p in plans if feature not in p.features and _fits(feature, p)]
            if not candidates:
                break
            least = min(len(p.features) for p in candidates)
            pick = rng.choice([p for p in candidates if len(p.features) == least])
            pick.features.add(feature)


def _years(rng: random.Random, low: int, high: int, count: int) -> list[int]:
    years = set(rng.sample(range(low, high + 1), count))
    if low < 2019:
        years.add(rng.randint(low, 2018))
    years.add(rng.randint(2021, high))
    return sorted(years, reverse=True)


def generate(seed: int = 1, sites: int = DEFAULT_SITES, changes=None) -> Network:
    """A network of ``sites`` registry portals (at least 4), with their subsites and truth;
    ``changes`` (a states.ChangePlan) gives the second state of the same network."""
    sites = max(4, sites)
    rng = random.Random(f"simnet:{seed}")
    net = Network(seed)
    counties = rng.sample(names.COUNTIES, min(sites, len(names.COUNTIES)))
    while len(counties) < sites:
        counties.append(names.COUNTIES[len(counties) % len(names.COUNTIES)])
    kinds = LIST_KINDS[:]
    rng.shuffle(kinds)
    content_sites = sites - 2
    plans: list[Plan] = []
    for i in range(content_sites):
        county, city, province, code = counties[i]
        key = f"p{i:02d}"
        kind = kinds[i % len(kinds)]
        style = LIST_STYLE.get(kind, rng.choice(["trs", "old", "hanweb", "trs"]))
        site = Site(key, f"{county}人民政府", key, "/", "county")
        plan = Plan(site, county, f"{county}人民政府", kind, style, ENTRIES[i % len(ENTRIES)],
                    names.XXGK_WORDS[i % len(names.XXGK_WORDS)], names.NB_WORDS[(i * 3) % len(names.NB_WORDS)],
                    _years(rng, 2008, 2025, rng.randint(3, 6)),
                    [names_lookalike(i, j) for j in range(rng.randint(2, 3))],
                    column_id=1000 + 37 * i, site_code=f"{code}0001")
        if i % 4 == 1 and kind not in ("gkmlpt", "fujian"):
            plan.features.add("gbk")
        elif i % 6 == 4:
            plan.features.add("gb2312")
        plans.append(plan)
    _assign(plans, rng)
    ids = itertools.count(1)
    towns = iter(_township_names(rng))
    for plan in plans:
        encoding = "gbk" if "gbk" in plan.features else ("gb2312" if "gb2312" in plan.features else "utf-8")
        host = net.host(plan.site.host, encoding=encoding, server=_server(plan.style))
        for feature in ("challenge_static", "challenge_ua", "challenge_rotate"):
            if feature in plan.features:
                host.challenge = feature.split("_")[1]
                plan.years = plan.years[:3]
        plan.site.conventions = sorted({plan.list_kind, f"entry_{plan.entry}", plan.style} | plan.features)
        _add_subsites(net, plan, rng, towns)
        net.sites[plan.site.key] = plan.site
    for plan in plans:
        for sub, _ in plan.subsites:
            net.sites[sub.site.key] = sub.site
    for plan in plans:
        for sub, _ in plan.subsites:
            Builder(net, sub, random.Random(f"{seed}:{sub.site.key}"), ids, changes).build()
        Builder(net, plan, random.Random(f"{seed}:{plan.site.key}"), ids, changes).build()
    _empty_sites(net, counties[content_sites:], content_sites, rng, ids)
    return net


def names_lookalike(i: int, j: int) -> str:
    from tests.simnet.content import LOOKALIKE_KINDS

    return LOOKALIKE_KINDS[(i * 2 + j) % len(LOOKALIKE_KINDS)]


def _server(style: str) -> str:
    from tests.simnet.skins import SERVERS

    return SERVERS.get(style, "nginx")


def _township_names(rng: random.Random) -> list[str]:
    heads = ["城关", "白沙", "青山", "桥头", "龙泉", "河口", "新店", "马坪", "双河", "柳林", "凤凰", "高桥", "石门",
             "黄土岭", "大坝", "金鸡", "东城", "城南", "西湖", "三官庙", "杨柳", "花园", "太平", "永安"]
    tails = ["镇", "乡", "街道"]
    out = [h + t for h, t in itertools.product(heads, tails)]
    rng.shuffle(out)
    return out


def _add_subsites(net: Network, plan: Plan, rng: random.Random, towns) -> None:
    parent = plan.site
    wanted = []
    if "townships" in plan.features:
        wanted += [("township", False), ("township", True)]
    if "departments" in plan.features:
        wanted += [("department", True), ("department", False)]
    for n, (level, own_host) in enumerate(wanted):
        if level == "township":
            town = next(towns)
            name, org = town, f"{plan.county}{town}人民政府"
        else:
            dept = names.DEPARTMENTS[(n + len(net.sites)) % len(names.DEPARTMENTS)]
            name = org = f"{plan.county}{dept}"
        key = f"{parent.key}{'t' if level == 'township' else 'd'}{n}"
        base = "" if own_host else f"/{'xzjd' if level == 'township' else 'bm'}/{key}"
        host_key = key if own_host else parent.host
        if own_host:
            net.host(key, encoding=net.hosts[parent.host].encoding, server=net.hosts[parent.host].server)
        site = Site(key, name, host_key, "/" if own_host else base + "/zwgk/", level, parent.key, registry=False)
        kind = SUBSITE_KINDS[(n + int(parent.key[1:])) % len(SUBSITE_KINDS)]
        style = LIST_STYLE.get(kind, plan.style if plan.style in ("trs", "old", "hanweb") else "trs")
        sub = Plan(site, plan.county, org, kind, style, "nav", "政务公开" if level == "department" else "信息公开",
                   names.NB_WORDS[n % len(names.NB_WORDS)], _years(rng, 2016, 2025, 2),
                   [names_lookalike(n + 3, 0)], own_homepage=own_host, base=base,
                   column_id=plan.column_id + 500 + n * 11, site_code=plan.site_code[:6] + f"{n + 1:04d}")
        site.conventions = sorted({kind, level, "own_host" if own_host else "same_host_path"})
        plan.subsites.append((sub, level))


def _empty_sites(net: Network, counties, start: int, rng: random.Random, ids) -> None:
    """A portal without any 信息公开 entry and a portal that is down: no reports, a reason needed."""
    for n, (county, *_rest) in enumerate(counties[:2]):
        key = f"p{start + n:02d}"
        site = Site(key, f"{county}人民政府", key, "/", "county",
                    expect_reason="no_column" if n == 0 else "down")
        host = net.host(key, server="nginx")
        net.sites[key] = site
        if n == 0:
            plan = Plan(site, county, site.name, "plain_next", "trs", "none", years=[], lookalikes=[],
                        column_id=9000 + n)
            site.conventions = ["entry_none"]
            builder = Builder(net, plan, random.Random(f"{net.seed}:{key}"), ids)
            builder.xxgk_path = "#"
            builder._homepage()
        else:
            host.down = True
            site.conventions = ["down"]
