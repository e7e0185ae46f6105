"""Deterministic, internally consistent numbers for generated reports.

Every series is seeded by (site key, publisher) so a replica is byte-identical between runs, and
the numbers obey the 勾稽关系 of TABLES.md: per column new + carried_in = handled_total +
carried_out, handled_total is the sum of the outcome rows, 总计 is the sum of the six applicant
columns, and this year's carried_in equals last year's carried_out.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .tables import APPLICATION_ROWS

SCALE = {"township": 3, "department": 6, "county": 40}
# outcome row -> weight when spreading handled applications
_OUTCOMES_2019 = {"granted": 55, "partly_granted": 10, "withheld_4": 4, "withheld_6": 3, "unavailable_1": 16,
                  "unavailable_2": 3, "unavailable_3": 2, "not_processed_1": 3, "not_processed_2": 2,
                  "other_handling": 2}
_OUTCOMES_2021 = {**{k: v for k, v in _OUTCOMES_2019.items() if k != "other_handling"},
                  "other_handling_1": 1, "other_handling_3": 1}


@dataclass
class YearStats:
    year: int
    template: str  # "2019" or "2021"
    active: dict[str, list] = field(default_factory=dict)  # row label -> printed values
    applications: dict[str, list[int]] = field(default_factory=dict)  # row code -> 7 values
    appeals: list[int] = field(default_factory=list)  # 15 values
    published_items: int = 0
    website_items: int = 0

    def applications_total(self, row: str) -> int:
        return self.applications[row][6]


def template_for(year: int) -> str:
    return "2021" if year >= 2021 else "2019"


def series(seed: str, years: list[int], level: str) -> dict[int, YearStats]:
    """Numbers for every year in `years`, chained through 结转 from the earliest year on."""
    rng = random.Random(seed)
    scale = SCALE[level]
    carried = [0] * 6
    normative_total = rng.randint(0, 3 * scale)
    licensing_items = rng.randint(0, 4 * scale)
    out: dict[int, YearStats] = {}
    for year in sorted(years):
        st = YearStats(year, template_for(year))
        st.published_items = rng.randint(40, 120) * max(1, scale // 3)
        st.website_items = st.published_items - rng.randint(0, st.published_items // 5)
        normative_new = rng.randint(0, max(1, scale // 4))
        normative_total += normative_new
        change = rng.randint(-2, 3) if licensing_items > 2 else rng.randint(0, 2)
        decisions = rng.randint(0, scale * 20)
        penalties = rng.randint(0, scale * 8)
        if st.template == "2019":
            st.active = {
                "规章": [0, 0, 0],
                "规范性文件": [normative_new, normative_new, normative_total],
                "行政许可": [licensing_items, change, decisions],
                "其他对外管理服务事项": [rng.randint(0, scale), 0, rng.randint(0, scale * 3)],
                "行政处罚": [rng.randint(0, scale * 2), 0, penalties],
                "行政强制": [rng.randint(0, scale), 0, rng.randint(0, scale)],
                "行政事业性收费": [rng.randint(0, scale), 0],
                "政府集中采购": [rng.randint(0, scale), round(rng.uniform(0, scale * 30), 2) if scale > 3 else 0],
            }
        else:
            repealed = rng.randint(0, 1) if normative_total else 0
            normative_total -= repealed
            st.active = {
                "规章": [0, 0, 0],
                "行政规范性文件": [normative_new, repealed, normative_total],
                "行政许可": [decisions],
                "行政处罚": [penalties],
                "行政强制": [rng.randint(0, scale)],
                "行政事业性收费": [round(rng.uniform(0, scale * 10), 2) if scale > 3 else 0],
            }
        licensing_items = max(0, licensing_items + change)
        carried = _applications(st, rng, scale, carried)
        st.appeals = _appeals(rng, scale)
        out[year] = st
    return out


def _applications(st: YearStats, rng: random.Random, scale: int, carried_in: list[int]) -> list[int]:
    rows = APPLICATION_ROWS[st.template]
    table = {code: [0] * 6 for code in rows}
    outcomes = _OUTCOMES_2021 if st.template == "2021" else _OUTCOMES_2019
    names, weights = list(outcomes), list(outcomes.values())
    caps = [scale * 2, max(1, scale // 4), 0, 1 if scale > 3 else 0, 1 if scale > 3 else 0, max(1, scale // 8)]
    for col in range(6):
        if col == 0:
            new = rng.randint(scale // 3, caps[0])
        else:
            new = rng.randint(0, caps[col]) if rng.random() < 0.5 else 0
        available = new + carried_in[col]
        carried_out = 1 if available and col == 0 and rng.random() < 0.35 else 0
        table["new"][col] = new
        table["carried_in"][col] = carried_in[col]
        table["carried_out"][col] = carried_out
        for _ in range(available - carried_out):
            table[rng.choices(names, weights)[0]][col] += 1
        table["handled_total"][col] = available - carried_out
    st.applications = {code: vals + [sum(vals)] for code, vals in table.items()}
    return table["carried_out"]


def _appeals(rng: random.Random, scale: int) -> list[int]:
    rows = []
    for chance in (0.4, 0.3, 0.1):
        upheld = rng.randint(0, max(1, scale // 10)) if rng.random() < chance and scale > 3 else 0
        corrected = 1 if upheld and rng.random() < 0.2 else 0
        pending = 1 if upheld and rng.random() < 0.3 else 0
        rows += [upheld, corrected, 0, pending, upheld + corrected + pending]
    return rows
