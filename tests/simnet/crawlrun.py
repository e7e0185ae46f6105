"""Crawl a served network as a user would, in a child process, and time it.

- ``crawl_registry``: ``govcrawl crawl --sites FILE.csv --db PATH --archive DIR -s …`` (the
  registry interface of issue 7);
- ``crawl_baseline``: the way an operator had to do it before that interface: one ten-line spider
  per portal on ``DisclosureSpider`` with only ``name``, ``site_name`` and ``homepage``, all in one
  Scrapy process (``python -m tests.simnet.crawlrun SPEC``), like tests/portal_variants/crawl.py.
"""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False"}


def govcrawl_bin() -> str:
    local = Path(sys.executable).with_name("govcrawl")
    return str(local) if local.exists() else "govcrawl"


def has_sites_option() -> bool:
    """Does the installed govcrawl accept ``crawl --sites`` yet?"""
    try:
        out = subprocess.run([govcrawl_bin(), "crawl", "--help"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--sites" in out.stdout


def write_sites(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["name", "homepage"], lineterminator="\n")
        writer.writeheader()
        writer.writerows({"name": r["name"], "homepage": r["homepage"]} for r in rows)
    return path


def registry_cmd(sites_csv: Path, db: Path, archive: Path, job_dir: Path | None = None,
                 settings: dict | None = None) -> list[str]:
    cmd = [govcrawl_bin(), "crawl", "--sites", str(sites_csv), "--db", str(db), "--archive", str(archive)]
    if job_dir:
        cmd += ["--job-dir", str(job_dir)]
    for name, value in {**FAST, **(settings or {})}.items():
        cmd += ["-s", f"{name}={value}"]
    return cmd


def crawl_registry(sites_csv: Path, db: Path, archive: Path, job_dir: Path | None = None,
                   settings: dict | None = None, timeout: int = 1800) -> dict:
    return _run(registry_cmd(sites_csv, db, archive, job_dir, settings), timeout)


def crawl_baseline(rows: list[dict], db: Path, archive: Path, settings: dict | None = None,
                   timeout: int = 1800) -> dict:
    spec = db.parent / "baseline_spiders.json"
    spec.write_text(json.dumps({"db": str(db), "archive": str(archive), "settings": {**FAST, **(settings or {})},
                                "sites": rows}, ensure_ascii=False), "utf-8")
    return _run([sys.executable, "-m", "tests.simnet.crawlrun", str(spec)], timeout)


def child_env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def _run(cmd: list[str], timeout: int) -> dict:
    """Run the crawl to its end (or ``timeout``), sampling its process tree's peak memory."""
    from tests.simnet.proctree import Sampled

    result = Sampled(cmd, cwd=ROOT, env=child_env()).wait(timeout)
    return dict(result, cmd=cmd)


def _child(spec_file: str) -> None:
    """One Scrapy process, one ten-line DisclosureSpider per registry row."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "govcrawl.settings")
    from urllib.parse import urlsplit

    from scrapy.crawler import CrawlerProcess

    from govcrawl.crawl import project_settings
    from govcrawl.platforms.base import DisclosureSpider

    spec = json.loads(Path(spec_file).read_text("utf-8"))
    hosts = sorted({urlsplit(r["homepage"]).hostname for r in spec["sites"]})
    overrides = {"GOVCRAWL_DB": spec["db"], "GOVCRAWL_ARCHIVE_DIR": spec["archive"], "LOG_LEVEL": "WARNING",
                 "GOVCRAWL_ALLOWED_HOSTS": hosts}
    for name, value in spec["settings"].items():
        overrides[name] = {"False": False, "True": True}.get(value, value)
    process = CrawlerProcess(project_settings(overrides))
    for i, row in enumerate(spec["sites"]):
        attrs = {"name": f"simnet_{i:02d}", "site_name": row["name"], "homepage": row["homepage"],
                 "__module__": __name__}
        process.crawl(type(f"SimnetSpider{i:02d}", (DisclosureSpider,), attrs))
    process.start()


if __name__ == "__main__":
    _child(sys.argv[1])
