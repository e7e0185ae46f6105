"""The report page at /<database>/reports/<report_id>: a report as a person reads it.

Everything on it comes from crawled pages and is untrusted: the template escapes every value
(Jinja autoescape); nothing crawled is marked safe here.
"""
from __future__ import annotations

import json
import re

from govcrawl.publish import labels

# Statistical tables flattened into the body text: a run of this many short lines is a table.
TABLE_RUN = 12
SHORT_LINE = 16


def _rows(conn, sql: str, params=()) -> list[dict]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _has(conn, table: str) -> bool:
    return conn.execute("select 1 from sqlite_master where name = ?", [table]).fetchone() is not None


def body_blocks(text: str | None) -> list[dict]:
    """Paragraphs of the body. A table flattened into the text becomes a block of its own: rows of
    space-separated cells become a ``table``, a long run of one-cell lines becomes ``cells``."""
    lines = [line.strip() for line in (text or "").split("\n")]
    lines = [line for line in lines if line]
    blocks: list[dict] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(lines[j]) <= SHORT_LINE:
            j += 1
        if j - i >= TABLE_RUN:
            blocks.append({"kind": "cells", "cells": lines[i:j]})
            i = j
            continue
        j = i
        while j < len(lines) and _is_table_row(lines[j]):
            j += 1
        if j - i >= 2 and any(re.search(r"\d", line) for line in lines[i:j]):
            blocks.append({"kind": "table", "rows": [_cells(line) for line in lines[i:j]]})
            i = j
            continue
        blocks.append({"kind": "heading" if _is_heading(lines[i]) else "p", "text": lines[i]})
        i += 1
    return blocks


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")] if "\t" in line else line.split()


_FIGURE = re.compile(r"^(?:[\d.,%-]+|[—－/／]+|无)$")


def _is_table_row(line: str) -> bool:
    """A line printed from a table row: short cells separated by tabs, or a label followed by
    two or more figures separated by spaces (prose with spaces is left alone)."""
    cells = _cells(line)
    if not 2 <= len(cells) <= 16 or any(len(c) > 24 for c in cells):
        return False
    return "\t" in line or (len(cells) >= 3 and all(_FIGURE.match(c) for c in cells[1:]))


