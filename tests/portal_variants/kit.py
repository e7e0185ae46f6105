"""Building blocks of the variant portals: the Variant record, truth rows and page text.

Pages are plain strings written the way each CMS writes them; the variant modules own the
markup. What is shared here is only what every portal has: a report's body (the six sections and
the 统计期限 sentence of 国办公开办函〔2021〕30号), a look-alike's body, and bookkeeping.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Callable

HTML = "text/html; charset=utf-8"


@dataclass
class Truth:
    path: str                 # path (and query) on the real portal
    title: str
    report_year: int | None   # None: a look-alike that must be stored with is_annual_report 0


@dataclass
class Variant:
    key: str
    base: str                              # "generic" | "trs" | "hanweb"
    spider: dict                           # site_name, homepage, level, province, ... of the spider
    pages: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    handlers: dict[str, Callable] = field(default_factory=dict)   # path -> fn(method, query, form)
    truth: list[Truth] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)  # other bodies' report paths: never ours
    challenge: bool = False                # answer cookie-less requests with a 521 script
    validators: bool = False               # ETag / Last-Modified, and 304 to conditional requests
    log: list = field(default_factory=list)  # (method, path, status) of every page answered
    style: str = ""                        # one line: which convention the variant copies
    delay: float = 0.0                     # seconds every answer is held back (a slow portal)
    http10: bool = False                   # answer HTTP/1.0 and close the connection after each answer
    by_address: bool = True                # crawlable from name + 127.0.0.1 homepage alone (no page names the real host)
    moved: bool = False                    # the homepage's host only answers 301 to another host
    other_origins: list = field(default_factory=list)  # where else its pages are served (set by serve)

    def add(self, path: str, html: str, content_type: str = HTML, encoding: str = "utf-8") -> None:
        self.pages[path] = (html.encode(encoding), content_type)

    def report(self, path: str, title: str, year: int | None) -> None:
        self.truth.append(Truth(path, title, year))


def esc(text: str) -> str:
    return escape(text, quote=True)


def report_paragraphs(body: str, year: int) -> list[str]:
    """The text of a short annual report of ``body`` for ``year``."""
    return [
        f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室"
        f"有关要求，由{body}编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
        f"政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。",
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        f"一、总体情况。{year}年，{body}深入贯彻落实《条例》，围绕重点领域信息公开，持续加强政策解读和回应关切，"
        "主动公开各类政府信息，依法办理政府信息公开申请，政务公开工作取得新成效。",
        "二、主动公开政府信息情况。本年度新制发规范性文件3件，现行有效规范性文件12件。",
        "三、收到和处理政府信息公开申请情况。本年度新收政府信息公开申请5件，均按期答复。",
        "四、政府信息公开行政复议、行政诉讼情况。本年度未发生因政府信息公开引起的行政复议、行政诉讼。",
        "五、存在的主要问题及改进情况。一是政策解读形式较为单一；二是基层政务公开标准化规范化水平有待提高。",
        "六、其他需要报告的事项。本年度未收取信息处理费。",
    ]


def notice_paragraphs(body: str, title: str) -> list[str]:
    """Text of a look-alike: a notice or plan sitting in the same column."""
    return [
        f"各有关单位：现将《{title}》有关事项通知如下，请结合实际认真抓好落实。",
        f"一、提高认识。各单位要高度重视政务公开工作，明确分管领导和具体工作人员。",
        f"二、按时报送。请于规定时间前将有关材料报送{body}政务公开办公室。",
        "联系电话：略。",
    ]


def paragraphs_html(paras: list[str], tag: str = "p", attrs: str = "") -> str:
    sep = f" {attrs}" if attrs else ""
    return "\n".join(f"<{tag}{sep}>{esc(p)}</{tag}>" for p in paras)


def body_paragraphs(body: str, title: str, year: int | None) -> list[str]:
    return report_paragraphs(body, year) if year else notice_paragraphs(body, title)
