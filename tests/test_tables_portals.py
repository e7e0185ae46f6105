"""The statistical tables of every replica report with known numbers, read back over HTTP.

Each report page is fetched from a running replica and run through process_page; its cells come from
parse_tables(body_html, page text). A page that yields no cells gets them from its attachments' grids
(document_text(...)["tables"] through parse_rows), the way the tables stage is to use them. Every
parsed cell (table, row, column, value, raw) and every 勾稽关系 result (cross-year included, against the
same publisher's previous report as parsed) must equal the replica's truth.
"""
from __future__ import annotations

import urllib.request
from urllib.parse import urljoin

import pytest

from govcrawl import sample_portals as sp
from govcrawl.extract.documents import document_text
from govcrawl.process import process_page
from govcrawl.tables import parse_tables, report_cells, score
from govcrawl.tables.checks import run_checks
from govcrawl.tables.samples import LAYOUTS

KEYS = list(sp.SITES)


def fetch(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=20) as resp:
        return resp.read(), resp.headers.get("Content-Type", "")


def attachment_tables(record: dict) -> list[tuple[list, str]]:
    """(grids, text) of each attachment of a page, fetched from the replica."""
    out = []
    for att in record.get("attachments") or []:
        raw, content_type = fetch(att["url"])
        doc = document_text(raw, att["url"].rsplit("=", 1)[-1].rsplit("/", 1)[-1], content_type)
        assert doc["error"] is None, (att["url"], doc["error"])
        out.append((doc["tables"], doc["text"]))
    return out


def cells_of_report(base: str, path: str) -> tuple[list[dict], str]:
    """(cells, where they came from: 'page' or 'attachment') for one report, as the pipeline reads it."""
    url = urljoin(base, path.lstrip("/"))
    raw, content_type = fetch(url)
    record = process_page(raw, url, content_type)
    assert record["is_annual_report"], path
    page = parse_tables(html=record.get("body_html"), text=record.get("body_text"))
    cells = report_cells(record.get("body_html"), record.get("body_text"),
                         [] if page else attachment_tables(record))
    return cells, "page" if page else "attachment"


@pytest.fixture(scope="module")
def parsed():
    """{key: {path: (cells, source)}} for every report with known numbers and each one's previous report."""
    out: dict[str, dict[str, tuple[list[dict], str]]] = {}
    with sp.serve() as servers:
        for key in KEYS:
            truth = sp.truth_stats(key)
            paths = set(truth) | {t["previous"] for t in truth.values() if t["previous"]}
            out[key] = {path: cells_of_report(servers.urls[key], path) for path in sorted(paths)}
    return out


def _key(cell: dict) -> tuple:
    return cell["table"], cell["row"], cell["column"]


def _value(v):
    return int(v) if isinstance(v, float) and v.is_integer() else v


def test_truth_covers_every_layout_and_case():
    layouts, errors, blanks, files = set(), 0, 0, {}
    templates: set[int] = set()
    for key in KEYS:
        for path, t in sp.truth_stats(key).items():
            layouts.add(t["layout"])
            errors += bool(t["errors"])
            blanks += bool(t["blanks"])
            if t["file"]:
                files[t["layout"]] = t["file"]
            columns = {c["column"] for c in t["cells"] if c["table"] == "active"}
            if columns:
                templates.add(2021 if "issued" in columns else 2019)
    assert set(LAYOUTS) <= layouts
    assert {"pdf", "docx", "xlsx"} <= set(files)
    assert errors >= 3 and blanks >= 2
    assert templates == {2019, 2021}


def test_templates_follow_report_years():
    for key in KEYS:
        years = {a.path: a.report_year for a in sp.portal(key).articles}
        for path, t in sp.truth_stats(key).items():
            tables = {c["table"] for c in t["cells"]}
            columns = {c["column"] for c in t["cells"] if c["table"] == "active"}
            if years[path] < 2019:
                assert tables <= {"legacy"}
            elif years[path] <= 2020:
                assert "made" in columns, path
            else:
                assert "issued" in columns, path


def test_cross_year_carry_is_consistent_in_the_truth():
    """Where no error is planted and nothing is blank, 上年结转 equals last year's 结转下年度."""
    for key in KEYS:
        truth = sp.truth_stats(key)
        for path, t in truth.items():
            carry = {s for (rule, _), s in t["checks"].items() if rule == "cross_year.carry"}
            prev = truth.get(t["previous"] or "")
            if prev and prev["cells"] and any(c["table"] == "applications" for c in prev["cells"]) \
                    and not t["blanks"] and not prev["errors"]:
                assert carry == {"ok"}, path


def test_truth_checks_agree_with_the_checker_on_the_truth():
    """The expected statuses, derived from what was planted, are what run_checks finds in the true cells."""
    for key in KEYS:
        truth = sp.truth_stats(key)
        for path, t in truth.items():
            previous = truth[t["previous"]]["cells"] if t["previous"] in truth else None
            if t["previous"] and previous is None:  # a seed: only its printed 结转下年度 matters
                previous = []
            found = {(r["rule"], r["scope"]): r["status"] for r in run_checks(t["cells"], previous)}
            if t["previous"] and t["previous"] not in truth:
                found = {k: v for k, v in found.items() if k[0] != "cross_year.carry"}
                expected = {k: v for k, v in t["checks"].items() if k[0] != "cross_year.carry"}
            else:
                expected = t["checks"]
            assert found == expected, path


@pytest.mark.parametrize("key", KEYS)
def test_every_cell_is_read_back(parsed, key):
    for path, t in sp.truth_stats(key).items():
        cells, source = parsed[key][path]
        if t["cells"]:
            assert source == ("attachment" if t["file"] else "page"), path
        got = {_key(c): c for c in cells}
        assert len(got) == len(cells), f"{path}: a cell was emitted twice"
        assert set(got) == {_key(c) for c in t["cells"]}, path
        for want in t["cells"]:
            have = got[_key(want)]
            assert (_value(have["value"]), have["raw"]) == (_value(want["value"]), want["raw"]), (path, want, have)
            if want["table"] == "legacy":
                assert have.get("unit") == want["unit"], (path, want, have)


@pytest.mark.parametrize("key", KEYS)
def test_every_check_has_its_expected_status(parsed, key):
    for path, t in sp.truth_stats(key).items():
        cells, _ = parsed[key][path]
        previous = parsed[key][t["previous"]][0] if t["previous"] else None
        found = {(r["rule"], r["scope"]): r["status"] for r in run_checks(cells, previous)}
        assert found == t["checks"], path


def test_precision_and_recall_over_all_replicas(parsed):
    """The figure to report: cell precision / recall and check agreement over every known report."""
    hits, checks, agree = [], 0, 0
    for key in KEYS:
        for path, t in sp.truth_stats(key).items():
            cells, _ = parsed[key][path]
            hits.append(score(cells, t["cells"]))
            previous = parsed[key][t["previous"]][0] if t["previous"] else None
            found = {(r["rule"], r["scope"]): r["status"] for r in run_checks(cells, previous)}
            checks += len(t["checks"])
            agree += sum(found.get(k) == v for k, v in t["checks"].items())
    precision = sum(p for p, _ in hits) / len(hits)
    recall = sum(r for _, r in hits) / len(hits)
    print(f"\nreplica tables: {len(hits)} reports, cell precision {precision:.4f}, recall {recall:.4f}, "
          f"checks {agree}/{checks}")
    assert precision == 1.0 and recall == 1.0 and agree == checks
