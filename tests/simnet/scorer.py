"""Score what a crawl stored (metadata.db) against a network's truth.

    result = score("metadata.db", truth)      # truth: Network.truth(...) or truth.json
    print(format_score(result))

Figures:
- recall: true reports stored with ``is_annual_report = 1`` at any of their URLs;
- precision: rows with ``is_annual_report = 1`` that hold a true report's URL, over all such rows
  (look-alikes and any other page claimed as a report count against it; rows with 0 do not);
- dedupe: duplicate groups (a report at several URLs) whose URLs all sit in exactly one row, and
  no row that mixes two documents;
- year: claimed rows of true reports whose ``report_year`` is right;
- attribution: claimed rows of true reports stored under the right site (the registry row, or the
  subsite row for a township's or department's report);
- silent sites: sites with no report and no reason recorded in crawl_runs or crawl_errors;
- per convention: recall of the reports carrying each tag (list reader, entry style, encoding,
  challenge, copy kind …).
URLs are compared after w3lib's canonicalize_url (query fields sorted, fragment dropped).
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from pathlib import Path

from w3lib.url import canonicalize_url

_SUFFIX = re.compile(r"(人民政府|政府|办事处)$")


def norm(url: str) -> str:
    try:
        return canonicalize_url(url.strip())
    except Exception:  # a stored URL the canonicalizer cannot parse is compared as it is
        return url.strip()


def core(name: str | None) -> str:
    return _SUFFIX.sub("", (name or "").strip())


def load_truth(truth) -> dict:
    if isinstance(truth, (str, Path)):
        return json.loads(Path(truth).read_text("utf-8"))
    return truth


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"pragma table_info({table})")}


def read_db(db_path) -> dict:
    """The rows the scorer needs, tolerant of older schemas (no reason column, no parent …)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        out: dict = {"reports": {}, "urls": defaultdict(set), "sites": {}, "reasons": defaultdict(list),
                     "captures": []}
        if "reports" in tables:
            for r in conn.execute("select report_id, site_id, url, title, report_year, is_annual_report from reports"):
                out["reports"][r["report_id"]] = dict(r)
                if r["url"]:
                    out["urls"][r["report_id"]].add(norm(r["url"]))
        if "report_urls" in tables:
            for r in conn.execute("select url, report_id from report_urls"):
                out["urls"][r["report_id"]].add(norm(r["url"]))
        if "sites" in tables:
            cols = _columns(conn, "sites")
            wanted = [c for c in ("site_id", "name", "homepage", "level", "parent") if c in cols]
            for r in conn.execute(f"select {', '.join(wanted)} from sites"):
                out["sites"][r["site_id"]] = dict(r)
        if "crawl_errors" in tables:
            for r in conn.execute("select site_id, url, stage, reason from crawl_errors"):
                out["reasons"][r["site_id"]].append(f"{r['stage']}: {r['reason']}")
        if "crawl_runs" in tables:
            cols = _columns(conn, "crawl_runs")
            if "reason" in cols:
                for r in conn.execute("select site_id, reason from crawl_runs where coalesce(reason, '') != ''"):
                    out["reasons"][r["site_id"]].append(f"run: {r['reason']}")
        if "captures" in tables:
            out["captures"] = [r[0] for r in conn.execute("select url from captures")]
        return out
    finally:
        conn.close()


def site_map(truth: dict, db: dict) -> dict[str, set[str]]:
    """truth site key -> the db site_ids that are that site."""
    by_home = defaultdict(set)
    for sid, s in db["sites"].items():
        if s.get("homepage"):
            by_home[norm(s["homepage"])].add(sid)
    out = {}
    for site in truth["sites"]:
        ids = set(by_home.get(norm(site["homepage"]), set()))
        want = core(site["name"])
        for sid, s in db["sites"].items():
            have = core(s.get("name"))
            if not have:
                continue
            if have == want or (not site["registry"] and len(want) >= 2 and have.endswith(want)):
                ids.add(sid)
        out[site["key"]] = ids
    return out


