"""The ``govcrawl`` command.

    govcrawl demo                       serve the sample portals, crawl them, publish metadata.db
    govcrawl crawl [SPIDER ...]         crawl real portals (all spiders when none is named)
    govcrawl extract PAGE [--url URL]   extract one saved page and print JSON
    govcrawl eval DIR                   score the extractor on labelled pages
    govcrawl serve [--db metadata.db]   publish a database with Datasette
    govcrawl export FORMAT --out ...    export WACZ, CSV, JSONL or Parquet (filtered)
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path


class BadInput(Exception):
    """Input a command cannot use: reported as one line on stderr with a non-zero exit."""


def extract_file(path: str, url: str | None = None) -> dict:
    """What the crawl would store for one saved file: fields, body, tables and checks.

    Raises BadInput for an empty file, or bytes that are neither a page nor a readable document."""
    from govcrawl.extract.documents import document_text
    from govcrawl.pipelines.extract import filename_of, is_html
    from govcrawl.process import apply_attachment_text, page_cells, process_page
    from govcrawl.tables.checks import run_checks

    raw = Path(path).read_bytes()
    if not raw.strip():
        raise BadInput(f"empty file: {path}")
    url = url or Path(path).resolve().as_uri()
    grids: list = []
    if is_html(None, raw):
        record = process_page(raw, url)
    else:  # a report published as a PDF / DOC / XLS file
        doc = document_text(raw, filename_of(url, Path(path).name))
        if not (doc.get("text") or "").strip():
            raise BadInput(f"not a page or a readable document: {path} ({doc.get('error') or 'no text'})")
        grids = doc.get("tables") or []
        record = process_page(b"<html><body></body></html>", url)
        record = apply_attachment_text(record, doc)
        if doc.get("error"):
            record.setdefault("errors", []).append(doc["error"])
    cells = page_cells(record, [(grids, record.get("body_text"))] if grids else [])
    record.pop("body_html", None)
    record.pop("page_tables_html", None)
    record["stats"] = cells
    record["checks"] = run_checks(cells) if cells else []
    return record


def _one_line(command: str, exc: BaseException) -> int:
    message = str(exc) if isinstance(exc, BadInput) else f"{type(exc).__name__}: {exc}"
    print(f"govcrawl {command}: {' '.join(message.split())}", file=sys.stderr)
    return 2 if isinstance(exc, BadInput) else 1


def cmd_extract(args) -> int:
    target = Path(args.path)
    try:
        if not target.exists():
            raise BadInput(f"no such file: {args.path}")
        if not target.is_file():
            raise BadInput(f"not a file: {args.path}")
        record = extract_file(args.path, args.url)
        json.dump(record, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (head, less) went away: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # every bad input: one line, no traceback
        return _one_line("extract", exc)
    return 0


def cmd_eval(args) -> int:
    from govcrawl.evaluate import evaluate_dir, format_report

    try:
        if not Path(args.dir).exists():
            raise BadInput(f"no such directory: {args.dir}")
        if not Path(args.dir).is_dir():
            raise BadInput(f"not a directory: {args.dir}")
        result = evaluate_dir(args.dir)
        if not result["pages"]:
            raise BadInput(f"no labelled pages (<file>.labels.json) in {args.dir}")
        print(format_report(result))
    except Exception as exc:
        return _one_line("eval", exc)
    return 0


def writable_outputs(db: str, archive: str, job_dir: str | None) -> str | None:
    """Create the folders a crawl writes to; say in one line why it cannot, if it cannot."""
    import sqlite3

    path = Path(db)
    if path.is_dir():
        return f"--db {db} is a directory, not a database file"
    if path.exists():
        with open(path, "rb") as fh:
            head = fh.read(16)
        if head and head != b"SQLite format 3\x00":
            return f"--db {db} exists and is not an SQLite database"
    for folder in (path.parent, Path(archive), Path(job_dir) if job_dir else None):
        if folder is None:
            continue
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return f"cannot create {folder}: {exc.strerror}"
    try:
        sqlite3.connect(path).close()
    except sqlite3.Error as exc:
        return f"cannot open --db {db}: {exc}"
    return None


def parse_settings(pairs: list[str] | None) -> dict:
    """``-s NAME=VALUE`` pairs, as ``scrapy crawl`` takes them."""
    out = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"-s takes NAME=VALUE, not {pair!r}")
        out[name.strip()] = value
    return out


def cmd_crawl(args) -> int:
    from govcrawl.crawl import run_crawl, spider_names
    from govcrawl.registry import RegistryError, bundled_registry, load_registry

    try:
        extra = parse_settings(args.set)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    names = list(args.spiders)
    if args.redis and (names or not args.worker):
        print("--redis runs a worker of a distributed crawl: give --worker and --sites, no spider names",
              file=sys.stderr)
        return 2
    known = spider_names()
    unknown = sorted(set(names) - set(known))
    if unknown:
        print(f"unknown spider(s): {', '.join(unknown)}; known: {', '.join(known)}", file=sys.stderr)
        return 2
    if args.base_url and len(names) != 1:
        print("--base-url needs exactly one spider", file=sys.stderr)
        return 2
    sites = []
    if args.sites or not names:
        path = args.sites or bundled_registry()
        try:
            sites, problems = load_registry(path)
        except RegistryError as exc:
            print(f"registry: {exc}", file=sys.stderr)
            return 2
        for problem in problems:
            print(f"registry {path}: {problem}", file=sys.stderr)
        if not sites:
            print(f"registry {path}: no site to crawl", file=sys.stderr)
            return 2
        if args.redis:  # a worker of a distributed crawl: every row crawled generically
            from govcrawl.distributed.worker import cmd_worker

            return cmd_worker(args, sites, extra)
        # Rows that name a per-site spider run that spider; the rest go to the registry spider.
        for site in sites:
            if site.spider and site.spider not in known:
                print(f"registry {path}: {site.name}: unknown spider {site.spider!r}; crawled generically",
                      file=sys.stderr)
                site.spider = None
        names += [s.spider for s in sites if s.spider and s.spider not in names]
        sites = [s for s in sites if not s.spider]
    base_urls = {names[0]: args.base_url} if args.base_url else None
    problem = writable_outputs(args.db, args.archive, args.job_dir)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        stats = run_crawl(names, base_urls, db=args.db, archive_dir=args.archive, job_dir=args.job_dir,
                          extra_settings=extra, sites=sites)
    except KeyboardInterrupt:
        return 130
    return _report(stats, args.db, registry=bool(sites))


def _report(stats: dict, db: str, registry: bool = False) -> int:
    """Print the run report: per site, what was found and, when nothing, why. The exit code
    says how the run ended: 0 finished, 1 a monitor failed (a named spider found no entries at
    all, a site went dark, … see govcrawl.monitors), 3 interrupted or failed."""
    import sqlite3

    failed = interrupted = False
    crawl_ids = [s.get("govcrawl/crawl_id") for s in stats.values() if s.get("govcrawl/crawl_id")]
    for name, s in stats.items():
        reason = s.get("finish_reason") or "unknown"
        interrupted |= reason != "finished"
        if name != "registry":
            failed |= bool(s.get("govcrawl/empty_crawl"))
    rows = []
    if crawl_ids and Path(db).exists():
        conn = sqlite3.connect(db)
        marks = ",".join("?" * len(crawl_ids))
        rows = conn.execute(
            "select r.site_id, coalesce(s.name, r.site_id), r.outcome, r.pages_fetched, r.reports, r.errors, r.reason "
            f"from crawl_runs r left join sites s on s.site_id = r.site_id where r.crawl_id in ({marks}) "
            "order by r.outcome = 'ok', r.site_id", crawl_ids).fetchall()
        conn.close()
    outcomes: dict[str, int] = {}
    for site_id, name, outcome, pages, reports, errors, why in rows:
        outcomes[outcome or "?"] = outcomes.get(outcome or "?", 0) + 1
    shown = rows if len(rows) <= 60 else [r for r in rows if r[2] not in ("ok",)][:200]
    for site_id, name, outcome, pages, reports, errors, why in shown:
        line = f"{site_id[:28]:28} {name[:14]:14} {outcome or '?':13} pages={pages or 0:5} reports={reports or 0:4} errors={errors or 0:4}"
        if outcome not in ("ok",):
            line += f"  {why}"
        print(line)
    if rows:
        print("sites: " + ", ".join(f"{k}={v}" for k, v in sorted(outcomes.items())) + f" (of {len(rows)})")
    for name, s in stats.items():
        print(f"{name}: finish={s.get('finish_reason')} responses={s.get('response_received_count', 0)} "
              f"items={s.get('item_scraped_count', 0)}" + ("  NO ENTRIES FOUND" if s.get("govcrawl/empty_crawl") else ""))
        from govcrawl.quality import field_summary

        if field_summary(s):
            print(f"{name}: fields: {field_summary(s)}")
        # A failed monitor (govcrawl.monitors: sites gone dark, coverage drops …) fails the run.
        for message in s.get("govcrawl/monitors/messages") or []:
            print(f"{name}: MONITOR FAILED: {message}")
        failed |= bool(s.get("govcrawl/monitors/failed"))
    print(f"database: {db}")
    if interrupted:
        return 3
    return 1 if failed else 0


def serve(db: str, host: str, port: int, archive_dir: str, mutable: bool = False, allow_robots: bool = False,
          wacz_dir: str | None = None) -> int:
    from govcrawl.publish.serve import serve as publish

    if wacz_dir:  # WACZ packages replayed at /-/replay/ (govcrawl.publish.replay)
        import os

        os.environ["GOVCRAWL_WACZ_DIR"] = str(Path(wacz_dir).resolve())
    return publish(db, host, port, archive_dir, mutable=mutable, allow_robots=allow_robots)


def cmd_serve(args) -> int:
    return serve(args.db, args.host, args.port, args.archive, args.mutable, args.allow_robots, args.wacz_dir)


def cmd_demo(args) -> int:
    from govcrawl.crawl import run_crawl
    from govcrawl.sample_portals import serve as serve_portals

    with serve_portals(base_port=args.portal_port) as portals:
        if args.portal_state == 2:
            from govcrawl.sample_portals import states

            for key in list(portals.urls):
                portals.switch(key, states.second_state(key)[0])
        for key, url in portals.urls.items():
            print(f"sample portal {key:12} {url}" + ("  (second state)" if args.portal_state == 2 else ""))
        stats = run_crawl(list(portals.urls), portals.urls, db=args.db, archive_dir=args.archive, local=True)
    _report(stats, args.db)
    if args.no_serve:
        return 0
    return serve(args.db, args.host, args.port, args.archive, args.mutable, args.allow_robots)


def cmd_changes(args) -> int:
    """New, edited, removed and reappeared reports since a date, newest first."""
    import re
    import sqlite3

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.since or ""):
        print(f"--since takes a date as YYYY-MM-DD, not {args.since!r}", file=sys.stderr)
        return 2
    path = Path(args.db)
    if not path.is_file():
        print(f"no database at {args.db}", file=sys.stderr)
        return 2
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(
            "select e.date, e.event, coalesce(s.name, e.site_id) as site, r.title, r.report_year, e.url, e.detail "
            "from report_events e join reports r on r.report_id = e.report_id left join sites s on s.site_id = r.site_id "
            "where e.date >= ? and (? is null or e.event = ?) order by e.date desc, e.event, site",
            [args.since, args.event, args.event]).fetchall()
    except sqlite3.Error as exc:
        print(f"{args.db}: not a govcrawl database with change records ({exc})", file=sys.stderr)
        return 2
    if args.json:
        for row in rows:
            print(json.dumps(dict(row), ensure_ascii=False))
        return 0
    labels = {"new": "新增 new", "edited": "修改 edited", "removed": "删除 removed", "reappeared": "恢复 reappeared"}
    for row in rows:
        print(f"{row['date']}  {labels.get(row['event'], row['event']):16} {row['site'] or '':12} "
              f"{row['title'] or row['url']}" + (f"  — {row['detail']}" if row["detail"] and row["event"] != "new" else ""))
        print(f"{'':30}{row['url']}")
    counts = {}
    for row in rows:
        counts[row["event"]] = counts.get(row["event"], 0) + 1
    print(f"since {args.since}: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no changes"))
    return 0


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

    p = sub.add_parser("changes", help="new, edited and removed reports since a date")
    p.add_argument("--since", required=True, help="first date to list, YYYY-MM-DD")
    p.add_argument("--db", default="metadata.db", help="database file (default metadata.db)")
    p.add_argument("--event", choices=("new", "edited", "removed", "reappeared"), help="only this kind of change")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=cmd_changes)

    for name, func, help_ in (("crawl", cmd_crawl, "crawl portals into metadata.db"),
                              ("demo", cmd_demo, "crawl the bundled sample portals and serve the result"),
                              ("serve", cmd_serve, "serve metadata.db with Datasette")):
        p = sub.add_parser(name, help=help_)
        p.add_argument("--db", default="metadata.db", help="database file (default metadata.db)")
        p.add_argument("--archive", default="archive", help="WARC directory (default archive/)")
        if name == "crawl":
            p.add_argument("spiders", nargs="*", help="per-site spiders to run (default: the registry)")
            p.add_argument("--sites", metavar="FILE.csv",
                           help="site registry: CSV with name,homepage (+ optional admin_code, level, parent, "
                                "platform, column_url, spider, notes); default: the bundled registry")
            p.add_argument("--base-url", help="fetch from this host instead (replica of the portal)")
            p.add_argument("--job-dir", help="keep the crawl's frontier here: a killed run resumes with the same "
                                             "--job-dir, nothing lost")
            p.add_argument("-s", "--set", action="append", metavar="NAME=VALUE",
                           help="Scrapy setting override, e.g. -s DOWNLOAD_DELAY=0 (repeatable)")
            from govcrawl.ops_cli import add_worker_args  # distributed crawls (govcrawl.distributed)

            add_worker_args(p)
        if name in ("demo", "serve"):
            p.add_argument("--host", default="127.0.0.1")
            p.add_argument("--port", type=int, default=8001)
            p.add_argument("--mutable", action="store_true",
                           help="serve a database that is still being written (default: immutable, downloadable)")
            p.add_argument("--allow-robots", action="store_true", help="let search engines crawl the site")
        if name == "serve":
            p.add_argument("--wacz-dir", help="WACZ packages to replay at /-/replay/ "
                           "(default: wacz/ in the archive directory)")
        if name == "demo":
            p.add_argument("--portal-port", type=int, default=8701, help="first sample portal port")
            p.add_argument("--no-serve", action="store_true", help="build metadata.db and stop")
            p.add_argument("--portal-state", type=int, choices=(1, 2), default=1,
                           help="2: the sample portals a week later (reports removed, edited, added), to "
                                "re-crawl into the same database and see `govcrawl changes`")
        p.set_defaults(func=func)

    from govcrawl.export import add_export_parser  # researchers' exports: WACZ and data files

    add_export_parser(sub)
    from govcrawl.ops_cli import add_ops_parsers  # operations: health, schedule, distributed writer

    add_ops_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in ("changes", "health"):
        import signal

        # `govcrawl changes ... | head`: a closed pipe ends the listing quietly, as for other Unix tools
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
