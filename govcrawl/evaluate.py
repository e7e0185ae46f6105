"""Score extraction against labelled real pages (``<file>.labels.json`` beside each page).

Rules from realpages/README.md: strings compared after NFKC with all whitespace removed; null, ""
and a missing key are equal; dates compared as YYYY-MM-DD.

Table cells: a page labelled with ``"cells": [[table, row, column, raw], …]`` (an empty list when the
page has no standard or legacy table) is scored cell by cell on (table, row, column, value), the
codes of TABLES.md and the legacy keys of govcrawl/tables/legacy.py."""
from __future__ import annotations

import json
import os
import time
import unicodedata
from urllib.parse import urljoin

from .extract.dates import parse_date
from .normalize import fold_text
from .process import page_cells, process_page
from .tables.numbers import parse_value
from .tables.score import cell_key

FIELDS = ("title", "publisher", "index_no", "doc_no", "published_date", "written_date", "topic",
          "report_year", "is_annual_report")
DATE_FIELDS = {"published_date", "written_date"}
BODY_SCORES = ("body_first", "body_last", "body_contains")


def _norm(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v).lower()
    return "".join(unicodedata.normalize("NFKC", str(v)).split())


def field_equal(field: str, got, want) -> bool:
    if field in DATE_FIELDS:
        return (parse_date(str(got)) if got else None) == (parse_date(str(want)) if want else None)
    if field == "is_annual_report":
        return bool(got) == bool(want)
    return _norm(got) == _norm(want)


def ngram_scores(a: str, b: str, n: int = 5) -> tuple[float, float]:
    """(recall, precision) of character n-grams of ``b`` (candidate) against ``a`` (reference),
    after fold_text on both. Multiset counts, so repeated passages must be repeated."""
    fa, fb = fold_text(a), fold_text(b)

    def grams(s: str) -> dict[str, int]:
        g: dict[str, int] = {}
        for i in range(len(s) - n + 1):
            k = s[i:i + n]
            g[k] = g.get(k, 0) + 1
        return g

    ga, gb = grams(fa), grams(fb)
    if not ga or not gb:
        return (1.0 if not ga and not gb else 0.0, 1.0 if not ga and not gb else 0.0)
    overlap = sum(min(c, gb.get(k, 0)) for k, c in ga.items())
    return overlap / sum(ga.values()), overlap / sum(gb.values())


def _page_url(labels: dict, name: str) -> str:
    for att in labels.get("attachments") or []:
        if att.get("url", "").startswith("http"):
            return att["url"]
    return labels.get("original_url") or f"https://example.gov.cn/{name}"


