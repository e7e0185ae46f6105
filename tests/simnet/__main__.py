"""Serve a simulated network from the shell, for a crawl run by hand or by a benchmark.

    python -m tests.simnet serve --seed 7 --sites 40 --out DIR [--state 1]

writes DIR/sites.csv (name,homepage only, as an operator's registry) and DIR/truth.json, prints
the control URL, and serves until killed. The second state (issue 8: removals, edits, additions)
is switched in place, on the same ports, by ``kill -USR1 PID`` or by
``curl -X POST http://127.0.0.1:CONTROL/state/2`` (``/state/1`` switches back); each switch
rewrites DIR/truth.json, and DIR/changes.json holds the truth of the changes. DIR/requests.jsonl
receives the request log when the server stops or on ``curl -X POST …/log``.
"""
from __future__ import annotations

import argparse
import csv
import json
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def write_registry(path: Path, rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["name", "homepage"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")


def serve(args) -> int:
    from tests.simnet.generator import generate
    from tests.simnet.server import serve_network

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    first = generate(args.seed, args.sites)
    networks = {1: first}
    running = serve_network(first)
    lock = threading.Lock()

    def network(n: int):
        from tests.simnet import states

        if n not in networks:
            networks[n] = states.second_state(first) if n == 2 else first
        return networks[n]

    def switch(n: int) -> None:
        with lock:
            running.switch(network(n))
            write_json(out / "truth.json", running.truth())
            if n == 2:
                from tests.simnet import states

                write_json(out / "changes.json", states.changes_truth(first, networks[2], running.bases))
        print(f"state {n}", flush=True)

    def dump_log() -> None:
        with open(out / "requests.jsonl", "w", encoding="utf-8") as f:
            for entry in list(running.requests):
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")

    write_registry(out / "sites.csv", running.registry_rows())
    if args.state != 1:
        switch(args.state)
    write_json(out / "truth.json", running.truth())

    class Control(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_POST(self):
            parts = self.path.strip("/").split("/")
            if parts[0] == "state" and len(parts) == 2 and parts[1] in ("1", "2"):
                switch(int(parts[1]))
            elif parts[0] == "log":
                dump_log()
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

    control = ThreadingHTTPServer(("127.0.0.1", args.control_port), Control)
    threading.Thread(target=control.serve_forever, daemon=True).start()
    (out / "control.url").write_text(f"http://127.0.0.1:{control.server_address[1]}/\n")
    signal.signal(signal.SIGUSR1, lambda *a: switch(2 if running.network is first else 1))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    print(f"{len(running.urls)} hosts, registry {out / 'sites.csv'}, truth {out / 'truth.json'}, "
          f"control http://127.0.0.1:{control.server_address[1]}/", flush=True)
    stop.wait()
    dump_log()
    running.stop()
    control.shutdown()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.simnet", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("serve", help="serve a generated network until killed")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--sites", type=int, default=40, help="registry sites (default 40)")
    p.add_argument("--out", required=True, help="directory for sites.csv, truth.json, requests.jsonl")
    p.add_argument("--state", type=int, default=1, choices=(1, 2))
    p.add_argument("--control-port", type=int, default=0)
    p.set_defaults(func=serve)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
