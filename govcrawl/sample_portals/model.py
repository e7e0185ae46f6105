"""Plain data types shared by the replica builders, renderers and the HTTP server."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit


@dataclass
class Cell:
    """One table cell as a Word-pasted report table holds it."""

    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    head: bool = False


@dataclass
class Table:
    rows: list[list[Cell]]
    caption: str = ""


# A report body is a list of blocks: ("p", text), ("h", text), ("center", text), ("table", Table),
# ("link", (href, text)), ("line", text) (a paragraph printed exactly as given, e.g. a pipe- or
# tab-separated table row) or ("html", markup) (a fragment inserted verbatim, e.g. a rendered
# statistics table).  Each platform renders blocks its own way.
Block = tuple[str, object]


@dataclass
class Article:
    """One detail page of a replica, with the facts a careful reader would extract."""

    path: str
    title: str
    published: str  # YYYY-MM-DD
    body: list[Block]
    is_annual_report: bool = False
    report_year: int | None = None
    index_no: str | None = None
    publisher: str | None = None
    doc_no: str | None = None
    seed: str | None = None
    pdf_only: bool = False
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (href, link text)
    time: str = "09:30:00"
    list_title: str | None = None  # title as shown in the column list, if it differs
    stats: list[dict] | None = None  # the statistical tables' cells as printed; None where not known (seeds)
    stats_layout: str | None = None  # govcrawl.tables.samples layout the tables are printed in
    stats_errors: tuple[str, ...] = ()  # deliberate 勾稽关系 errors (keys of samples.ERROR_EFFECTS)
    stats_blanks: bool = False  # printed with blank cells (samples.apply_blanks)
    stats_file: str | None = None  # path of the attachment that carries the tables, when the page does not

    def truth(self) -> dict:
        return {
            "path": self.path,
            "title": self.title,
            "is_annual_report": self.is_annual_report,
            "report_year": self.report_year,
            "published_date": self.published,
            "index_no": self.index_no,
            "publisher": self.publisher,
            "seed": self.seed,
            "pdf_only": self.pdf_only,
        }


@dataclass
class Resource:
    body: bytes
    content_type: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


# A dynamic handler gets (method, path, query pairs, form pairs) and may answer.
Handler = Callable[[str, str, list[tuple[str, str]], list[tuple[str, str]]], "Resource | None"]


@dataclass
class Portal:
    """Everything one replica serves."""

    key: str
    encoding: str
    pages: dict[str, Resource] = field(default_factory=dict)
    handlers: dict[str, Handler] = field(default_factory=dict)  # exact path -> handler
    articles: list[Article] = field(default_factory=list)
    broken_links: list[str] = field(default_factory=list)
    not_found: Resource | None = None
    list_urls: list[str] = field(default_factory=list)
    column_path: str = ""
    xxgk_path: str = ""

    def add_html(self, target: str, html: str) -> None:
        data = html.encode(self.encoding, errors="xmlcharrefreplace")
        charset = "gb2312" if self.encoding.lower() in ("gbk", "gb2312", "gb18030") else self.encoding
        self.pages[canonical(target)] = Resource(data, f"text/html; charset={charset}")

    def add(self, target: str, resource: Resource) -> None:
        self.pages[canonical(target)] = resource

    def lookup(self, target: str) -> Resource | None:
        key = canonical(target)
        if key in self.pages:
            return self.pages[key]
        path = urlsplit(key).path
        if path.endswith("/") and not urlsplit(key).query:
            return self.pages.get(path + "index.html")
        return None


def canonical(target: str) -> str:
    """Path plus query with parameters sorted, so ?a=1&b=2 and ?b=2&a=1 meet."""
    parts = urlsplit(target)
    path = parts.path or "/"
    if not parts.query:
        return path
    return path + "?" + urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))


@dataclass
class Brand:
    """What every page of one portal repeats: names, identity codes, navigation, footer."""

    site_name: str  # 梁山县人民政府
    domain: str  # www.liangshan.gov.cn
    site_id_code: str  # 网站标识码
    footer_org: str  # 主办单位
    icp: str  # ICP备案号
    nav: list[tuple[str, str]] = field(default_factory=list)  # (text, href)
    webid: int = 1
    address: str = ""
    phone: str = ""