def _manifest_urls(path: str) -> dict[str, str]:
    out: dict[str, str] = {}
    mf = os.path.join(path, "MANIFEST.tsv")
    if os.path.exists(mf):
        with open(mf, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            for line in f:
                row = dict(zip(header, line.rstrip("\n").split("\t")))
                url = row.get("original_url", "")
                if url.startswith("http"):
                    out[row.get("file", "")] = url
    return out


def evaluate_page(rec: dict, labels: dict, page_url: str) -> dict:
    """Per-field booleans, body checks and attachment recall for one page."""
    res: dict = {"fields": {}, "body": {}, "attachments": None}
    for f in FIELDS:
        if f in labels or f in rec:
            res["fields"][f] = field_equal(f, rec.get(f), labels.get(f))
    body = _norm(rec.get("body_text"))
    if labels.get("body_first") is not None:
        res["body"]["body_first"] = body[:len(_norm(labels["body_first"]))] == _norm(labels["body_first"])
    if labels.get("body_last") is not None:
        want = _norm(labels["body_last"])
        res["body"]["body_last"] = body[-len(want):] == want if want else True
    if labels.get("body_contains"):
        hits = [_norm(p) in body for p in labels["body_contains"]]
        res["body"]["body_contains"] = sum(hits) / len(hits)
    if isinstance(labels.get("cells"), list):
        got = {cell_key(c) for c in page_cells(rec)}
        want = {cell_key({"table": t, "row": r, "column": c, "value": parse_value(raw)})
                for t, r, c, raw in labels["cells"]}
        res["cells"] = (len(got & want), len(got), len(want))
        res["cell_misses"] = sorted(map(str, want - got))[:5] + ["+" + str(k) for k in sorted(map(str, got - want))[:5]]
    want_att = labels.get("attachments") or []
    if want_att:
        got = {a["url"] for a in rec.get("attachments") or []}
        found = sum(1 for a in want_att if urljoin(page_url, a["url"]) in got)
        res["attachments"] = (found, len(want_att))
    else:
        res["attachments"] = (0, 0) if not rec.get("attachments") else (0, 0)
        res["extra_attachments"] = len(rec.get("attachments") or [])
    return res


def evaluate_dir(path: str) -> dict:
    """Run process_page on every page with labels (lists skipped) and collect the scores."""
    urls = _manifest_urls(path)
    pages = []
    elapsed = 0.0
    for name in sorted(os.listdir(path)):
        lab = os.path.join(path, name + ".labels.json")
        if name.endswith(".labels.json") or not os.path.exists(lab):
            continue
        with open(lab, encoding="utf-8") as f:
            labels = json.load(f)
        if labels.get("kind") == "list":
            continue
        with open(os.path.join(path, name), "rb") as f:
            raw = f.read()
        url = urls.get(name) or _page_url(labels, name)
        t0 = time.perf_counter()
        try:
            rec = process_page(raw, url)
            err = None
        except Exception as e:  # one bad page must not stop the evaluation
            rec, err = {}, f"{type(e).__name__}: {e}"
        elapsed += time.perf_counter() - t0
        res = evaluate_page(rec, labels, url)
        res.update(file=name, error=err,
                   got={f: rec.get(f) for f in FIELDS},
                   want={f: labels.get(f) for f in FIELDS})
        pages.append(res)
    return {"path": path, "pages": pages, "seconds": elapsed,
            "pages_per_second": (len(pages) / elapsed) if elapsed else None}


def _summary(result: dict) -> dict:
    pages = result["pages"]
    fields: dict[str, list[bool]] = {}
    body: dict[str, list[float]] = {}
    att_found = att_total = 0
    hit = n_got = n_want = labelled = 0
    for p in pages:
        if p.get("cells"):
            labelled += 1
            hit, n_got, n_want = hit + p["cells"][0], n_got + p["cells"][1], n_want + p["cells"][2]
        for f, ok in p["fields"].items():
            fields.setdefault(f, []).append(bool(ok))
        for k, v in p["body"].items():
            body.setdefault(k, []).append(float(v))
        a = p.get("attachments") or (0, 0)
        att_found += a[0]
        att_total += a[1]
    return {
        "fields": {f: sum(v) / len(v) for f, v in fields.items() if v},
        "body": {k: sum(v) / len(v) for k, v in body.items() if v},
        "attachment_recall": (att_found / att_total) if att_total else None,
        "attachments": (att_found, att_total),
        "pages": len(pages),
        "cells": {"pages": labelled, "hit": hit, "got": n_got, "want": n_want,
                  "precision": hit / n_got if n_got else 1.0, "recall": hit / n_want if n_want else 1.0},
    }


def format_report(result: dict) -> str:
    """Per-field accuracy, body scores, attachment recall, the misses, and one summary line."""
    s = _summary(result)
    lines = [f"pages: {s['pages']}  ({result['path']})", "", "field accuracy:"]
    for f in FIELDS:
        if f in s["fields"]:
            lines.append(f"  {f:<18} {s['fields'][f]:.3f}")
    lines.append("body:")
    for k in BODY_SCORES:
        if k in s["body"]:
            lines.append(f"  {k:<18} {s['body'][k]:.3f}")
    found, total = s["attachments"]
    rec = f"{s['attachment_recall']:.3f}" if s["attachment_recall"] is not None else "n/a"
    lines.append(f"attachment recall:   {rec} ({found}/{total})")
    c = s["cells"]
    if c["pages"]:
        lines.append(f"table cells:         precision {c['precision']:.3f} recall {c['recall']:.3f} "
                     f"({c['hit']} right of {c['got']} read, {c['want']} labelled, {c['pages']} pages)")
    misses = []
    for p in result["pages"]:
        if p.get("error"):
            misses.append(f"  {p['file']}: ERROR {p['error']}")
        for f, ok in p["fields"].items():
            if not ok:
                misses.append(f"  {p['file']}: {f} got {p['got'].get(f)!r} want {p['want'].get(f)!r}")
        for k, v in p["body"].items():
            if v < 1:
                misses.append(f"  {p['file']}: {k} {v:.2f}")
        if p.get("cells") and not p["cells"][0] == p["cells"][1] == p["cells"][2]:
            misses.append(f"  {p['file']}: cells {p['cells'][0]} right of {p['cells'][1]} read, "
                          f"{p['cells'][2]} labelled; e.g. {p['cell_misses']}")
    if misses:
        lines += ["", "misses:"] + misses
    worst_field = min(s["fields"].values()) if s["fields"] else 0.0
    worst_body = min(s["body"].values()) if s["body"] else 0.0
    pps = result.get("pages_per_second")
    speed = f", {pps:.1f} pages/s" if pps else ""
    cells = f" cell_precision={c['precision']:.3f} cell_recall={c['recall']:.3f}" if c["pages"] else ""
    lines += ["", f"SUMMARY pages={s['pages']} min_field={worst_field:.3f} min_body={worst_body:.3f} "
                  f"attachment_recall={rec}{cells}{speed}"]
    return "\n".join(lines)