def _is_heading(line: str) -> bool:
    return len(line) <= 30 and bool(re.match(r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）", line))


def stat_tables(cells: list[dict]) -> list[dict]:
    """The parsed cells as tables: applications and appeals as grids, active and legacy as lists."""
    by_table: dict[str, list[dict]] = {}
    for c in cells:
        by_table.setdefault(c["table"], []).append(c)
    out = []
    for table, items in by_table.items():
        zh, en = labels.TABLES.get(table, (table, table))
        if table in ("applications", "appeals"):
            rows_meta = labels.APPLICATION_ROWS if table == "applications" else labels.APPEAL_ROWS
            cols_meta = ({k: (v, k) for k, v in labels.APPLICANTS.items()} if table == "applications"
                         else labels.APPEAL_COLUMNS)
            cols = [c for c in cols_meta if any(i["column"] == c for i in items)]
            grid = {(i["row"], i["column"]): i for i in items}
            rows = [{"label": rows_meta.get(r, (r,))[0], "code": r,
                     "cells": [grid.get((r, c)) for c in cols]}
                    for r in rows_meta if any((r, c) in grid for c in cols)]
            out.append({"name": table, "zh": zh, "en": en, "kind": "grid",
                        "columns": [cols_meta[c][0] for c in cols], "rows": rows})
        else:
            out.append({"name": table, "zh": zh, "en": en, "kind": "list",
                        "rows": [{"label": labels.cell_label(table, i["row"], i["column"]) if table != "legacy"
                                  else i["row"], "cell": i} for i in items]})
    order = ["active", "applications", "appeals", "legacy"]
    return sorted(out, key=lambda t: order.index(t["name"]) if t["name"] in order else 9)


SHORT = {"new": "本年新收", "carried_in": "上年结转", "granted": "予以公开", "partly_granted": "部分公开",
         "handled_total": "办理总计", "carried_out": "结转下年度", "other_handling": "其他处理",
         "upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", "total": "总计",
         **{f"withheld_{i}": f"不予公开{i}" for i in range(1, 9)},
         **{f"unavailable_{i}": f"无法提供{i}" for i in range(1, 4)},
         **{f"not_processed_{i}": f"不予处理{i}" for i in range(1, 6)},
         **{f"other_handling_{i}": f"其他处理{i}" for i in range(1, 4)},
         **{code: label for code, label in labels.APPLICANTS.items() if code != "total"}}
_TERM = re.compile(r"([a-z_]+\d?)\s+(-?[\d.]+|None|—)")


def _side(text: str) -> tuple[str, float | None]:
    """One side of a check's detail ("granted 1 + partly_granted 0 = 1") in words, and its sum."""
    terms, _, total = text.rpartition("=")
    found = _TERM.findall(terms)
    try:
        value = float(total.strip())
    except ValueError:
        value = None
    shown = [f"{SHORT.get(code, code)} {num}" for code, num in found if num not in ("0", "0.0")]
    if not found:
        return text.strip(), value
    names = "、".join(SHORT.get(code, code) for code, _ in found)
    words = " + ".join(shown) if shown else f"{names} 均为 0"
    return f"{words}，合计 {total.strip()}" if len(found) > 1 else f"{SHORT.get(found[0][0], found[0][0])} {total.strip()}", value


def explain_check(check: dict) -> str:
    """A check result in words: the rule, where it was checked and the numbers compared."""
    rule_zh, _rule_en = labels.CHECKS.get(check["rule"], (check["rule"], ""))
    scope = check.get("scope") or ""
    scope_zh = labels.APPLICANTS.get(scope) or labels.APPEAL_ROWS.get(scope, (None,))[0] \
        or labels.APPLICATION_ROWS.get(scope, (scope,))[0]
    verdict = {"fail": "不成立", "ok": "成立", "unknown": "无法核对（有空白）"}.get(check.get("status"), "")
    head = f"{rule_zh}（{scope_zh}列）{verdict}" if scope in labels.APPLICANTS else f"{rule_zh}（{scope_zh}）{verdict}"
    detail = check.get("detail") or ""
    if ";" not in detail:
        detail = re.sub(r"[a-z_]+\d?", lambda m: SHORT.get(m.group(0), m.group(0)), detail.replace("blank:", "空白："))
        return f"{head}：{detail}" if detail else head
    (left, lv), (right, rv) = (_side(part) for part in detail.split(";", 1))
    gap = f"，相差 {abs(lv - rv):g}" if check.get("status") == "fail" and lv is not None and rv is not None else ""
    return f"{head}：{left}；{right}{gap}。"


def _versions(conn, rid: str) -> list[dict]:
    if not _has(conn, "report_versions"):
        return []
    versions = _rows(conn, "select version, content_hash, capture_id, first_seen, last_seen, title, change_summary "
                           "from report_versions where report_id = ? order by version", [rid])
    for v in versions:
        try:
            summary = json.loads(v.pop("change_summary") or "{}") or {}
        except ValueError:
            summary = {}
        paragraphs = summary.get("paragraphs") or {}
        v["added"] = [str(p) for p in paragraphs.get("added") or []]
        v["removed"] = [str(p) for p in paragraphs.get("removed") or []]
        v["cells"] = [{"label": labels.cell_label(c.get("table", ""), c.get("row", ""), c.get("column")),
                       "old": c.get("old"), "new": c.get("new")} for c in summary.get("cells") or []]
    return versions


def load_report(conn, report_id: str) -> dict | None:
    """Everything the report page shows, or None if there is no such report."""
    found = _rows(conn, "select rowid as _rowid, * from reports where report_id = ?", [report_id])
    if not found:
        return None
    report = found[0]
    site = (_rows(conn, "select * from sites where site_id = ?", [report.get("site_id")]) or [{}])[0]
    capture = (_rows(conn, "select capture_id, url, status, fetched_at, content_type from captures "
                           "where capture_id = ?", [report.get("capture_id")]) or [None])[0]
    urls = _rows(conn, "select u.url, u.first_seen" + (", u.removed_on" if _column(conn, "report_urls", "removed_on")
                                                        else "") + " from report_urls u where u.report_id = ? "
                 "order by u.first_seen", [report_id])
    attachments = _rows(conn, "select a.attachment_id, a.url, a.name, a.type, a.pages, a.ocr, a.error, a.capture_id, "
                              "length(a.text) as text_chars from attachments a where a.report_id = ?", [report_id])
    cells = _rows(conn, 'select "table", "row", "column", value, raw, unit from report_stats where report_id = ? '
                        "order by rowid", [report_id])
    checks = _rows(conn, "select rule, scope, status, detail from report_checks where report_id = ? "
                         "order by status = 'fail' desc, rule, scope", [report_id])
    for check in checks:
        check["explained"] = explain_check(check)
    events = _rows(conn, "select event, date, url, detail from report_events where report_id = ? order by date",
                   [report_id]) if _has(conn, "report_events") else []
    cite = None
    if report.get("cdxj_key"):  # the citable archived copy (WARC record, capture time, CDXJ key)
        from urllib.parse import urlencode

        ts = str(report["cdxj_key"]).rsplit(" ", 1)[-1]
        cite = {"warc_record_id": report.get("warc_record_id"), "capture_time": report.get("capture_time"),
                "cdxj_key": report["cdxj_key"],
                "replay": "/-/wacz?" + urlencode({"url": capture["url"] if capture else report.get("url"), "ts": ts})}
    level = ("township" if report.get("township") else
             "department" if site.get("level") == "department" else site.get("level") or "county")
    return {
        "report": report, "site": site, "capture": capture, "cite": cite, "report_urls": urls,
        "attachments": attachments,
        "blocks": body_blocks(report.get("body_text")), "stat_tables": stat_tables(cells),
        "checks": checks, "failed": [c for c in checks if c["status"] == "fail"],
        "versions": _versions(conn, report_id), "events": events,
        "level": level, "level_zh": labels.LEVELS.get(level, level),
        "region": [x for x in (report.get("province"), report.get("city"), report.get("county"),
                               report.get("township")) if x],
    }


def _column(conn, table: str, column: str) -> bool:
    return any(r[1] == column for r in conn.execute(f"pragma table_info([{table}])"))
