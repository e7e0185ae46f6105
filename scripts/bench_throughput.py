#!/usr/bin/env python3
"""Throughput benchmark (issue 11): the full pipeline against a bare Scrapy spider, same requests.

    .venv/bin/python scripts/bench_throughput.py [--reports 2000] [--baseline] [--out DIR]

Serves a generated county portal whose 年报 column lists ``--reports`` reports (tests.simnet.big:
plain 下一页 list, detail pages with the metadata block and the three tables), then in the
same run:
1. crawls it with the full pipeline: ``govcrawl crawl --sites DIR/sites.csv`` (or, with
   ``--baseline``, a ten-line DisclosureSpider, the way before the registry existed);
2. makes the same GET requests (the URLs the server saw in step 1) with a bare Scrapy spider that
   has no pipelines (tests.simnet.barespider), at the same concurrency.
Prints pages/s of both (responses the server sent / wall time of the process), the ratio, and the
peak RSS of each whole process tree (sampled from /proc every 0.2 s, browsers and workers included).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.simnet.big import big_portal  # noqa: E402
from tests.simnet.crawlrun import FAST, crawl_baseline, crawl_registry, has_sites_option, write_sites  # noqa: E402
from tests.simnet.proctree import Sampled  # noqa: E402
from tests.simnet.scorer import score  # noqa: E402
from tests.simnet.server import serve_network  # noqa: E402


def concurrency(settings: dict) -> dict:
    """The concurrency the full crawl runs with (project settings, then -s overrides)."""
    from govcrawl.crawl import project_settings

    s = project_settings({**FAST, **settings})
    return {"CONCURRENT_REQUESTS": s.getint("CONCURRENT_REQUESTS"),
            "CONCURRENT_REQUESTS_PER_DOMAIN": s.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
            "DOWNLOAD_DELAY": s.getfloat("DOWNLOAD_DELAY"), "AUTOTHROTTLE_ENABLED": s.getbool("AUTOTHROTTLE_ENABLED")}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--baseline", action="store_true", help="full pipeline through a ten-line spider")
    parser.add_argument("--out")
    parser.add_argument("--timeout", type=int, default=3600)
    parser.add_argument("-s", dest="settings", action="append", default=[], help="Scrapy setting NAME=VALUE")
    args = parser.parse_args(argv)
    if not args.baseline and not has_sites_option():
        print("govcrawl crawl has no --sites option yet: use --baseline", file=sys.stderr)
        return 2
    settings = dict(s.split("=", 1) for s in args.settings)
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="bench_throughput_"))
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("metadata.db*"):
        stale.unlink()
    net = big_portal(args.reports)
    with serve_network(net) as running:
        rows = running.registry_rows()
        truth = running.truth()
        db, archive = out / "metadata.db", out / "archive"
        if args.baseline:
            full = crawl_baseline(rows, db, archive, settings, args.timeout)
        else:
            full = crawl_registry(write_sites(out / "sites.csv", rows), db, archive, None, settings, args.timeout)
        full_log = list(running.requests)
        mark = running.mark()
        urls = [running.bases["big"] + e["path"] for e in full_log if e["method"] == "GET"]
        spec = out / "bare.json"
        spec.write_text(json.dumps({"urls": urls, "settings": concurrency(settings)}), "utf-8")
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        bare = Sampled([sys.executable, "-m", "tests.simnet.barespider", str(spec)], cwd=ROOT, env=env).wait(args.timeout)
        bare_log = running.requests[mark:]
    found = score(db, truth) if db.exists() else None
    full_rate = sum(1 for e in full_log if e["status"]) / full["seconds"]
    bare_rate = sum(1 for e in bare_log if e["status"]) / bare["seconds"]
    print(f"portal: {args.reports} reports, {len(net.hosts['big'].pages)} pages  dir {out}")
    print(f"full pipeline  ({'ten-line spider' if args.baseline else 'govcrawl crawl --sites'}): "
          f"{len(full_log)} requests in {full['seconds']:.1f}s = {full_rate:.1f} pages/s, "
          f"peak RSS {full['peak_rss'] / 2**20:.0f} MiB, exit {full['returncode']}")
    print(f"bare spider: {len(bare_log)} requests in {bare['seconds']:.1f}s = {bare_rate:.1f} pages/s, "
          f"peak RSS {bare['peak_rss'] / 2**20:.0f} MiB, exit {bare['returncode']}")
    print(f"ratio full / bare = {full_rate / bare_rate:.2f}" if bare_rate else "bare spider failed:\n" + bare["stderr"])
    if found:
        print(f"reports stored: {found['found']}/{found['reports']}  precision {found['precision']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
