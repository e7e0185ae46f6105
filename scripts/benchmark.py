#!/usr/bin/env python3
"""Measure speed and memory: extraction over saved pages, and a full crawl of the sample portals.

    .venv/bin/python scripts/benchmark.py [--pages ../shared/realpages] [--rounds 3]
    .venv/bin/python scripts/benchmark.py --extract-only [--heavy 50]   # the extraction part alone

Prints pages/second and peak resident memory for each part. Each part runs in its own process
so one does not inflate the other's memory figure. ``--heavy MB`` also extracts generated pages of
that size (a page bloated by inline scripts and data: images, one with a huge article, one with a
huge table), one process each, and prints seconds and peak memory per page.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cpu_seconds() -> float:
    """This process's CPU time: on a shared machine wall time is noisy, CPU time much less so."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_extract(pages_dir: str, rounds: int) -> dict:
    from govcrawl.cli import extract_file

    pages = sorted(p for p in Path(pages_dir).glob("*.html"))
    extract_file(str(pages[0]))  # warm up imports and OpenCC
    start, cpu = time.perf_counter(), cpu_seconds()
    size = 0
    for _ in range(rounds):
        for page in pages:
            extract_file(str(page), "http://www.example.gov.cn/" + page.name)
            size += page.stat().st_size
    elapsed = time.perf_counter() - start
    n = len(pages) * rounds
    return {"part": "extract (fields, body, tables)", "pages": n, "seconds": round(elapsed, 2),
            "pages_per_s": round(n / elapsed, 1), "pages_per_cpu_s": round(n / (cpu_seconds() - cpu), 1),
            "mb_per_s": round(size / elapsed / 1e6, 2),
            "peak_rss_mb": round(peak_rss_mb(), 1)}


def heavy_page(mb: int, kind: str) -> bytes:
    """A detail page of about ``mb`` megabytes, as heavy pages come: 'bloat' (inline scripts, styles
    and base64 images around a normal report), 'article' (a huge article of paragraphs) or 'table'
    (a huge statistics table)."""
    import base64
    import os

    head = ("<html><head><meta charset='utf-8'><title>某某县2017年度政府信息公开工作年度报告</title></head><body>"
            "<div class='nav'><a href='/'>首页</a></div><h1>某某县2017年度政府信息公开工作年度报告</h1>"
            "<div>发布日期：2018-01-20 来源：某某县人民政府办公室</div><div class='TRS_Editor'>")
    report = ("<p>本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。</p>"
              "<p>一、概述</p><p>2017年，我县认真贯彻落实《中华人民共和国政府信息公开条例》。</p>")
    target = mb * 1_000_000
    parts = [head, report]
    size = len(head.encode()) + len(report.encode())
    while size < target:
        if kind == "bloat":
            blob = base64.b64encode(os.urandom(300_000)).decode()
            chunk = (f"<script>var cache='{blob[:100_000]}';</script><style>.x{{background:url(data:,{blob[:50_000]})}}</style>"
                     f"<img src='data:image/png;base64,{blob[100_000:]}'>")
        elif kind == "article":
            chunk = "".join(f"<p>第{i}段，我县继续推进政务公开，主动公开政府信息{i}条，办理依申请公开{i % 7}件。</p>"
                            for i in range(2000))
        else:
            chunk = "<table>" + "".join(f"<tr><td>指标{i}</td><td>条</td><td>{i}</td><td>{i * 3}</td></tr>"
                                        for i in range(3000)) + "</table>"
        parts.append(chunk)
        size += len(chunk.encode())
    parts.append("</div><div class='footer'>版权所有：某某县人民政府</div></body></html>")
    return "".join(parts).encode()


def bench_heavy(mb: int, kind: str) -> dict:
    from govcrawl.cli import extract_file

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / f"heavy_{kind}.html"
        page.write_bytes(heavy_page(mb, kind))
        start, cpu = time.perf_counter(), cpu_seconds()
        record = extract_file(str(page), "http://www.example.gov.cn/xxgk/ndbg/t20180120_1.html")
        elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu
        return {"part": f"extract one {kind} page", "mb": round(page.stat().st_size / 1e6, 1),
                "seconds": round(elapsed, 2), "cpu_seconds": round(cpu, 2), "body_chars": len(record.get("body_text") or ""),
                "errors": len(record.get("errors") or []), "peak_rss_mb": round(peak_rss_mb(), 1)}


def bench_crawl() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c",
             "import resource, sys; from govcrawl.cli import main; code = main(sys.argv[1:]); "
             "print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024); sys.exit(code)",
             "demo", "--no-serve", "--portal-port", "0", "--db", f"{tmp}/metadata.db",
             "--archive", f"{tmp}/archive"],
            capture_output=True, text=True, cwd=tmp)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(proc.stderr[-2000:])
        rss = float(proc.stdout.split("RSS")[-1])
        pages = sum(int(line.split("pages=")[1].split()[0]) for line in proc.stdout.splitlines() if "pages=" in line)
        import sqlite3

        reports = sqlite3.connect(f"{tmp}/metadata.db").execute("select count(*) from reports").fetchone()[0]
        return {"part": "demo crawl (5 portals, serve+crawl+store)", "responses": pages, "documents": reports,
                "seconds": round(elapsed, 2), "responses_per_s": round(pages / elapsed, 1),
                "peak_rss_mb": round(rss, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default=str(ROOT.parent / "shared" / "realpages"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--extract-only", action="store_true", help="skip the demo crawl")
    parser.add_argument("--heavy", type=int, default=0, metavar="MB", help="also extract generated pages of MB megabytes")
    parser.add_argument("--part", choices=["extract", "crawl", "heavy"], help=argparse.SUPPRESS)
    parser.add_argument("--kind", default="bloat", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part == "extract":
        print(json.dumps(bench_extract(args.pages, args.rounds), ensure_ascii=False))
        return
    if args.part == "heavy":
        print(json.dumps(bench_heavy(args.heavy, args.kind), ensure_ascii=False))
        return
    runs = [["--part", "extract", "--pages", args.pages, "--rounds", str(args.rounds)]]
    runs += [["--part", "heavy", "--heavy", str(args.heavy), "--kind", k] for k in ("bloat", "article", "table")
             if args.heavy]
    results = []
    for extra in runs:  # one process each: a part's peak memory is its own
        out = subprocess.run([sys.executable, __file__, *extra], capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout))
    if not args.extract_only:
        results.append(bench_crawl())
    for result in results:
        print("  ".join(f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
