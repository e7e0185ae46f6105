"""Canned queries of the site: honest numbers by publishing body, search, changes and Atom feeds.

Figures are never added up across bodies: each row is one report of one body (a county
government, a 乡镇/街道, a department), labelled with its level, so a 街道's numbers are never
shown as its county's. Pre-2019 reports' 统计表 cells are included where their indicator has the
same meaning as a cell of the 2019 template (LEGACY_MAP), marked ``source = legacy``.
"""
from __future__ import annotations

# The publishing body's level: a report naming a 乡镇/街道 is the township's, whatever portal held it.
LEVEL = ("case when coalesce(r.township, '') != '' then 'township' "
         "when s.level = 'department' then 'department' else coalesce(s.level, 'county') end")
BODY = "coalesce(nullif(r.agency, ''), nullif(r.township, ''), r.county)"
REGION = ("(:province = '' or r.province = :province) and (:county = '' or r.county = :county) "
          "and (:township = '' or r.township = :township)")
# Words to look for, through the same index as the search page (both tables only when needed).
MATCH = ("(govcrawl_fts(:q) = '' or r.rowid in (select rowid from reports_fts where reports_fts match "
         "govcrawl_fts(:q))) and (govcrawl_chars(:q) = '' or r.rowid in (select rowid from reports_chars "
         "where reports_chars match govcrawl_chars(:q)))")

# 统计表 indicator (as stored in table `legacy`) → (table, row, column) of the 2019 template.
LEGACY_MAP = [
    ("(一)收到申请数", "applications", "new", "total"),
    ("(二)申请办结数", "applications", "handled_total", "total"),
    ("2.同意公开答复数", "applications", "granted", "total"),
    ("3.同意部分公开答复数", "applications", "partly_granted", "total"),
    ("四、行政复议数量", "appeals", "review", "total"),
    ("(一)维持具体行政行为数", "appeals", "review", "upheld"),
    ("(二)被依法纠错数", "appeals", "review", "corrected"),
    ("(三)其他情形数", "appeals", "review", "other"),
    ("五、行政诉讼数量", "appeals", "suit", "total"),
    ("(一)维持具体行政行为或者驳回原告诉讼请求数", "appeals", "suit", "upheld"),
    ("五、行政诉讼数量/(二)被依法纠错数", "appeals", "suit", "corrected"),
    ("五、行政诉讼数量/(三)其他情形数", "appeals", "suit", "other"),
]
LEGACY_NOTE = (
    "2019 年以前的统计表：收到申请数、申请办结数、同意公开、同意部分公开、行政复议和行政诉讼数量及其结果已对应到新表；"
    "上年结转、结转下年度、按申请人类型的数字和不予公开的细分在旧表中没有，留空。 / Before 2019: applications received, "
    "handled, granted in full and in part, and review / lawsuit counts and outcomes map onto the 2019 table; carried-in, "
    "carried-over, applicant types and the reasons for withholding did not exist and stay blank.")


def _cells_cte() -> str:
    """``cells(report_id, tbl, row, col, value, source)``: standard cells plus mapped legacy ones."""
    values = ", ".join(f"('{label}', '{table}', '{row}', '{col}')" for label, table, row, col in LEGACY_MAP)
    return (
        f"legacy_map(label, tbl, row, col) as (values {values}), "
        "cells as ("
        "select report_id, \"table\" as tbl, case when \"row\" like 'suit%' then 'suit' else \"row\" end as row, "
        "\"column\" as col, value, 'standard' as source from report_stats where \"table\" in ('applications', 'appeals') "
        "union all select s.report_id, m.tbl, m.row, m.col, s.value, 'legacy' from report_stats s "
        "join legacy_map m on m.label = s.\"row\" where s.\"table\" = 'legacy')")


def _by_body(select: str, where: str) -> str:
    return (
        f"with {_cells_cte()} select {LEVEL} as level, r.province, r.city, r.county, r.township, "
        f"{BODY} as body, r.report_year, {select}, max(c.source) as source, r.report_id "
        "from reports r left join sites s on s.site_id = r.site_id join cells c on c.report_id = r.report_id "
        f"where r.is_annual_report = 1 and {where} and {REGION} and (:level = '' or {LEVEL} = :level) "
        "group by r.report_id order by r.province, r.county, level, body, r.report_year")


def _sum(table: str, row: str, col: str) -> str:
    return f"sum(case when c.tbl = '{table}' and c.row = '{row}' and c.col = '{col}' then c.value end)"


APPLICATIONS_BY_BODY = _by_body(
    f"{_sum('applications', 'new', 'total')} as received, {_sum('applications', 'carried_in', 'total')} as carried_in, "
    f"{_sum('applications', 'handled_total', 'total')} as handled, {_sum('applications', 'granted', 'total')} as granted, "
    f"{_sum('applications', 'partly_granted', 'total')} as partly_granted, "
    f"round(100.0 * {_sum('applications', 'granted', 'total')} / "
    f"nullif({_sum('applications', 'handled_total', 'total')}, 0), 1) as granted_pct",
    "c.tbl = 'applications'")

APPEALS_BY_BODY = _by_body(
    f"{_sum('appeals', 'review', 'total')} as reviews, {_sum('appeals', 'review', 'corrected')} as reviews_corrected, "
    f"{_sum('appeals', 'suit', 'total')} as suits, {_sum('appeals', 'suit', 'corrected')} as suits_corrected",
    "c.tbl = 'appeals'")

