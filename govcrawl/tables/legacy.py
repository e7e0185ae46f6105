"""Pre-2019 政府信息公开情况统计表 -> cells of table 'legacy'.

Before the 2019 template, provinces printed their own indicator lists. The layouts real portals use:
- 统计指标 | 单位 | 统计数 (the 2014-2018 template of most provinces; seed 004);
- 指标名称 | 计量单位 | 2018年度 | 历年累计 (Fujian), or 累计数 before the year's column;
- a 序号 column first, a two-row header (数量 over 本年 | 累计), or no unit column at all (the unit
  then comes from the label: 主动公开政府信息数（条）);
- labels split over cells (a section cell spanning its rows, the indicator in the next cell);
- printed vertically, one cell per line, in text bodies;
- printed one row per line with spaces between the cells (PDF and DOC text: 主动公开信息数 条 739 4359).

Keys (what a researcher queries in report_stats):
- ``table`` = 'legacy';
- ``row`` = the indicator label as printed, NFKC, simplified, whitespace removed; label parts split
  over cells are joined in reading order ('行政复议数量' + '(二)被依法纠错数' -> '行政复议数量(二)被依法纠错数');
- when the same label occurs twice in one table (被依法纠错数 under both 行政复议 and 行政诉讼), every
  occurrence gets its section heading in front, joined by '/':
  '五、行政复议数量/(二)被依法纠错数' and '六、行政诉讼数量/(二)被依法纠错数';
  the section is the nearest indicator above that is not a sub-item ((一), 1., 其中 …); with no
  section to tell them apart, the later ones get '#2', '#3' …; a table printed twice is read once;
- ``column`` = 'value' (the year's figure: 统计数, 2018年度, 本年 …) or 'cumulative' (历年累计, 累计数);
  a second year column is 'value_2';
- ``unit`` = the printed unit (条, 件, 万元, 人次, —— …) or '' when none is printed.
"""
from __future__ import annotations

import re

from .labels import norm_label
from .numbers import is_value, normalize_raw, parse_value

UNITS = {"条", "件", "个", "次", "人", "人次", "万元", "元", "篇", "项", "家", "份", "场", "期", "户", "%", "——", "—", "-", "/"}

_LABEL_HEADS = ("统计指标", "指标名称", "指标", "统计项目", "统计内容")
_LABEL_EXACT = {"项目", "内容", "类别", "名称", "事项", "项目名称", "指标项", "统计类别"}
_YEARISH = re.compile(r"^(?:(?:19|20)\d{2}年?度?|本年度?|当年|本期|统计数|数量|数值|数据|合计)")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、]|其中)")
_TOP = re.compile(r"^[一二三四五六七八九十]+、")
# an indicator under another one: (一) … , 1. … , 其中 …
_CHILD = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|其中|[①②③④⑤⑥⑦⑧⑨⑩])")
_UNIT_IN_LABEL = re.compile(r"[（(](条|件|个|次|人次|人|万元|元|篇|项|家|份|场|期|户)[）)]$")


def _column_kind(header: str) -> str | None:
    s = norm_label(header)
    if not s:
        return None
    if s in ("序号", "编号", "序"):
        return "index"
    if "单位" in s and len(s) <= 6:
        return "unit"
    if "累计" in s:
        return "cumulative"
    if any(s.startswith(k) for k in _LABEL_HEADS) or s in _LABEL_EXACT:
        return "label"
    if _YEARISH.match(s) or any(k in s for k in ("统计数", "年度", "本年")):
        return "value"
    return None


def _header_kinds(cells: list[str]) -> list[str | None] | None:
    """Column kinds of a header row of a 统计表, else None."""
    if len(cells) < 2 or any(c and is_value(c) for c in cells):
        return None
    kinds = [_column_kind(c) for c in cells]
    if "label" not in kinds or not any(k in ("value", "cumulative") for k in kinds):
        return None
    if kinds.index("label") > min(i for i, k in enumerate(kinds) if k in ("value", "cumulative")):
        return None
    heads = [norm_label(c) for c, k in zip(cells, kinds) if k in ("value", "cumulative")]
    # a unit column, or data columns named as a 统计表 names them (not the 2019 tables' 数量 columns)
    if "unit" in kinds or any(re.match(r"(统计数|(?:19|20)\d{2}年|历年累计|累计数|本年度?$|数量$)", h) for h in heads):
        return kinds
    return None


