"""Turn an applications table printed on its side back upright.

A few reports print 三、收到和处理政府信息公开申请情况 transposed: one row per applicant (自然人, 商业企业, …,
总计) and one column per table row (本年新收, 上年结转, 予以公开, …). Such a grid is recognised by its first
columns naming the applicants and its first rows naming the table's rows, and is transposed so the rest
of the parser sees the usual layout.
"""
from __future__ import annotations

from . import labels as L
from .numbers import is_value


def upright(rows: list[list[str]]) -> list[list[str]]:
    """rows, transposed when they are a sideways applications table (spans already expanded)."""
    if len(rows) < 7 or not _sideways(rows):
        return rows
    width = max(len(r) for r in rows)
    padded = [r + [""] * (width - len(r)) for r in rows]
    return [[padded[r][c] for r in range(len(padded))] for c in range(width)]


def _sideways(rows: list[list[str]]) -> bool:
    applicants: set[str] = set()
    for row in rows:
        for cell in row[:3]:
            if cell and not is_value(cell) and (code := L.applicant_name(cell)):
                applicants.add(code)
    if len(applicants) < 6:
        return False
    head_codes: set[str] = set()
    for row in rows[:4]:
        for cell in row[1:]:
            if cell and not is_value(cell) and (code := L.application_row(cell)):
                head_codes.add(code)
    return len(head_codes) >= 3 and {"new", "carried_out"} & head_codes != set()
