"""Crawl the hostile portal as a user would and score it (used by the test and from the shell):

    .venv/bin/python -m tests.hostile.run [--baseline] [--out DIR]

``--baseline`` crawls with a ten-line DisclosureSpider instead of ``govcrawl crawl --sites``
(the crawler as it was before the registry). Prints every case with its result, whether the crawl
finished by itself within 10 minutes, and the peak memory of its whole process tree.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from tests.hostile import portal
from tests.hostile.score import format_hostile, score_hostile
from tests.simnet.crawlrun import crawl_baseline, crawl_registry, write_sites
from tests.simnet.server import serve_network

LIMIT_SECONDS = 600
LIMIT_RSS = 500 * 1024 * 1024


def crawl_hostile(work: Path, baseline: bool = False, timeout: int = LIMIT_SECONDS + 60) -> dict:
    net, cases = portal.build()
    db, archive, jobs = work / "metadata.db", work / "archive", work / "jobs"
    with serve_network(net) as running:
        truth = portal.truth(net, cases, running.bases)
        rows = [{"name": truth["site"]["name"], "homepage": truth["site"]["homepage"]}]
        if baseline:
            crawl = crawl_baseline(rows, db, archive, timeout=timeout)
        else:
            crawl = crawl_registry(write_sites(work / "sites.csv", rows), db, archive, jobs, timeout=timeout)
        log = list(running.requests)
    (work / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
    with open(work / "requests.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in log)
    result = score_hostile(db, truth, log, [work]) if db.exists() else None
    return {"crawl": crawl, "score": result, "requests": len(log),
            "finished_in_time": crawl["returncode"] != "timeout" and crawl["seconds"] <= LIMIT_SECONDS,
            "peak_rss_ok": crawl["peak_rss"] <= LIMIT_RSS}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    work = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="hostile_"))
    work.mkdir(parents=True, exist_ok=True)
    r = crawl_hostile(work, args.baseline)
    c = r["crawl"]
    print(f"dir {work}  exit {c['returncode']}  wall {c['seconds']:.1f}s  requests {r['requests']}  "
          f"peak RSS of the process tree {c['peak_rss'] / 2**20:.0f} MiB")
    if r["score"] is None:
        print("no database\n" + c["stderr"][-3000:])
        return 1
    print(format_hostile(r["score"]))
    ok = r["score"]["ok"] and r["finished_in_time"] and r["peak_rss_ok"]
    print("all hold" if ok else "NOT all hold")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
