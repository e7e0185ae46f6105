"""Crawl the variants as a user would (a real Scrapy process, project settings, base_url pointing
at the replica) and score what reached metadata.db against each variant's truth.

The crawl runs in a child process (``python -m tests.portal_variants.crawl SPEC``) because the
Twisted reactor cannot restart inside pytest. One child crawls every variant, each with its own
small spider class defined from the spec.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from govcrawl.dedupe import canonical_url
from tests.portal_variants.kit import Variant

ROOT = Path(__file__).resolve().parents[2]
BASES = {
    "generic": ("govcrawl.platforms.base", "DisclosureSpider"),
    "trs": ("govcrawl.platforms.trs", "TRSSpider"),
    "hanweb": ("govcrawl.platforms.hanweb", "HanwebSpider"),
}


def spider_name(key: str) -> str:
    return f"pv_{key}"


def run_variants(variants: list[Variant], urls: dict[str, str], workdir: Path, timeout: int = 300) -> dict:
    """Crawl every variant against its server; returns {"seconds", "returncode", "log"}."""
    spec = [{"key": v.key, "base": v.base, "spider": v.spider, "base_url": urls[v.key]} for v in variants]
    spec_file = workdir / "variants.json"
    spec_file.write_text(json.dumps({"db": str(workdir / "metadata.db"), "archive": str(workdir / "archive"),
                                     "spiders": spec}, ensure_ascii=False), "utf-8")
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "tests.portal_variants.crawl", str(spec_file)],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    return {"seconds": time.monotonic() - started, "returncode": proc.returncode,
            "log": proc.stdout[-4000:] + proc.stderr[-8000:]}


def run_registry(variants: list[Variant], urls: dict[str, str], workdir: Path, timeout: int = 300) -> dict:
    """Crawl the variants as the project is scored: ``govcrawl crawl --sites FILE.csv`` with only
    name and homepage (the served 127.0.0.1 address), no spider, no region."""
    sites = workdir / "sites.csv"
    sites.write_text("name,homepage\n" + "".join(f"{v.spider['site_name']},{urls[v.key]}\n" for v in variants), "utf-8")
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "govcrawl.cli", "crawl", "--sites", str(sites), "--db",
                           str(workdir / "metadata.db"), "--archive", str(workdir / "archive"), "-s", "DOWNLOAD_DELAY=0",
                           "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    return {"seconds": time.monotonic() - started, "returncode": proc.returncode,
            "log": proc.stdout[-4000:] + proc.stderr[-8000:]}


def score(db: Path, variant: Variant, site_id: str | None = None, home: str | None = None) -> dict:
    """What the crawl stored for one variant (as ``site_id``, its pages at ``home``: by default
    the variant's spider and real homepage), against its truth."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    home = (home or variant.spider["homepage"]).rstrip("/")
    # URLs are stored as linked; compare canonical forms (query order and the like).
    rows = {canonical_url(r["url"]): dict(r) for r in conn.execute(
        "select u.url, r.report_year, r.is_annual_report, r.title from report_urls u "
        "join reports r on r.report_id = u.report_id where u.site_id = ?", (site_id or spider_name(variant.key),))}
    conn.close()
    home = canonical_url(home + "/").rstrip("/")
    missing, wrong = [], []

    def stored(path: str):
        for base in [home, *(canonical_url(o).rstrip("/") for o in variant.other_origins)]:
            if canonical_url(base + path) in rows:
                return rows[canonical_url(base + path)]
        return None
    for t in variant.truth:
        row = stored(t.path)
        if row is None:
            missing.append(t.path)
        elif bool(row["is_annual_report"]) != (t.report_year is not None) or (
                t.report_year is not None and row["report_year"] != t.report_year):
            wrong.append((t.path, row["is_annual_report"], row["report_year"], t.report_year))
    foreign = [p for p in variant.foreign if stored(p) is not None]
    reports = [t for t in variant.truth if t.report_year]
    found = sum(1 for t in reports if stored(t.path) is not None)
    return {"key": variant.key, "truth": len(variant.truth), "reports": len(reports), "found_reports": found,
            "recall": found / len(reports) if reports else 1.0, "missing": missing, "wrong": wrong,
            "foreign": foreign, "stored": len(rows)}


def _child(spec_file: str) -> None:
    import importlib
    import os

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "govcrawl.settings")
    from scrapy.crawler import CrawlerProcess

    from govcrawl.crawl import LOCAL_SETTINGS, project_settings

    spec = json.loads(Path(spec_file).read_text("utf-8"))
    overrides = dict(LOCAL_SETTINGS, GOVCRAWL_DB=spec["db"], GOVCRAWL_ARCHIVE_DIR=spec["archive"],
                     LOG_LEVEL="WARNING", EXTENSIONS={})
    process = CrawlerProcess(project_settings(overrides))
    for s in spec["spiders"]:
        module, cls = BASES[s["base"]]
        base = getattr(importlib.import_module(module), cls)
        attrs = dict(s["spider"], name=spider_name(s["key"]), __module__=__name__)
        spidercls = type(f"Variant_{s['key']}", (base,), attrs)
        process.crawl(spidercls, base_url=s["base_url"])
    process.start()


if __name__ == "__main__":
    _child(sys.argv[1])
