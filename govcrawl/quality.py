"""Field quality of the annual reports a crawl reads, as numbers in the run stats.

In the alltheplaces style (its ``check_item_properties`` pipeline), nothing is dropped: every
annual report that passes is counted under ``govcrawl/field/<name>/missing`` when the field is
empty and ``govcrawl/field/<name>/invalid`` when it is there but cannot be right, for
``publisher``, ``index_no``, ``report_year``, ``body`` and ``tables``. ``govcrawl/field/reports``
is the denominator. Documents that are not annual reports (notices in the same column) are not
counted: their fields matter to no one.

The same tests give ``govcrawl.health`` each site's field coverage from the database, so a
sudden drop (a redesigned detail page) is flagged per site.
"""
from __future__ import annotations

import re
from datetime import date

from govcrawl.items import DocumentItem

FIELDS = ("publisher", "index_no", "report_year", "body", "tables")
FIRST_YEAR = 2007            # 《政府信息公开条例》 took effect in 2008, for the year 2008; some report 2007
MIN_BODY_CHARS = 200         # shorter is page chrome or a 详见附件 shell, not a report's text
STANDARD_TABLES_FROM = 2019  # the three standard tables of 国办公开办函〔2019〕60号

_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")


def field_state(name: str, record: dict, has_tables: bool) -> str:
    """ok | missing | invalid for one field of one annual report (``record`` as stored: the
    reports row, or a DocumentItem's record)."""
    if name == "publisher":
        value = (record.get("publisher") or "").strip()
        if not value:
            return "missing"
        return "ok" if _CJK.search(value) and len(value) <= 40 else "invalid"
    if name == "index_no":
        value = (record.get("index_no") or "").strip()
        if not value:
            return "missing"
        return "ok" if _DIGIT.search(value) and 4 <= len(value) <= 60 else "invalid"
    if name == "report_year":
        year = record.get("report_year")
        if year in (None, ""):
            return "missing"
        try:
            year = int(year)
        except (TypeError, ValueError):
            return "invalid"
        return "ok" if FIRST_YEAR <= year <= date.today().year else "invalid"
    if name == "body":
        body = re.sub(r"\s+", "", record.get("body_text") or "")
        if not body:
            return "missing"
        return "ok" if len(body) >= MIN_BODY_CHARS else "invalid"
    if name == "tables":
        if has_tables:
            return "ok"
        year = record.get("report_year")
        # Before 2019 each province had its own table: no standard cells to expect.
        return "missing" if isinstance(year, int) and year >= STANDARD_TABLES_FROM else "ok"
    raise ValueError(f"unknown field {name!r}")


class FieldQualityPipeline:
    """Count missing and invalid fields of each annual report into the crawl stats (see module
    doc). Runs after the read stage, before dedupe and store; passes every item on unchanged."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item, spider=None):
        if not isinstance(item, DocumentItem) or not item.record.get("is_annual_report"):
            return item
        self.stats.inc_value("govcrawl/field/reports")
        for name in FIELDS:
            state = field_state(name, item.record, bool(item.stats))
            if state != "ok":
                self.stats.inc_value(f"govcrawl/field/{name}/{state}")
        return item


def field_shares(stats: dict) -> dict[str, dict[str, float]]:
    """{field: {"missing": share, "invalid": share}} of the annual reports a run counted."""
    total = stats.get("govcrawl/field/reports") or 0
    if not total:
        return {}
    return {name: {state: (stats.get(f"govcrawl/field/{name}/{state}") or 0) / total
                   for state in ("missing", "invalid")} for name in FIELDS}


def field_summary(stats: dict) -> str:
    """One line for the run report: how many annual reports lack or garble each field."""
    total = stats.get("govcrawl/field/reports") or 0
    if not total:
        return ""
    parts = []
    for name in FIELDS:
        missing = stats.get(f"govcrawl/field/{name}/missing") or 0
        invalid = stats.get(f"govcrawl/field/{name}/invalid") or 0
        parts.append(f"{name} {missing} missing" + (f" {invalid} invalid" if invalid else ""))
    return f"{total} annual reports; " + ", ".join(parts)
