"""Site health after each crawl: what each site came to, judged against its own history, and
what an operator should do about it.

``crawl_runs`` says what one run of one site found (its ``outcome``: ok, blocked, no_column …).
Health adds history. Each site of a crawl gets one ``site_health`` row:

===============  ========  ==========================================================================
health           severity  when
===============  ========  ==========================================================================
new_reports      ok        annual reports found, some of them new
no_change        ok        annual reports found (or confirmed unchanged), none new
updated          ok        no new report, but known reports changed (new versions)
budget_hit       warn      reports found, but a request / page budget or a trap cut the crawl
coverage_drop    fail      reports found, but the share with some field (publisher, index_no,
                           report_year, body, tables) fell sharply since the site's last run
went_dark        fail      yielded nothing, but earlier runs found reports (a layout change)
never_found      warn      yielded nothing, and never has (no 年报 column, an empty one …)
blocked          fail      refused: 403 / 401 / 451 / 429, a challenge not passed, geoblocked
unreachable      fail      DNS or connection failure
interrupted      warn      the run stopped before the site was done
===============  ========  ==========================================================================

``streak`` counts the site's consecutive failing runs; at ``GOVCRAWL_HEALTH_RETIRE_AFTER`` the
row's ``action`` is ``retire_or_repair``. ``advice`` says in a sentence what to fix.

Both crawls in one process (``HealthExtension``) and the distributed writer call
``classify_crawl``; the monitors (``govcrawl.monitors``) judge its summary against thresholds
in the settings.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter
from dataclasses import asdict, dataclass, field

from scrapy import signals

from govcrawl.quality import FIELDS, field_state

logger = logging.getLogger(__name__)

FAILING = ("coverage_drop", "went_dark", "blocked", "unreachable")
WARNING = ("budget_hit", "never_found", "interrupted")
EMPTY_OUTCOMES = ("no_column", "empty_column", "no_reports", "no_documents")
SEVERITY = {**{h: "fail" for h in FAILING}, **{h: "warn" for h in WARNING}}

SCHEMA = """
create table if not exists site_health (
  crawl_id text, site_id text, run_id text, checked text, health text, severity text, streak integer,
  action text, advice text, outcome text, reports integer, new_reports integer, unchanged integer,
  last_good_run text, last_good_reports integer, coverage text, coverage_reports integer, coverage_drop text,
  primary key (crawl_id, site_id));
create index if not exists site_health_site on site_health (site_id, checked);
"""
# The run report for Datasette: every site run with its health and how long it took.
RUN_REPORT_VIEW = """
create view if not exists run_report as
select r.crawl_id, r.site_id, s.name, s.level, r.started, r.finished,
  cast(round((julianday(r.finished) - julianday(r.started)) * 86400) as integer) as duration_s,
  r.status, r.finish_reason, r.outcome, h.health, h.severity, h.streak, h.action, h.advice,
  r.pages_fetched, r.documents, r.reports, r.new_reports, r.errors, r.budget_cuts, r.reason
from crawl_runs r left join sites s on s.site_id = r.site_id
left join site_health h on h.crawl_id = r.crawl_id and h.site_id = r.site_id
"""


@dataclass(frozen=True)
class Thresholds:
    coverage_drop: float = 0.3       # a field's share falling by this much (absolute) is a drop
    coverage_min_reports: int = 3    # fewer reports in either run: too few to compare
    retire_after: int = 3            # consecutive failing runs before "retire_or_repair"

    @classmethod
    def from_settings(cls, settings) -> "Thresholds":
        return cls(coverage_drop=settings.getfloat("GOVCRAWL_HEALTH_COVERAGE_DROP", cls.coverage_drop),
                   coverage_min_reports=settings.getint("GOVCRAWL_HEALTH_COVERAGE_MIN_REPORTS",
                                                        cls.coverage_min_reports),
                   retire_after=settings.getint("GOVCRAWL_HEALTH_RETIRE_AFTER", cls.retire_after))


@dataclass
class SiteHealth:
    crawl_id: str
    site_id: str
    run_id: str
    checked: str | None
    health: str
    severity: str
    streak: int
    action: str
    advice: str
    outcome: str | None
    reports: int = 0
    new_reports: int = 0
    unchanged: int = 0
    last_good_run: str | None = None
    last_good_reports: int | None = None
    coverage: dict | None = None
    coverage_reports: int = 0
    coverage_drop: dict = field(default_factory=dict)

    def row(self) -> dict:
        out = asdict(self)
        out["coverage"] = json.dumps(self.coverage) if self.coverage is not None else None
        out["coverage_drop"] = json.dumps(self.coverage_drop, ensure_ascii=False) if self.coverage_drop else None
        return out


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)
    if conn.execute("select 1 from sqlite_master where name = 'crawl_runs'").fetchone():
        conn.executescript(RUN_REPORT_VIEW)


def run_coverage(conn: sqlite3.Connection, run_id: str) -> tuple[int, dict[str, float]]:
    """(annual reports read in the run, {field: share present and valid})."""
    rows = conn.execute(
        "select r.publisher, r.index_no, r.report_year, r.body_text, "
        "exists(select 1 from report_stats s where s.report_id = r.report_id) as has_tables "
        "from reports r where r.run_id = ? and r.is_annual_report = 1", (run_id,)).fetchall()
    if not rows:
        return 0, {}
    good = Counter()
    for publisher, index_no, year, body, has_tables in rows:
        record = {"publisher": publisher, "index_no": index_no, "report_year": year, "body_text": body}
        for name in FIELDS:
            good[name] += field_state(name, record, bool(has_tables)) == "ok"
    return len(rows), {name: round(good[name] / len(rows), 3) for name in FIELDS}


def _history(conn: sqlite3.Connection, site_id: str, crawl_id: str) -> list[sqlite3.Row]:
    """The site's earlier health rows, newest first."""
    return conn.execute(
        "select * from site_health where site_id = ? and crawl_id != ? order by checked desc, rowid desc",
        (site_id, crawl_id)).fetchall()