def score(db_path, truth) -> dict:
    truth = load_truth(truth)
    db = read_db(db_path)
    url_rows: dict[str, set[str]] = defaultdict(set)
    for rid, urls in db["urls"].items():
        for u in urls:
            url_rows[u].add(rid)
    claimed = {rid for rid, r in db["reports"].items() if r["is_annual_report"]}
    sites = site_map(truth, db)
    doc_of_url: dict[str, str] = {}
    for doc in truth["reports"] + truth["lookalikes"]:
        for u in doc["urls"] + doc["aliases"]:
            doc_of_url[norm(u)] = doc["id"]

    found, missing, groups, split, year_ok, year_rows, site_ok, wrong_year, wrong_site = 0, [], 0, [], 0, 0, 0, [], []
    by_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    true_rows: set[str] = set()
    for rep in truth["reports"]:
        required = [norm(u) for u in rep["urls"]]
        aliases = [norm(u) for u in rep["aliases"]]
        rows = set().union(*(url_rows.get(u, set()) for u in required + aliases))
        hit = rows & claimed
        true_rows |= rows
        ok = bool(hit)
        found += ok
        for tag in rep["tags"] or ["untagged"]:
            by_tag[tag][0] += ok
            by_tag[tag][1] += 1
        if not ok:
            missing.append({"id": rep["id"], "site": rep["site"], "title": rep["title"], "urls": rep["urls"],
                            "stored_as_not_report": sorted(rows)})
            continue
        if len(required) + len(aliases) > 1:
            groups += 1
            row = next(iter(rows)) if len(rows) == 1 else None
            mixed = row and any(doc_of_url.get(u, rep["id"]) != rep["id"] for u in db["urls"].get(row, ()))
            if row is None or not all(u in db["urls"][row] for u in required) or mixed:
                split.append({"id": rep["id"], "title": rep["title"], "rows": sorted(rows),
                              "missing_urls": [u for u in required if not url_rows.get(u)]})
        for rid in hit:
            r = db["reports"][rid]
            year_rows += 1
            if r["report_year"] == rep["year"]:
                year_ok += 1
            else:
                wrong_year.append({"id": rep["id"], "title": rep["title"], "want": rep["year"], "got": r["report_year"]})
            if r["site_id"] in sites.get(rep["site_key"], set()):
                site_ok += 1
            else:
                name = db["sites"].get(r["site_id"], {}).get("name")
                wrong_site.append({"id": rep["id"], "title": rep["title"], "want": rep["site"], "got": name})
    false_pos = []
    for rid in claimed:
        urls = db["urls"].get(rid, set())
        if not any(doc_of_url.get(u) in {r["id"] for r in truth["reports"]} for u in urls):
            lookalike = {doc_of_url.get(u) for u in urls} - {None}
            false_pos.append({"report_id": rid, "title": db["reports"][rid]["title"], "urls": sorted(urls)[:3],
                              "lookalike": bool(lookalike)})
    silent, nothing = [], []
    for site in truth["sites"]:
        ids = sites.get(site["key"], set())
        has_report = any(db["reports"][rid]["site_id"] in ids for rid in claimed)
        reasons = [x for sid in ids for x in db["reasons"].get(sid, [])]
        if not has_report:
            nothing.append(site["name"])
            if not reasons:
                silent.append({"site": site["name"], "level": site["level"], "in_db": bool(ids),
                               "expect_reason": site["expect_reason"]})
    trap_hits = {}
    for trap in truth["traps"]:
        prefix = trap["prefix"]
        trap_hits[f"{trap['site']}:{trap['kind']}"] = sum(1 for u in db["captures"] if u.startswith(prefix)) \
            if trap["kind"] != "far_last_page" else sum(1 for u in db["captures"] if u.startswith(prefix)
                                                        and _page_no(u) > 50)
    n_reports = len(truth["reports"])
    return {
        "reports": n_reports, "found": found, "recall": found / n_reports if n_reports else 1.0,
        "claimed_rows": len(claimed), "false_positives": false_pos,
        "precision": (len(claimed) - len(false_pos)) / len(claimed) if claimed else 0.0,
        "dup_groups": groups, "dup_collapsed": groups - len(split), "split_groups": split,
        "year_rows": year_rows, "year_accuracy": year_ok / year_rows if year_rows else 0.0, "wrong_year": wrong_year,
        "attribution": site_ok / year_rows if year_rows else 0.0, "wrong_site": wrong_site,
        "missing": missing, "silent_sites": silent, "sites_without_reports": nothing,
        "by_tag": {tag: {"found": f, "of": n, "recall": f / n} for tag, (f, n) in sorted(by_tag.items())},
        "trap_fetches": trap_hits,
    }


def _page_no(url: str) -> int:
    m = re.search(r"[?&]page=(\d+)", url)
    return int(m.group(1)) if m else 0


def format_score(result: dict, details: int = 8) -> str:
    r = result
    lines = [
        f"report recall      {r['found']}/{r['reports']} = {r['recall']:.3f}",
        f"precision          {r['claimed_rows'] - len(r['false_positives'])}/{r['claimed_rows']} = {r['precision']:.3f}",
        f"duplicate groups   {r['dup_collapsed']}/{r['dup_groups']} collapsed",
        f"report_year        {r['year_accuracy']:.3f} of {r['year_rows']} rows",
        f"attribution        {r['attribution']:.3f}",
        f"silent sites       {len(r['silent_sites'])} (no report, no reason)",
        "per convention (recall):",
    ]
    for tag, t in r["by_tag"].items():
        lines.append(f"  {tag:22} {t['found']:4}/{t['of']:<4} {t['recall']:.2f}")
    if r["trap_fetches"]:
        lines.append("trap URLs fetched: " + ", ".join(f"{k}={v}" for k, v in r["trap_fetches"].items()))
    for key, label in (("missing", "missing"), ("false_positives", "false positive"), ("split_groups", "split group"),
                       ("wrong_year", "wrong year"), ("wrong_site", "wrong site"), ("silent_sites", "silent site")):
        for item in r[key][:details]:
            lines.append(f"  {label}: {json.dumps(item, ensure_ascii=False)[:300]}")
        if len(r[key]) > details:
            lines.append(f"  … {len(r[key]) - details} more {label}(s)")
    return "\n".join(lines)
