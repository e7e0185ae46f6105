"""Score a crawl of the hostile portal: every hostile case handled as its truth says, nothing but
http(s) fetched, nothing fetched from the loopback aliases, no secret in the database, every
normal report stored.

Expectations per case:
- ``refused``: never reaches any server (no request on the alias listener, no request whose Host
  header is a loopback alias, no capture of the URL) and a crawl_errors row names it;
- ``error``: a crawl_errors row names the URL, in its url or its reason (a redirect to file:, a
  loop, a bomb, a 5xx storm, a timeout, a reset, a huge page): the list entry it came from, as
  issue 11 asks, not only the last hop of a chain;
- ``trap``: the crawl never ran into it (at most TRAP_SLACK fetches of its URLs), or a crawl_errors
  row names a URL of the trap (the cut is recorded); fetches are counted;
- ``report`` / ``report_or_error``: stored as a report (or, for the second, recorded as an error);
- ``stored_safely``: the report page holding the attachment is stored, and no file of that name
  was written anywhere under the crawl's directories.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

from tests.simnet.scorer import norm

TRAP_SLACK = 10  # fetches of a trap's URLs that are not yet running away


def _rows(conn, sql: str) -> list[dict]:
    try:
        return [dict(r) for r in conn.execute(sql)]
    except sqlite3.OperationalError:
        return []


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.startswith(("http://", "https://")) and b.startswith(("http://", "https://")):
        return norm(a) == norm(b)
    return a[:120] == b[:120]


def score_hostile(db_path, truth: dict, log: list[dict], dirs: list[Path]) -> dict:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        errors = _rows(conn, "select url, stage, reason, status from crawl_errors")
        captures = [r["url"] for r in _rows(conn, "select url from captures")]
        reports = _rows(conn, "select r.report_id, r.is_annual_report, r.title, u.url from reports r "
                              "join report_urls u on u.report_id = r.report_id")
        texts = _rows(conn, "select text from attachments") + _rows(conn, "select body_text as text from reports")
    finally:
        conn.close()
    stored = {norm(r["url"]) for r in reports if r["is_annual_report"]}
    aliases = set(truth["never_host_headers"])
    alias_requests = [e for e in log if e["host"] == truth["alias_host"]
                      or e.get("host_header", "").rsplit(":", 1)[0] in aliases]
    results = []
    for case in truth["cases"]:
        url, expect = case["url"], case["expect"]
        recorded = any(_same(e["url"] or "", url) or url in (e["reason"] or "") for e in errors)
        if expect == "trap":
            recorded = any((e["url"] or "").startswith(url) for e in errors)
            fetched = sum(1 for e in log if e["host"] != truth["alias_host"]
                          and url.split("/", 3)[-1] and ("/" + e["path"].lstrip("/")).startswith("/" + url.split("/", 3)[-1]))
            ok, detail = recorded or fetched <= TRAP_SLACK, {"fetches": fetched}
        elif expect == "refused":
            host = urlsplit(url).hostname if url.startswith("http") else None
            reached = [e for e in alias_requests if host and (e["host"] == truth["alias_host"]
                                                               or e.get("host_header", "").startswith(host))]
            captured = any(_same(c, url) for c in captures)
            ok, detail = recorded and not reached and not captured, {"reached": len(reached), "captured": captured}
        elif expect == "error":
            ok, detail = recorded, {}
        elif expect in ("report", "report_or_error"):
            is_stored = norm(url) in stored
            ok = is_stored or (expect == "report_or_error" and recorded)
            detail = {"stored": is_stored}
        else:  # stored_safely
            name = url.rsplit("/", 1)[-1]
            leaked = [str(p) for d in dirs for p in Path(d).rglob("*") if p.name in ("passwd.pdf", "govcrawl_pwned.pdf",
                                                                                      "win.ini.pdf")]
            leaked += [p for p in ("/tmp/govcrawl_pwned.pdf", "/etc/passwd.pdf") if Path(p).exists()]
            ok = norm(case["referer"]) in stored and not leaked
            detail = {"page_stored": norm(case["referer"]) in stored, "leaked_files": leaked, "name": name}
        results.append({"case": case["case"], "expect": expect, "ok": ok, "recorded": recorded, **detail})
    non_http = [c for c in captures if not c.startswith(("http://", "https://"))]
    secret = any(truth["secret"] in (t.get("text") or "") for t in texts)
    normal_missing = [n for n in truth["normal"] if norm(n["url"]) not in stored]
    return {"cases": results, "failed_cases": [r for r in results if not r["ok"]], "non_http_captures": non_http,
            "secret_in_db": secret, "alias_requests": len(alias_requests), "normal": len(truth["normal"]),
            "normal_missing": normal_missing,
            "ok": not non_http and not secret and not alias_requests and not normal_missing
            and all(r["ok"] for r in results)}


def format_hostile(r: dict) -> str:
    lines = [f"{'case':34} {'expect':16} result"]
    for c in r["cases"]:
        extra = {k: v for k, v in c.items() if k not in ("case", "expect", "ok")}
        lines.append(f"{c['case']:34} {c['expect']:16} {'ok ' if c['ok'] else 'FAIL'} {extra}")
    lines.append(f"normal reports stored: {r['normal'] - len(r['normal_missing'])}/{r['normal']}")
    lines.append(f"non-http captures: {len(r['non_http_captures'])}  secret in db: {r['secret_in_db']}  "
                 f"requests reaching loopback aliases: {r['alias_requests']}")
    return "\n".join(lines)
