"""Search latency, exactness and index size on a generated database of annual reports.

    .venv/bin/python scripts/bench_search.py                      # 100,000 reports of 12,700 chars
    .venv/bin/python scripts/bench_search.py --reports 5000 --db /tmp/s.db
    .venv/bin/python scripts/bench_search.py --db /tmp/s.db --reuse   # measure an existing database

Reports are written to a database made by ``Store`` and indexed by ``search.rebuild_index`` (the
indexing code the store runs for each report, in one transaction here). Their
text is assembled from the five seed reports' sentences, with numbers, years and places varied
and policy words of very different frequencies mixed in, so that queries range from a handful of
hits to every report. Each query is timed as the search page runs it (``govcrawl.search.search``:
exact count, the first 20 by bm25, snippets) and as the search page runs it with its facet counts
(``govcrawl.publish.pages.search_data``), repeated, and reported as median and p95 per class
(one, two and four characters, several words). Exactness: for a random sample of reports, a
report is in the result set exactly when its title, body or attachment text contains every word.
Index size: the FTS shadow tables (dbstat) against the bytes of the text they index.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govcrawl import search  # noqa: E402
from govcrawl.publish import pages  # noqa: E402
from govcrawl.storage import Store  # noqa: E402

SEEDS = ROOT / "govcrawl" / "sample_portals" / "seeds"
PLACES = ["梁山县", "西峰区", "五原县", "路桥区", "定海区", "金塘镇", "水泊街道", "临安区", "婺源县", "南康区",
          "达川区", "平潭县", "伊川县", "汉阴县", "隆林各族自治县", "察布查尔锡伯自治县", "桐庐县", "洞头区"]
PROVINCES = ["山东省", "甘肃省", "内蒙古自治区", "浙江省", "江西省", "四川省", "福建省", "河南省", "陕西省", "广西壮族自治区"]
# Policy words with very different frequencies (Zipf-like weights), so hit counts vary.
TOPICS = ["政务公开", "行政复议", "行政诉讼", "依申请公开", "征地拆迁", "房屋征收", "棚户区改造", "扶贫资金",
          "疫情防控", "环境保护", "食品安全", "安全生产", "义务教育", "医疗保障", "养老服务", "乡村振兴",
          "河长制", "营商环境", "双随机一公开", "互联网+政务服务", "GDP", "PM2.5", "12345热线", "一网通办"]
QUERIES = {
    "1 char": ["告", "拆", "罚", "诉", "5"],
    "2 chars": ["复议", "拆迁", "公开", "征收", "热线"],
    "4 chars": ["行政复议", "征地拆迁", "乡村振兴", "2023年度", "营商环境"],
    "several words": ["复议 诉讼", "2023年 拆迁", "行政 公开 申请", "GDP 工作", "养老服务 乡村振兴 热线"],
}


def sentences() -> list[str]:
    text = "".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
    parts = [s.strip() + "。" for s in re.split(r"[。\n]", text) if len(s.strip()) > 8]
    return parts


def make_report(rng: random.Random, pool: list[str], n: int, chars: int) -> tuple[dict, list[dict]]:
    year = rng.randint(2008, 2024)
    place, province = rng.choice(PLACES), rng.choice(PROVINCES)
    weights = [1 / (i + 1) for i in range(len(TOPICS))]
    out, size = [], 0
    while size < chars:
        s = rng.choice(pool)
        s = re.sub(r"\d+", lambda m: str(rng.randint(0, 3000)), s)
        s = re.sub(r"20\d\d年", f"{rng.randint(2008, 2024)}年", s)
        if rng.random() < 0.08:
            s = s[:-1] + "，涉及" + rng.choices(TOPICS, weights)[0] + "工作。"
        out.append(s)
        size += len(s)
        if rng.random() < 0.1:
            out.append("\n")
    body = "".join(out)[:chars]
    rid = hashlib.sha1(f"bench{n}".encode()).hexdigest()[:16]
    report = {"report_id": rid, "site_id": f"site{n % 500}", "url": f"http://bench.example/{n}.html",
              "title": f"{place}{year}年政府信息公开工作年度报告", "report_year": year,
              "is_annual_report": 1, "province": province, "county": place, "body_text": body,
              "published_date": f"{year + 1}-01-{rng.randint(10, 31)}", "content_hash": rid}
    attachments = []
    if rng.random() < 0.1:
        attachments.append({"attachment_id": rid + "a", "report_id": rid, "url": f"http://bench.example/{n}.pdf",
                            "name": f"{place}{year}年报.pdf", "type": "pdf",
                            "text": "附件：" + rng.choice(TOPICS) + "统计表" + "".join(rng.choices(pool, k=5))})
    return report, attachments


def build(db: str, reports: int, chars: int, seed: int) -> float:
    """Write the reports, then index them all at once with the store's own indexing code."""
    rng = random.Random(seed)
    pool = sentences()
    store = Store(db)
    conn = store.db.conn
    conn.execute("PRAGMA synchronous=OFF")
    started = time.perf_counter()
    with conn:
        for n in range(reports):
            report, attachments = make_report(rng, pool, n, chars)
            store.db["reports"].insert(report)
            if attachments:
                store.db["attachments"].insert_all(attachments)
            if n and n % 10000 == 0:
                print(f"  {n} reports written, {time.perf_counter() - started:.0f} s", flush=True)
    print(f"  {reports} reports written, {time.perf_counter() - started:.0f} s; indexing", flush=True)
    with conn:
        search.rebuild_index(conn)
    return time.perf_counter() - started


