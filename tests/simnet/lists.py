"""Column lists: one entry point, ``publish_list``, that writes a 年报 (or other) column in one of
the list conventions real portals use, and the helpers every convention shares.

Server-rendered pagers live in ``lists_static``; lists whose entries or pages come from a script
(Hanweb datastore + dataproxy.jsp, the gkmlpt JSON API, a Fujian 集约化 search endpoint, ASP.NET
postbacks, lists drawn only by JavaScript) live in ``lists_dynamic``.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from govcrawl.sample_portals.textutil import esc
from tests.simnet import skins
from tests.simnet.model import Host

STATIC_KINDS = ["trs_createpage", "trs_countpage", "easysite", "epoint", "plain_next", "numbered", "iframe",
                "year_subcolumns", "table_rows"]
DYNAMIC_KINDS = ["hanweb", "gkmlpt", "fujian", "aspnet", "js_only"]
LIST_KINDS = STATIC_KINDS + DYNAMIC_KINDS


@dataclass
class Entry:
    title: str
    href: str
    date: str               # YYYY-MM-DD
    shown: str = ""         # the title as the list prints it (truncated with … on some portals)

    def text(self) -> str:
        return self.shown or self.title


@dataclass
class ListSpec:
    kind: str
    host: Host
    chrome: skins.Chrome
    base: str                                   # the column's directory, e.g. "/xxgk/nb/"
    name: str                                   # column name, e.g. 政府信息公开年报
    crumbs: list[tuple[str, str]] = field(default_factory=list)
    side: str = ""                              # the 信息公开目录 tree beside the list
    per_page: int = 8
    rng: random.Random = field(default_factory=random.Random)
    far_last_page: bool = False                 # the 尾页 link points 1,000 pages ahead (a trap)
    column_id: int = 1000
    last_modified: str = "2025-03-01"

    def html(self, path: str, title: str, main: str, extra_head: str = "") -> None:
        self.host.html(path, skins.page(self.chrome, title, main, self.crumbs + [(self.name, "")],
                                        extra_head, self.side), last_modified=self.last_modified)


def chunks(entries: list[Entry], size: int) -> list[list[Entry]]:
    return [entries[i:i + size] for i in range(0, len(entries), size)] or [[]]


def items_html(entries: list[Entry], list_class: str = "list_ul", dates: bool = True) -> str:
    rows = "".join(f'<li><a href="{esc(e.href)}" title="{esc(e.title)}" target="_blank">{esc(e.text())}</a>'
                   + (f'<span class="date">{e.date}</span>' if dates else "") + "</li>" for e in entries)
    return f'<ul class="{list_class}">{rows}</ul>'


def truncate(title: str, limit: int = 24) -> str:
    return title if len(title) <= limit else title[:limit] + "…"


def publish_list(spec: ListSpec, entries: list[Entry]) -> str:
    """Write the column in spec.kind's convention; return the path the 信息公开 page links to."""
    from tests.simnet import lists_dynamic, lists_static

    module = lists_static if spec.kind in STATIC_KINDS else lists_dynamic
    return getattr(module, "publish_" + spec.kind)(spec, entries)
