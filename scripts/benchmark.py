#!/usr/bin/env python3
"""Measure speed and memory: extraction over saved pages, and a full crawl of the sample portals.

    .venv/bin/python scripts/benchmark.py [--pages ../shared/realpages] [--rounds 3]

Prints pages/second and peak resident memory for each part. Each part runs in its own process
so one does not inflate the other's memory figure.
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


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_extract(pages_dir: str, rounds: int) -> dict:
    from govcrawl.cli import extract_file

    pages = sorted(p for p in Path(pages_dir).glob("*.html"))
    extract_file(str(pages[0]))  # warm up imports and OpenCC
    start = time.perf_counter()
    size = 0
    for _ in range(rounds):
        for page in pages:
            extract_file(str(page), "http://www.example.gov.cn/" + page.name)
            size += page.stat().st_size
    elapsed = time.perf_counter() - start
    n = len(pages) * rounds
    return {"part": "extract (fields, body, tables)", "pages": n, "seconds": round(elapsed, 2),
            "pages_per_s": round(n / elapsed, 1), "mb_per_s": round(size / elapsed / 1e6, 2),
            "peak_rss_mb": round(peak_rss_mb(), 1)}


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
    parser.add_argument("--part", choices=["extract", "crawl"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part == "extract":
        print(json.dumps(bench_extract(args.pages, args.rounds), ensure_ascii=False))
        return
    out = subprocess.run([sys.executable, __file__, "--part", "extract", "--pages", args.pages,
                          "--rounds", str(args.rounds)], capture_output=True, text=True, check=True)
    for result in (json.loads(out.stdout), bench_crawl()):
        print("  ".join(f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