SEARCH = (
    "select r.report_id, r.title, r.report_year, r.province, r.county, r.township, r.publisher, "
    "r.published_date, govcrawl_snippet(r.body_text, :q) as context, r.url from reports r "
    f"where trim(:q) != '' and {MATCH} order by r.published_date desc limit 200")

INCONSISTENT = (
    "select r.report_id, r.title, r.report_year, r.province, r.county, r.township, "
    "group_concat(govcrawl_check_text(c.rule, c.scope, c.detail), '；') as failures, r.url "
    "from report_checks c join reports r on r.report_id = c.report_id "
    "where c.status = 'fail' group by r.report_id order by r.report_year desc, r.county")

NEW_REPORTS_FEED = (
    "select 'govcrawl:report:' || r.report_id as atom_id, r.title as atom_title, "
    "coalesce(r.first_seen, r.published_date) as atom_updated, "
    "'/{db}/reports/' || r.report_id as atom_link, "
    "coalesce(r.province, '') || ' ' || coalesce(r.county, '') || ' ' || coalesce(r.township, '') || ' · ' || "
    "coalesce(r.publisher, '') || ' · ' || coalesce(r.published_date, '') || char(10) || substr(r.body_text, 1, 300) "
    "as atom_content, r.report_id, r.url from reports r "
    f"where r.is_annual_report = 1 and {REGION} and (trim(:q) = '' or ({MATCH})) "
    "order by r.first_seen desc, r.published_date desc limit 100")


def change_queries() -> dict:
    """Queries on re-crawl changes (tables report_events / report_versions)."""
    events = (
        "select e.date, e.event, r.title, r.province, r.county, r.township, e.detail, e.url, r.report_id "
        "from report_events e join reports r on r.report_id = e.report_id "
        "where e.event in ({events}) and e.date >= coalesce(nullif(:since, ''), '0000') "
        "order by e.date desc, r.title")
    return {
        "new_reports_since": {
            "title": "新增的报告 · New reports since a date",
            "description": "首次出现的报告（日期格式 2025-01-31）/ Reports first seen on or after :since (YYYY-MM-DD).",
            "sql": events.format(events="'new', 'reappeared'")},
        "edited_reports_since": {
            "title": "被修改的报告 · Edited reports since a date",
            "description": "正文或表格数字有变化的报告，在报告页可看两版差异 / Reports whose text or numbers changed; "
                           "the report page shows the differences.",
            "sql": events.format(events="'edited'")},
        "removed_reports_since": {
            "title": "被删除的报告 · Removed reports since a date",
            "description": "原网址已无法访问（404、跳转首页或“信息已删除”），存档仍在 / Reports gone from the portal; "
                           "their archived copies remain.",
            "sql": events.format(events="'removed'")},
        "changes_feed": {
            "title": "变化订阅 · Feed of new, edited and removed reports",
            "description": "用阅读器订阅本页的 .atom 链接 / Subscribe to this query's .atom link in a feed reader.",
            "sql": (
                "select 'govcrawl:event:' || e.event_id as atom_id, "
                "case e.event when 'new' then '新增' when 'edited' then '修改' when 'removed' then '删除' "
                "else '恢复' end || '：' || r.title as atom_title, e.date || 'T00:00:00Z' as atom_updated, "
                "'/{db}/reports/' || r.report_id as atom_link, "
                "coalesce(r.province, '') || ' ' || coalesce(r.county, '') || ' ' || coalesce(r.township, '') "
                "|| char(10) || coalesce(e.detail, '') || char(10) || e.url as atom_content, e.event, e.date, r.report_id "
                "from report_events e join reports r on r.report_id = e.report_id "
                f"where {REGION} order by e.date desc limit 100")},
    }


def canned_queries(tables: set[str], database: str) -> dict:
    """The canned queries for a database holding ``tables``, named ``database`` on the site."""
    queries = {
        "search": {
            "title": "搜索报告（SQL 版）· Search reports (as a query)",
            "description": "与搜索页相同的匹配：每个词都作为原文的连续片段出现在标题、正文或附件中 / The same matches as "
                           "the search page (/search): every word, as a substring of title, body or attachment text.",
            "sql": SEARCH},
        "applications_by_body": {
            "title": "依申请公开：各发布主体逐年数字 · Applications by publishing body and year",
            "description": "每行是一个主体（县政府、乡镇街道或部门）的一份年报，从不把乡镇或部门的数字算作县的。" + LEGACY_NOTE,
            "sql": APPLICATIONS_BY_BODY},
        "appeals_by_body": {
            "title": "行政复议、行政诉讼：各发布主体逐年数字 · Reviews and lawsuits by publishing body and year",
            "description": "每行是一个主体的一份年报；结果纠正 = 决定被纠正。" + LEGACY_NOTE,
            "sql": APPEALS_BY_BODY},
        "inconsistent_reports": {
            "title": "数字对不上的报告 · Reports whose numbers do not add up",
            "description": "至少一条勾稽关系不成立的年报，并说明哪里不相等 / Annual reports failing a consistency check, "
                           "explained.",
            "sql": INCONSISTENT},
        "new_reports_feed": {
            "title": "新报告订阅 · Feed of new annual reports",
            "description": "可按省、县、乡镇或搜索词筛选，再订阅 .atom 链接 / Filter by region or words, then subscribe to "
                           "the .atom link.",
            "sql": NEW_REPORTS_FEED},
    }
    if {"report_events", "report_versions"} <= tables:
        queries.update(change_queries())
    db = database.replace("'", "''").replace("/", "")
    for query in queries.values():
        query["sql"] = query["sql"].replace("{db}", db)
    return queries
