#!/usr/bin/env python3
"""Re-crawl benchmark (issue 8): crawl a simulated network, change it, crawl it again.

    .venv/bin/python scripts/bench_recrawl.py [--seed 1] [--sites 20] [--out DIR]

Both crawls run ``govcrawl crawl --sites DIR/sites.csv --db DIR/metadata.db --archive DIR/archive``
into the same database and archive, with the network switched in place (same ports) between
them to its second state: reports removed (404, 410, redirect to the homepage or the list, 信息已删除
/ 该信息已撤销 / 页面不存在 pages), edited (a sentence, a table number), added, one dropped from its
list but still there, one answering 503 and one resetting the connection. Prints each crawl's
requests, full responses (not 304) and wall time, the ratio of full responses, and whether every
change was recorded (tests.simnet.recrawl_score).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.simnet import states  # noqa: E402
from tests.simnet.crawlrun import crawl_registry, has_sites_option, write_sites  # noqa: E402
from tests.simnet.generator import generate  # noqa: E402
from tests.simnet.recrawl_score import format_recrawl, full_responses, score_recrawl  # noqa: E402
from tests.simnet.scorer import format_score, score  # noqa: E402
from tests.simnet.server import serve_network  # noqa: E402


def run(seed: int, sites: int, out: Path, timeout: int, settings: dict) -> dict:
    first = generate(seed, sites)
    second = states.second_state(first)
    out.mkdir(parents=True, exist_ok=True)
    db, archive = out / "metadata.db", out / "archive"
    for stale in out.glob("metadata.db*"):
        stale.unlink()
    with serve_network(first) as running:
        sites_csv = write_sites(out / "sites.csv", running.registry_rows())
        crawl1 = crawl_registry(sites_csv, db, archive, None, settings, timeout)
        mark = running.mark()
        running.switch(second)
        changes = states.changes_truth(first, second, running.bases)
        truth2 = running.truth()
        crawl2 = crawl_registry(sites_csv, db, archive, None, settings, timeout)
        log1, log2 = running.requests[:mark], running.requests[mark:]
    (out / "changes.json").write_text(json.dumps(changes, ensure_ascii=False, indent=1), "utf-8")
    for n, log in ((1, log1), (2, log2)):
        with open(out / f"requests{n}.jsonl", "w", encoding="utf-8") as f:
            f.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in log)
    names = {s.host: s.name for s in first.sites.values() if s.registry or s.host == s.key}
    return {"busiest": [[(names.get(h, h), c) for h, c in Counter(e["host"] for e in log).most_common(3)]
                        for log in (log1, log2)],
            "crawl1": crawl1, "crawl2": crawl2, "log1": log1, "log2": log2,
            "recrawl": score_recrawl(db, changes, log1, log2) if db.exists() else None,
            "discovery2": score(db, truth2) if db.exists() else None}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sites", type=int, default=20)
    parser.add_argument("--out", help="work directory (default: a temporary one)")
    parser.add_argument("--timeout", type=int, default=1800)
    parser.add_argument("-s", dest="settings", action="append", default=[], help="Scrapy setting NAME=VALUE")
    args = parser.parse_args(argv)
    if not has_sites_option():
        print("govcrawl crawl has no --sites option yet", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="bench_recrawl_"))
    r = run(args.seed, args.sites, out, args.timeout, dict(s.split("=", 1) for s in args.settings))
    for n in (1, 2):
        c, log = r[f"crawl{n}"], r[f"log{n}"]
        print(f"crawl {n}: exit {c['returncode']}  wall {c['seconds']:.1f}s  requests {len(log)}  "
              f"full responses {full_responses(log)}  304 {sum(e['status'] == 304 for e in log)}  busiest: "
              + ", ".join(f"{name} {k}" for name, k in r["busiest"][n - 1]))
    if r["recrawl"] is None:
        print("no database written\n" + r["crawl1"]["stderr"][-2000:])
        return 1
    print(format_recrawl(r["recrawl"]))
    print("second-state discovery:")
    print(format_score(r["discovery2"], details=4))
    return 0 if r["recrawl"]["all_ok"] and r["recrawl"]["full_ratio"] <= 0.10 else 1


if __name__ == "__main__":
    sys.exit(main())
