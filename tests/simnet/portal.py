"""Build one portal (or subsite) of the network from its plan: homepage, 信息公开 page, columns,
detail pages, copies, attachments and traps, recording every document's truth as it goes."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from govcrawl.sample_portals.textutil import esc
from tests.simnet import changes, content, skins, traps
from tests.simnet.lists import Entry, ListSpec, publish_list, truncate
from tests.simnet.model import Doc, Host, Network, Resource, Site

FILE_TYPES = {"pdf": "application/pdf",
              "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
LIST_STYLE = {"trs_createpage": "trs", "trs_countpage": "trs", "hanweb": "hanweb", "gkmlpt": "gkmlpt",
              "fujian": "fujian", "aspnet": "aspnet", "table_rows": "aspnet", "easysite": "easysite",
              "epoint": "epoint"}


@dataclass
class Plan:
    """Everything decided about one site before its pages are written."""

    site: Site
    county: str                         # 临朐县 (the county a township or department belongs to)
    org_name: str                       # who signs its reports
    list_kind: str
    style: str
    entry: str = "nav"                  # homepage entry style (skins.homepage)
    xxgk_word: str = "政府信息公开"
    nb_word: str = "政府信息公开年报"
    years: list[int] = field(default_factory=list)
    lookalikes: list[str] = field(default_factory=list)
    features: set[str] = field(default_factory=set)
    subsites: list[tuple["Plan", str]] = field(default_factory=list)   # (plan, "township" | "department")
    own_homepage: bool = True           # False: a subsite under a path of its parent's host
    base: str = ""                      # path prefix of a subsite on its parent's host
    column_id: int = 1000
    site_code: str = "0000000000"


class Builder:
    """Writes one site's pages onto its host and its documents into the network."""

    def __init__(self, net: Network, plan: Plan, rng: random.Random, ids, changes=None):
        self.net, self.plan, self.rng, self.ids = net, plan, rng, ids
        self.changes = changes          # states.ChangePlan of the second state, or None
        self.touched: set[str] = set()  # columns whose list differs in the second state
        self.site = plan.site
        self.host: Host = net.hosts[self.site.host]
        self.chrome = skins.Chrome(plan.site.name if plan.site.level != "township" else plan.org_name, plan.style,
                                   self.host.encoding, [("首页", plan.base + "/" if plan.base else "/"),
                                                        ("政务要闻", plan.base + "/xwzx/"), ("互动交流", "/hdjl/")],
                                   plan.site_code, big5="big5" in plan.features,
                                   meta_charset="no_meta_charset" not in plan.features)
        self.org = content.org_for(plan.org_name, plan.site.level, plan.county)
        self.p = plan.base  # path prefix
        self.docs: list[Doc] = []
        self.later: list[tuple[Doc, str, str]] = []  # second-state removals and failures, applied last

    # -- paths -----------------------------------------------------------------------------------
    def detail_path(self, column: str, date: str, n: int, old: bool = False) -> str:
        if old:
            return f"{self.p}/old/ShowArticle.asp?ArticleID={n}"
        style, ymd = self.plan.style, date.replace("-", "")
        if style == "hanweb":
            y, m, d = date.split("-")
            return f"{self.p}/art/{y}/{int(m)}/{int(d)}/art_{self.plan.column_id}_{n}.html"
        if style == "gkmlpt":
            return f"{self.p}/gkmlpt/content/{n % 7}/{self.plan.column_id}/post_{n}.html"
        if style == "fujian":
            return f"{self.p}/zwgk/zfxxgk/{column}/{ymd[:6]}/t{ymd}_{n}.htm"
        if style == "aspnet":
            return f"{self.p}/xxgk/{column}/Show.aspx?id={n}"
        if style == "epoint":
            return f"{self.p}/xxgk/003001/{column}/{ymd}/{n:08x}-{n % 9973:04x}.html"
        if style == "easysite":
            return f"{self.p}/zwgk/{column}/{n}/index.html"
        if style == "old":
            return f"{self.p}/zwgk/ShowArticle.asp?ArticleID={n}"
        return f"{self.p}/zwgk/{column}/{ymd[:6]}/t{ymd}_{n}.html"

    # -- documents --------------------------------------------------------------------------------
    def new_doc(self, title: str, year: int | None, kind: str, date: str, tags: list[str],
                doc_id: str | None = None) -> Doc:
        doc = Doc(doc_id or f"d{next(self.ids):05d}", self.site.key, title, year, kind, tags=list(tags),
                  published=date)
        self.net.docs.append(doc)
        self.docs.append(doc)
        return doc

    def page_for(self, doc: Doc, path: str, blocks: list, column_name: str, old: bool = False,
                 attachments: list[tuple[str, str]] | None = None, change: str = "") -> None:
        """Write the detail page (and its /big5/ mirror) of doc at path; record the location."""
        style = "old" if old else self.plan.style
        fields = {} if old else {"索引号": f"{self.plan.site_code[:9]}/{doc.published[:4]}-{doc.doc_id[1:].zfill(5)}",
                                 "发布机构": self.org.publisher, "发布日期": doc.published,
                                 "主题分类": "政务公开"}
        big5 = f"/big5{path}" if self.chrome.big5 else None
        body = content.body_html(blocks, "mso" if old else "trs")
        last_mod = doc.published
        if change.startswith("edited:"):
            body, last_mod = changes.edit_body(body, change), changes.CHANGE_DATE
        main = content.detail_main(style, doc.title, doc.published, self.org.publisher, fields, body,
                                   attachments or [], big5)
        crumbs = [(self.plan.xxgk_word, ""), (column_name, "")]
        html = skins.page(self.chrome, doc.title, main, crumbs)
        self.host.html(path, html, last_modified=last_mod)
        doc.locations.append((self.host.key, path))
        if big5:
            self.host.html(big5, content.to_traditional(html).replace(f'href="{big5}"', f'href="{path}"')
                           .replace("繁體", "简体"), last_modified=last_mod)
            doc.locations.append((self.host.key, big5))

    def attach(self, doc: Doc, path: str, ext: str, blocks: list) -> str:
        data = content.pdf_file(doc.title, blocks, self.org.publisher) if ext == "pdf" else content.docx_file(doc.title, blocks)
        from urllib.parse import quote
        self.host.add(path, Resource(data, FILE_TYPES[ext], last_modified=doc.published,
                                     headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(doc.title)}.{ext}"}))
        return path

    # -- the whole site ---------------------------------------------------------------------------
    def build(self) -> None:
        plan, rng = self.plan, self.rng
        columns = {"guide": ("政府信息公开指南", "xxgkzn"), "rules": ("政府信息公开制度", "xxgkzd"),
                   "fdzdgk": ("法定主动公开内容", "fdzdgknr"), "nb": (plan.nb_word, "zfxxgknb"),
                   "notice": ("通知公告", "tzgg"), "other": ("其他文件", "qtwj")}
        entries: dict[str, list[Entry]] = {k: [] for k in columns}
        lookalike_years = [rng.choice(plan.years) for _ in plan.lookalikes]
        items = [("report", y) for y in plan.years] + list(zip(plan.lookalikes, lookalike_years))
        special = self._special_reports()
        for idx, (kind, year) in enumerate(items):
            date = f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}" if kind == "report" else \
                f"{year}-{rng.randint(3, 12):02d}-{rng.randint(1, 28):02d}"
            n = next(self.ids) + 40000
            if kind == "report":
                title = content.report_title(self.org.name, year, rng)
                tags = [plan.list_kind, f"entry_{plan.entry}", "template_old" if year < 2019 else "template_new",
                        *sorted(f for f in plan.features if f in ("big5", "gbk", "gb2312", "challenge_static",
                                                                  "challenge_ua", "challenge_rotate"))]
            else:
                title = content.lookalike_title(kind, self.org.name, plan.county, year, rng)
                tags = [plan.list_kind, "lookalike"]
            if self.site.level != "county":
                tags.append(self.site.level)
            role = special.get(idx, "")
            if role:
                tags.append(role)
            doc = self.new_doc(title, year if kind == "report" else None, kind, date, tags)
            blocks = content.body_blocks(self.site.key, self.org, plan.county, tuple(plan.years), kind, year, title, date)
            old = kind == "report" and year < 2019 and "old_cms" in plan.features
            if old:
                doc.tags.append("old_cms")
            change = self.changes.of(doc.doc_id) if self.changes else ""
            column_key = {"misfiled_notice": "notice", "misfiled_other": "other"}.get(role, "nb")
            column_name, column_slug = columns[column_key]
            shown = truncate(title, 20) if "truncated" in plan.features else ""
            if role == "pdf_direct":
                href = self.attach(doc, f"{self.p}/uploadfiles/{date[:7].replace('-', '')}/P0{n}.pdf", "pdf", blocks)
                doc.locations.append((self.host.key, href))
            else:
                path = self.detail_path(column_slug, date, n, old)
                attachments = None
                if role in ("attachment_pdf", "attachment_docx"):
                    ext = role.split("_")[1]
                    file_path = path.rsplit("/", 1)[0] + f"/P0{n}.{ext}"
                    self.attach(doc, file_path, ext, blocks)
                    attachments = [(file_path, f"{title}.{ext}")]
                    blocks = [("p", "详见附件。")]
                self.page_for(doc, path, blocks, column_name, old, attachments, change)
                href = path
            if change.startswith(("removed:", "dropped")):
                self.touched.add(column_key)
            else:
                entries[column_key].append(Entry(title, href, date, shown))
            if change.startswith(("removed:", "flaky:")):
                self.later.append((doc, change, column_key))
            if role == "copy_column":
                copy_path = self.detail_path(columns["fdzdgk"][1], date, n + 500000)
                self.page_for(doc, copy_path, blocks, columns["fdzdgk"][0])
                entries["fdzdgk"].append(Entry(title, copy_path, date))
            if role == "tracking" and doc.locations:
                host, path = doc.locations[0]
                sep = "&" if "?" in path else "?"
                alias = f"{path}{sep}source=syzx&eqid=9f3c1b7e0004a1e2"
                self.host.pages[alias_key(alias)] = self.host.pages[alias_key(path)]
                doc.aliases.append((host, alias))
                self.tracking_link = (title, alias, date)
        self._filler(entries)
        self._additions(columns, entries)
        column_urls = self._columns(columns, entries)
        for doc, change, column_key in self.later:
            changes.replace_page(self, doc, change, column_urls[column_key])
        self._xxgk(columns, column_urls)
        if plan.own_homepage:
            self._homepage()

    def _additions(self, columns, entries: dict[str, list[Entry]]) -> None:
        """Second state: reports published since the first crawl, at the top of the 年报 list."""
        count = self.changes.additions.get(self.site.key, 0) if self.changes else 0
        taken = set(self.plan.years)
        for k in range(count):
            year = max(y for y in range(2009, 2026) if y not in taken)
            taken.add(year)
            doc = self.new_doc("", year, "report", f"{changes.CHANGE_DATE[:8]}{10 + k}", ["added"],
                               doc_id=f"a{self.site.key}{k}")  # its own id space: other pages keep theirs
            doc.title = content.report_title(self.org.name, year, random.Random(doc.doc_id))
            blocks = content.body_blocks(self.site.key, self.org, self.plan.county, tuple(sorted(taken)), "report",
                                         year, doc.title, doc.published)
            path = self.detail_path(columns["nb"][1], doc.published, 900000 + self.plan.column_id * 10 + k)
            self.page_for(doc, path, blocks, columns["nb"][0])
            entries["nb"].append(Entry(doc.title, path, doc.published))
            self.touched.add("nb")

    def _special_reports(self) -> dict[int, str]:
        """Which of the site's documents carry a feature: index -> role."""
        roles = [f for f in ("pdf_direct", "attachment_pdf", "attachment_docx", "copy_column", "misfiled_notice",
                             "misfiled_other", "tracking") if f in self.plan.features]
        reports = list(range(len(self.plan.years)))
        self.rng.shuffle(reports)
        return {i: role for i, role in zip(reports, roles)}

    def _filler(self, entries: dict[str, list[Entry]]) -> None:
        """Ordinary documents of the other columns (not reports, not look-alikes: never claimed)."""
        for key, subjects in (("notice", ["防汛工作", "森林防火", "安全生产大检查", "春季农业生产", "创建文明城市"]),
                              ("other", ["城乡居民医保参保", "老旧小区改造", "义务教育招生"]),
                              ("fdzdgk", ["机构职能", "领导信息", "规划计划"])):
            for k, subject in enumerate(subjects):
                date = f"{2020 + k}-0{k + 3}-1{k}"
                path = self.detail_path(key, date, next(self.ids) + 70000)
                title = f"关于做好{subject}工作的通知" if key != "fdzdgk" else f"{self.org.name}{subject}"
                blocks = content.body_blocks(self.site.key, self.org, self.plan.county, (), "notice", 2020 + k, title, date)
                main = content.detail_main(self.plan.style, title, date, self.org.publisher, {}, content.body_html(blocks, "editor"), [])
                self.host.html(path, skins.page(self.chrome, title, main), last_modified=date)
                entries[key].append(Entry(title, path, date))

    def _columns(self, columns, entries) -> dict[str, str]:
        plan, urls = self.plan, {}
        tree = [(name, "") for name, _ in columns.values()]
        for key, (name, slug) in columns.items():
            ordered = sorted(entries[key], key=lambda e: e.date, reverse=True)
            kind = plan.list_kind if key == "nb" else ("plain_next" if plan.style not in ("trs",) else "trs_createpage")
            base = f"{self.p}/zwgk/{slug}/" if plan.style not in ("fujian",) else f"{self.p}/zwgk/zfxxgk/{slug}/"
            if kind in ("hanweb", "gkmlpt") and key != "nb":
                kind = "plain_next"
            spec = ListSpec(kind, self.host, self.chrome, base, name, [(plan.xxgk_word, f"{self.p}/zwgk/")],
                            skins.column_tree(tree, name), per_page=6 if key == "nb" else 10, rng=self.rng,
                            far_last_page="trap_far_last" in plan.features and key == "nb",
                            column_id=plan.column_id + list(columns).index(key) * 7,
                            last_modified=changes.CHANGE_DATE if key in self.touched else
                            max([e.date for e in ordered] or ["2025-01-01"]))
            if key in ("guide", "rules"):
                title = f"{self.org.name}{name}"
                blocks = content.body_blocks(self.site.key, self.org, plan.county, (), "notice", 2024, title, "2024-01-05")
                path = f"{base}index.html"
                self.host.html(path, skins.page(self.chrome, name, content.detail_main(
                    plan.style, title, "2024-01-05", self.org.publisher, {}, content.body_html(blocks, "editor"), []),
                    [(name, "")]), last_modified="2024-01-05")
                urls[key] = path
                continue
            urls[key] = publish_list(spec, ordered)
        return urls

    def _xxgk(self, columns, urls: dict[str, str]) -> None:
        plan = self.plan
        links = [(columns[k][0], urls[k]) for k in ("guide", "rules", "fdzdgk", "nb", "notice", "other")]
        if plan.nb_word in ("年报",):
            links[3] = ("年报", urls["nb"])
        extra = ""
        townships = [(p, k) for p, k in plan.subsites if k == "township"]
        departments = [(p, k) for p, k in plan.subsites if k == "department"]
        if townships:
            links.append(("乡镇（街道）信息公开", f"{self.p}/zwgk/xzjd/"))
            self._index(f"{self.p}/zwgk/xzjd/", "乡镇（街道）信息公开", townships)
        if departments:
            links.append(("部门信息公开", f"{self.p}/zwgk/bmxxgk/"))
            self._index(f"{self.p}/zwgk/bmxxgk/", "部门信息公开", departments)
        extra += traps.widgets(self, plan.features)
        self.rng.shuffle(links)
        items = "".join(f'<li><a href="{esc(h)}">{esc(t)}</a></li>' for t, h in links)
        main = f'<div class="xxgk_nav"><h2>{esc(plan.xxgk_word)}</h2><ul class="lm">{items}</ul></div>{extra}'
        self.xxgk_path = f"{self.p}/zwgk/"
        self.host.html(self.xxgk_path + "index.html", skins.page(self.chrome, plan.xxgk_word, main, [(plan.xxgk_word, "")]))

    def _index(self, path: str, title: str, subs: list) -> None:
        from tests.simnet.model import host_mark
        rows = []
        for sub_plan, _ in subs:
            href = sub_plan.base + "/zwgk/" if not sub_plan.own_homepage else host_mark(sub_plan.site.host) + "/"
            rows.append(f'<li><a href="{esc(href)}" target="_blank">{esc(sub_plan.site.name)}</a></li>')
        self.host.html(path + "index.html", skins.page(self.chrome, title, f'<ul class="sub_sites">{"".join(rows)}</ul>',
                                                       [(self.plan.xxgk_word, f"{self.p}/zwgk/"), (title, "")]))

    def _homepage(self) -> None:
        plan = self.plan
        news = []
        for k in range(4):
            date = f"2025-0{k + 2}-1{k}"
            path = f"{self.p}/xwzx/2025/{k + 1:03d}.html"
            title = ["全县经济运行情况通报会召开", "春季植树活动有序开展", "优化营商环境工作推进会召开", "乡村振兴重点项目集中开工"][k]
            self.host.html(path, skins.page(self.chrome, title, content.detail_main(
                plan.style, title, date, self.org.publisher, {}, f"<p>　　{esc(title)}。</p>", [])), last_modified=date)
            news.append((title, path, date))
        if getattr(self, "tracking_link", None):
            news.insert(0, self.tracking_link)
        xxgk = self.xxgk_path if plan.entry != "none" else "#"
        pages = skins.homepage(self.chrome, plan.entry, plan.xxgk_word, xxgk, news,
                               [("营商环境", "/ztzl/yshj/"), ("乡村振兴", "/ztzl/xczx/")])
        for path, html in pages.items():
            self.host.html((self.p + path) if path != "/" else (self.p + "/"), html)
        self.host.html(f"{self.p}/xwzx/index.html", skins.page(self.chrome, "政务要闻", "".join(
            f'<p><a href="{h}">{esc(t)}</a></p>' for t, h, _ in news)))


def alias_key(target: str) -> str:
    from tests.simnet.model import canonical
    return canonical(target)
