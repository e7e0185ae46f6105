"""Turn the five seed texts back into page bodies (paragraphs, headings and real tables).

The seeds are what a reader extracted from the real pages; these functions rebuild the body a
portal would have served: seed 000's pipe rows become the 2019-template merged-cell tables,
seed 004's one-cell-per-paragraph run becomes the vertical 统计表.
"""
from __future__ import annotations

import re

from .model import Block
from .tables import LEGACY_ROWS, active_table, applications_table, appeals_table, legacy_table
from .textutil import seed_text

_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _text_block(line: str) -> Block:
    return ("h", line) if _HEADING.match(line) and len(line) < 40 else ("p", line)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("|")]


def _active_from_pipes(lines: list[str]):
    groups = []
    for line in lines:
        cells = _cells(line)
        if cells[0].startswith("第二十条"):
            groups.append([cells[0].replace("(", "（").replace(")", "）"), [], []])
        elif cells[0] == "信息内容":
            groups[-1][1] = [c for c in cells[1:] if c]
        else:
            width = len(groups[-1][1])
            values = [c if c else None for c in cells[1:1 + width]]
            groups[-1][2].append((cells[0], values))
    return active_table([tuple(g) for g in groups])


def _applications_from_pipes(lines: list[str]):
    # 3 header lines, then the data rows in template order; a row's numbers are its numeric cells.
    from .tables import APPLICATION_ROWS

    values = {}
    for code, line in zip(APPLICATION_ROWS["2019"], lines[3:]):
        values[code] = [c for c in _cells(line) if _NUMBER.match(c)]
    return applications_table(values, "2019")


def _appeals_from_pipes(lines: list[str]):
    return appeals_table([c for c in _cells(lines[-1]) if _NUMBER.match(c)])


def blocks_000() -> list[Block]:
    """水泊街道 2019: text lines, with the three pipe-separated runs rebuilt as tables."""
    blocks: list[Block] = []
    run: list[str] = []
    builders = [_active_from_pipes, _applications_from_pipes, _appeals_from_pipes]

    def flush():
        if run:
            blocks.append(("table", builders.pop(0)(list(run))))
            run.clear()

    for line in seed_text("000").splitlines():
        if "|" in line:
            run.append(line)
            continue
        flush()
        if line.strip():
            blocks.append(_text_block(line.strip()))
    flush()
    return blocks


def header_001() -> dict:
    """Breadcrumb, title and the 来源/编辑 line of seed 001, as the page header shows them."""
    lines = [ln for ln in seed_text("001").splitlines() if ln.strip()]
    return {"breadcrumb": lines[0], "title": lines[1], "info": lines[2]}


def blocks_001() -> list[Block]:
    lines = [ln.strip() for ln in seed_text("001").splitlines() if ln.strip()]
    return [_text_block(ln) for ln in lines[3:]]


def blocks_002() -> list[Block]:
    """五原县民政局 2020 in the traditional+gloss form, one paragraph per line."""
    return [("p", ln.strip()) for ln in seed_text("002").splitlines() if ln.strip()]


def blocks_003() -> tuple[list[str], list[Block]]:
    """路桥区 2023: (two-line body heading, body paragraphs without the footer)."""
    lines = [ln.strip() for ln in seed_text("003").splitlines() if ln.strip()]
    body = [ln for ln in lines[6:] if not ln.startswith("打印本页")]
    return lines[4:6], [_text_block(ln) for ln in body]


def blocks_004() -> tuple[str, str, list[Block]]:
    """金塘镇 2018: (title, 发布时间 line, body with the vertical 统计表 as a table)."""
    text = seed_text("004")
    head, _, table_text = text.partition("统 计 指 标")
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    title, date_line, body = lines[0], lines[1], lines[2:]
    blocks: list[Block] = [_text_block(ln) for ln in body]
    tokens = [t.strip() for t in table_text.splitlines() if t.strip()][2:]  # after 单位 / 统计数
    values = []
    i = 0
    for labels, unit in LEGACY_ROWS:
        i += len(labels)
        if unit:
            i += 1
        if i < len(tokens) and _NUMBER.match(tokens[i]):
            values.append(tokens[i])
            i += 1
        else:
            values.append("")
    blocks.append(("table", legacy_table(values)))
    return title, date_line, blocks
