"""Storage: idempotent upserts and Chinese full-text search."""
from govcrawl.search import matching_rowids_sql
from govcrawl.storage import Store


def report(rid="r1", body="本年度发生行政复议案件2件，房屋拆迁类申请增多。", **kw):
    return {"report_id": rid, "site_id": "s", "url": f"http://x.gov.cn/{rid}.html", "title": "2023年度报告",
            "report_year": 2023, "is_annual_report": 1, "body_text": body, "content_hash": rid, **kw}


def search(store, q):
    sql, params = matching_rowids_sql(q)
    return [r["report_id"] for r in store.db.query(
        f"select report_id from reports where rowid in ({sql}) order by report_id", params)]


def test_save_twice_keeps_one_row_and_first_seen(tmp_path):
    store = Store(str(tmp_path / "m.db"))
    store.upsert_site({"site_id": "s", "name": "西峰区"})
    cells = [{"table": "applications", "row": "new", "column": "total", "value": 3, "raw": "3"}]
    assert store.save_report(report(), ["http://x.gov.cn/r1.html"], [], cells, []) is True
    first = next(store.db.query("select first_seen from reports"))["first_seen"]
    assert store.save_report(report(), ["http://x.gov.cn/r1.html"], [], cells, []) is False
    assert store.db["reports"].count == 1 and store.db["report_stats"].count == 1
    assert next(store.db.query("select first_seen from reports"))["first_seen"] == first
    assert store.db["reports_fts"].count == 1
    assert store.report_for_url("http://x.gov.cn/r1.html") == "r1"


def test_two_character_words_are_searchable(tmp_path):
    store = Store(str(tmp_path / "m.db"))
    store.save_report(report(), [], [], [], [])
    store.save_report(report("r2", body="政务公开工作要点"), [], [], [], [])
    assert search(store, "拆迁") == ["r1"]
    assert search(store, "复议") == ["r1"]
    assert search(store, "行政复议案件") == ["r1"]
    assert search(store, "政务公开") == ["r2"]
    assert search(store, "公开 要点") == ["r2"]
    assert search(store, "复议 要点") == []
    assert search(store, "拆") == ["r1"]


def test_applications_wide_view_has_one_row_per_report(tmp_path):
    store = Store(str(tmp_path / "m.db"))
    cells = [{"table": "applications", "row": "new", "column": "total", "value": 5, "raw": "5"},
             {"table": "applications", "row": "granted", "column": "natural_person", "value": 2, "raw": "2"},
             {"table": "appeals", "row": "review", "column": "total", "value": 1, "raw": "1"}]
    store.save_report(report(), [], [], cells, [])
    rows = list(store.db.query("select * from applications_wide"))
    assert len(rows) == 1
    assert rows[0]["new__total"] == 5 and rows[0]["granted__natural_person"] == 2
    assert rows[0]["carried_out__total"] is None
    assert len([c for c in rows[0] if "__" in c]) == 26 * 7


def test_counts_stay_integers_and_amounts_keep_decimals(tmp_path):
    store = Store(str(tmp_path / "m.db"))
    cells = [{"table": "applications", "row": "new", "column": "total", "value": 13, "raw": "13"},
             {"table": "active", "row": "fees", "column": "amount_10k_yuan", "value": 2.5, "raw": "2.5"},
             {"table": "applications", "row": "carried_in", "column": "total", "value": None, "raw": ""}]
    store.save_report(report(), [], [], cells, [])
    got = {r["row"]: (r["value"], r["t"]) for r in store.db.query(
        'select "row", value, typeof(value) t from report_stats')}
    assert got == {"new": (13, "integer"), "fees": (2.5, "real"), "carried_in": (None, "null")}
