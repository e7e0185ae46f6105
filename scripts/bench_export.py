"""Benchmark the exports on a generated database: time and peak RSS of each export command.

    .venv/bin/python scripts/bench_export.py                  # 10,000 reports
    .venv/bin/python scripts/bench_export.py --reports 2500   # smaller, to compare memory

Generates, in a scratch folder, a metadata.db of N reports (8 kB of text each, 61 statistical
cells, 5 checks, one attachment row) over 50 sites, and the WARC file holding their captures
(response and request records, about 20 kB of HTML each); then runs `govcrawl export wacz`,
`parquet`, `csv` and `jsonl` as separate processes and reports each one's wall time and peak
resident memory (ru_maxrss from wait4). Memory that stays flat as N grows is the point.
"""
from __future__ import annotations

import argparse
import io
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402

from govcrawl.archive import WarcFile, cdxj_key, payload_digest, request_record, utc_now  # noqa: E402
from govcrawl.storage import open_db  # noqa: E402
from govcrawl.tables.labels import APPLICATION_COLUMNS, APPLICATION_ROWS  # noqa: E402

WORDS = "政府信息公开工作年度报告依申请公开行政复议诉讼主动公开规范性文件本年新收予以公开部分公开不予公开"


def text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(n))


def generate(folder: Path, reports: int, seed: int = 1) -> None:
    from scrapy.http import Request

    rng = random.Random(seed)
    db = open_db(str(folder / "metadata.db"))
    warc = WarcFile(folder / "archive" / "bench", "bench-run1")
    sites = [{"site_id": f"site{i:02d}", "name": f"县{i}", "province": "浙江省", "city": f"市{i % 5}",
              "county": f"县{i}", "level": "county", "homepage": f"http://www.county{i}.gov.cn/"}
             for i in range(50)]
    db["sites"].insert_all(sites, pk="site_id")
    db["crawl_runs"].insert({"run_id": "run1", "site_id": "site00", "started": utc_now(),
                             "finished": utc_now(), "status": "finished"}, pk="run_id")
    batch: dict[str, list] = {"reports": [], "report_urls": [], "captures": [], "report_stats": [],
                              "report_checks": [], "attachments": []}

    def flush():
        for table, rows in batch.items():
            if rows:
                db[table].insert_all(rows)
                rows.clear()

    for n in range(reports):
        site = sites[n % 50]
        url = f"{site['homepage']}art/{2019 + n % 5}/{n}.html"
        body = text(rng, 2700)  # 8 kB of UTF-8
        html = f"<html><head><title>报告{n}</title></head><body><p>{body}</p>{text(rng, 3000)}</body></html>"
        payload = html.encode("utf-8")
        fetched_at = utc_now()
        http_headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                   ("Content-Length", str(len(payload)))], protocol="HTTP/1.1")
        record = warc.writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                length=len(payload), http_headers=http_headers,
                                                warc_headers_dict={"WARC-Date": fetched_at})
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        places = warc.write_group([record, request_record(warc.writer, Request(url), record_id, fetched_at)])
        name, offset, length = places[0]
        capture_id = record_id.strip("<>").removeprefix("urn:uuid:")
        rid = f"r{n:06d}"
        batch["captures"].append({
            "capture_id": capture_id, "run_id": "run1", "site_id": site["site_id"], "url": url,
            "method": "GET", "status": 200, "fetched_at": fetched_at, "content_type": "text/html",
            "content_length": len(payload), "payload_digest": payload_digest(payload),
            "warc_file": f"bench/{name}", "warc_offset": offset, "warc_length": length, "rendered": 0,
            "warc_record_id": record_id, "record_type": "response", "cdxj_key": cdxj_key(url, fetched_at)})
        batch["reports"].append({
            "report_id": rid, "site_id": site["site_id"], "url": url, "title": f"{site['county']}{2019 + n % 5}年报告{n}",
            "report_year": 2019 + n % 5, "is_annual_report": 1, "province": site["province"],
            "city": site["city"], "county": site["county"], "body_text": body, "body_source": "page",
            "content_hash": str(n), "first_seen": fetched_at, "last_seen": fetched_at,
            "capture_id": capture_id, "run_id": "run1", "warc_record_id": record_id,
            "capture_time": fetched_at, "cdxj_key": cdxj_key(url, fetched_at)})
        batch["report_urls"].append({"url": url, "report_id": rid, "site_id": site["site_id"],
                                     "first_seen": fetched_at})
        batch["attachments"].append({"attachment_id": f"a{n:06d}", "report_id": rid, "url": url + ".pdf",
                                     "name": "附件", "type": "pdf", "error": "not downloaded"})
        for row in APPLICATION_ROWS[:9]:
            for col in APPLICATION_COLUMNS:
                value = rng.randint(0, 300)
                batch["report_stats"].append({"report_id": rid, "table": "applications", "row": row,
                                              "column": col, "value": value, "raw": str(value)})
        batch["report_checks"] += [{"report_id": rid, "rule": "applications.balance", "scope": col,
                                    "status": "ok", "detail": ""} for col in APPLICATION_COLUMNS[:5]]
        if n % 1000 == 999:
            flush()
    flush()
    warc.close()


def peak_rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(cmd: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one command.

    Peak RSS is the child's VmHWM, read every 20 ms while it runs: wait4's ru_maxrss would carry
    over the high-water mark of this (larger) process, which Linux keeps across fork and exec."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, peak_rss_kb(proc.pid))
        time.sleep(0.02)
    if proc.returncode:
        sys.stderr.write(proc.stderr.read().decode())
    return time.perf_counter() - start, peak / 1024, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--keep", help="keep the generated database and exports in this folder")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-export-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        start = time.perf_counter()
        generate(folder, args.reports)
        db_mb = (folder / "metadata.db").stat().st_size / 2**20
        warc_mb = sum(p.stat().st_size for p in (folder / "archive").rglob("*.warc.gz")) / 2**20
        print(f"generated {args.reports} reports in {time.perf_counter() - start:.1f}s: "
              f"metadata.db {db_mb:.0f} MB, WARC {warc_mb:.0f} MB")
        govcrawl = [sys.executable, "-m", "govcrawl.cli", "export"]
        db = str(folder / "metadata.db")
        jobs = {
            "wacz": govcrawl + ["wacz", "--db", db, "--archive", str(folder / "archive"),
                                "--out", str(folder / "out" / "all.wacz")],
            "wacz --text": govcrawl + ["wacz", "--text", "--db", db, "--archive", str(folder / "archive"),
                                       "--out", str(folder / "out" / "all-text.wacz")],
            "parquet": govcrawl + ["parquet", "--db", db, "--out", str(folder / "out" / "parquet")],
            "csv": govcrawl + ["csv", "--db", db, "--out", str(folder / "out" / "csv")],
            "jsonl": govcrawl + ["jsonl", "--db", db, "--out", str(folder / "out" / "jsonl")],
            "parquet, one county and year": govcrawl + ["parquet", "--db", db, "--county", "县7",
                                                        "--year", "2021", "--out", str(folder / "out" / "slice")],
        }
        print(f"{'export':32} {'seconds':>8} {'peak RSS MB':>12}")
        failed = False
        for name, cmd in jobs.items():
            seconds, rss, code = run(cmd)
            failed |= bool(code)
            print(f"{name:32} {seconds:8.1f} {rss:12.0f}" + ("  FAILED" if code else ""), flush=True)
        wacz = folder / "out" / "all.wacz"
        if wacz.exists():
            print(f"all.wacz {wacz.stat().st_size / 2**20:.0f} MB")
        return 1 if failed else 0
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
