"""Serve the five replicas until Ctrl-C:  python -m govcrawl.sample_portals [--base-port 8701] [--state 2]"""
from __future__ import annotations

import argparse
import time

from . import SITES, serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m govcrawl.sample_portals", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    parser.add_argument("--base-port", type=int, default=0,
                        help="first port; site i listens on base+i (default: free ports)")
    parser.add_argument("--state", type=int, choices=(1, 2), default=1,
                        help="2: the portals a week later, with reports removed, edited and added "
                             "(govcrawl.sample_portals.states)")
    args = parser.parse_args(argv)
    servers = serve(args.host, args.base_port)
    if args.state == 2:
        from .states import second_state

        for key in list(servers.urls):
            servers.switch(key, second_state(key)[0])
    try:
        for key, url in servers.urls.items():
            site = SITES[key]
            print(f"{key:12} {url}  {site['name']} ({site['platform']}, replica of {site['real_homepage']})", flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        servers.shutdown()


if __name__ == "__main__":
    main()