def _last_good(conn: sqlite3.Connection, site_id: str, run_id: str) -> sqlite3.Row | None:
    """The site's latest earlier run that found annual reports (or confirmed known ones)."""
    return conn.execute(
        "select run_id, started, reports, stats from crawl_runs where site_id = ? and run_id != ? "
        "and (reports > 0 or coalesce(json_extract(stats, '$.revisit_unchanged'), 0) > 0) "
        "order by started desc limit 1", (site_id, run_id)).fetchone()


def _dropped(before: dict | None, now: dict, n_before: int, n_now: int, t: Thresholds) -> dict:
    if not before or n_now < t.coverage_min_reports or n_before < t.coverage_min_reports:
        return {}
    return {name: [before[name], now[name]] for name in FIELDS
            if name in before and name in now and before[name] - now[name] >= t.coverage_drop}


def classify_run(conn: sqlite3.Connection, run: sqlite3.Row, t: Thresholds) -> SiteHealth:
    """Health of one site run (a ``crawl_runs`` row) against the site's history."""
    site_id, outcome = run["site_id"], run["outcome"]
    stats = json.loads(run["stats"] or "{}") if isinstance(run["stats"], str) else {}
    unchanged = int(stats.get("revisit_unchanged") or 0)
    reports = int(run["reports"] or 0)
    # new annual reports stored by this run (crawl_runs.new_reports counts them as they are stored)
    new = conn.execute("select count(*) from reports where run_id = ? and is_annual_report = 1 and first_seen >= ?",
                       (run["run_id"], run["started"] or "")).fetchone()[0]
    history = _history(conn, site_id, run["crawl_id"])
    good = _last_good(conn, site_id, run["run_id"])
    n_now, coverage = run_coverage(conn, run["run_id"])
    earlier = next((h for h in history if h["coverage"]), None)
    dropped = _dropped(json.loads(earlier["coverage"]) if earlier else None, coverage,
                       earlier["coverage_reports"] or 0 if earlier else 0, n_now, t) if coverage else {}
    why = run["reason"] or ""
    status = run["status"] or ""
    if outcome == "interrupted" or status in ("interrupted", "killed", "running"):
        health, advice = "interrupted", f"the run stopped before the site was done ({run['finish_reason'] or status}); " \
                                        "the next run (or a resume with the same --job-dir) continues it"
    elif outcome == "blocked":
        health, advice = "blocked", f"{why}"
    elif outcome == "unreachable":
        health = "unreachable"
        advice = why + (f"; it answered on {good['started'][:10]} with {good['reports']} report(s): "
                        "the portal may have moved (check its address)" if good else "")
    elif outcome in EMPTY_OUTCOMES and good is not None:
        health = "went_dark"
        advice = (f"found {good['reports'] or 'known'} report(s) on {good['started'][:10]} but nothing now ({outcome}: "
                  f"{why}); the portal's layout has probably changed: find its 年报 column in a browser and "
                  "give it as column_url in the registry")
    elif outcome in EMPTY_OUTCOMES or outcome is None:
        health, advice = "never_found", why or "no outcome recorded"
    elif dropped:
        health = "coverage_drop"
        advice = ("share of reports with " + ", ".join(f"{k} fell from {a:.0%} to {b:.0%}" for k, (a, b) in dropped.items())
                  + ": the detail pages probably changed layout; check `govcrawl extract` on one of them")
    elif outcome == "ok_budget":
        cuts = run["budget_cuts"] or ""
        health, advice = "budget_hit", f"cut short: {cuts[:300]}; raise the budget in the settings or check for a trap"
    elif new:
        health, advice = "new_reports", f"{new} new annual report(s)"
    elif reports and not unchanged:
        health, advice = "updated", f"{reports} known report(s) read again, none new"
    else:
        health, advice = "no_change", f"{unchanged or reports} known report(s), none new"
    severity = SEVERITY.get(health, "ok")
    streak = 0
    if severity == "fail":
        streak = 1
        for h in history:
            if h["severity"] != "fail":
                break
            streak += 1
    action = ""
    if severity == "fail":
        action = "retire_or_repair" if streak >= t.retire_after else "repair"
        if streak >= t.retire_after:
            advice += f"; failing {streak} runs in a row: repair the registry row or retire the site"
    elif severity == "warn":
        action = "check"
    return SiteHealth(crawl_id=run["crawl_id"], site_id=site_id, run_id=run["run_id"], checked=run["finished"],
                      health=health, severity=severity, streak=streak, action=action, advice=advice,
                      outcome=outcome, reports=reports, new_reports=new, unchanged=unchanged,
                      last_good_run=good["run_id"] if good else None,
                      last_good_reports=good["reports"] if good else None,
                      coverage=coverage or None, coverage_reports=n_now, coverage_drop=dropped)


