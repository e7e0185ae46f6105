"""metadata.db: schema and writes, through sqlite-utils.

The store only writes what earlier stages decided; it never parses pages or decides what a
report is. Every write is an upsert keyed on a natural key, so re-running a crawl gives the same
rows.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Iterable

from govcrawl.lightimport import without

# sqlite-utils imports pandas and numpy when they are installed (the test extras bring them) only
# to accept DataFrames, which govcrawl never passes: 100 MB more in the crawling process and each
# worker. Imported without them; they stay importable for the exports that use them.
with without("pandas", "numpy"):
    import sqlite_utils

from govcrawl.changes import event as record_event
from govcrawl.changes import record_version, url_gone, url_seen
from govcrawl import search

SCHEMA: dict[str, tuple[dict, dict]] = {
    # table: (columns, options)
    "sites": (
        {"site_id": str, "name": str, "admin_code": str, "level": str, "parent": str, "province": str,
         "city": str, "county": str, "township": str, "homepage": str, "platform": str,
         "verified": int, "notes": str, "discovered_from": str,
         # what the last crawl learned: the 年报 columns (JSON list) and the list readers that worked
         "report_columns": str, "list_readers": str, "needed_browser": int, "last_crawled": str},
        {"pk": "site_id"},
    ),
    "crawl_runs": (
        {"run_id": str, "crawl_id": str, "site_id": str, "spider": str, "started": str, "finished": str,
         "status": str, "finish_reason": str, "outcome": str, "reason": str, "pages_fetched": int,
         "list_pages": int, "documents": int, "reports": int, "new_reports": int, "errors": int,
         "subsites": int, "needed_browser": int, "budget_cuts": str, "pid": int, "host": str, "stats": str},
        {"pk": "run_id", "foreign_keys": [("site_id", "sites", "site_id")]},
    ),
    "captures": (
        {"capture_id": str, "run_id": str, "site_id": str, "url": str, "method": str,
         "status": int, "fetched_at": str, "content_type": str, "content_length": int,
         "payload_digest": str, "warc_file": str, "warc_offset": int, "warc_length": int,
         "rendered": int,
         # The WARC record itself (response, revisit or resource), the record a 304 revisit
         # confirms, and the CDXJ index key "<SURT> <timestamp>".
         "warc_record_id": str, "record_type": str, "revisit_of": str, "cdxj_key": str},
        {"pk": "capture_id", "foreign_keys": [("run_id", "crawl_runs", "run_id")]},
    ),
    "reports": (
        {"report_id": str, "site_id": str, "url": str, "title": str, "report_year": int,
         "is_annual_report": int, "agency": str, "publisher": str, "index_no": str,
         "doc_no": str, "published_date": str, "written_date": str, "topic": str,
         "province": str, "city": str, "county": str, "township": str, "admin_code": str,
         "body_text": str, "body_source": str, "ocr": int, "content_hash": str,
         "list_title": str, "errors": str, "first_seen": str, "last_seen": str,
         "capture_id": str, "run_id": str, "version": int, "removed_on": str,
         # Citable archived copy: WARC-Record-ID, capture time and CDXJ key of the capture.
         "warc_record_id": str, "capture_time": str, "cdxj_key": str,
         "classified_by": str},
        {"pk": "report_id", "foreign_keys": [("site_id", "sites", "site_id"),
                                             ("capture_id", "captures", "capture_id")]},
    ),
    "report_urls": (
        # url as linked or fetched; url_key its canonical form (query sorted …), for matching
        {"url": str, "report_id": str, "site_id": str, "first_seen": str, "url_key": str,
         # for the next crawl: validators, the last full capture, when it was last checked, and
         # whether it is gone (removed_on) or failing since a run (fail_since, fail_run)
         "etag": str, "last_modified": str, "capture_id": str, "last_checked": str, "removed_on": str,
         "fail_since": str, "fail_run": str},
        {"pk": "url", "foreign_keys": [("report_id", "reports", "report_id")]},
    ),
    "attachments": (
        {"attachment_id": str, "report_id": str, "url": str, "name": str, "type": str,
         "content_type": str, "status": int, "pages": int, "ocr": int, "text": str,
         "error": str, "capture_id": str},
        {"pk": "attachment_id", "foreign_keys": [("report_id", "reports", "report_id"),
                                                 ("capture_id", "captures", "capture_id")]},
    ),
    "report_stats": (
        {"report_id": str, "table": str, "row": str, "column": str, "value": float,
         "raw": str, "unit": str},
        {"pk": ("report_id", "table", "row", "column"),
         "foreign_keys": [("report_id", "reports", "report_id")]},
    ),
    "report_checks": (
        {"report_id": str, "rule": str, "scope": str, "status": str, "detail": str},
        {"pk": ("report_id", "rule", "scope"),
         "foreign_keys": [("report_id", "reports", "report_id")]},
    ),
    "report_versions": (
        {"report_id": str, "version": int, "content_hash": str, "capture_id": str, "first_seen": str,
         "last_seen": str, "title": str, "body_text": str, "stats": str, "change_summary": str},
        {"pk": ("report_id", "version"), "foreign_keys": [("report_id", "reports", "report_id")]},
    ),
    "report_events": (
        {"event_id": str, "report_id": str, "url": str, "site_id": str, "run_id": str, "event": str,
         "date": str, "detail": str},
        {"pk": "event_id", "foreign_keys": [("report_id", "reports", "report_id")]},
    ),
    "page_validators": (
        {"url": str, "site_id": str, "etag": str, "last_modified": str, "capture_id": str, "seen": str},
        {"pk": "url"},
    ),
    "cookies": (
        {"host": str, "name": str, "value": str, "domain": str, "path": str, "expires": float, "saved": str},
        {"pk": ("host", "name")},
    ),
    "challenge_hosts": (
        # hosts whose challenge cookie rotates on every request: fetched through Chromium from the
        # start of the next run (govcrawl.challenge)
        {"host": str, "kind": str, "first_seen": str, "last_seen": str},
        {"pk": "host"},
    ),
    "crawl_errors": (
        {"error_id": str, "run_id": str, "site_id": str, "url": str, "stage": str,
         "reason": str, "status": int, "referer": str, "time": str},
        {"pk": "error_id"},
    ),
}

INDEXES = [
    ("reports", ["site_id"]), ("reports", ["content_hash"]), ("reports", ["report_year"]),
    ("reports", ["publisher"]), ("report_urls", ["report_id"]), ("report_urls", ["url_key"]), ("attachments", ["report_id"]),
    ("captures", ["url"]), ("captures", ["run_id"]), ("crawl_errors", ["run_id"]),
    ("crawl_errors", ["site_id"]), ("crawl_runs", ["crawl_id"]), ("crawl_runs", ["site_id"]),
    ("sites", ["parent"]), ("report_events", ["date"]), ("report_events", ["report_id"]),
    # search results listed newest first (govcrawl.search)
    ("reports", ["published_date"]),
    # facet counts of search results (govcrawl.publish.pages.FACETS), read from the index alone
    ("reports", ["report_year", "province", "county", "is_annual_report"]),
]

FTS_TABLE = search.FTS_TABLE
WIDE_VIEW = "applications_wide"


def applications_wide_sql() -> str:
    """One row per report, one column per cell of the applications table (for spreadsheets)."""
    from govcrawl.tables.labels import APPLICATION_COLUMNS, APPLICATION_ROWS

    cells = ",\n  ".join(
        f"max(case when s.\"row\" = '{row}' and s.\"column\" = '{col}' then s.value end) as {row}__{col}"
        for row in APPLICATION_ROWS for col in APPLICATION_COLUMNS)
    return (
        f"create view {WIDE_VIEW} as select r.report_id, r.site_id, r.title, r.report_year, "
        "r.province, r.city, r.county, r.township, r.admin_code, r.publisher, r.agency, r.url,\n  "
        f"{cells}\nfrom reports r join report_stats s on s.report_id = r.report_id "
        "and s.\"table\" = 'applications' group by r.report_id"
    )


CATALOGUE_VIEW = "report_catalogue"


def catalogue_sql() -> str:
    """Reports with the level and platform of the body that published them, for facets on the site.

    A report naming a 乡镇/街道 is the township's, whatever portal held it.
    """
    return (
        f"create view {CATALOGUE_VIEW} as select r.report_id, r.title, r.report_year, r.is_annual_report, "
        "case when coalesce(r.township, '') != '' then 'township' when s.level = 'department' then 'department' "
        "else coalesce(s.level, 'county') end as level, s.platform, r.province, r.city, r.county, r.township, "
        "r.admin_code, r.agency, r.publisher, r.published_date, r.site_id, r.first_seen, r.last_seen "
        "from reports r left join sites s on s.site_id = r.site_id"
    )


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def open_db(path: str) -> sqlite_utils.Database:
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA journal_mode=WAL")
    # WAL + NORMAL: a commit survives the process being killed (not a power cut) without an fsync each.
    db.conn.execute("PRAGMA synchronous=NORMAL")
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    order = ["sites", "crawl_runs", "captures", "reports", "report_urls", "attachments",
             "report_stats", "report_checks", "report_versions", "report_events", "page_validators", "cookies", "challenge_hosts",
             "crawl_errors"]
    for name in order:
        columns, options = SCHEMA[name]
        table = db[name]
        if not table.exists() and name == "report_stats":
            # NUMERIC affinity: counts stay integers (13, not 13.0), amounts keep their decimals.
            db.execute(
                'create table report_stats (report_id text references reports(report_id), '
                '"table" text, "row" text, "column" text, value numeric, raw text, unit text, '
                'primary key (report_id, "table", "row", "column"))')
        elif not table.exists():
            table.create(columns, **options)
        else:
            missing = {c: t for c, t in columns.items() if c not in table.columns_dict}
            for column, col_type in missing.items():
                table.add_column(column, col_type)
    for table, cols in INDEXES:
        db[table].create_index(cols, if_not_exists=True)
    # Recreated each time, so a new row code reaches existing databases.
    db.execute(f"drop view if exists {WIDE_VIEW}")
    db.execute(applications_wide_sql())
    db.execute(f"drop view if exists {CATALOGUE_VIEW}")
    db.execute(catalogue_sql())
    if not search.is_current_index(db.conn):
        # Contentless FTS5 over one token per character (see govcrawl.search); rowid = reports.rowid.
        # A database indexed the old way (bigrams) is indexed again.
        with db.conn:
            search.rebuild_index(db.conn)


class Store:
    """Writes of one crawl process."""

    def __init__(self, path: str):
        self.db = open_db(path)

    # -- sites and runs ---------------------------------------------------------------------------
    def upsert_site(self, site: dict) -> None:
        """Insert or update a site; keys the caller does not give keep their stored values."""
        cols = SCHEMA["sites"][0]
        row = {k: v for k, v in site.items() if k in cols}
        self.db["sites"].upsert(row, pk="site_id")

    def start_run(self, run_id: str, site_id: str, crawl_id: str | None = None, spider: str | None = None) -> None:
        import os
        import socket

        exists = list(self.db.query("select 1 from crawl_runs where run_id = ?", [run_id]))
        if exists:  # a resumed run carries on in its own row
            self.db["crawl_runs"].update(run_id, {"status": "running", "pid": os.getpid(), "finished": None})
            return
        self.db["crawl_runs"].upsert(
            {"run_id": run_id, "crawl_id": crawl_id, "site_id": site_id, "spider": spider, "started": now(),
             "status": "running", "pid": os.getpid(), "host": socket.gethostname()},
            pk="run_id",
        )

    def finish_run(self, run_id: str, **fields) -> None:
        fields = {k: (json.dumps(v, default=str, ensure_ascii=False) if k in ("stats", "budget_cuts")
                      and not isinstance(v, str) else v) for k, v in fields.items()}
        self.db["crawl_runs"].update(run_id, {"finished": now(), **fields})

    def mark_killed_runs(self) -> int:
        """Runs still 'running' whose process is gone (killed, crashed): marked 'killed'."""
        import os
        import socket

        host = socket.gethostname()
        killed = 0
        for row in self.db.query("select run_id, pid, host from crawl_runs where status = 'running'"):
            if row["host"] not in (None, host) or row["pid"] == os.getpid():
                continue
            alive = False
            if row["pid"]:
                try:
                    os.kill(row["pid"], 0)
                    alive = True
                except (ProcessLookupError, PermissionError, OverflowError):
                    alive = False
            if not alive:
                self.db["crawl_runs"].update(row["run_id"], {
                    "status": "killed", "finish_reason": "killed",
                    "reason": "the process ended without closing the run (killed or crashed)"})
                killed += 1
        return killed

    def add_capture(self, capture: dict) -> None:
        row = {k: capture.get(k) for k in SCHEMA["captures"][0]}
        row["rendered"] = int(bool(row.get("rendered")))
        self.db["captures"].upsert(row, pk="capture_id")

    def add_error(self, run_id: str, error: dict) -> None:
        import hashlib

        key = f"{run_id}|{error['url']}|{error['stage']}|{error['reason']}"
        self.db["crawl_errors"].upsert(
            {"error_id": hashlib.sha1(key.encode()).hexdigest()[:16], "run_id": run_id,
             "time": now(), **{k: error.get(k) for k in ("site_id", "url", "stage", "reason",
                                                          "status", "referer")}},
            pk="error_id",
        )

    # -- lookups for the dedupe and tables stages ---------------------------------------------------
    def report_for_url(self, url: str) -> str | None:
        from govcrawl.dedupe import canonical_url

        rows = list(self.db.query("select report_id from report_urls where url = ? or url_key = ? limit 1",
                                  [url, canonical_url(url)]))
        return rows[0]["report_id"] if rows else None

    def report_for_hash(self, content_hash: str) -> str | None:
        rows = list(self.db.query(
            "select report_id from reports where content_hash = ? order by first_seen limit 1",
            [content_hash]))
        return rows[0]["report_id"] if rows else None

    def previous_report_stats(self, report: dict) -> list[dict] | None:
        """Cells of the same publisher's report for the year before, if we have it."""
        if not report.get("report_year"):
            return None
        rows = list(self.db.query(
            "select report_id from reports where site_id = ? and is_annual_report = 1 "
            "and report_year = ? and coalesce(publisher, '') = coalesce(?, '') "
            "and coalesce(agency, '') = coalesce(?, '') and report_id != ? limit 1",
            [report["site_id"], report["report_year"] - 1, report.get("publisher"),
             report.get("agency"), report.get("report_id") or ""]))
        if not rows:
            return None
        return list(self.db.query(
            'select "table", "row", "column", value, raw from report_stats where report_id = ?',
            [rows[0]["report_id"]]))

    # -- reports ------------------------------------------------------------------------------------
    def save_report(self, report: dict, urls: Iterable[str], attachments: list[dict],
                    stats: list[dict], checks: list[dict]) -> bool:
        """Insert or update one report and what hangs off it; return True if it is new."""
        from govcrawl.dedupe import canonical_url

        rid = report["report_id"]
        table = self.db["reports"]
        existing = list(self.db.query("select rowid, first_seen from reports where report_id = ?", [rid]))
        stamp = now()
        # version and removed_on are the change tracker's (govcrawl.changes), not the page's
        row = {k: report.get(k) for k in SCHEMA["reports"][0] if k not in ("version", "removed_on")}
        row["first_seen"] = existing[0]["first_seen"] if existing else stamp
        row["last_seen"] = stamp
        with self.db.conn:
            indexed = search.report_texts(self.db.conn, existing[0]["rowid"]) if existing else None
            table.upsert(row, pk="report_id")
            for url in urls:
                self.db.execute(
                    "insert or ignore into report_urls (url, report_id, site_id, first_seen, url_key) "
                    "values (?, ?, ?, ?, ?)", [url, rid, report.get("site_id"), stamp, canonical_url(url)])
            self.db.execute("delete from attachments where report_id = ?", [rid])
            if attachments:
                self.db["attachments"].upsert_all(
                    [{k: a.get(k) for k in SCHEMA["attachments"][0]} for a in attachments],
                    pk="attachment_id")
            self.db.execute("delete from report_stats where report_id = ?", [rid])
            if stats:
                self.db["report_stats"].insert_all(
                    [{"report_id": rid, **{k: c.get(k) for k in ("table", "row", "column", "value",
                                                                  "raw", "unit")}} for c in stats])
            self.db.execute("delete from report_checks where report_id = ?", [rid])
            if checks:
                self.db["report_checks"].insert_all(
                    [{"report_id": rid, **{k: c.get(k) for k in ("rule", "scope", "status",
                                                                  "detail")}} for c in checks])
            change = record_version(self.db.conn, row, stats, not existing, stamp)
            if change == "new":
                record_event(self.db.conn, rid, row.get("url"), report.get("site_id"), report.get("run_id"), "new",
                             row.get("title"))
            url_seen(self.db.conn, rid, urls, report.get("site_id"), report.get("run_id"), report.get("validators"),
                     row.get("capture_id"))
            rowid = self.db.execute("select rowid from reports where report_id = ?", [rid]).fetchone()[0]
            search.index_report(self.db.conn, rowid, indexed)
        return not existing

    def revisit(self, report_id: str, url: str, site_id: str, run_id: str | None, outcome: str, how: str | None,
                validators: dict | None = None) -> None:
        """A known URL asked again: unchanged, removed or failing (see govcrawl.changes)."""
        with self.db.conn:
            if outcome == "unchanged":
                url_seen(self.db.conn, report_id, [url], site_id, run_id,
                         validators if validators and any(validators.values()) else None)
                self.db.execute("update reports set last_seen = ? where report_id = ?", [now(), report_id])
                self.db.execute("update report_versions set last_seen = ? where report_id = ? and version = "
                                "(select max(version) from report_versions where report_id = ?)",
                                [now(), report_id, report_id])
            else:
                url_gone(self.db.conn, report_id, url, site_id, run_id, how or outcome, failing=outcome == "failed")

    def save_cookies(self, host: str, cookies: list[dict]) -> None:
        """Challenge cookies Chromium got, for the next run while they are valid."""
        stamp = now()
        self.db["cookies"].upsert_all(
            [{"host": host, "name": c["name"], "value": c["value"], "domain": c.get("domain"), "path": c.get("path"),
              "expires": c.get("expires"), "saved": stamp} for c in cookies], pk=("host", "name"))

    def save_challenge_host(self, host: str, kind: str) -> None:
        stamp = now()
        self.db.execute("insert into challenge_hosts (host, kind, first_seen, last_seen) values (?, ?, ?, ?) "
                        "on conflict(host) do update set kind = excluded.kind, last_seen = excluded.last_seen",
                        [host, kind, stamp, stamp])
        self.db.conn.commit()

    def page_seen(self, page: dict) -> None:
        self.db["page_validators"].upsert({**{k: page.get(k) for k in ("url", "site_id", "etag", "last_modified",
                                                                          "capture_id")}, "seen": now()}, pk="url")

    def add_url(self, report_id: str, url: str, site_id: str, validators: dict | None = None,
                capture_id: str | None = None) -> None:
        """Another URL of a known report (a duplicate found elsewhere); with the validators it
        answered with when it was the URL fetched, so the next crawl can ask it conditionally."""
        from govcrawl.dedupe import canonical_url

        self.db.execute(
            "insert or ignore into report_urls (url, report_id, site_id, first_seen, url_key) values (?, ?, ?, ?, ?)",
            [url, report_id, site_id, now(), canonical_url(url)])
        if validators is not None and any(validators.values()):
            self.db.execute("update report_urls set etag = ?, last_modified = ?, capture_id = coalesce(?, capture_id), "
                            "last_checked = ? where url = ?",
                            [validators.get("etag"), validators.get("last_modified"), capture_id, now()[:10], url])
        self.db.execute("update reports set last_seen = ? where report_id = ?", [now(), report_id])
        self.db.conn.commit()

    def replace_checks(self, report_id: str, rule: str, checks: list[dict]) -> None:
        """Replace one rule's results for a report (used when a later report changes the answer)."""
        with self.db.conn:
            self.db.execute("delete from report_checks where report_id = ? and rule = ?",
                            [report_id, rule])
            for c in checks:
                self.db.execute(
                    "insert into report_checks (report_id, rule, scope, status, detail) "
                    "values (?, ?, ?, ?, ?)",
                    [report_id, rule, c.get("scope"), c.get("status"), c.get("detail")])


_SHARED: dict[str, Store] = {}


def shared_store(path: str) -> Store:
    """One Store per database file per process: several spiders in one process share it."""
    if path not in _SHARED:
        _SHARED[path] = Store(path)
    return _SHARED[path]

