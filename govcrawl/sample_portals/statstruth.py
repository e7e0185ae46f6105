"""Known numbers of the generated reports: their table cells, how they are printed, and the 勾稽关系
results a careful auditor finds in them.

Cells follow shared/TABLES.md ({table, row, column, value, raw}); they come from the replica's own
chained series (stats.py), so this year's 上年结转 is last year's 结转下年度 and the narrative quotes the
same numbers. Deliberate errors and blank cells are planted with govcrawl.tables.samples, and the
expected check results are derived here from what was planted, not by running the checker.
"""
from __future__ import annotations

import zlib

from govcrawl.tables.labels import APPEAL_COLUMNS, APPEAL_ROWS, APPLICATION_COLUMNS
from govcrawl.tables.samples import (ACTIVE_COLS, ERROR_EFFECTS, apply_blanks, inject_error, make_legacy_truth,
                                     render, table_specs)

from .docfiles import spec_table
from .model import Block, Table
from .stats import YearStats

HTML_LAYOUTS = {"html2019", "html2021", "html2021_word", "html_trs", "legacy_html"}
TEXT_LAYOUTS = {"pipe2019", "tab2021", "lines", "legacy"}
FILE_LAYOUTS = {"pdf", "docx", "xlsx"}  # the tables live in an attachment of that type

# row label printed in stats.YearStats.active -> row code of TABLES.md
_ACTIVE_CODES = {"规章": "rules", "规范性文件": "normative", "行政规范性文件": "normative", "行政许可": "licensing",
                 "其他对外管理服务事项": "other_services", "行政处罚": "penalty", "行政强制": "coercion",
                 "行政事业性收费": "fees", "政府集中采购": "procurement"}


def _cell(table: str, row: str, column: str, value) -> dict:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return {"table": table, "row": row, "column": column, "value": value, "raw": "" if value is None else str(value)}


def standard_cells(st: YearStats, errors: tuple[str, ...] = (), blanks: bool = False) -> list[dict]:
    """The three tables of a 2019- or 2021-template report as cells, with planted errors and blanks."""
    template = int(st.template)
    cells = []
    for label, values in st.active.items():
        code = _ACTIVE_CODES[label]
        for column, value in zip(ACTIVE_COLS[template][code], values):
            cells.append(_cell("active", code, column, value))
    for row, values in st.applications.items():
        for column, value in zip(APPLICATION_COLUMNS, values):
            cells.append(_cell("applications", row, column, value))
    for i, row in enumerate(APPEAL_ROWS):
        for column, value in zip(APPEAL_COLUMNS, st.appeals[5 * i:5 * i + 5]):
            cells.append(_cell("appeals", row, column, value))
    cells = _in_print_order(cells, template)
    if blanks:
        apply_blanks(cells)
    for kind in errors:
        inject_error(cells, kind)
    return cells


def _in_print_order(cells: list[dict], template: int) -> list[dict]:
    from govcrawl.tables.samples import ACTIVE_SECTIONS

    order = [code for _, _, rows in ACTIVE_SECTIONS[template] for _, code in rows]
    rank = {code: i for i, code in enumerate(order)}
    active = sorted((c for c in cells if c["table"] == "active"), key=lambda c: rank[c["row"]])
    return active + [c for c in cells if c["table"] != "active"]


def legacy_cells(name: str, st: YearStats) -> list[dict]:
    """A pre-2019 统计表: samples' indicators, with the headline figures the narrative quotes."""
    from govcrawl.tables.labels import norm_label

    cells = make_legacy_truth(zlib.crc32(f"{name}:{st.year}".encode()))
    quoted = {"（一）主动公开政府信息数": st.published_items, "2.政府网站公开政府信息数": st.website_items,
              "（一）收到申请数": st.applications["new"][6], "（二）申请办结数": st.applications["handled_total"][6]}
    for c in cells:
        if c.get("label") in quoted:
            c.update(_cell("legacy", norm_label(c["label"]), c["column"], quoted[c["label"]]))
    return cells


