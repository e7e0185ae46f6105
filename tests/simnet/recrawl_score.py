"""Score a second crawl of a changed network (issue 8) against the truth of the changes.

    result = score_recrawl("metadata.db", changes, log1, log2)
    print(format_recrawl(result))

- every removal dated: the report is still there, ``removed_on`` is set on the report and on the
  removed URL, and a ``removed`` event names it;
- every edit kept with both versions: two or more ``report_versions`` rows with different hashes,
  and an ``edited`` event;
- every added report stored as a report;
- no change where none happened: unchanged reports, the report dropped from its list and the two
  that failed once (503, reset) have no removed_on, no removed / edited event and one version;
- requests: full responses (anything but 304) of the second crawl over those of the first, from
  the server's request log (must be ≤ 10 %).
The version and event tables belong to the crawler; their columns are read by name, so a missing
table or column shows as a failed check, not a crash.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict

from tests.simnet.scorer import norm

DATE_COLUMNS = ("date", "time", "seen", "event_date", "run_date", "crawl_date")


def _rows(conn, table: str) -> list[dict]:
    try:
        return [dict(r) for r in conn.execute(f"select * from {table}")]
    except sqlite3.OperationalError:
        return []


def full_responses(log: list[dict]) -> int:
    """Responses that carried a body the crawler had to process: every answer but 304 and resets."""
    return sum(1 for e in log if e["status"] and e["status"] != 304)


def score_recrawl(db_path, changes: dict, log1: list[dict], log2: list[dict]) -> dict:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        reports = {r["report_id"]: r for r in _rows(conn, "reports")}
        urls = _rows(conn, "report_urls")
        versions = _rows(conn, "report_versions")
        events = _rows(conn, "report_events")
    finally:
        conn.close()
    by_url = {norm(u["url"]): u for u in urls}
    for rid, r in reports.items():
        if r.get("url"):
            by_url.setdefault(norm(r["url"]), {"url": r["url"], "report_id": rid})
    hashes = defaultdict(set)
    for v in versions:
        hashes[v.get("report_id")].add(v.get("content_hash"))
    kinds = defaultdict(list)
    for e in events:
        date = next((e[c] for c in DATE_COLUMNS if e.get(c)), None)
        kinds[e.get("report_id")].append((e.get("event"), date))

    def rid_of(doc: dict) -> str | None:
        for u in doc["urls"]:
            row = by_url.get(norm(u))
            if row:
                return row["report_id"]
        return None

    out: dict = {"removed": [], "edited": [], "added": [], "false_changes": []}
    for doc in changes["removed"]:
        rid = rid_of(doc)
        rep = reports.get(rid, {})
        url_row = by_url.get(norm(doc["urls"][0]), {})
        event = [d for k, d in kinds.get(rid, []) if k == "removed"]
        ok = bool(rep) and bool(rep.get("removed_on")) and bool(url_row.get("removed_on")) and bool(event) \
            and all(event)
        out["removed"].append({"id": doc["id"], "how": doc["how"], "ok": ok, "kept": bool(rep),
                               "report_removed_on": rep.get("removed_on"), "url_removed_on": url_row.get("removed_on"),
                               "event_dates": event})
    for doc in changes["edited"]:
        rid = rid_of(doc)
        n = len(hashes.get(rid, set()) - {None})
        event = any(k == "edited" for k, _ in kinds.get(rid, []))
        out["edited"].append({"id": doc["id"], "what": doc["what"], "ok": n >= 2 and event, "versions": n,
                              "event": event})
    for doc in changes["added"]:
        rid = rid_of(doc)
        rep = reports.get(rid, {})
        out["added"].append({"id": doc["id"], "title": doc["title"], "ok": bool(rep.get("is_annual_report"))})
    for group, label in ((changes["unchanged"], "unchanged"), (changes["dropped"], "dropped from list"),
                         (changes["flaky"], "failed once")):
        for doc in group:
            rid = rid_of(doc)
            if rid is None:
                continue
            rep = reports.get(rid, {})
            url_row = by_url.get(norm(doc["urls"][0]), {})
            wrong = [k for k, _ in kinds.get(rid, []) if k in ("removed", "edited")]
            if rep.get("removed_on") or url_row.get("removed_on") or wrong or len(hashes.get(rid, set()) - {None}) > 1:
                out["false_changes"].append({"id": doc["id"], "as": label, "events": wrong,
                                             "removed_on": rep.get("removed_on") or url_row.get("removed_on")})
    full1, full2 = full_responses(log1), full_responses(log2)
    out.update({
        "requests_1": len(log1), "requests_2": len(log2), "full_1": full1, "full_2": full2,
        "not_modified_2": sum(1 for e in log2 if e["status"] == 304),
        "full_ratio": full2 / full1 if full1 else 0.0,
        "all_ok": all(x["ok"] for k in ("removed", "edited", "added") for x in out[k]) and not out["false_changes"],
    })
    return out


def format_recrawl(r: dict) -> str:
    lines = []
    for key in ("removed", "edited", "added"):
        ok = sum(x["ok"] for x in r[key])
        lines.append(f"{key:16} {ok}/{len(r[key])} right")
        lines += [f"   wrong: {x}" for x in r[key] if not x["ok"]]
    lines.append(f"false changes    {len(r['false_changes'])}")
    lines += [f"   {x}" for x in r["false_changes"][:10]]
    lines.append(f"crawl 1: {r['requests_1']} requests, {r['full_1']} full responses")
    lines.append(f"crawl 2: {r['requests_2']} requests, {r['full_2']} full responses, {r['not_modified_2']} answered 304")
    lines.append(f"full responses crawl 2 / crawl 1 = {r['full_ratio']:.3f}")
    return "\n".join(lines)
