"""``govcrawl serve``: publish a database with Datasette, safely.

- The file is checked first: a missing file, a directory or a file that is not a govcrawl SQLite
  database gets one line and a non-zero exit, and nothing is written beside it (the generated
  metadata goes to a temporary directory, removed on exit).
- Immutable by default (Datasette ``-i``: read-only, cacheable, downloadable); ``--mutable`` for a
  database a crawl is still writing.
- robots.txt blocks crawlers unless ``--allow-robots``.
- SQL time limit, a small thread pool and bounded facets keep one visitor from taking the site.
- SIGTERM and SIGINT stop the Datasette child before govcrawl exits.
"""
from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

SETTINGS = {
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
    "num_sql_threads": 3,
    "max_returned_rows": 1000,
    "suggest_facets": "off",
    "truncate_cells_html": 120,
    "allow_download": "on",
}


def check_database(path: str) -> str | None:
    """Why ``path`` cannot be served, in one line, or None."""
    p = Path(path)
    if not p.exists():
        return f"no database at {path}: run `govcrawl demo` or `govcrawl crawl` first"
    if p.is_dir():
        return f"{path} is a directory, not a database file"
    with open(p, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            return f"{path} is not an SQLite database"
    try:
        conn = sqlite3.connect(f"file:{p.resolve()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("select name from sqlite_master")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"{path} cannot be read as SQLite: {exc}"
    if "reports" not in tables:
        return f"{path} has no reports table: not a govcrawl database"
    return None


def checkpoint(db: str) -> None:
    """Fold a leftover write-ahead log into the file: an immutable database is read without it."""
    wal = Path(db + "-wal")
    if wal.exists() and wal.stat().st_size:
        conn = sqlite3.connect(db)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()


def command(db: str, metadata: Path, host: str, port: int, mutable: bool) -> list[str]:
    cmd = [sys.executable, "-m", "datasette", "serve", *([db] if mutable else ["-i", db]),
           "--metadata", str(metadata), "--host", host, "--port", str(port)]
    for name, value in SETTINGS.items():
        cmd += ["--setting", name, str(value)]
    return cmd


def serve(db: str, host: str = "127.0.0.1", port: int = 8001, archive_dir: str = "archive",
          mutable: bool = False, allow_robots: bool = False) -> int:
    from govcrawl.publish.metadata import write_metadata

    problem = check_database(db)
    if problem:
        print(f"govcrawl serve: {problem}", file=sys.stderr)
        return 2
    if not mutable:
        try:
            checkpoint(db)
        except sqlite3.Error as exc:
            print(f"govcrawl serve: {db}: {exc}", file=sys.stderr)
            return 2
    workdir = Path(tempfile.mkdtemp(prefix="govcrawl-serve-"))
    try:
        try:
            meta = write_metadata(workdir / "metadata.json", db, archive_dir, Path(db).stem, allow_robots)
        except sqlite3.Error as exc:
            print(f"govcrawl serve: {db} cannot be read: {exc}", file=sys.stderr)
            return 2
        print(f"Datasette on http://{host}:{port}/  ({'mutable' if mutable else 'immutable'}; Ctrl-C to stop)",
              flush=True)
        stopping: list[int] = []
        children: list[subprocess.Popen] = []

        def stop(signum, _frame):
            stopping.append(signum)
            for child in children:
                if child.poll() is None:
                    child.terminate()

        # Handlers first: a signal that arrives while Datasette starts must still stop it.
        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            if stopping:
                return 0
            child = subprocess.Popen(command(db, meta, host, port, mutable))
            children.append(child)
            if stopping:
                child.terminate()
            while True:
                try:
                    code = child.wait(timeout=10 if stopping else None)
                    break
                except subprocess.TimeoutExpired:
                    child.kill()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return 0 if stopping else code
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
