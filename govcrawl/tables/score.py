"""Precision / recall of parsed cells against truth, keyed on (table, row, column, value)."""
from __future__ import annotations


def cell_key(cell: dict) -> tuple:
    value = cell.get("value")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):
        value = round(value, 6)
    return (cell.get("table"), cell.get("row"), cell.get("column"), value)


def score(parsed: list[dict], truth: list[dict]) -> tuple[float, float]:
    """(precision, recall) of parsed cells; both 1.0 when both sides are empty."""
    got = {cell_key(c) for c in parsed}
    want = {cell_key(c) for c in truth}
    hit = len(got & want)
    precision = hit / len(got) if got else 1.0
    recall = hit / len(want) if want else 1.0
    return precision, recall
