"""Cells of the three standard tables (2019 and 2021 templates) from rows in document order.

Rows come from expanded HTML tables, pipe/tab text, PDF/DOCX grids or reflowed flat text. Each row is
split into its label cells (text) and value cells (numbers, blanks, dashes); the label says which row
code it is, the last header row (or the template default) says which column each value belongs to.
"""
from __future__ import annotations

import re

from . import labels as L
from .numbers import is_value, normalize_raw, parse_value

Cell = dict

_ROW_NUMBERING = re.compile(r"^(?:[一二三四]、|[(][一二三四五六七][)]|\d+[.、．])")


def detect_template(rows: list[list[str]]) -> int:
    """2019 or 2021, from header and label wording anywhere in the rows."""
    text = L.norm_label("".join("".join(r) for r in rows))
    n2019 = sum(text.count(m) for m in L.TEMPLATE_2019_MARKERS)
    n2021 = sum(text.count(m) for m in L.TEMPLATE_2021_MARKERS)
    return 2019 if n2019 > n2021 else 2021


def split_row(cells: list[str]) -> tuple[list[str], list[str]]:
    """(label cells, value cells): values are the cells after the last label-like cell."""
    k = 0
    for i, c in enumerate(cells):
        if not is_value(c):
            k = i + 1
    return cells[:k], cells[k:]


def _join_label(cells: list[str]) -> str:
    out: list[str] = []
    for c in cells:
        c = normalize_raw(c)
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


def _cell(table: str, row: str, column: str, raw: str | None) -> Cell:
    raw = normalize_raw(raw)
    return {"table": table, "row": row, "column": column, "value": parse_value(raw), "raw": raw}


class _State:
    def __init__(self, template: int):
        self.template = template
        self.section: str | None = None
        self.group: str | None = None
        self.active_header: list[str | None] | None = None
        self.app_order: list[str] = list(L.APPLICATION_COLUMNS)
        # grid position -> applicant column, from the header rows, for rows as wide as the header
        self.app_cols: dict[int, str] = {}
        self.app_width = 0
        self.head_names: dict[int, str] = {}  # applicant names met in the header rows being read
        self.head_done = True  # a data row came after the last header row
        self.split_other = template == 2021
        self.appeal_buffer: list[str] = []
        self.cells: list[Cell] = []
        self.seen: set[tuple[str, str]] = set()

    def emit(self, table: str, row: str, columns: list[str], raws: list[str]) -> None:
        if (table, row) in self.seen:
            return  # a table printed twice (summary and copy): keep the first
        self.seen.add((table, row))
        for i, col in enumerate(columns):
            self.cells.append(_cell(table, row, col, raws[i] if i < len(raws) else ""))


def standard_cells(rows: list[list[str]]) -> list[Cell]:
    """Cells of tables active / applications / appeals found in rows."""
    st = _State(detect_template(rows))
    text = L.norm_label("".join("".join(r) for r in rows))
    st.split_other = "逾期不补正" in text or "收费通知" in text  # 2021: 其他处理 split in three rows
    for cells in rows:
        cells = [normalize_raw(c) for c in cells]
        if not any(cells):
            continue
        label_cells, values = split_row(cells)
        label = _join_label(label_cells)
        _update_section(st, cells, label, values)
        if st.section == "applications":
            st.head_done = st.head_done or any(values)
            if st.app_cols and len(cells) == st.app_width and len(label_cells) <= min(st.app_cols):
                # positional grid: blank slots of spanned labels are not values
                values = [cells[i] for i in sorted(st.app_cols)]
        if not label and values:
            _unlabelled(st, values)
            continue
        if not label:
            continue
        group = L.application_group(label)
        if group:
            st.group = group
        if _active_header(st, label_cells, values):
            continue
        if _active_row(st, label, values):
            continue
        if st.section == "appeals" and _appeal_rows(st, label, values):
            continue
        if _application_row(st, label, values):
            continue
    _flush_appeals(st)
    return st.cells


def _update_section(st: _State, cells: list[str], label: str, values: list[str]) -> None:
    # a spanned header cell repeats in every slot it covers (行政复议 ×5, 行政诉讼 ×10): read it once
    text = label if values else "".join(c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1])
    sec = L.section_of(text)
    if sec is None and "结果维持" in L.norm_label(text) and "行政复议" in L.norm_label(text):
        sec = "appeals"
    if sec and sec != st.section:
        if st.section == "appeals":
            _flush_appeals(st)
        st.section = sec
    if (sec == "applications" or st.section == "applications") and not any(values):
        _applicant_header(st, cells)


