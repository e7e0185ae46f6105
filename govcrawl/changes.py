"""What changed between crawls: report versions, removals, reappearances, and the events a
journalist reads (new, edited, removed, reappeared).

The store calls these after it has written what a crawl found. A report's text or table numbers
that differ from its latest version make a new version (the old one is kept, with a short
summary of which paragraphs and which cells changed); a report URL that is gone is dated, and the
report too once all its URLs are gone; nothing is ever deleted.
"""
from __future__ import annotations

import hashlib
import json
from difflib import SequenceMatcher

from govcrawl.recrawl import today

EVENTS = ("new", "edited", "removed", "reappeared")


def _cells(stats) -> dict[tuple, object]:
    return {(c.get("table"), c.get("row"), c.get("column")): c.get("value") for c in stats or []}


def change_summary(old_text: str, new_text: str, old_stats, new_stats) -> dict:
    """Which paragraphs were added or removed, and which table cells changed value."""
    old_lines = [line.strip() for line in (old_text or "").splitlines() if line.strip()]
    new_lines = [line.strip() for line in (new_text or "").splitlines() if line.strip()]
    added, removed = [], []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            removed += old_lines[a1:a2]
        if op in ("replace", "insert"):
            added += new_lines[b1:b2]
    old_cells, new_cells = _cells(old_stats), _cells(new_stats)
    cells = [{"table": k[0], "row": k[1], "column": k[2], "old": old_cells.get(k), "new": new_cells.get(k)}
             for k in sorted(set(old_cells) | set(new_cells), key=lambda k: tuple(str(x) for x in k))
             if old_cells.get(k) != new_cells.get(k)]
    return {"paragraphs": {"added": added[:20], "removed": removed[:20]}, "cells": cells[:50]}


def describe(summary: dict) -> str:
    parts = []
    p = summary.get("paragraphs") or {}
    if p.get("added") or p.get("removed"):
        parts.append(f"{len(p.get('added') or [])} paragraph(s) added, {len(p.get('removed') or [])} removed")
    if summary.get("cells"):
        shown = "; ".join(f"{c['table']}/{c['row']}/{c['column']}: {c['old']} → {c['new']}" for c in summary["cells"][:3])
        parts.append(f"{len(summary['cells'])} table cell(s) changed ({shown})")
    return "; ".join(parts) or "changed"


def event(db, report_id: str, url: str | None, site_id: str | None, run_id: str | None, kind: str,
          detail: str | None = None, day: str | None = None) -> None:
    day = day or today()
    key = f"{report_id}|{url}|{kind}|{run_id}"
    db.execute(
        "insert or ignore into report_events (event_id, report_id, url, site_id, run_id, event, date, detail) "
        "values (?, ?, ?, ?, ?, ?, ?, ?)",
        [hashlib.sha1(key.encode()).hexdigest()[:16], report_id, url, site_id, run_id, kind, day, detail])


def record_version(db, row: dict, stats: list[dict], new_report: bool, stamp: str) -> str | None:
    """Keep the report's content as a version; return 'new' or 'edited' when an event is due."""
    rid = row["report_id"]
    latest = db.execute(
        "select version, content_hash, stats, body_text from report_versions where report_id = ? "
        "order by version desc limit 1", [rid]).fetchone()
    stats_json = json.dumps([{k: c.get(k) for k in ("table", "row", "column", "value", "raw")} for c in stats or []],
                            ensure_ascii=False, sort_keys=True)
    if latest is not None:
        version, old_hash, old_stats, old_text = latest
        same_numbers = _cells(json.loads(old_stats or "[]")) == _cells(stats)
        if old_hash == row.get("content_hash") and same_numbers:
            db.execute("update report_versions set last_seen = ? where report_id = ? and version = ?",
                       [stamp, rid, version])
            return None
        summary = change_summary(old_text, row.get("body_text"), json.loads(old_stats or "[]"), stats)
        number = version + 1
    else:
        summary, number = None, 1
    db.execute(
        "insert into report_versions (report_id, version, content_hash, capture_id, first_seen, last_seen, title, "
        "body_text, stats, change_summary) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [rid, number, row.get("content_hash"), row.get("capture_id"), stamp, stamp, row.get("title"),
         row.get("body_text"), stats_json, json.dumps(summary, ensure_ascii=False) if summary else None])
    db.execute("update reports set version = ? where report_id = ?", [number, rid])
    if latest is None:
        return "new" if new_report else None
    event(db, rid, row.get("url"), row.get("site_id"), row.get("run_id"), "edited", describe(summary))
    return "edited"


def url_seen(db, report_id: str, urls, site_id: str | None, run_id: str | None, validators: dict | None = None,
             capture_id: str | None = None) -> None:
    """A report's URLs answered (200 or 304): checked today; a removed report is back. The
    validators and the capture are those of the first URL, the one fetched; the others (a
    繁體 copy, the URL a redirect started from) answered with validators of their own."""
    day = today()
    for n, url in enumerate(urls):
        fields = {"last_checked": day, "fail_since": None, "fail_run": None}
        if validators is not None and n == 0:
            fields.update(etag=validators.get("etag"), last_modified=validators.get("last_modified"))
        if capture_id and n == 0:
            fields["capture_id"] = capture_id
        sets = ", ".join(f"{k} = ?" for k in fields)
        gone = db.execute("select removed_on from report_urls where url = ?", [url]).fetchone()
        db.execute(f"update report_urls set {sets}, removed_on = null where url = ?", [*fields.values(), url])
        if gone and gone[0]:
            event(db, report_id, url, site_id, run_id, "reappeared", f"removed on {gone[0]}, answers again")
    removed = db.execute("select removed_on from reports where report_id = ?", [report_id]).fetchone()
    if removed and removed[0]:
        db.execute("update reports set removed_on = null where report_id = ?", [report_id])


def url_gone(db, report_id: str, url: str, site_id: str | None, run_id: str | None, how: str, failing: bool) -> None:
    """A report URL is gone (or failing: only the second run that sees it failing dates it). The
    report is removed when all its URLs are."""
    day = today()
    row = db.execute("select removed_on, fail_since, fail_run from report_urls where url = ?", [url]).fetchone()
    if row is None or row[0]:
        return  # unknown, or already dated
    if failing:
        if not row[1] or row[2] == run_id:
            db.execute("update report_urls set fail_since = coalesce(fail_since, ?), fail_run = ?, last_checked = ? "
                       "where url = ?", [day, run_id, day, url])
            return
        removed_on = row[1]  # failing on a second run: gone since the first run that saw it failing
        how = f"{how} on two runs"
    else:
        removed_on = day
    db.execute("update report_urls set removed_on = ?, last_checked = ? where url = ?", [removed_on, day, url])
    left = db.execute("select count(*) from report_urls where report_id = ? and removed_on is null",
                      [report_id]).fetchone()[0]
    if left == 0:
        db.execute("update reports set removed_on = ? where report_id = ? and removed_on is null", [removed_on, report_id])
        event(db, report_id, url, site_id, run_id, "removed", how, removed_on)