def _refine_header(kinds: list[str | None], below: list[str]) -> list[str | None] | None:
    """A second header row under a spanning 数量 / 统计数 cell ('2017年 | 历年累计')."""
    if not below or any(c and is_value(c) for c in below):
        return None
    sub = [_column_kind(c) if j < len(kinds) and kinds[j] in ("value", "cumulative") else None
           for j, c in enumerate(below)]
    if not any(k in ("value", "cumulative") for k in sub) or sub.count("cumulative") + sub.count("value") < 2:
        return None
    return [sub[j] if j < len(sub) and sub[j] else k for j, k in enumerate(kinds)]


def legacy_cells(rows: list[list[str]]) -> list[dict]:
    """Cells of every pre-2019 统计表 in rows (grid or vertical)."""
    cells: list[dict] = []
    i = 0
    while i < len(rows):
        kinds = _header_kinds(rows[i])
        if kinds:
            refined = _refine_header(kinds, rows[i + 1]) if i + 1 < len(rows) else None
            start = i + 2 if refined else i + 1
            table: list[dict] = []
            i = _grid_table(rows, start, refined or kinds, table)
            _add_table(cells, _dedupe(table))
            continue
        vertical = _vertical_header(rows, i)
        if vertical:
            kinds, start = vertical
            table = []
            i = _vertical_table(rows, start, kinds, table)
            _add_table(cells, _dedupe(table))
            continue
        i += 1
    return cells


def _add_table(cells: list[dict], table: list[dict]) -> None:
    """A table's cells, except those already read (the same table printed twice): first wins."""
    keys = {(c["row"], c["column"]) for c in cells}
    cells.extend(c for c in table if (c["row"], c["column"]) not in keys)


def _cell(label: str, column: str, raw: str, unit: str, section: str) -> dict:
    raw = normalize_raw(raw)
    return {"table": "legacy", "row": label, "column": column, "value": parse_value(raw), "raw": raw,
            "unit": unit, "_section": section}


