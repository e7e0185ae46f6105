"""Assemble a Hanweb replica from columns and documents (shared by the three Hanweb sites)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from . import hanweb
from .hanweb import Column, ListUnit
from .model import Article, Block, Brand, Portal, Resource
from .sitekit import Doc, Org, article_for, generated_article, newest_first, publish_files, year_stats


@dataclass
class HanwebSite:
    key: str
    brand: Brand
    portal: Portal
    variant: str  # detail page variant, see hanweb.detail_page
    flavor: str  # body flavor, see bodyhtml.FLAVORS
    first_id: int
    seed_bodies: dict[str, Callable[[], list[Block]]] = field(default_factory=dict)
    headings: dict[str, list[str]] = field(default_factory=dict)  # seed -> two-line body heading
    index_no: Callable[[Doc, int], str | None] = lambda doc, serial: None
    proxies: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._ids = iter(range(self.first_id, self.first_id + 100000))

    def column(self, column: Column, docs: list[Doc], org: Org, tree: list[tuple[str, str]],
               crumbs: list[tuple[str, str]], unit: ListUnit | None = None,
               broken: tuple[str, str, str] | None = None) -> list[Article]:
        """Publish docs as articles of a column and write the column page with its jpage unit."""
        unit = unit or ListUnit(unitid=column.colid % 100000 + 40000)
        stats = year_stats(self.key, org, docs)
        pairs = []
        for doc in docs:
            art_id = next(self._ids)
            path = hanweb.art_path(column.colid, doc.date, art_id)
            if doc.seed:
                article = article_for(doc, path, org, self.seed_bodies[doc.seed](), self.index_no(doc, art_id))
            else:
                article = generated_article(doc, path, org, stats, self.index_no(doc, art_id))
            stamp = doc.date.replace("-", "")[2:] + f"{art_id % 1000000:06d}"
            publish_files(self.portal, article, org, lambda ext, stamp=stamp: _download(stamp, ext))
            pairs.append((doc, article))
            self.portal.articles.append(article)
        records = [hanweb.record(a) for _, a in newest_first(pairs)]
        if broken:
            title, href, date = broken
            records.append(f"<li><a href='{href}' title='{title}' target=\"_blank\">{title}</a><span>{date}</span></li>")
            self.portal.broken_links.append(href)
        here = crumbs + [(column.name, column.path)]
        content = hanweb.list_unit(self.brand, column, unit, records)
        self.portal.add_html(column.path, hanweb.column_page(self.brand, column, here, tree, content))
        self.proxies[column.colid] = (column, unit, records)
        for doc, article in pairs:
            heading = self.headings.get(doc.seed or "")
            self.portal.add_html(article.path, hanweb.detail_page(self.brand, article, column, here, self.variant,
                                                                  self.flavor, heading))
        return [a for _, a in pairs]

    def index_page(self, column: Column, crumbs: list[tuple[str, str]], tree: list[tuple[str, str]],
                   content: str) -> None:
        self.portal.add_html(column.path, hanweb.column_page(self.brand, column, crumbs, tree, content))

    def finish(self, home_sections) -> None:
        home = hanweb.homepage(self.brand, home_sections)
        self.portal.add_html("/", home)
        self.portal.add_html("/index.html", home)
        self.portal.handlers[hanweb.DATAPROXY] = hanweb.dataproxy(self.brand, self.proxies)
        self.portal.not_found = Resource(hanweb.not_found(self.brand).encode("utf-8"), "text/html; charset=utf-8", 404)


def _download(stamp: str, ext: str) -> tuple[str, str]:
    """jcms serves uploaded files through downfile.jsp; the page links the same path."""
    href = f"/module/download/downfile.jsp?classid=0&filename={stamp}.{ext}"
    return href, href
