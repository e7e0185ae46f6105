"""Datasette metadata: titles, column descriptions, facets and canned queries for journalists."""
from __future__ import annotations

import json
from pathlib import Path

from govcrawl.publish.health_queries import HEALTH_QUERIES, HEALTH_TABLES

# Only what a reader cannot guess from the name: Datasette lists these above the table.
REPORT_COLUMNS = {
    "report_year": "Year the report covers (from the title, else the body's 统计期限), not the publication year",
    "is_annual_report": "1 for a 政府信息公开工作年度报告 (or an annual 政务公开工作总结); 0 for other items of the 年报 column",
    "agency": "The body the report is about, from its title or opening lines",
    "publisher": "发布机构 / 来源 as the page shows it (portals often fill in a site default)",
    "body_source": "page, or attachment when the page is only a shell around the report file",
    "capture_id": "The archived copy of the page (WARC record): click to replay it",
}

CANNED_QUERIES = {
    "search": {
        "title": "Search reports (Chinese words of any length)",
        "description": "Full-text search over titles and bodies; two-character words such as 拆迁 or 复议 work.",
        "sql": (
            "select r.report_id, r.title, r.report_year, r.province, r.county, r.township, "
            "r.publisher, r.published_date, r.url, "
            "substr(r.body_text, max(1, instr(r.body_text, :q) - 40), 100) as context "
            "from reports_fts join reports r on r.rowid = reports_fts.rowid "
            "where reports_fts match cjk_query(:q) order by r.report_year desc, r.published_date desc limit 200"
        ),
    },
    "inconsistent_reports": {
        "title": "Reports whose numbers do not add up",
        "description": "Annual reports with at least one failed 勾稽关系 check (e.g. 一+二 ≠ 三(七)总计+四).",
        "sql": (
            "select r.report_id, r.title, r.report_year, r.province, r.county, r.township, "
            "group_concat(c.rule || ' [' || c.scope || '] ' || coalesce(c.detail, ''), '; ') as failures, r.url "
            "from report_checks c join reports r on r.report_id = c.report_id "
            "where c.status = 'fail' group by r.report_id order by r.report_year desc, r.county"
        ),
    },
    "applications_by_county": {
        "title": "Applications received and 予以公开 rate by county and year",
        "description": "Sum over each county's annual reports of applications received (一、本年新收, 总计 column) and granted in full (三(一) 予以公开).",
        "sql": (
            "select r.province, r.county, r.report_year, count(distinct r.report_id) as reports, "
            "sum(case when s.row = 'new' then s.value end) as received, "
            "sum(case when s.row = 'granted' then s.value end) as granted, "
            "round(100.0 * sum(case when s.row = 'granted' then s.value end) / "
            "nullif(sum(case when s.row = 'handled_total' then s.value end), 0), 1) as granted_pct_of_handled "
            "from reports r join report_stats s on s.report_id = r.report_id "
            "where s.\"table\" = 'applications' and s.\"column\" = 'total' and r.is_annual_report = 1 "
            "group by r.province, r.county, r.report_year order by r.report_year desc, received desc"
        ),
    },
    "appeals_by_county": {
        "title": "行政复议 / 行政诉讼 outcomes by county and year",
        "description": "Cases over disclosure decisions and how many ended with the decision corrected (结果纠正).",
        "sql": (
            "select r.province, r.county, r.report_year, "
            "sum(case when s.row = 'review' and s.\"column\" = 'total' then s.value end) as reviews, "
            "sum(case when s.row = 'review' and s.\"column\" = 'corrected' then s.value end) as reviews_corrected, "
            "sum(case when s.row like 'suit%' and s.\"column\" = 'total' then s.value end) as suits, "
            "sum(case when s.row like 'suit%' and s.\"column\" = 'corrected' then s.value end) as suits_corrected "
            "from reports r join report_stats s on s.report_id = r.report_id "
            "where s.\"table\" = 'appeals' and r.is_annual_report = 1 "
            "group by r.province, r.county, r.report_year order by suits_corrected desc, reviews_corrected desc"
        ),
    },
}


def build_metadata(archive_dir: str | None = None, database: str = "metadata") -> dict:
    """Metadata for Datasette; ``database`` is the name Datasette gives the file (its stem)."""
    tables = {
        "reports": {
            "title": "Reports and other items of the 年报 columns",
            "description": "One row per document; is_annual_report tells the annual reports apart.",
            "label_column": "title",
            "sort_desc": "published_date",
            "facets": ["is_annual_report", "report_year", "province", "county", "publisher"],
            "fts_table": "reports_fts",
            "fts_pk": "rowid",
            "searchmode": "raw",
            "columns": REPORT_COLUMNS,
        },
        "sites": {
            "title": "Portals crawled",
            "label_column": "name",
            "columns": {"site_id": "Spider name", "name": "Name of the body or place",
                        "admin_code": "行政区划代码", "level": "county, township or department",
                        "homepage": "Portal homepage", "platform": "CMS platform (trs, hanweb, generic)"},
        },
        "report_urls": {"title": "Every URL each report was found at"},
        "attachments": {"title": "Files attached to reports", "facets": ["type", "ocr"],
                        "columns": {"text": "Text extracted from the file", "ocr": "1 if read by OCR"}},
        "captures": {"title": "Every fetched URL and where its WARC record is",
                     "facets": ["status", "site_id"],
                     "columns": {"warc_file": "WARC file under archive/", "warc_offset": "Byte offset of the record"}},
        "crawl_runs": {"title": "Crawl runs", "sort_desc": "started"},
        "crawl_errors": {"title": "What broke during crawls", "facets": ["stage", "site_id", "status"]},
        "report_stats": {"title": "Cells of the standard statistical tables",
                         "description": "Codes as in TABLES.md: table active / applications / appeals / legacy.",
                         "facets": ["table", "row", "column"]},
        "report_checks": {"title": "勾稽关系 checks", "facets": ["rule", "status"]},
        "applications_wide": {
            "title": "Applications table, one row per report (for spreadsheets)",
            "description": "Columns are <row>__<column> with the codes of TABLES.md, e.g. new__total = "
                           "一、本年新收 (总计), granted__natural_person = 三(一) 予以公开 (自然人).",
            "facets": ["report_year", "province", "county"],
        },
        "reports_fts": {"hidden": True},
    }
    return {
        "title": "govcrawl — 政府信息公开工作年度报告",
        "description": "Annual government information-disclosure reports crawled from county and township portals.",
        "source": "govcrawl",
        # operators' pages (site health, run report): govcrawl.publish.health_queries
        "databases": {database: {"tables": {**tables, **HEALTH_TABLES}, "queries": {**CANNED_QUERIES, **HEALTH_QUERIES}}},
        "plugins": {"govcrawl": {"archive_dir": str(Path(archive_dir).resolve()) if archive_dir else "archive"}},
    }


def write_metadata(path: str | Path, archive_dir: str | None = None, database: str = "metadata") -> Path:
    path = Path(path)
    path.write_text(json.dumps(build_metadata(archive_dir, database), ensure_ascii=False, indent=2), "utf-8")
    return path
