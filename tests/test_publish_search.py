"""Search: exactly the reports holding every word, as substrings, kept up to date by the store."""
import random

from govcrawl import search
from govcrawl.storage import Store


def report(rid, body, title="2023年度报告", **kw):
    return {"report_id": rid, "site_id": "s", "url": f"http://x.gov.cn/{rid}.html", "title": title,
            "report_year": 2023, "is_annual_report": 1, "body_text": body, "content_hash": rid, **kw}


def found(store, q):
    sql, params = search.matching_rowids_sql(q)
    return sorted(r["report_id"] for r in store.db.query(
        f"select report_id from reports where rowid in ({sql})", params))


def test_bigrams_never_span_whitespace_and_keep_punctuation():
    assert search.index_text("房屋拆迁 a\n2023年，GDP") == "房屋 屋拆 拆迁 20 02 23 3年 年， ，G GD DP"
    # a gap only where the runs could chain: "…拆迁 迁移" must not match 拆迁移; letters always
    assert search.index_text("拆迁 迁移 Ab bC") == "拆迁 _ 迁移 Ab _ bC"
    assert search.index_text("公开 告知 公开") == "公开 告知"  # a run repeated is indexed once
    assert search.chars_text("告 告a") == "a 告"


def test_queries_are_literal_words():
    q = search.parse_query(' "行政 复议" 告\u3000AND * - " ')
    assert q.terms == ["行政", "复议", "告", "AND", "*", "-", '"']
    assert q.fts == '"行政" AND "复议" AND "AN ND"'
    assert q.chars == '"告" AND "*" AND "-" AND """"'
    for blank in ("", " ", "\u3000", "\u200b"):
        assert not search.parse_query(blank)
    long = search.parse_query("政" * 500)
    assert len(long.terms[0]) == search.MAX_TERM_CHARS and long.notes


def test_any_substring_matches_exactly_like_the_reference(tmp_path):
    """Random texts from a small alphabet, so that near misses abound; every query is checked."""
    rng = random.Random(7)
    alphabet = "公开复议诉讼告年1203Aa，〔〕 \n"
    store = Store(str(tmp_path / "m.db"))
    bodies = {}
    for n in range(60):
        bodies[f"r{n:02}"] = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        store.save_report(report(f"r{n:02}", bodies[f"r{n:02}"], title=""), [], [], [], [])
    queries = {bodies[rid][i:i + k].strip() for rid in bodies for k in (1, 2, 3, 5)
               for i in range(0, max(1, len(bodies[rid]) - k), 7)}
    queries |= {"告 复议", "2023年", "1件", "〔20", "a公", "GDP", "A"}
    checked = 0
    for q in sorted(queries):
        terms = search.parse_query(q).terms
        if not terms:
            continue
        want = sorted(rid for rid, body in bodies.items() if search.contains(body, terms))
        assert found(store, q) == want, q
        checked += 1
    assert checked > 100


def test_edits_and_attachments_are_indexed(tmp_path):
    store = Store(str(tmp_path / "m.db"))
    store.save_report(report("r1", "本年度发生行政复议案件2件。"), [], [], [], [])
    att = {"attachment_id": "a1", "report_id": "r1", "url": "http://x.gov.cn/a.pdf", "name": "附表.pdf",
           "text": "征地拆迁信息公开"}
    assert found(store, "行政复议") == ["r1"] and found(store, "征地拆迁") == []
    store.save_report(report("r1", "本年度未发生行政诉讼。"), [], [att], [], [])
    assert found(store, "行政复议") == [] and found(store, "行政诉讼") == ["r1"]
    assert found(store, "征地拆迁") == ["r1"] and found(store, "附表") == ["r1"]
    store.save_report(report("r1", "本年度未发生行政诉讼。"), [], [], [], [])
    assert found(store, "征地拆迁") == []
    assert store.db.execute("insert into reports_fts(reports_fts) values ('integrity-check')") is not None


def test_search_ranks_title_hits_first_and_cuts_snippets_from_the_text(tmp_path):
    store = Store(str(tmp_path / "m.db"))
    for n in range(6):
        store.save_report(report(f"o{n}", "政务公开工作。" * 5), [], [], [], [])
    store.save_report(report("body", "今年收到<b>拆迁</b>类申请，" + "其他内容。" * 30 + "拆迁补偿"), [], [], [], [])
    store.save_report(report("title", "正文没有这个词。", title="关于拆迁信息的年度报告"), [], [], [], [])
    result = search.search(store.db.conn, "拆迁")
    assert result.total == 2 and result.ranked
    assert [r["report_id"] for r in result.rows] == ["title", "body"]
    assert str(result.rows[0]["title_html"]) == "关于<mark>拆迁</mark>信息的年度报告"
    snip = str(result.rows[1]["snippet"])
    assert "&lt;b&gt;<mark>拆迁</mark>&lt;/b&gt;" in snip and "<b>" not in snip
    assert search.search(store.db.conn, "  ").total == 0


def test_pages_filters_and_facet_counts_follow_the_matches(tmp_path):
    """Paging, facet filters and facet counts agree with a plain SQL count over the matches."""
    from govcrawl.publish import pages

    store = Store(str(tmp_path / "m.db"))
    rng = random.Random(3)
    for n in range(45):
        body = "行政复议" if n % 3 else "其他"
        store.save_report(report(f"r{n:02}", body, report_year=2019 + n % 4, province=rng.choice(["山东省", "甘肃省"]),
                                 county=rng.choice(["梁山县", "西峰区", None]), published_date=f"2024-01-{n % 28 + 1:02}"),
                          [], [], [], [])
    conn = store.db.conn
    data = pages.search_data(conn, "复议", 1, {"province": "山东省"})
    want = {r for (r,) in conn.execute("select rowid from reports where body_text like '%复议%' and province = '山东省'")}
    assert data["result"].total == len(want) and data["result"].rowids == want
    for facet in data["facets"]:
        expected = dict(conn.execute(f"select {facet['name']}, count(*) from reports where body_text like '%复议%' "
                                     f"and province = '山东省' and {facet['name']} is not null group by 1").fetchall())
        assert {o["value"]: o["n"] for o in facet["options"]} == expected, facet["name"]
    years = [o["value"] for o in data["facets"][0]["options"]]
    assert years == sorted(years, reverse=True)
    everywhere = {r for (r,) in conn.execute("select rowid from reports where body_text like '%复议%'")}
    for args, expected in (({"province": "山东省"}, want), ({}, everywhere)):  # ranked, then newest first
        seen = []
        for page in range(1, 5):
            seen += [r["rowid"] for r in pages.search_data(conn, "复议", page, args)["result"].rows]
        assert sorted(seen) == sorted(expected) and len(seen) == len(set(seen))
    assert not pages.search_data(conn, "复议", 1, {})["result"].ranked