def sizes(conn) -> tuple[int, int, int]:
    """(bytes of the FTS index, bytes of the text it indexes, bytes of the whole database)."""
    index = conn.execute("select sum(pgsize) from dbstat where name like ? or name like ?",
                         [search.FTS_TABLE + "%", search.CHARS_TABLE + "%"]).fetchone()[0] or 0
    text = conn.execute("select sum(length(cast(coalesce(title, '') as blob)) + "
                        "length(cast(coalesce(body_text, '') as blob))) from reports").fetchone()[0] or 0
    text += conn.execute("select sum(length(cast(coalesce(name, '') as blob)) + "
                         "length(cast(coalesce(text, '') as blob))) from attachments").fetchone()[0] or 0
    whole = conn.execute("select page_count * page_size from pragma_page_count, pragma_page_size").fetchone()[0]
    return index, text, whole


def exactness(conn, sample: list[int]) -> tuple[int, int]:
    """(queries checked, mismatching reports) over the sampled reports."""
    texts = {}
    for rowid in sample:
        rid, title, body = conn.execute("select report_id, title, body_text from reports where rowid = ?",
                                        [rowid]).fetchone()
        att = conn.execute(search.ATTACHMENT_TEXT_SQL, [rid]).fetchone()[0]
        texts[rowid] = (title, body, att)
    wrong = checked = 0
    for queries in QUERIES.values():
        for q in queries:
            parsed = search.parse_query(q)
            sql, params = search.matching_rowids_sql(q)
            found = {r for (r,) in conn.execute(sql, params)}
            for rowid, parts in texts.items():
                # every word somewhere in title, body or attachments (not necessarily the same one)
                want = all(any(search.contains(p, [t]) for p in parts) for t in parsed.terms)
                wrong += want != (rowid in found)
            checked += 1
    return checked, wrong


def measure(conn, repeat: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Per class: times of ``search.search`` (count, first 20, snippets) and of the whole search
    page's data (``publish.pages.search_data``: the same plus facet counts)."""
    times: dict[str, list[float]] = {}
    page_times: dict[str, list[float]] = {}
    for cls, queries in QUERIES.items():
        for q in queries:
            for _ in range(repeat):
                t0 = time.perf_counter()
                result = search.search(conn, q, limit=20)
                times.setdefault(cls, []).append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                pages.search_data(conn, q, 1, {})
                page_times.setdefault(cls, []).append((time.perf_counter() - t0) * 1000)
            print(f"  {q!r:24} {result.total:7} hits  {statistics.median(times[cls][-repeat:]):7.1f} ms"
                  f"  page {statistics.median(page_times[cls][-repeat:]):7.1f} ms"
                  + ("" if result.ranked else "  (in most reports: newest first)"), flush=True)
    return times, page_times


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/govcrawl-bench-search.db")
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--chars", type=int, default=12_700)
    ap.add_argument("--repeat", type=int, default=5, help="runs of each query")
    ap.add_argument("--sample", type=int, default=2000, help="reports checked for exactness")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reuse", action="store_true", help="measure the database at --db as it is")
    args = ap.parse_args()

    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
        print(f"writing {args.reports} reports of {args.chars} characters to {args.db}", flush=True)
        print(f"written in {build(args.db, args.reports, args.chars, args.seed):.0f} s")
    conn = sqlite3.connect(args.db)
    n = conn.execute("select count(*) from reports").fetchone()[0]
    index, text, whole = sizes(conn)
    print(f"{n} reports; FTS index {index / 1e9:.2f} GB for {text / 1e9:.2f} GB of text "
          f"({index / max(text, 1):.2f}×); database {whole / 1e9:.2f} GB")
    rowids = [r for (r,) in conn.execute("select rowid from reports")]
    checked, wrong = exactness(conn, random.Random(args.seed).sample(rowids, min(args.sample, len(rowids))))
    print(f"exactness: {checked} queries × {min(args.sample, n)} sampled reports, {wrong} wrong")
    times, page_times = measure(conn, args.repeat)
    print(f"{'class':14} {'median ms':>10} {'p95 ms':>8}   {'page median':>11} {'page p95':>9}")
    rows = [*times.items(), ("all", [v for values in times.values() for v in values])]
    page_rows = [*page_times.values(), [v for values in page_times.values() for v in values]]
    for (cls, values), page_values in zip(rows, page_rows):
        print(f"{cls:14} {statistics.median(values):10.1f} {p95(values):8.1f}   "
              f"{statistics.median(page_values):11.1f} {p95(page_values):9.1f}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