def classify_crawl(db_path: str, crawl_id: str, thresholds: Thresholds | None = None) -> list[SiteHealth]:
    """Classify every site run of a crawl, write ``site_health`` rows, return them."""
    t = thresholds or Thresholds()
    conn = sqlite3.connect(db_path, timeout=60)
    conn.row_factory = sqlite3.Row
    try:
        ensure_schema(conn)
        runs = conn.execute("select * from crawl_runs where crawl_id = ? order by site_id", (crawl_id,)).fetchall()
        out = [classify_run(conn, run, t) for run in runs]
        with conn:
            for h in out:
                row = h.row()
                marks = ", ".join("?" * len(row))
                conn.execute(f"insert or replace into site_health ({', '.join(row)}) values ({marks})",
                             list(row.values()))
        return out
    finally:
        conn.close()


def summary(rows: list[SiteHealth]) -> dict:
    """What the monitors judge: counts per health class, and the failing sites by name."""
    counts = Counter(h.health for h in rows)
    return {"sites": len(rows), "counts": dict(counts),
            "failing": {h.site_id: h.health for h in rows if h.severity == "fail"},
            "retire": [h.site_id for h in rows if h.action == "retire_or_repair"]}


def health_table(db_path: str, crawl_id: str | None = None) -> tuple[str | None, list[sqlite3.Row]]:
    """(crawl_id, rows) of a crawl's health, the latest crawl when none is named."""
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        ensure_schema(conn)
        if crawl_id is None:
            row = conn.execute("select crawl_id from site_health order by checked desc, rowid desc limit 1").fetchone()
            crawl_id = row[0] if row else None
        rows = conn.execute(
            "select h.*, coalesce(s.name, h.site_id) as name from site_health h left join sites s using (site_id) "
            "where h.crawl_id = ? order by h.severity = 'ok', h.severity = 'warn', h.site_id", (crawl_id,)).fetchall()
        return crawl_id, rows
    finally:
        conn.close()


def format_table(rows) -> str:
    lines = [f"{'site':30} {'name':12} {'health':13} {'sev':4} {'streak':>6} {'reports':>7} {'new':>4}  advice"]
    for r in rows:
        lines.append(f"{r['site_id'][:30]:30} {(r['name'] or '')[:12]:12} {r['health']:13} {r['severity']:4} "
                     f"{r['streak']:>6} {r['reports'] or 0:>7} {r['new_reports'] or 0:>4}  {(r['advice'] or '')[:150]}")
    return "\n".join(lines)


class HealthExtension:
    """After a crawl's runs are closed (the store pipeline closes first), classify its sites and
    put the summary in the stats, where the monitors find it."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider, reason):
        crawl_id = self.crawler.stats.get_value("govcrawl/crawl_id") or getattr(spider, "run_id", None)
        db = self.crawler.settings.get("GOVCRAWL_DB")
        if not crawl_id or not db:
            return
        try:
            rows = classify_crawl(db, crawl_id, Thresholds.from_settings(self.crawler.settings))
        except sqlite3.Error as exc:
            logger.error("site health could not be written to %s: %s", db, exc)
            return
        record_summary(self.crawler.stats, summary(rows))


def record_summary(stats, s: dict) -> None:
    stats.set_value("govcrawl/health/sites", s["sites"])
    for name, n in s["counts"].items():
        stats.set_value(f"govcrawl/health/{name}", n)
    stats.set_value("govcrawl/health/failing", s["failing"])
    stats.set_value("govcrawl/health/retire", s["retire"])
