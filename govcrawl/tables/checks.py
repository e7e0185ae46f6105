"""勾稽关系: the consistency rules of TABLES.md run over parsed cells.

Each result is {rule, scope, status, detail}; status is 'ok', 'fail' or 'unknown'. A blank input (or a
cell the parser did not find) makes a check unknown, never a failure: blank is not zero. Rules whose
table is absent from the report are not reported at all.
"""
from __future__ import annotations

from .labels import APPEAL_COLUMNS, APPEAL_ROWS, APPLICATION_COLUMNS

Values = dict[tuple[str, str, str], float | int | None]

_HANDLED_PARTS = (["granted", "partly_granted"] + [f"withheld_{i}" for i in range(1, 9)]
                  + [f"unavailable_{i}" for i in range(1, 4)] + [f"not_processed_{i}" for i in range(1, 6)])


def _values(cells: list[dict]) -> Values:
    out: Values = {}
    for c in cells or []:
        out.setdefault((c["table"], c["row"], c["column"]), c.get("value"))
    return out


def _result(rule: str, scope: str, terms: dict[str, float | int | None], left: list[str], right: list[str]) -> dict:
    blank = [name for name, v in terms.items() if v is None]

    def side(names: list[str]) -> str:
        return " + ".join(f"{n} {_fmt(terms[n])}" for n in names)

    if blank:
        return {"rule": rule, "scope": scope, "status": "unknown", "detail": "blank: " + ", ".join(blank)}
    lhs = sum(terms[n] for n in left)  # type: ignore[misc]
    rhs = sum(terms[n] for n in right)  # type: ignore[misc]
    status = "ok" if abs(lhs - rhs) < 1e-6 else "fail"
    return {"rule": rule, "scope": scope, "status": status,
            "detail": f"{side(left)} = {_fmt(lhs)}; {side(right)} = {_fmt(rhs)}"}


def _fmt(v: float | int | None) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return "blank" if v is None else str(v)


def run_checks(cells: list[dict], previous_cells: list[dict] | None = None) -> list[dict]:
    """Results of every rule for which the report has the table (see module doc)."""
    v = _values(cells)
    tables = {key[0] for key in v}
    results: list[dict] = []
    if "applications" in tables:
        results += _balance(v) + _handled_sum(v) + _total_column(v) + _carry(v, previous_cells)
    if "appeals" in tables:
        results += _appeals_total(v)
    return results


def _app(v: Values, row: str, col: str):
    return v.get(("applications", row, col))


def _balance(v: Values) -> list[dict]:
    out = []
    for col in APPLICATION_COLUMNS:
        terms = {r: _app(v, r, col) for r in ("new", "carried_in", "handled_total", "carried_out")}
        out.append(_result("applications.balance", col, terms, ["new", "carried_in"], ["handled_total", "carried_out"]))
    return out


def _other_handling_rows(v: Values) -> list[str]:
    split = [f"other_handling_{i}" for i in range(1, 4)]
    if any(("applications", r, c) in v for r in split for c in APPLICATION_COLUMNS):
        return split
    return ["other_handling"]


def _handled_sum(v: Values) -> list[dict]:
    parts = _HANDLED_PARTS + _other_handling_rows(v)
    out = []
    for col in APPLICATION_COLUMNS:
        terms = {"handled_total": _app(v, "handled_total", col)}
        terms.update({r: _app(v, r, col) for r in parts})
        out.append(_result("applications.handled_sum", col, terms, ["handled_total"], parts))
    return out


def _total_column(v: Values) -> list[dict]:
    out = []
    for row in ("new", "carried_in", "handled_total", "carried_out"):
        terms = {c: _app(v, row, c) for c in APPLICATION_COLUMNS}
        out.append(_result("applications.total_column", row, terms, ["total"], APPLICATION_COLUMNS[:-1]))
    return out


def _appeals_total(v: Values) -> list[dict]:
    out = []
    for row in APPEAL_ROWS:
        terms = {c: v.get(("appeals", row, c)) for c in APPEAL_COLUMNS}
        out.append(_result("appeals.total", row, terms, ["total"], APPEAL_COLUMNS[:-1]))
    return out


def _carry(v: Values, previous_cells: list[dict] | None) -> list[dict]:
    out = []
    prev = _values(previous_cells) if previous_cells is not None else None
    for col in APPLICATION_COLUMNS:
        if prev is None:
            out.append({"rule": "cross_year.carry", "scope": col, "status": "unknown",
                        "detail": "no previous report"})
            continue
        terms = {"carried_in": _app(v, "carried_in", col),
                 "previous_carried_out": prev.get(("applications", "carried_out", col))}
        out.append(_result("cross_year.carry", col, terms, ["carried_in"], ["previous_carried_out"]))
    return out
