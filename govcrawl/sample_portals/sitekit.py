"""Shared pieces of the five site builders: document specs and their generated bodies."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from govcrawl.tables.samples import printed

from . import reportgen, statstruth
from .docfiles import report_docx, stats_xlsx
from .model import Article, Block, Portal, Resource
from .pdfgen import report_pdf
from .stats import YearStats, series

REPORT_KINDS = {"report", "legacy", "legacy_table", "seed"}


@dataclass
class Doc:
    """One item of a column list, before it has a path on a platform."""

    title: str
    date: str  # YYYY-MM-DD
    kind: str  # report | legacy | legacy_table | seed | workpoints | letter | budget | notice | guide | rules
    year: int | None = None  # report year, or the year a look-alike is about
    seed: str | None = None
    pdf_only: bool = False
    time: str = "09:30:00"
    publisher: str | None = None  # overrides the site default
    layout: str | None = None  # how the tables are printed: a samples layout, or pdf / docx / xlsx (attachment)
    errors: tuple[str, ...] = ()  # deliberate 勾稽关系 errors, keys of govcrawl.tables.samples.ERROR_EFFECTS
    blanks: bool = False  # print some cells blank, a dash and a 无 (samples.apply_blanks)

    def __post_init__(self) -> None:
        if self.pdf_only and not self.layout:
            self.layout = "pdf"
        self.pdf_only = self.layout == "pdf"

    @property
    def is_report(self) -> bool:
        return self.kind in REPORT_KINDS

    @property
    def has_tables(self) -> bool:
        """Generated reports print their tables; a legacy one only when it has a layout (the others are prose)."""
        return self.kind in ("report", "legacy_table") or (self.kind == "legacy" and bool(self.layout))


@dataclass
class Org:
    """Who publishes on the replica and how its generated texts speak."""

    name: str  # 水泊街道 (as the reports name it)
    publisher: str  # 水泊街道办事处 (as the metadata block names it)
    leaders: str  # 街道党工委、办事处
    channel: str  # 政府网站、政务新媒体
    level: str  # township | county | department
    issuer: str  # who sends the 年报编制 letters
    address: str = ""


def year_stats(key: str, org: Org, docs: list[Doc]) -> dict[int, YearStats]:
    years = sorted({d.year for d in docs if d.is_report and d.year})
    return series(f"{key}:{org.name}", years, org.level)


def report_cells(doc: Doc, org: Org, stats: dict[int, YearStats]) -> list[dict] | None:
    """The known cells of a generated report ([] for a report printed without tables); None otherwise."""
    if doc.seed or not doc.is_report:
        return None
    if not doc.has_tables:
        return []
    st = stats[doc.year]
    if doc.kind == "report":
        return statstruth.standard_cells(st, doc.errors, doc.blanks)
    return statstruth.legacy_cells(org.name, st)


def _layout(doc: Doc) -> str:
    if doc.layout:
        return doc.layout
    if doc.kind == "report":
        return "html2021" if doc.year >= 2021 else "html2019"
    return "legacy_html"


XLSX_HREF = "@@XLSX@@"  # placeholder link of a 统计表 attachment, set by publish_files


def body_for(doc: Doc, org: Org, stats: dict[int, YearStats], cells: list[dict] | None = None) -> list[Block]:
    """Generated body of a non-seed document; a report's tables printed from cells in the doc's layout."""
    year = doc.year or int(doc.date[:4])
    tables: list[Block] = []
    if cells:
        layout = _layout(doc)
        if layout == "xlsx":
            tables = [("p", f"本年度政府信息公开情况统计表详见附件：{xlsx_name(doc, org)}。"),
                      ("link", (XLSX_HREF, xlsx_name(doc, org)))]
        else:
            tables = statstruth.table_blocks(cells, "pdf" if layout in statstruth.FILE_LAYOUTS else layout,
                                             year, org.name)
    if doc.kind == "report":
        return reportgen.report_blocks(org.name, year, stats[year], org.leaders, org.channel, tables)
    if doc.kind in ("legacy", "legacy_table"):
        return reportgen.legacy_report_blocks(org.name, year, stats[year], org.leaders, tables)
    if doc.kind == "workpoints":
        return reportgen.workpoints_blocks(org.name, year)
    if doc.kind == "letter":
        return reportgen.annual_report_letter_blocks(org.issuer, year)
    if doc.kind == "budget":
        return reportgen.budget_blocks(org.name, year, 150.0 + (year % 7) * 37.25)
    if doc.kind == "guide":
        return reportgen.guide_blocks(org.name, org.address)
    if doc.kind == "rules":
        return reportgen.rules_blocks(org.name)
    return reportgen.notice_blocks(org.publisher, doc.title)


def xlsx_name(doc: Doc, org: Org) -> str:
    return f"{org.name}{doc.year}年政府信息公开工作年度报告统计表.xlsx"


def article_for(doc: Doc, path: str, org: Org, body: list[Block], index_no: str | None = None,
                cells: list[dict] | None = None) -> Article:
    article = Article(path=path, title=doc.title, published=doc.date, body=body, is_annual_report=doc.is_report,
                      report_year=doc.year if doc.is_report else None, index_no=index_no,
                      publisher=doc.publisher or org.publisher, seed=doc.seed, pdf_only=doc.pdf_only, time=doc.time)
    if cells is not None:
        article.stats_layout = _layout(doc) if cells else None
        article.stats = printed(cells, article.stats_layout) if cells else cells
        article.stats_errors = tuple(doc.errors)
        article.stats_blanks = doc.blanks
    return article


def generated_article(doc: Doc, path: str, org: Org, stats: dict[int, YearStats],
                      index_no: str | None = None) -> Article:
    """A non-seed document as an article, with its known cells when it is a report."""
    cells = report_cells(doc, org, stats)
    return article_for(doc, path, org, body_for(doc, org, stats, cells), index_no, cells)


# where a file is served and how the page links to it: ext -> (served path, href in the page)
Locate = Callable[[str], tuple[str, str]]

CONTENT_TYPES = {"pdf": "application/pdf",
                 "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def publish_files(portal: Portal, article: Article, org: Org, locate: Locate) -> None:
    """Serve the attachment a report's layout asks for: the whole report as PDF or DOCX behind a 详见附件
    shell page, or the 统计表 alone as XLSX linked from the full page."""
    layout = article.stats_layout if article.stats else ("pdf" if article.pdf_only else None)
    if layout == "pdf" or article.pdf_only:
        path, href = locate("pdf")
        _attach(portal, article, path, href, f"{article.title}.pdf", report_pdf(article.title, article.body, org.publisher))
    elif layout == "docx":
        path, href = locate("docx")
        _attach(portal, article, path, href, f"{article.title}.docx", report_docx(article.title, article.body))
    elif layout == "xlsx":
        path, href = locate("xlsx")
        body, name = [], "统计表.xlsx"
        for kind, payload in article.body:
            if kind == "link" and payload[0] == XLSX_HREF:  # type: ignore[index]
                name = payload[1]  # type: ignore[index]
                payload = (href, name)
            body.append((kind, payload))
        portal.add(path, _file(stats_xlsx(statstruth.sheets(article.stats or [])), "xlsx", name))
        article.body = body
        article.attachments = [(href, name)]
        article.stats_file = path


def _file(data: bytes, ext: str, name: str) -> Resource:
    return Resource(data, CONTENT_TYPES[ext], headers={"Content-Disposition": "inline; filename*=UTF-8''" + _pct(name)})


def _attach(portal: Portal, article: Article, path: str, href: str, name: str, data: bytes) -> None:
    """Serve the report as a file and leave the page a 详见附件 shell linking to it."""
    portal.add(path, _file(data, name.rsplit(".", 1)[-1], name))
    article.attachments = [(href, name)]
    article.body = [("p", "详见附件。"), ("link", (href, name))]
    if article.stats:
        article.stats_file = path


def attach_pdf(portal: Portal, article: Article, pdf_path: str, href: str, org: Org) -> None:
    """Serve the report as a PDF at pdf_path and leave the page a 详见附件 shell linking to it."""
    _attach(portal, article, pdf_path, href, f"{article.title}.pdf", report_pdf(article.title, article.body, org.publisher))


def _pct(text: str) -> str:
    from urllib.parse import quote

    return quote(text)


def newest_first(pairs: list) -> list:
    return sorted(pairs, key=lambda pair: (pair[0].date, pair[0].time), reverse=True)
