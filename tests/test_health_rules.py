"""Health rules on a small database made here: coverage drops, failing streaks that flag a site
for retirement, and the field counters of annual reports (alltheplaces style)."""
from __future__ import annotations

import json
import sqlite3

from govcrawl.health import Thresholds, classify_crawl, summary
from govcrawl.items import DocumentItem
from govcrawl.monitors import failed
from govcrawl.quality import FieldQualityPipeline, field_state
from govcrawl.storage import open_db

BODY = "本报告根据《中华人民共和国政府信息公开条例》编制。" * 20


def add_run(db, crawl: str, day: str, outcome: str, reports: int, publisher: str | None = "某县人民政府办公室",
            site: str = "x.gov.cn", reason: str = "why"):
    run_id = f"{crawl}-{site}"
    db["crawl_runs"].insert({"run_id": run_id, "crawl_id": crawl, "site_id": site, "started": f"{day}T01:00:00Z",
                             "finished": f"{day}T02:00:00Z", "status": "finished", "finish_reason": "finished",
                             "outcome": outcome, "reason": reason, "reports": reports, "new_reports": reports,
                             "stats": json.dumps({})})
    for n in range(reports):
        db["reports"].insert({"report_id": f"{crawl}-{n}", "site_id": site, "run_id": run_id, "is_annual_report": 1,
                              "report_year": 2020 + n % 5, "publisher": publisher, "index_no": f"0001/{n}",
                              "body_text": BODY, "title": "t"})


def test_coverage_drop_is_flagged_and_fails_the_monitor(tmp_path):
    path = str(tmp_path / "m.db")
    db = open_db(path)
    add_run(db, "c1", "2026-03-01", "ok", 6)
    add_run(db, "c2", "2026-03-02", "ok", 6, publisher=None)
    classify_crawl(path, "c1")
    rows = classify_crawl(path, "c2")
    assert rows[0].health == "coverage_drop" and rows[0].coverage_drop == {"publisher": [1.0, 0.0]}
    assert "publisher fell from 100% to 0%" in rows[0].advice
    stats = {"govcrawl/health/sites": 1, "govcrawl/health/coverage_drop": 1, "govcrawl/health/failing": {}}
    assert [c.name for c in failed(stats)] == ["coverage_drop"]


def test_failing_run_after_run_asks_to_retire_or_repair(tmp_path):
    path = str(tmp_path / "m.db")
    db = open_db(path)
    add_run(db, "c0", "2026-03-01", "ok", 3)
    classify_crawl(path, "c0")
    for n, day in enumerate(("2026-03-02", "2026-03-03", "2026-03-04"), start=1):
        add_run(db, f"c{n}", day, "no_column", 0, reason="no 年报 column found")
        rows = classify_crawl(path, f"c{n}", Thresholds(retire_after=3))
    h = rows[0]
    assert h.health == "went_dark" and h.streak == 3 and h.action == "retire_or_repair"
    assert "failing 3 runs in a row" in h.advice
    assert summary(rows)["retire"] == ["x.gov.cn"]
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("select streak from site_health order by checked")] == [0, 1, 2, 3]


def test_a_site_that_never_yielded_is_not_dark(tmp_path):
    path = str(tmp_path / "m.db")
    db = open_db(path)
    add_run(db, "c1", "2026-03-01", "empty_column", 0, reason="年报 column(s) found but empty")
    (h,) = classify_crawl(path, "c1")
    assert h.health == "never_found" and h.severity == "warn" and h.action == "check"


def test_field_counters_count_annual_reports_only():
    class Stats(dict):
        def inc_value(self, key, n=1):
            self[key] = self.get(key, 0) + n

    stats = Stats()
    pipe = FieldQualityPipeline(stats)
    good = DocumentItem(url="u1", fetched_url="u1", site={}, raw=b"", stats=[{"table": "applications"}],
                        record={"is_annual_report": True, "publisher": "某县人民政府", "index_no": "0001/2024-01",
                                "report_year": 2023, "body_text": BODY})
    bad = DocumentItem(url="u2", fetched_url="u2", site={}, raw=b"",
                       record={"is_annual_report": True, "publisher": "", "index_no": "无", "report_year": 1990,
                               "body_text": "详见附件"})
    notice = DocumentItem(url="u3", fetched_url="u3", site={}, raw=b"", record={"is_annual_report": False})
    for item in (good, bad, notice):
        assert pipe.process_item(item) is item
    assert stats == {"govcrawl/field/reports": 2, "govcrawl/field/publisher/missing": 1,
                     "govcrawl/field/index_no/invalid": 1, "govcrawl/field/report_year/invalid": 1,
                     "govcrawl/field/body/invalid": 1}
    assert field_state("tables", {"report_year": 2018}, False) == "ok"  # no standard tables before 2019
