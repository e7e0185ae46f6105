"""Datasette metadata: bilingual titles and column descriptions, facets, canned queries, plugins."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from govcrawl.publish.labels import COLUMNS, column_description
from govcrawl.publish.queries import canned_queries
from govcrawl.storage import WIDE_VIEW
from govcrawl.publish.health_queries import HEALTH_QUERIES, HEALTH_TABLES

HIDDEN = ["reports_fts", "reports_chars"]


def _columns(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    names = [r[1] for r in conn.execute(f"pragma table_info([{table}])")]
    return {n: column_description(n) for n in names if column_description(n)}


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}


def table_metadata(conn: sqlite3.Connection) -> dict:
    present = _tables(conn)
    tables = {
        "reports": {
            "title": "报告 · Reports",
            "description_html": (
                "各网站“政府信息公开年报”栏目中的文件。默认只列年度报告；"
                "<a href=\"?is_annual_report=0\">其他文件</a>（解读、通知等）一键可看。"
                "点标题打开报告页。 / Documents of the portals' 年报 columns: annual reports by default, "
                "<a href=\"?is_annual_report=0\">other documents</a> one click away."),
            "label_column": "title",
            "sort_desc": "published_date",
            "facets": ["province", "city", "county", "township", "report_year", "site_id", "is_annual_report"],
        },
        "report_catalogue": {
            "title": "报告目录 · Report catalogue",
            "description_html": "每份报告一行，附发布主体的层级和网站平台，便于筛选；点报告编号打开报告页。 / One row per "
                                "report with the publishing body's level and the portal's platform.",
            "sort_desc": "published_date",
            "facets": ["province", "city", "county", "township", "level", "platform", "report_year"],
        },
        "sites": {"title": "网站 · Portals crawled", "label_column": "name",
                  "facets": ["level", "province", "platform"]},
        "report_urls": {"title": "报告出现过的网址 · Every URL a report was found at"},
        "attachments": {"title": "附件 · Files attached to reports", "facets": ["type", "ocr"]},
        "captures": {"title": "抓取记录 · Every fetched URL and its WARC record", "facets": ["status", "site_id"]},
        "crawl_runs": {"title": "抓取批次 · Crawl runs", "sort_desc": "started"},
        "crawl_errors": {"title": "抓取问题 · What broke during crawls", "facets": ["stage", "site_id", "status"]},
        "report_stats": {"title": "统计表单元格 · Cells of the standard tables",
                         "description_html": "代码含义见 <a href=\"/-/codes\">表格代码 / table codes</a>。",
                         "facets": ["table", "row", "column"]},
        "report_checks": {"title": "勾稽关系检查 · Consistency checks", "facets": ["rule", "status"]},
        WIDE_VIEW: {
            "title": "依申请公开表（一报告一行）· Applications table, one row per report",
            "description_html": "列名为 <code>行代码__列代码</code>，中文见列标题与 "
                                "<a href=\"/-/codes\">表格代码 / table codes</a>。",
            # no facets here: each would aggregate every report's cells; the catalogue has them.
            # 20 rows a page: each row is 194 cells to render (downloads take every row).
            "size": 20,
        },
        "report_versions": {"title": "报告历次版本 · Earlier versions of reports"},
        "report_events": {"title": "报告变化 · New, edited, removed and reappeared reports",
                          "facets": ["event", "site_id"], "sort_desc": "date"},
        **{name: {"hidden": True} for name in HIDDEN},
    }
    for name, meta in tables.items():
        # the wide view's 180 cell columns carry their Chinese labels in the table header instead
        if name in present and not meta.get("hidden") and name != WIDE_VIEW:
            meta["columns"] = _columns(conn, name)
    return {k: v for k, v in tables.items() if k in present}


def build_metadata(db_path: str, archive_dir: str | None = None, database: str = "metadata",
                   allow_robots: bool = False) -> dict:
    """Metadata for Datasette; ``database`` is the name Datasette gives the file (its stem)."""
    conn = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)
    try:
        tables = table_metadata(conn)
        queries = canned_queries(_tables(conn), database)
    finally:
        conn.close()
    plugins = {"govcrawl": {"archive_dir": str(Path(archive_dir).resolve()) if archive_dir else "archive"}}
    if allow_robots:
        plugins["datasette-block-robots"] = {"literal": "User-agent: *\nAllow: /"}
    return {
        "title": "政府信息公开工作年度报告 · govcrawl",
        "description": "县、乡镇（街道）和部门政府信息公开工作年度报告的抓取与存档 / Annual government "
                       "information-disclosure reports crawled from county and township portals.",
        "source": "govcrawl",
        # operators' pages (site health, run report): govcrawl.publish.health_queries
        "databases": {database: {"tables": {**tables, **HEALTH_TABLES}, "queries": {**queries, **HEALTH_QUERIES}}},
        "plugins": plugins,
    }


def write_metadata(path: str | Path, db_path: str, archive_dir: str | None = None, database: str = "metadata",
                   allow_robots: bool = False) -> Path:
    path = Path(path)
    path.write_text(json.dumps(build_metadata(db_path, archive_dir, database, allow_robots),
                               ensure_ascii=False, indent=2), "utf-8")
    return path


__all__ = ["build_metadata", "write_metadata", "COLUMNS"]