def _data_columns(kinds: list[str | None]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    n_value = 0
    for j, k in enumerate(kinds):
        if k == "value":
            n_value += 1
            out.append((j, "value" if n_value == 1 else f"value_{n_value}"))
        elif k == "cumulative":
            out.append((j, "cumulative"))
    return out


def _grid_table(rows: list[list[str]], i: int, kinds: list[str | None], cells: list[dict]) -> int:
    unit_col = kinds.index("unit") if "unit" in kinds else None
    data_cols = _data_columns(kinds)
    first_data = min([j for j, _ in data_cols] + ([unit_col] if unit_col is not None else []))
    label_cols = [j for j in range(first_data) if kinds[j] != "index"]
    section = ""
    carried = ""  # the start of a label wrapped onto the next row (a PDF table's long cell)
    while i < len(rows):
        row = [normalize_raw(c) for c in rows[i]]
        if len(row) <= first_data or len(row) == 1:
            break  # the table has ended (a paragraph follows)
        if _header_kinds(rows[i]):
            i += 1  # the header repeated after a page break
            continue
        parts: list[str] = []
        for j in label_cols:
            c = row[j] if j < len(row) else ""
            if c and c not in parts and not any(c in p for p in parts):
                parts = [p for p in parts if p not in c] + [c]
        label = norm_label(carried + "".join(parts))
        rest = [row[j] for j in range(first_data, len(row))]
        if label and not any(rest) and _unclosed(label):
            carried, i = label, i + 1  # '…(不同渠道和方式公开相同信息计' continues on the next row
            continue
        if carried:
            parts[0:0] = [carried]
            carried = ""
        if label and not is_value(label):
            if not _CHILD.match(norm_label(parts[0])):
                section = norm_label(parts[0])
            unit = row[unit_col] if unit_col is not None and unit_col < len(row) else ""
            if unit_col is None:
                m = _UNIT_IN_LABEL.search(label)
                unit = m.group(1) if m else ""
            for j, column in data_cols:
                cells.append(_cell(label, column, row[j] if j < len(row) else "", unit, section))
        i += 1
    return i


def _unclosed(label: str) -> bool:
    """A label cut inside its parentheses: '(一)主动公开政府信息数(不同渠道和方式公开相同信息计'."""
    return label.count("(") > label.count(")")


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
    section = ""

    def close() -> None:
        nonlocal current
        if current is not None:
            vals = current["values"]
            for n, kind in enumerate(data_kinds):
                cells.append(_cell(current["label"], kind, vals[n] if n < len(vals) else "", current["unit"],
                                   current["section"]))
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
            if not _CHILD.match(norm_label(label)):
                section = norm_label(label)
            current = {"label": norm_label(label), "unit": "", "values": [], "section": section}
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


def _dedupe(cells: list[dict]) -> list[dict]:
    """Labels repeated within one table (被依法纠错数 under both 复议 and 诉讼) get their section heading
    in front, every occurrence; without one, the later occurrences get '#2', '#3' …."""
    count: dict[tuple[str, str], int] = {}
    for c in cells:
        count[(c["row"], c["column"])] = count.get((c["row"], c["column"]), 0) + 1
    seen: set[tuple[str, str]] = set()
    out: list[dict] = []
    for c in cells:
        section = c.pop("_section", "")
        row = c["row"]
        if count[(row, c["column"])] > 1 and section and section != row and not row.startswith(section):
            row = f"{section}/{row}"
        n = 1
        key = (row, c["column"])
        while key in seen:
            n += 1
            key = (f"{row}#{n}", c["column"])
        seen.add(key)
        out.append(dict(c, row=key[0]))
    return out


def legacy_text_cells(rows: list[list[str]]) -> list[dict]:
    """A 统计表 printed one row per line with spaces between cells, as PDF and DOC text gives it:
    '指标名称 计量单位 2012年度 历年累计' then '其中：1、网站公开 条 739 4359'. Each line's last tokens are its
    values (and unit); what precedes them is the label."""
    cells: list[dict] = []
    i = 0
    while i < len(rows):
        kinds = _header_kinds(rows[i][0].split()) if len(rows[i]) == 1 else None
        if not kinds:
            i += 1
            continue
        tail = kinds[kinds.index("label") + 1:]
        data = [k for k in tail if k in ("value", "cumulative")]
        table: list[dict] = []
        section = ""
        i += 1
        while i < len(rows) and len(rows[i]) == 1:
            tokens = rows[i][0].split()
            if (_unclosed(norm_label(rows[i][0])) and i + 1 < len(rows) and len(rows[i + 1]) == 1
                    and not any(is_value(t) for t in tokens)):
                tokens = tokens + rows[i + 1][0].split()  # a label wrapped onto the next line
                i += 1
            if len(tokens) < len(tail) + 1 or not all(is_value(t) for t in tokens[-len(data):]):
                break
            values = tokens[len(tokens) - len(tail):]
            label = norm_label("".join(tokens[:len(tokens) - len(tail)]))
            if not label or is_value(label):
                break
            unit = values[tail.index("unit")] if "unit" in tail else ""
            if "unit" in tail and (is_value(unit) and unit not in UNITS):
                break  # not the printed layout: a number where the unit should be
            if not _CHILD.match(label):
                section = label
            for (column, raw) in zip(_data_names(tail), [v for k, v in zip(tail, values) if k != "unit"]):
                table.append(_cell(label, column, raw, unit, section))
            i += 1
        _add_table(cells, _dedupe(table))
    return cells


def _data_names(kinds: list[str | None]) -> list[str]:
    return [name for _, name in _data_columns([k for k in kinds if k != "unit"])]
