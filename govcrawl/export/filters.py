"""Which reports and captures an export holds: the filters shared by every export format.

The selection is computed once, in SQL, into temporary tables of the read-only export connection
(``temp.export_reports`` and, for WACZ, ``temp.export_captures``), so every exported table is a
join against it and nothing is held in Python memory.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path


class ExportError(Exception):
    """Bad input to an export: a clear message, no traceback."""


@dataclass
class ExportFilter:
    province: list[str] = field(default_factory=list)
    city: list[str] = field(default_factory=list)
    county: list[str] = field(default_factory=list)
    site: list[str] = field(default_factory=list)
    year: list[int] = field(default_factory=list)
    run: list[str] = field(default_factory=list)
    since: str | None = None  # capture date, inclusive: YYYY-MM-DD
    until: str | None = None  # capture date, inclusive

    @classmethod
    def from_args(cls, args) -> "ExportFilter":
        return cls(province=args.province or [], city=args.city or [], county=args.county or [],
                   site=args.site or [], year=args.year or [], run=args.run or [],
                   since=parse_day(args.since, "--since"), until=parse_day(args.until, "--until"))

    def describe(self) -> dict:
        """The filters in force, for the README and the datapackage of an export."""
        out = {k: v for k, v in vars(self).items() if v}
        return out

    @property
    def by_capture(self) -> bool:
        return bool(self.run or self.since or self.until)


def parse_day(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ExportError(f"{option} wants a date as YYYY-MM-DD, not {value!r}")
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise ExportError(f"{option} {value}: {exc}") from None
    return value


def connect(db_path: str | Path) -> sqlite3.Connection:
    """A read-only connection: an export never changes the database."""
    path = Path(db_path)
    if not path.is_file():
        raise ExportError(f"no database at {db_path}")
    try:
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise ExportError(f"{db_path} is not a govcrawl database: {exc}") from None
    if "reports" not in tables:
        raise ExportError(f"{db_path} has no reports table: not a govcrawl database")
    return conn


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'pragma table_info("{table}")')]


def _in(column: str, values: list, params: list) -> str:
    params.extend(values)
    return f"{column} in ({', '.join('?' * len(values))})"


def _capture_clause(flt: ExportFilter, conn: sqlite3.Connection, alias: str, params: list) -> list[str]:
    """Conditions on a capture row: crawl run (or crawl_id grouping runs) and capture date."""
    where = []
    if flt.run:
        run_cols = columns(conn, "crawl_runs") if "crawl_runs" in table_names(conn) else []
        match = ["run_id"] + (["crawl_id"] if "crawl_id" in run_cols else [])
        ors = " or ".join(_in(c, flt.run, params) for c in match)
        where.append(f"{alias}.run_id in (select run_id from crawl_runs where {ors})")
    if flt.since:
        where.append(f"{alias}.fetched_at >= ?")
        params.append(flt.since)
    if flt.until:
        where.append(f"{alias}.fetched_at < ?")
        params.append((date.fromisoformat(flt.until) + timedelta(days=1)).isoformat())
    return where


def select_reports(conn: sqlite3.Connection, flt: ExportFilter) -> int:
    """Fill ``temp.export_reports`` with the reports the filter selects; return how many."""
    params: list = []
    where = []
    for column in ("province", "city", "county"):
        values = getattr(flt, column)
        if values:
            where.append(_in(f"r.{column}", values, params))
    if flt.site:
        where.append(_in("r.site_id", flt.site, params))
    if flt.year:
        where.append(_in("r.report_year", flt.year, params))
    if flt.by_capture:
        # Captured in the run / date range: the report's own capture, or any capture of one of
        # the URLs it was found at (a later run may have confirmed it with a 304 revisit).
        cond = " and ".join(_capture_clause(flt, conn, "c", params))
        where.append(
            "exists (select 1 from captures c where (c.capture_id = r.capture_id or c.url in "
            f"(select u.url from report_urls u where u.report_id = r.report_id)) and {cond})")
    conn.execute("drop table if exists temp.export_reports")
    conn.execute("create temp table export_reports (report_id text primary key)")
    conn.execute(
        "insert into temp.export_reports select r.report_id from reports r"
        + (" where " + " and ".join(where) if where else "") + " order by r.report_id", params)
    return conn.execute("select count(*) from temp.export_reports").fetchone()[0]


def select_sites(conn: sqlite3.Connection, flt: ExportFilter) -> int:
    """Fill ``temp.export_sites``: sites of the selected reports, and sites the region or site
    filters name directly (a portal with no report yet still belongs to its county's export)."""
    params: list = []
    where = []
    site_cols = columns(conn, "sites")
    for column in ("province", "city", "county"):
        values = getattr(flt, column)
        if values and column in site_cols:
            where.append(_in(f"s.{column}", values, params))
    if flt.site:
        where.append(_in("s.site_id", flt.site, params))
    conn.execute("drop table if exists temp.export_sites")
    conn.execute("create temp table export_sites (site_id text primary key)")
    conn.execute("insert or ignore into temp.export_sites select distinct r.site_id from reports r "
                 "join temp.export_reports e on e.report_id = r.report_id where r.site_id is not null")
    if not flt.year and where:
        conn.execute("insert or ignore into temp.export_sites select s.site_id from sites s where "
                     + " and ".join(where), params)
    elif not flt.year and not flt.by_capture:
        conn.execute("insert or ignore into temp.export_sites select site_id from sites")
    return conn.execute("select count(*) from temp.export_sites").fetchone()[0]


def select_captures(conn: sqlite3.Connection, flt: ExportFilter) -> int:
    """Fill ``temp.export_captures`` for a WACZ: the captures of the selected reports' pages and
    attachments; without a ``--year``, also the selected sites' other pages (homepage, columns,
    lists) so a reader can browse to the reports; and every capture a selected revisit refers to.
    Run and date filters apply to all of them. Requires ``select_reports`` and ``select_sites``."""
    params: list = []
    cond = _capture_clause(flt, conn, "c", params)
    extra = (" and " + " and ".join(cond)) if cond else ""
    conn.execute("drop table if exists temp.export_captures")
    conn.execute("create temp table export_captures (capture_id text primary key)")
    report_urls = ("select u.url from report_urls u join temp.export_reports e on e.report_id = u.report_id "
                   "union select a.url from attachments a join temp.export_reports e on e.report_id = a.report_id")
    report_captures = ("select r.capture_id from reports r join temp.export_reports e on e.report_id = r.report_id "
                       "union select a.capture_id from attachments a join temp.export_reports e "
                       "on e.report_id = a.report_id")
    conn.execute(
        "insert or ignore into temp.export_captures select c.capture_id from captures c where "
        f"(c.url in ({report_urls}) or c.capture_id in ({report_captures})){extra}", list(params))
    if not flt.year:
        conn.execute(
            "insert or ignore into temp.export_captures select c.capture_id from captures c "
            f"where c.site_id in (select site_id from temp.export_sites){extra}", list(params))
    if "revisit_of" in columns(conn, "captures"):
        conn.execute(
            "insert or ignore into temp.export_captures select c.capture_id from captures c "
            "where c.warc_record_id in (select k.revisit_of from captures k join temp.export_captures e "
            "on e.capture_id = k.capture_id where k.revisit_of is not null)")
    return conn.execute("select count(*) from temp.export_captures").fetchone()[0]
