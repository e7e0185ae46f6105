"""``govcrawl export``: the argument parser and commands, wired into govcrawl.cli."""
from __future__ import annotations

import sys

from govcrawl.export.filters import ExportError, ExportFilter

EPILOG = """examples:
  govcrawl export wacz --db metadata.db --archive archive --out archive/wacz/luqiao-2023.wacz --county 路桥区 --year 2023
  govcrawl export parquet --db metadata.db --out exports/zhejiang --province 浙江省
  govcrawl export csv --db metadata.db --out exports/run --run 20250101T000000Z-abc123 --since 2025-01-01
"""


def add_filter_options(p) -> None:
    g = p.add_argument_group("filters (repeat an option for several values; all must hold)")
    g.add_argument("--province", action="append", help="reports of this province, e.g. 浙江省")
    g.add_argument("--city", action="append", help="reports of this prefecture-level city, e.g. 台州市")
    g.add_argument("--county", action="append", help="reports of this county-level division, e.g. 路桥区")
    g.add_argument("--site", action="append", help="reports of this portal (spider name), e.g. luqiao")
    g.add_argument("--year", action="append", type=int, help="report year, e.g. 2023")
    g.add_argument("--run", action="append",
                   help="captured in this crawl run (crawl_runs.run_id, or crawl_id where present)")
    g.add_argument("--since", help="captured on or after this date (YYYY-MM-DD, UTC)")
    g.add_argument("--until", help="captured on or before this date (YYYY-MM-DD, UTC)")


def cmd_export(args) -> int:
    try:
        flt = ExportFilter.from_args(args)
        if args.format == "wacz":
            from govcrawl.export.wacz import export_wacz

            result = export_wacz(args.db, args.archive, args.out, flt, with_text=args.text)
            print(f"{args.out}: {result['pages']} report pages, {result['captures']} captures, "
                  f"{result['records']} WARC records in {result['warc_files']} file(s)")
            for problem in result["problems"][:20]:
                print(f"  not packaged: {problem}", file=sys.stderr)
            if len(result["problems"]) > 20:
                print(f"  ... and {len(result['problems']) - 20} more", file=sys.stderr)
        else:
            from govcrawl.export.data import export_data

            counts = export_data(args.db, args.out, args.format, flt)
            print(f"{args.out}: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    except ExportError as exc:
        print(f"govcrawl export: {exc}", file=sys.stderr)
        return 2
    return 0


def add_export_parser(sub) -> None:
    import argparse

    p = sub.add_parser("export", help="export a WACZ archive or the data (csv, jsonl, parquet)",
                       description="Export what a crawl stored, filtered by region, year, run or date.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    fmts = p.add_subparsers(dest="format", required=True)
    w = fmts.add_parser("wacz", help="the archived pages as a WACZ package (WARC + CDXJ + pages)")
    w.add_argument("--db", default="metadata.db", help="database file (default metadata.db)")
    w.add_argument("--archive", default="archive", help="WARC directory (default archive/)")
    w.add_argument("--out", required=True, help="the .wacz file to write")
    w.add_argument("--text", action="store_true",
                   help="put each report's text in pages.jsonl (full-text search in ReplayWeb.page)")
    add_filter_options(w)
    w.set_defaults(func=cmd_export)
    for fmt in ("csv", "jsonl", "parquet"):
        d = fmts.add_parser(fmt, help=f"the tables as {fmt}, with datapackage.json and a README")
        d.add_argument("--db", default="metadata.db", help="database file (default metadata.db)")
        d.add_argument("--out", required=True, help="directory to write (one file per table)")
        add_filter_options(d)
        d.set_defaults(func=cmd_export)
