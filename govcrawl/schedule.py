"""When a scheduled crawl is due: daily while reports are being published, weekly otherwise.

Departments and townships publish their 年报 by 31 January, governments by 15 March
(《政府信息公开条例》 第五十条), so from 15 January to 31 March a registry is crawled every day
and the rest of the year once a week. The timer (cron, systemd or scrapyd's caller) fires every
day; ``govcrawl schedule run`` asks this module whether a crawl is due, judged from the last
finished crawl in metadata.db, so a missed day or a machine that was off catches up by itself:

- in season: due unless a crawl already finished today;
- out of season: due on the weekday chosen (Monday by default) unless one finished today, and
  on any day when the last finished crawl is a week old or more (or there is none).

``govcrawl schedule run`` then runs the crawl here, or submits it to scrapyd (``--scrapyd URL``,
the project deployed with scrapyd-deploy, see deploy/).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

SEASON = ((1, 15), (3, 31))          # (month, day) of the first and last daily crawl
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Verdict:
    due: bool
    why: str


def in_season(day: date, season=SEASON) -> bool:
    (m1, d1), (m2, d2) = season
    return date(day.year, m1, d1) <= day <= date(day.year, m2, d2)


def crawl_due(today: date, last_finished: date | None, weekday: int = 0, season=SEASON) -> Verdict:
    """Is a crawl due ``today``, given the day the last crawl finished (see module doc)?"""
    if last_finished is not None and last_finished >= today:
        return Verdict(False, f"a crawl already finished today ({last_finished.isoformat()})")
    if in_season(today, season):
        return Verdict(True, "daily from 15 January to 31 March, while annual reports are published")
    if last_finished is None:
        return Verdict(True, "no finished crawl yet")
    if today - last_finished >= timedelta(days=7):
        return Verdict(True, f"weekly, and the last crawl finished {(today - last_finished).days} days ago")
    if today.weekday() == weekday:
        return Verdict(True, f"weekly, on {WEEKDAYS[weekday]}")
    next_day = today + timedelta(days=(weekday - today.weekday()) % 7)
    return Verdict(False, f"weekly outside 15 January to 31 March: last crawl {last_finished.isoformat()}, "
                          f"next on {next_day.isoformat()}")


def last_finished(db: str | Path) -> date | None:
    """The day the last crawl that finished (not interrupted) ended, from crawl_runs."""
    path = Path(db)
    if not path.is_file():
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if not conn.execute("select 1 from sqlite_master where name = 'crawl_runs'").fetchone():
            return None
        row = conn.execute("select max(finished) from crawl_runs where status = 'finished'").fetchone()
    finally:
        conn.close()
    if not row or not row[0]:
        return None
    return datetime.strptime(row[0][:10], "%Y-%m-%d").date()


def submit_to_scrapyd(url: str, project: str, spider: str, args: dict, settings: dict) -> str:
    """Schedule one job on scrapyd (its schedule.json API); return the job id."""
    import json
    from urllib.parse import urlencode
    from urllib.request import urlopen

    form = [("project", project), ("spider", spider), *args.items()]
    form += [("setting", f"{k}={v}") for k, v in settings.items()]
    with urlopen(url.rstrip("/") + "/schedule.json", data=urlencode(form).encode(), timeout=30) as answer:
        body = json.loads(answer.read().decode("utf-8"))
    if body.get("status") != "ok":
        raise RuntimeError(body.get("message") or f"scrapyd refused the job: {body}")
    return body["jobid"]
