"""Wall time of a registry crawl by one worker against two, on the same sample network.

Serves the sample network of tests/network.py (22 sites with subsites) on 127.0.0.1, starts
Debian's redis-server, and crawls the network: once with the plain one-process
``govcrawl crawl``, then distributed with 1 and with 2 workers (each with one writer), repeating
the set ``--repeat`` times. ``--latency`` adds a delay to every answer of the portals, as a
remote portal has. Prints the times, the fetch counts at the portals (and any URL fetched
twice), and the per-site health table of the last run.

    .venv/bin/python scripts/bench_distributed.py --repeat 2 --latency 0.05
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import network  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds each portal answer is delayed")
    parser.add_argument("--concurrency", type=int, default=0,
                        help="CONCURRENT_REQUESTS of each crawling process (default: the project's)")
    args = parser.parse_args()
    times: dict[str, list[float]] = {"one process": [], "1 worker": [], "2 workers": []}
    last_db = None
    with tempfile.TemporaryDirectory(prefix="bench-distributed-") as tmp:
        tmp = Path(tmp)
        vs = network.variants()
        with network.redis_server(tmp) as url, network.serve_network(vs, delay=args.latency) as served:
            registry = network.write_registry(tmp / "sites.csv", vs, served)
            for round_ in range(args.repeat):
                extra = ["-s", f"CONCURRENT_REQUESTS={args.concurrency}"] if args.concurrency else []
                for label in times:
                    work = tmp / f"{round_}-{label.replace(' ', '_')}"
                    work.mkdir()
                    network.reset(served)
                    if label == "one process":
                        run = network.run_single(registry, work / "m.db", work / "archive", extra=extra)
                        ok = run["code"] == 0
                    else:
                        run = network.run_distributed(registry, url, work / "m.db", work / "archive",
                                                      workers=int(label[0]), extra=extra)
                        ok = run["writer"] == 0 and not any(run["workers"])
                    times[label].append(run["seconds"])
                    twice = network.fetched_twice(served)
                    print(f"round {round_ + 1} {label:12} {run['seconds']:7.1f} s  fetches={network.total_fetches(served)}"
                          f"  fetched twice={len(twice)}  {'ok' if ok else 'FAILED'}", flush=True)
                    last_db = work / "m.db"
                    if not ok:
                        print(run["report"][-2000:])
                        for log in sorted(work.glob("worker*.out")):
                            print(log.name, log.read_text()[-1500:])
        print(f"\nnetwork: {len(vs)} registry sites (+ subsites), latency {args.latency:.3f} s per answer, "
              f"CONCURRENT_REQUESTS {args.concurrency or 'default'}, {args.repeat} round(s)")
        for label, values in times.items():
            print(f"{label:12} median {statistics.median(values):7.1f} s   runs: "
                  + ", ".join(f"{v:.1f}" for v in values))
        print("\nper-site health of the last run:")
        print(subprocess.run([sys.executable, "-m", "govcrawl.cli", "health", "--db", str(last_db)],
                             capture_output=True, text=True, cwd=ROOT).stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
