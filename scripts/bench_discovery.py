#!/usr/bin/env python3
"""Discovery benchmark: generate a simulated portal network, crawl it as a user would, score it.

    .venv/bin/python scripts/bench_discovery.py [--seed 1] [--sites 40] [--baseline] [--out DIR]

Serves the network on 127.0.0.1 (tests.simnet), writes DIR/sites.csv (name,homepage only) and
DIR/truth.json (and DIR/requests.jsonl, the server's log, afterwards), runs ``govcrawl crawl --sites DIR/sites.csv --db DIR/metadata.db --archive
DIR/archive -s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=False`` (or, with --baseline, one
ten-line DisclosureSpider per portal, the way before the registry existed), then prints recall,
precision, duplicate groups collapsed, report_year accuracy, attribution, sites left silent,
requests per report found, pages per second and wall time, and the per-convention recall.
``--json`` writes the full result (with every miss and false positive) to DIR/result.json.
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

from tests.simnet.crawlrun import crawl_baseline, crawl_registry, has_sites_option, write_sites  # noqa: E402
from tests.simnet.generator import generate  # noqa: E402
from tests.simnet.scorer import format_score, score  # noqa: E402
from tests.simnet.server import serve_network  # noqa: E402


def run(seed: int, sites: int, out: Path, baseline: bool, timeout: int, settings: dict) -> dict:
    net = generate(seed, sites)
    out.mkdir(parents=True, exist_ok=True)
    db, archive = out / "metadata.db", out / "archive"
    for stale in out.glob("metadata.db*"):
        stale.unlink()
    with serve_network(net) as running:
        rows = running.registry_rows()
        sites_csv = write_sites(out / "sites.csv", rows)
        truth = running.truth()
        (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
        if baseline:
            crawl = crawl_baseline(rows, db, archive, settings, timeout)
        else:
            crawl = crawl_registry(sites_csv, db, archive, None, settings, timeout)
        log = list(running.requests)
        names = {s.host: s.name for s in net.sites.values() if s.registry or s.host != net.sites[s.parent].host}
    with open(out / "requests.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in log)
    busiest = Counter(e["host"] for e in log).most_common(5)
    result = score(db, truth) if db.exists() else None
    responses = [e for e in log if e["status"]]
    return {"mode": "baseline" if baseline else "registry", "seed": seed, "sites": sites,
            "hosts": len(net.hosts), "crawl": {k: v for k, v in crawl.items() if k not in ("stdout", "stderr")},
            "crawl_output": crawl["stdout"][-3000:] + crawl["stderr"][-3000:], "requests": len(log),
            "responses": len(responses), "not_modified": sum(e["not_modified"] for e in log), "score": result,
            "busiest": [(names.get(h, h), n) for h, n in busiest]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sites", type=int, default=40)
    parser.add_argument("--baseline", action="store_true", help="ten-line spiders instead of crawl --sites")
    parser.add_argument("--out", help="work directory (default: a temporary one)")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds before the crawl is stopped")
    parser.add_argument("-s", dest="settings", action="append", default=[], help="Scrapy setting NAME=VALUE")
    parser.add_argument("--json", action="store_true", help="write DIR/result.json")
    args = parser.parse_args(argv)
    if not args.baseline and not has_sites_option():
        print("govcrawl crawl has no --sites option yet: use --baseline", file=sys.stderr)
        return 2
    settings = dict(s.split("=", 1) for s in args.settings)
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="bench_discovery_"))
    r = run(args.seed, args.sites, out, args.baseline, args.timeout, settings)
    sc = r["score"]
    print(f"mode {r['mode']}  seed {r['seed']}  registry sites {r['sites']}  hosts {r['hosts']}  dir {out}")
    print(f"crawl exit {r['crawl']['returncode']}  wall {r['crawl']['seconds']:.1f}s")
    if sc is None:
        print("no database written\n" + r["crawl_output"])
        return 1
    print(format_score(sc))
    found = max(sc["found"], 1)
    print(f"requests           {r['requests']} ({r['not_modified']} answered 304)")
    print(f"requests/report    {r['requests'] / found:.1f}")
    print(f"pages/s            {r['responses'] / max(r['crawl']['seconds'], 1e-6):.1f}")
    print(f"wall time          {r['crawl']['seconds']:.1f}s")
    print("busiest hosts      " + ", ".join(f"{name} {n}" for name, n in r["busiest"]))
    if args.json:
        (out / "result.json").write_text(json.dumps(r, ensure_ascii=False, indent=1, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
