"""Operators' commands: ``govcrawl health`` (the per-site health table of a crawl),
``govcrawl schedule`` (is a scheduled crawl due today, and run it) and ``govcrawl writer`` (the
one process that writes metadata.db for a distributed crawl)."""
from __future__ import annotations

import sys
from pathlib import Path


def cmd_health(args) -> int:
    from govcrawl.health import format_table, health_table

    if not Path(args.db).is_file():
        print(f"no database at {args.db}", file=sys.stderr)
        return 2
    crawl_id, rows = health_table(args.db, args.crawl)
    if not rows:
        print(f"no site health recorded in {args.db}" + (f" for crawl {args.crawl}" if args.crawl else ""),
              file=sys.stderr)
        return 2
    print(f"crawl {crawl_id}")
    print(format_table(rows))
    return 1 if any(r["severity"] == "fail" for r in rows) and args.fail else 0


def add_ops_parsers(sub) -> None:
    p = sub.add_parser("health", help="per-site health of a crawl (latest by default)")
    p.add_argument("--db", default="metadata.db")
    p.add_argument("--crawl", help="crawl_id (default: the latest crawl with health rows)")
    p.add_argument("--fail", action="store_true", help="exit 1 when a site's health is failing")
    p.set_defaults(func=cmd_health)