def table_blocks(cells: list[dict], layout: str, year: int, unit: str) -> list[Block]:
    """The blocks printing cells in a page (HTML or text layouts) or in a PDF / DOCX body (merged tables)."""
    if layout in HTML_LAYOUTS:
        return [("html", render(cells, layout, frame=False, year=year, unit=unit))]
    if layout in TEXT_LAYOUTS:
        return [("line", line) for line in render(cells, layout, frame=False, year=year, unit=unit).split("\n")]
    blocks: list[Block] = []
    for heading, spec in table_specs(cells):
        blocks += [("h", heading), ("table", spec_table(spec))]
    return blocks


def sheets(cells: list[dict]) -> list[tuple[str, list]]:
    """(sheet name, spec) per table, for an XLSX 统计表."""
    return [(f"表{i}", spec) for i, (_, spec) in enumerate(table_specs(cells), 1)]


# ---- expected 勾稽关系 results -------------------------------------------------------------------------
_HANDLED = (["granted", "partly_granted"] + [f"withheld_{i}" for i in range(1, 9)]
            + [f"unavailable_{i}" for i in range(1, 4)] + [f"not_processed_{i}" for i in range(1, 6)])


def expected_checks(cells: list[dict], errors: tuple[str, ...], previous: list[dict] | None) -> dict:
    """{(rule, scope): 'ok' | 'fail' | 'unknown'} for a report's cells.

    Within the report a rule fails exactly where a planted error says it does (ERROR_EFFECTS) and is
    unknown where one of its inputs is blank; the cross-year carry compares with the previous report's
    printed 结转下年度 (None: no previous report; unknown when either side is blank or absent)."""
    values = {(c["table"], c["row"], c["column"]): c["value"] for c in cells}
    tables = {c["table"] for c in cells}
    failing = set().union(*(ERROR_EFFECTS[e] for e in errors)) if errors else set()
    out: dict[tuple[str, str], str] = {}

    def rule(name: str, scope: str, inputs: list[tuple[str, str, str]]) -> None:
        if any(values.get(key) is None for key in inputs):
            out[(name, scope)] = "unknown"
        else:
            out[(name, scope)] = "fail" if (name, scope) in failing else "ok"

    if "applications" in tables:
        rows = {c["row"] for c in cells if c["table"] == "applications"}
        other = [r for r in ("other_handling_1", "other_handling_2", "other_handling_3") if r in rows] or ["other_handling"]
        for col in APPLICATION_COLUMNS:
            rule("applications.balance", col,
                 [("applications", r, col) for r in ("new", "carried_in", "handled_total", "carried_out")])
            rule("applications.handled_sum", col,
                 [("applications", r, col) for r in ["handled_total"] + _HANDLED + other])
        for row in ("new", "carried_in", "handled_total", "carried_out"):
            rule("applications.total_column", row, [("applications", row, c) for c in APPLICATION_COLUMNS])
        before = {(c["row"], c["column"]): c["value"] for c in previous or [] if c["table"] == "applications"}
        for col in APPLICATION_COLUMNS:
            this, last = values.get(("applications", "carried_in", col)), before.get(("carried_out", col))
            if previous is None or this is None or last is None:
                out[("cross_year.carry", col)] = "unknown"
            else:
                out[("cross_year.carry", col)] = "ok" if this == last else "fail"
    if "appeals" in tables:
        for row in APPEAL_ROWS:
            rule("appeals.total", row, [("appeals", row, c) for c in APPEAL_COLUMNS])
    return out


def printed_carried_out(blocks: list[Block]) -> list[dict]:
    """The 结转下年度继续办理 row of a seed page's applications table, as cells (blank where blank)."""
    for kind, payload in blocks:
        if kind != "table" or not isinstance(payload, Table):
            continue
        for row in payload.rows:
            if row and row[0].text.startswith("四、结转下年度"):
                raws = [c.text.strip() for c in row[1:8]] + [""] * 7
                return [_cell("applications", "carried_out", col, int(raw) if raw.isdigit() else None)
                        for col, raw in zip(APPLICATION_COLUMNS, raws)]
    return []