def _applicant_header(st: _State, cells: list[str]) -> None:
    """Header rows naming the applicant columns (over one, two or three rows) fix their order and, for
    grids, their positions; names under a spanned 法人或其他组织 come from the row below it."""
    found = L.applicant_positions(cells)
    if not found:
        return
    if st.head_done:
        st.head_names, st.head_done = {}, False
    st.head_names.update(found)
    codes = list(st.head_names.values())
    if len(codes) == 7 and len(set(codes)) == 7:
        st.app_cols = dict(st.head_names)
        st.app_width = len(cells)
        st.app_order = [st.app_cols[i] for i in sorted(st.app_cols)]


def _active_header(st: _State, label_cells: list[str], values: list[str]) -> bool:
    """'信息内容 | 本年制发件数 | …' rows (split or vertical) set the columns of the rows below."""
    first = L.norm_label(label_cells[0]) if label_cells else ""
    if first == "信息内容":
        st.section = "active"
        st.active_header = [L.active_header_column(c) for c in label_cells[1:]]
        return True
    if st.section == "active" and st.active_header is not None and len(label_cells) == 1 and not values:
        code = L.active_header_column(label_cells[0])
        if code and L.active_row(label_cells[0]) is None:
            st.active_header.append(code)  # vertical layout: one header cell per line
            return True
    return False


def _active_columns(st: _State, row: str, n_values: int) -> list[str | None]:
    """Column code for each value position of an active-table row."""
    template = st.template
    header = st.active_header or []
    known = [c for c in header if c]
    if known:
        in2021 = any(c in ("issued", "repealed", "in_force", "amount_10k_yuan") for c in known)
        in2019 = any(c in ("made", "published", "total", "prev_items", "change", "items", "amount") for c in known)
        template = 2021 if in2021 and not in2019 else 2019 if in2019 and not in2021 else template
    defaults = L.ACTIVE_COLUMNS.get(template, {}).get(row) or L.ACTIVE_COLUMNS[2019].get(row) or []
    if header and all(code in header for code in defaults):
        mapping: list[str | None] = []
        used: set[str] = set()
        for code in header:
            if code in defaults and code not in used:
                mapping.append(code)
                used.add(code)
            else:
                mapping.append(None)
        return mapping
    return list(defaults)


def _active_row(st: _State, label: str, values: list[str]) -> bool:
    row = L.active_row(label)
    if row is None or st.section in ("applications", "appeals"):
        return False
    st.section = "active"
    columns = _active_columns(st, row, len(values))
    raws: list[str] = []
    cols: list[str] = []
    for i, code in enumerate(columns):
        if code:
            cols.append(code)
            raws.append(values[i] if i < len(values) else "")
    st.emit("active", row, cols, raws)
    return True


def _application_row(st: _State, label: str, values: list[str]) -> bool:
    row = L.application_row(label, st.group)
    if row is None or st.section == "appeals" and "申请" not in label:
        return False
    if st.section != "applications" and not L.is_standard_wording(label, row):
        return False
    if row == "other_handling" and st.split_other and not any(values):
        return True  # 2021 template: (六)其他处理 only heads its three sub-rows
    if not values:
        bare = re.sub(r"[(][^)]*[)]$", "", L.norm_label(label))
        if not _ROW_NUMBERING.match(L.norm_label(label)) or "，" in bare or "。" in bare or len(bare) > 45:
            return False
        if st.section not in ("applications", None):
            return False
    st.section = "applications"
    st.emit("applications", row, st.app_order, values[:7])
    return True


def _appeal_rows(st: _State, label: str, values: list[str]) -> bool:
    if st.section != "appeals":
        return False
    filled = [v for v in values if v != ""]
    if len(values) >= 15 and len(filled) >= 5:
        _unlabelled(st, values)
        return True
    row = L.appeal_row(label)
    if row and (any(values) or len(values) >= 5) and "结果" not in L.norm_label(label):  # blank rows count
        st.emit("appeals", row, L.APPEAL_COLUMNS, values[:5])
        return True
    return False


def _unlabelled(st: _State, values: list[str]) -> None:
    """Value-only rows: the appeals table's single data row (possibly split over lines)."""
    if st.section != "appeals":
        return
    if ("appeals", "review") in st.seen:
        return
    st.appeal_buffer.extend(values)
    if len(st.appeal_buffer) >= 15:
        _flush_appeals(st)


def _flush_appeals(st: _State) -> None:
    buf = st.appeal_buffer
    st.appeal_buffer = []
    if len(buf) < 15 or ("appeals", "review") in st.seen:
        return
    for i, row in enumerate(L.APPEAL_ROWS):
        st.emit("appeals", row, L.APPEAL_COLUMNS, buf[5 * i: 5 * i + 5])
