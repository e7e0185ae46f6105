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
    add_writer_parser(sub)
    add_schedule_parser(sub)


def add_worker_args(p) -> None:
    """Options of ``govcrawl crawl`` for a worker of a distributed crawl."""
    p.add_argument("--redis", metavar="URL", help="shared frontier of a distributed crawl, e.g. redis://host:6379/0 "
                                                  "(with --worker; `govcrawl writer` writes the database)")
    p.add_argument("--worker", action="store_true", help="run as one of the workers of the crawl on --redis")
    p.add_argument("--crawl-name", default="registry", help="name of the distributed crawl (its Redis keys)")
    p.add_argument("--worker-id", help="this worker's name (default host-pid-random); it names its WARC files")


def cmd_writer(args) -> int:
    import logging

    from govcrawl.cli import _report, parse_settings, writable_outputs
    from govcrawl.crawl import project_settings
    from govcrawl.distributed import cluster
    from govcrawl.distributed.writer import Writer

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s [%(name)s] %(levelname)s: %(message)s")
    problem = writable_outputs(args.db, args.archive, None)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        cluster.connect(args.redis).ping()
        extra = parse_settings(args.set)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    except Exception as exc:
        print(f"cannot reach Redis at {args.redis}: {exc}", file=sys.stderr)
        return 2
    writer = Writer(args.redis, args.db, args.crawl_name, project_settings({"GOVCRAWL_DB": args.db, **extra}))
    print(f"writer: crawl {writer.crawl_id} on {args.redis} ({writer.keys.prefix}) -> {args.db}", flush=True)
    try:
        stats = writer.run(wait_for_workers=args.wait)
    except KeyboardInterrupt:
        return 130
    return _report({"registry": stats}, args.db, registry=True)


def add_writer_parser(sub) -> None:
    p = sub.add_parser("writer", help="write metadata.db for a distributed crawl (one per crawl)")
    p.add_argument("--redis", required=True, metavar="URL", help="the crawl's Redis, e.g. redis://host:6379/0")
    p.add_argument("--db", default="metadata.db")
    p.add_argument("--archive", default="archive", help="where the workers' WARC files are gathered")
    p.add_argument("--crawl-name", default="registry")
    p.add_argument("--wait", type=float, default=None, metavar="SECONDS",
                   help="give up when no worker has joined after this long (default: wait)")
    p.add_argument("-s", "--set", action="append", metavar="NAME=VALUE",
                   help="setting override, e.g. monitor thresholds (repeatable)")
    p.set_defaults(func=cmd_writer)


def cmd_schedule(args) -> int:
    from datetime import date

    from govcrawl.schedule import WEEKDAYS, crawl_due, last_finished, submit_to_scrapyd

    today = date.fromisoformat(args.date) if args.date else date.today()
    verdict = crawl_due(today, last_finished(args.db), WEEKDAYS.index(args.weekday))
    print(("due: " if verdict.due else "not due: ") + verdict.why, flush=True)
    if args.action == "due":
        return 0 if verdict.due else 1
    if not verdict.due and not args.force:
        return 0
    sites = str(Path(args.sites).resolve()) if args.sites else None
    if args.scrapyd:
        from govcrawl.cli import parse_settings

        settings = {"GOVCRAWL_DB": str(Path(args.db).resolve()), "GOVCRAWL_ARCHIVE_DIR": str(Path(args.archive).resolve()),
                    **parse_settings(args.set)}
        try:
            job = submit_to_scrapyd(args.scrapyd, args.project, "registry", {"sites": sites} if sites else {}, settings)
        except Exception as exc:  # one line: scrapyd down, project not deployed …
            print(f"scrapyd at {args.scrapyd}: {exc}", file=sys.stderr)
            return 2
        print(f"scheduled on scrapyd {args.scrapyd}: project {args.project}, spider registry, job {job}")
        return 0
    from govcrawl.cli import main

    crawl = ["crawl", "--db", args.db, "--archive", args.archive] + (["--sites", sites] if sites else [])
    crawl += (["--job-dir", args.job_dir] if args.job_dir else []) + [f"-s{pair}" for pair in args.set or []]
    return main(crawl)


def add_schedule_parser(sub) -> None:
    p = sub.add_parser("schedule", help="run the registry crawl when the calendar says it is due "
                                        "(daily 15 January-31 March, weekly otherwise)")
    p.add_argument("action", choices=("due", "run"), help="due: say whether a crawl is due (exit 0 yes, 1 no); "
                                                          "run: crawl if due (here, or on --scrapyd)")
    p.add_argument("--db", default="metadata.db")
    p.add_argument("--archive", default="archive")
    p.add_argument("--sites", metavar="FILE.csv", help="site registry (default: the bundled one)")
    p.add_argument("--job-dir", help="resumable crawl: a run killed midway continues the next time")
    p.add_argument("--weekday", default="mon", choices=("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                   help="the weekly crawl's day outside the season (default mon)")
    p.add_argument("--date", help="judge as if today were YYYY-MM-DD")
    p.add_argument("--force", action="store_true", help="crawl even when not due")
    p.add_argument("--scrapyd", metavar="URL", help="submit the crawl to scrapyd, e.g. http://127.0.0.1:6800")
    p.add_argument("--project", default="govcrawl", help="the scrapyd project (as deployed by scrapyd-deploy)")
    p.add_argument("-s", "--set", action="append", metavar="NAME=VALUE", help="setting override (repeatable)")
    p.set_defaults(func=cmd_schedule)
