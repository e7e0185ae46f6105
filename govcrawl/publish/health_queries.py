"""Datasette pages for operators: the site health table and the run report.

Kept apart from the journalists' metadata (govcrawl.publish.metadata), which merges these in:
``HEALTH_TABLES`` into its tables and ``HEALTH_QUERIES`` into its canned queries.
"""
from __future__ import annotations

HEALTH_TABLES = {
    "site_health": {
        "title": "Site health after each crawl",
        "description": "One row per site per crawl: new_reports / no_change / updated (ok), budget_hit / "
                       "never_found / interrupted (warn), went_dark / coverage_drop / blocked / unreachable "
                       "(fail); streak = failing runs in a row; advice = what to fix.",
        "sort_desc": "checked",
        "facets": ["health", "severity", "action"],
    },
    "run_report": {
        "title": "Run report: every site run with its outcome, health and duration",
        "sort_desc": "started",
        "facets": ["outcome", "health", "status"],
    },
}

HEALTH_QUERIES = {
    "sites_to_fix": {
        "title": "Sites to fix after the latest crawl",
        "description": "Failing and warning sites of the latest crawl, worst first, with what to do.",
        "sql": (
            "select h.site_id, s.name, s.homepage, h.health, h.severity, h.streak, h.action, h.advice, "
            "h.last_good_run, h.last_good_reports from site_health h left join sites s using (site_id) "
            "where h.crawl_id = (select crawl_id from site_health order by checked desc limit 1) "
            "and h.severity != 'ok' order by h.severity = 'warn', h.streak desc, h.site_id"
        ),
    },
    "crawl_report": {
        "title": "Crawls: sites by health, reports found, duration",
        "description": "One row per crawl: how many sites ended in each health class, reports and new reports, "
                       "and how long the crawl took.",
        "sql": (
            "select r.crawl_id, min(r.started) as started, max(r.finished) as finished, "
            "cast(round((julianday(max(r.finished)) - julianday(min(r.started))) * 86400) as integer) as duration_s, "
            "count(*) as sites, sum(r.reports) as reports, sum(r.new_reports) as new_reports, "
            "sum(h.severity = 'fail') as failing, sum(h.severity = 'warn') as warnings, "
            "group_concat(distinct r.finish_reason) as finish_reasons "
            "from crawl_runs r left join site_health h on h.crawl_id = r.crawl_id and h.site_id = r.site_id "
            "group by r.crawl_id order by started desc"
        ),
    },
    "site_history": {
        "title": "One site's health, crawl after crawl",
        "description": "Give a site_id: every crawl of it with its outcome, health and field coverage.",
        "sql": (
            "select h.checked, h.crawl_id, h.health, h.severity, h.streak, h.outcome, h.reports, h.new_reports, "
            "h.coverage, h.advice from site_health h where h.site_id = :site_id order by h.checked desc"
        ),
    },
}
