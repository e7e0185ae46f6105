"""Shared pieces of the five site builders: document specs and their generated bodies."""
from __future__ import annotations

from dataclasses import dataclass

from . import reportgen
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

    @property
    def is_report(self) -> bool:
        return self.kind in REPORT_KINDS


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


def body_for(doc: Doc, org: Org, stats: dict[int, YearStats]) -> list[Block]:
    """Generated body of a non-seed document."""
    year = doc.year or int(doc.date[:4])
    if doc.kind == "report":
        return reportgen.report_blocks(org.name, year, stats[year], org.leaders, org.channel)
    if doc.kind in ("legacy", "legacy_table"):
        return reportgen.legacy_report_blocks(org.name, year, stats[year], org.leaders, doc.kind == "legacy_table")
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


def article_for(doc: Doc, path: str, org: Org, body: list[Block], index_no: str | None = None) -> Article:
    return Article(path=path, title=doc.title, published=doc.date, body=body, is_annual_report=doc.is_report,
                   report_year=doc.year if doc.is_report else None, index_no=index_no,
                   publisher=doc.publisher or org.publisher, seed=doc.seed, pdf_only=doc.pdf_only, time=doc.time)


def attach_pdf(portal: Portal, article: Article, pdf_path: str, href: str, org: Org) -> None:
    """Serve the report as a PDF at pdf_path and leave the page a 详见附件 shell linking to it."""
    data = report_pdf(article.title, article.body, org.publisher)
    name = f"{article.title}.pdf"
    portal.add(pdf_path, Resource(data, "application/pdf",
                                  headers={"Content-Disposition": "inline; filename*=UTF-8''" + _pct(name)}))
    article.attachments = [(href, name)]
    article.body = [("p", "详见附件。"), ("link", (href, name))]


def _pct(text: str) -> str:
    from urllib.parse import quote

    return quote(text)


def newest_first(pairs: list) -> list:
    return sorted(pairs, key=lambda pair: (pair[0].date, pair[0].time), reverse=True)
