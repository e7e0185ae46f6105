"""Pre-2019 政府信息公开情况统计表 -> cells of table 'legacy'.

Provinces printed their own indicator lists (统计指标 / 单位 / 统计数, or 指标名称 / 计量单位 / 2018年度 /
历年累计). Each indicator becomes a cell with row = its label (NFKC, simplified, no whitespace),
column 'value' (the year's figure) or 'cumulative' (历年累计), and the printed unit. Works on table
grids and on vertical text where every cell sits on its own line.
"""
from __future__ import annotations

import re

from .labels import norm_label
from .numbers import is_value, normalize_raw, parse_value

UNITS = {"条", "件", "个", "次", "人", "人次", "万元", "元", "篇", "项", "家", "份", "场", "期", "户", "%", "——", "—", "-", "/"}

_INDICATOR_HEAD = ("统计指标", "指标名称", "指标")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、]|其中)")


def _column_kind(header: str) -> str | None:
    s = norm_label(header)
    if "单位" in s:
        return "unit"
    if "累计" in s:
        return "cumulative"
    if any(k in s for k in ("统计数", "年度", "本年", "数量", "数值", "数据")) or re.fullmatch(r"\d{4}年?", s):
        return "value"
    if any(s.startswith(k) for k in _INDICATOR_HEAD) or s in ("项目", "内容"):
        return "label"
    return None


def _header_kinds(cells: list[str]) -> list[str | None] | None:
    kinds = [_column_kind(c) for c in cells]
    if "label" in kinds and "unit" in kinds and ("value" in kinds or "cumulative" in kinds):
        return kinds
    return None


def legacy_cells(rows: list[list[str]]) -> list[dict]:
    """Cells of every pre-2019 统计表 in rows (grid or vertical)."""
    cells: list[dict] = []
    i = 0
    while i < len(rows):
        kinds = _header_kinds(rows[i])
        if kinds:
            i = _grid_table(rows, i + 1, kinds, cells)
            continue
        vertical = _vertical_header(rows, i)
        if vertical:
            kinds, start = vertical
            i = _vertical_table(rows, start, kinds, cells)
            continue
        i += 1
    return _dedupe(cells)


def _cell(label: str, column: str, raw: str, unit: str) -> dict:
    raw = normalize_raw(raw)
    return {"table": "legacy", "row": label, "column": column, "value": parse_value(raw), "raw": raw,
            "unit": unit}


def _grid_table(rows: list[list[str]], i: int, kinds: list[str | None], cells: list[dict]) -> int:
    unit_col = kinds.index("unit")
    data_cols = [(j, k) for j, k in enumerate(kinds) if k in ("value", "cumulative")]
    while i < len(rows):
        row = [normalize_raw(c) for c in rows[i]]
        if len(row) <= unit_col:
            break  # the table has ended (a paragraph follows)
        label_parts: list[str] = []
        for c in row[:unit_col]:
            if c and c not in label_parts:
                label_parts.append(c)
        label = norm_label("".join(label_parts))
        if label:
            unit = row[unit_col]
            for j, kind in data_cols:
                cells.append(_cell(label, kind, row[j] if j < len(row) else "", unit))
        i += 1
    return i


def _vertical_header(rows: list[list[str]], i: int) -> tuple[list[str], int] | None:
    """统计指标 / 单位 / 统计数 printed one per line: the column kinds after the label and where data starts."""
    if len(rows[i]) != 1 or _column_kind(rows[i][0]) != "label":
        return None
    kinds: list[str] = []
    j = i + 1
    while j < len(rows) and len(rows[j]) == 1 and _column_kind(rows[j][0]) in ("unit", "value", "cumulative"):
        kinds.append(_column_kind(rows[j][0]))  # type: ignore[arg-type]
        j += 1
    if "unit" in kinds and ("value" in kinds or "cumulative" in kinds):
        return kinds, j
    return None


def _vertical_table(rows: list[list[str]], i: int, kinds: list[str], cells: list[dict]) -> int:
    data_kinds = [k for k in kinds if k != "unit"]
    current: dict | None = None  # {label, unit, values}

    def close() -> None:
        nonlocal current
        if current is not None:
            vals = current["values"]
            for n, kind in enumerate(data_kinds):
                cells.append(_cell(current["label"], kind, vals[n] if n < len(vals) else "", current["unit"]))
        current = None

    while i < len(rows):
        row = [normalize_raw(c) for c in rows[i]]
        label = row[0] if row and not is_value(row[0]) else ""
        values = row[1:] if label else row
        if label and norm_label(label) in UNITS and current is not None and not current["values"]:
            current["unit"] = label
            current["values"].extend(values)
        elif label:
            if len(label) > 80 or "。" in label:
                break  # prose: the table is over
            close()
            current = {"label": norm_label(label), "unit": "", "values": []}
            if values and values[0] in UNITS and (len(values) > len(data_kinds) or not _numeric(values[0])):
                current["unit"] = values[0]
                values = values[1:]
            current["values"].extend(values)
        elif current is not None:
            current["values"].extend(values)
        i += 1
    close()
    return i


def _numeric(raw: str) -> bool:
    return parse_value(raw) is not None


_TOP = re.compile(r"^[一二三四五六七八九十]+、")


def _dedupe(cells: list[dict]) -> list[dict]:
    """Repeated labels (被依法纠错数 under both 复议 and 诉讼) get their top-level heading as prefix."""
    seen: set[tuple[str, str]] = set()
    out: list[dict] = []
    top = ""
    for c in cells:
        if _TOP.match(c["row"]):
            top = c["row"]
        key = (c["row"], c["column"])
        if key in seen and top:
            c = dict(c, row=f"{top}/{c['row']}")
            key = (c["row"], c["column"])
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
