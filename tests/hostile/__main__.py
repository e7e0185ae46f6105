"""Serve the hostile portal from the shell: ``python -m tests.hostile serve --out DIR`` writes
DIR/sites.csv (name,homepage) and DIR/truth.json, serves until killed, and writes the request log
to DIR/requests.jsonl on the way out. ``python -m tests.hostile.run`` crawls and scores it."""
from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path


def main(argv=None) -> int:
    from tests.hostile import portal
    from tests.simnet.crawlrun import write_sites
    from tests.simnet.server import serve_network

    parser = argparse.ArgumentParser(prog="python -m tests.hostile", description=__doc__)
    parser.add_argument("command", choices=["serve"])
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    net, cases = portal.build()
    running = serve_network(net)
    truth = portal.truth(net, cases, running.bases)
    write_sites(out / "sites.csv", [{"name": truth["site"]["name"], "homepage": truth["site"]["homepage"]}])
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    print(f"hostile portal {truth['site']['homepage']}  registry {out / 'sites.csv'}", flush=True)
    stop.wait()
    with open(out / "requests.jsonl", "w", encoding="utf-8") as f:
        for entry in list(running.requests):
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    running.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
