"""The ``govcrawl`` command.

    govcrawl demo                       serve the sample portals, crawl them, publish metadata.db
    govcrawl crawl [SPIDER ...]         crawl real portals (all spiders when none is named)
    govcrawl extract PAGE [--url URL]   extract one saved page and print JSON
    govcrawl eval DIR                   score the extractor on labelled pages
    govcrawl serve [--db metadata.db]   publish a database with Datasette
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path


def extract_file(path: str, url: str | None = None) -> dict:
    """What the crawl would store for one saved file: fields, body, tables and checks."""
    from govcrawl.extract.documents import document_text
    from govcrawl.pipelines.extract import filename_of, is_html
    from govcrawl.process import apply_attachment_text, process_page
    from govcrawl.tables import report_cells
    from govcrawl.tables.checks import run_checks

    raw = Path(path).read_bytes()
    url = url or Path(path).resolve().as_uri()
    grids: list = []
    if is_html(None, raw):
        record = process_page(raw, url)
    else:  # a report published as a PDF / DOC / XLS file
        doc = document_text(raw, filename_of(url, Path(path).name))
        grids = doc.get("tables") or []
        record = process_page(b"<html><body></body></html>", url)
        record = apply_attachment_text(record, doc)
        if doc.get("error"):
            record.setdefault("errors", []).append(doc["error"])
    body_html = record.pop("body_html", None)
    cells: list = []
    if record.get("is_annual_report"):
        page_text = record.get("page_text") if record.get("body_source") == "attachment" \
            else record.get("body_text")
        cells = report_cells(body_html, page_text, [(grids, record.get("body_text"))] if grids else [])
    record["stats"] = cells
    record["checks"] = run_checks(cells) if cells else []
    return record


def cmd_extract(args) -> int:
    if not Path(args.path).is_file():
        print(f"no such file: {args.path}", file=sys.stderr)
        return 2
    record = extract_file(args.path, args.url)
    json.dump(record, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
    return 0


def cmd_eval(args) -> int:
    from govcrawl.evaluate import evaluate_dir, format_report

    result = evaluate_dir(args.dir)
    print(format_report(result))
    return 0


def cmd_crawl(args) -> int:
    from govcrawl.crawl import run_crawl, spider_names

    names = args.spiders or spider_names()
    unknown = sorted(set(names) - set(spider_names()))
    if unknown:
        print(f"unknown spider(s): {', '.join(unknown)}; known: {', '.join(spider_names())}", file=sys.stderr)
        return 2
    base_urls = {names[0]: args.base_url} if args.base_url else None
    if args.base_url and len(names) != 1:
        print("--base-url needs exactly one spider", file=sys.stderr)
        return 2
    stats = run_crawl(names, base_urls, db=args.db, archive_dir=args.archive, job_dir=args.job_dir)
    return _report(stats, args.db)


def _report(stats: dict, db: str) -> int:
    """Print the run report: what was found and what broke, per spider."""
    failed = False
    for name, s in stats.items():
        empty = s.get("govcrawl/empty_crawl")
        failed |= bool(empty)
        print(
            f"{name:12} pages={s.get('response_received_count', 0):4} "
            f"items={s.get('item_scraped_count', 0):4} errors={s.get('log_count/ERROR', 0)} "
            f"finish={s.get('finish_reason')}" + ("  NO ENTRIES FOUND" if empty else "")
        )
    print(f"database: {db}")
    return 1 if failed else 0


def serve(db: str, host: str, port: int, archive_dir: str, mutable: bool = False, allow_robots: bool = False) -> int:
    from govcrawl.publish.serve import serve as publish

    return publish(db, host, port, archive_dir, mutable=mutable, allow_robots=allow_robots)


def cmd_serve(args) -> int:
    return serve(args.db, args.host, args.port, args.archive, args.mutable, args.allow_robots)


def cmd_demo(args) -> int:
    from govcrawl.crawl import run_crawl
    from govcrawl.sample_portals import serve as serve_portals

    with serve_portals(base_port=args.portal_port) as portals:
        for key, url in portals.urls.items():
            print(f"sample portal {key:12} {url}")
        stats = run_crawl(list(portals.urls), portals.urls, db=args.db, archive_dir=args.archive, local=True)
    _report(stats, args.db)
    if args.no_serve:
        return 0
    return serve(args.db, args.host, args.port, args.archive, args.mutable, args.allow_robots)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govcrawl", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract one saved page, print JSON")
    p.add_argument("path", help="saved HTML page (or PDF/DOCX/...)")
    p.add_argument("--url", help="the page's original URL (resolves links, helps the region)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="score extraction on pages with <file>.labels.json")
    p.add_argument("dir")
    p.set_defaults(func=cmd_eval)

    for name, func, help_ in (("crawl", cmd_crawl, "crawl portals into metadata.db"),
                              ("demo", cmd_demo, "crawl the bundled sample portals and serve the result"),
                              ("serve", cmd_serve, "serve metadata.db with Datasette")):
        p = sub.add_parser(name, help=help_)
        p.add_argument("--db", default="metadata.db", help="database file (default metadata.db)")
        p.add_argument("--archive", default="archive", help="WARC directory (default archive/)")
        if name == "crawl":
            p.add_argument("spiders", nargs="*", help="spider names (default: all)")
            p.add_argument("--base-url", help="fetch from this host instead (replica of the portal)")
            p.add_argument("--job-dir", help="JOBDIR root: resumable runs, one folder per spider")
        if name in ("demo", "serve"):
            p.add_argument("--host", default="127.0.0.1")
            p.add_argument("--port", type=int, default=8001)
            p.add_argument("--mutable", action="store_true",
                           help="serve a database that is still being written (default: immutable, downloadable)")
            p.add_argument("--allow-robots", action="store_true", help="let search engines crawl the site")
        if name == "demo":
            p.add_argument("--portal-port", type=int, default=8701, help="first sample portal port")
            p.add_argument("--no-serve", action="store_true", help="build metadata.db and stop")
        p.set_defaults(func=func)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
