"""A plain county portal template for the third batch, whose variants differ in one convention
each (how the homepage, the 信息公开 entry, the list entries or the server behave) and are
otherwise alike: a nav bar, a 年报 column of 8–12 entries (reports and look-alikes), detail pages
with the report text of ``kit``."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, body_paragraphs, esc, paragraphs_html


def items(site: str, first: int = 2023, reports: int = 7, extra: tuple = ()) -> list[tuple[str, str, int | None]]:
    """(title, date, year) rows of a 年报 column: ``reports`` yearly reports from ``first`` down,
    with a 工作要点 and an 编制通知 look-alike among them (and ``extra`` rows appended)."""
    rows: list[tuple[str, str, int | None]] = []
    for i in range(reports):
        year = first - i
        rows.append((f"{site}人民政府{year}年政府信息公开工作年度报告", f"{year + 1}-01-{20 + i % 8:02d}", year))
        if i == 1:
            rows.append((f"{site}人民政府办公室关于印发{year}年政务公开工作要点的通知", f"{year}-04-1{i}", None))
        if i == 3:
            rows.append((f"关于做好{year}年度政府信息公开工作年度报告编制和发布工作的通知", f"{year}-12-0{i}", None))
    return rows + list(extra)


def portal(key: str, site: str, home: str, code: str, province: str, city: str, style: str,
           base: str = "generic") -> Variant:
    return Variant(key, base, {"site_name": site, "homepage": home, "admin_code": code, "province": province,
                               "city": city, "county": site, "level": "county"}, style=style)


def shell(site: str, title: str, main: str, nav: str | None = None, head: str = "", foot: str = "") -> str:
    if nav is None:
        nav = '<a href="/">首页</a><a href="/xwzx/">新闻中心</a><a href="/zfxxgk/">政府信息公开</a><a href="/hdjl/">互动交流</a>'
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title>{head}</head>
<body><div class="nav">{nav}</div>
{main}<div class="foot">{foot}{esc(site)}人民政府办公室 主办</div></body></html>"""


def detail(site: str, title: str, date: str, year: int | None, nav: str | None = None) -> str:
    body = paragraphs_html(body_paragraphs(site + "人民政府办公室", title, year))
    return shell(site, title, f'<div class="article"><h1>{esc(title)}</h1><div class="info">发布时间：{date}</div>'
                              f'<div class="content">{body}</div></div>', nav)


def add_details(v: Variant, site: str, rows, path_of, nav: str | None = None, encoding: str = "utf-8") -> list:
    """Detail pages for ``rows`` at ``path_of(n, title, date)``, recorded in the truth;
    returns [(path, title, date)]."""
    out = []
    for n, (title, date, year) in enumerate(rows):
        path = path_of(n, title, date)
        page = detail(site, title, date, year, nav)
        if encoding != "utf-8":
            page = page.replace('charset="utf-8"', f'charset="{encoding}"')
        v.add(path, page, f"text/html; charset={encoding}", encoding)
        v.report(path, title, year)
        out.append((path, title, date))
    return out


def front(v: Variant, site: str, column: str, column_title: str, disclosure: str = "/zfxxgk/",
          nav: str | None = None) -> None:
    """The homepage and a 政府信息公开 page linking the 指南 and the 年报 column."""
    v.add("/", shell(site, site + "人民政府", "<p>欢迎访问</p>", nav))
    v.add(disclosure, shell(site, "政府信息公开", f'<ul class="ml"><li><a href="{disclosure}zn/">政府信息公开指南</a></li>'
                                                f'<li><a href="{column}">{esc(column_title)}</a></li></ul>', nav))


def paged_list(v: Variant, site: str, title: str, done: list, per_page: int, page_path, nav: str | None = None) -> None:
    """List pages of ``done`` entries behind a plain 下一页; ``page_path(p)`` is page p's path (p from 1)."""
    last = -(-len(done) // per_page)
    for p in range(1, last + 1):
        lis = "".join(f'<li><a href="{path}" title="{esc(t)}">{esc(t)}</a><span>{d}</span></li>'
                      for path, t, d in done[(p - 1) * per_page:p * per_page])
        more = f'<a href="{page_path(p + 1)}">下一页</a>' if p < last else ""
        v.add(page_path(p), shell(site, title, f'<ul class="list">{lis}</ul><div class="page">{more}</div>', nav))
