"""Crawler traps portals really carry on their 信息公开 pages: a 日历 widget whose ?date= pages link
to the next and previous month forever, a site search (TRS WAS5 /was5/web/search) whose result
pages page on without end, and a share link whose every answer links to the next ``_t`` value.
Each is answered by an endpoint, so any number of URLs exist; each is noted as a Trap."""
from __future__ import annotations

import calendar
from datetime import date

from govcrawl.sample_portals.textutil import esc
from tests.simnet import skins
from tests.simnet.model import Request, Resource, Trap


def _page(builder, title: str, main: str) -> Resource:
    text = skins.page(builder.chrome, title, main)
    return Resource(text.encode(builder.host.encoding, "xmlcharrefreplace"),
                    f"text/html; charset={builder.host.charset()}", conditional=False)


def _month(builder, path: str, day: date) -> str:
    first = day.replace(day=1)
    prev = (first.replace(year=first.year - 1, month=12) if first.month == 1 else first.replace(month=first.month - 1))
    nxt = (first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(month=first.month + 1))
    days = calendar.monthrange(first.year, first.month)[1]
    cells = "".join(f'<td><a href="{path}?date={first.year}-{first.month:02d}-{d:02d}">{d}</a></td>'
                    + ("</tr><tr>" if d % 7 == 0 else "") for d in range(1, days + 1))
    return (f'<div class="calendar"><a href="{path}?date={prev.isoformat()}">上月</a> {first.year}年{first.month}月 '
            f'<a href="{path}?date={nxt.isoformat()}">下月</a><table><tr>{cells}</tr></table></div>')


def widgets(builder, features: set[str]) -> str:
    """HTML of the traps this site carries (placed on its 信息公开 page), endpoints registered."""
    p, host, site = builder.p, builder.host, builder.site
    html = ""
    if "trap_calendar" in features:
        path = f"{p}/zwgk/rl/calendar.jsp"

        def day_page(req: Request) -> Resource:
            try:
                day = date.fromisoformat(req.query.get("date", "2025-03-01"))
            except ValueError:
                day = date(2025, 3, 1)
            return _page(builder, "信息日历", _month(builder, path, day) + f"<p>{day.isoformat()} 无发布信息</p>")

        host.endpoints[path] = day_page
        html += _month(builder, path, date(2025, 3, 1))
        builder.net.traps.append(Trap(site.key, host.key, path + "?date=", "calendar"))
    if "trap_search" in features:
        path = f"{p}/was5/web/search"
        targets = [loc for doc in builder.docs for loc in doc.locations[:1]][:4]

        def search(req: Request) -> Resource:
            try:
                page = max(1, int(req.query.get("page", "1")))
            except ValueError:
                page = 1
            word = req.query.get("searchword", "")
            rows = "".join(f'<li><a href="{esc(t[1])}">检索结果 {page}-{i}</a></li>' for i, t in enumerate(targets))
            nxt = f'<a href="{path}?searchword={esc(word)}&channelid=2{page % 7}&page={page + 1}">下一页</a>'
            return _page(builder, "检索结果", f'<p>“{esc(word)}”的检索结果</p><ul>{rows}</ul><div>{nxt}</div>')

        host.endpoints[path] = search
        html += (f'<div class="search"><form action="{path}" method="get"><input name="searchword">'
                 '<input type="submit" value="搜索"></form>'
                 f'<a href="{path}?searchword=年报&channelid=20&page=1">热门搜索：年报</a></div>')
        builder.net.traps.append(Trap(site.key, host.key, path, "search"))
    if "trap_endless" in features:
        path = f"{p}/zwgk/share.jsp"

        def share(req: Request) -> Resource:
            try:
                t = int(req.query.get("_t", "1"))
            except ValueError:
                t = 1
            return _page(builder, "分享", f'<p>分享到：</p><a href="{path}?_t={t + 1}&from=share">换一批</a>'
                                          f'<a href="{p}/zwgk/">返回</a>')

        host.endpoints[path] = share
        html += f'<div class="share"><a href="{path}?_t=1&from=share">分享本页</a></div>'
        builder.net.traps.append(Trap(site.key, host.key, path, "endless"))
    if "trap_far_last" in features:
        builder.net.traps.append(Trap(site.key, host.key, f"{p}/zwgk/zfxxgknb/list.jsp?page=", "far_last_page"))
    return html
