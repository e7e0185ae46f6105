"""The site's own pages: home (what the data is, coverage), search, charts and the table codes."""
from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

from datasette.utils.asgi import NotFound, Response

from govcrawl import search
from govcrawl.publish import charts, labels
from govcrawl.publish.report_page import load_report

PAGE_SIZE = 20
FACETS = [("report_year", "年度 Year"), ("province", "省 Province"), ("county", "县（区）County"),
          ("is_annual_report", "年报 Annual report")]


def _db(datasette, name: str | None = None):
    try:
        return datasette.get_database(name) if name else datasette.get_database()
    except KeyError:
        raise NotFound("没有这个数据库 / No such database")


def coverage(conn) -> dict:
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    per = lambda sql: [dict(zip(("key", "n"), r)) for r in conn.execute(sql)]  # noqa: E731
    return {
        "annual": one("select count(*) from reports where is_annual_report = 1"),
        "documents": one("select count(*) from reports"),
        "sites": one("select count(*) from sites"),
        "last_crawl": one("select max(coalesce(finished, started)) from crawl_runs"),
        "first_crawl": one("select min(started) from crawl_runs"),
        "per_year": per("select report_year, count(*) from reports where is_annual_report = 1 "
                        "and report_year is not null group by 1 order by 1"),
        "per_province": per("select coalesce(province, '（未知）'), count(*) from reports where is_annual_report = 1 "
                            "group by 1 order by 2 desc"),
        "per_level": [{"key": labels.LEVELS.get(r["key"], r["key"]), "n": r["n"]} for r in per(
            "select level, count(*) from report_catalogue where is_annual_report = 1 group by 1 order by 2 desc")]
        if conn.execute("select 1 from sqlite_master where name = 'report_catalogue'").fetchone() else [],
    }


async def home(datasette, request):
    db = _db(datasette)
    data = await db.execute_fn(coverage)
    data.update(_coverage_charts(data), database=db.name)
    return Response.html(await datasette.render_template("govcrawl_home.html", data, request=request))


def _coverage_charts(per: dict) -> dict:
    return {"year_chart": charts.bars([(str(r["key"]), r["n"]) for r in per["per_year"]], "每年的年报数 Reports per year"),
            "province_chart": charts.hbars([(r["key"], r["n"]) for r in per["per_province"]],
                                           "各省年报数 Reports per province")}


def _filters(args) -> tuple[str, list, list[tuple[str, str]]]:
    where, params, chosen = [], [], []
    for name, _label in FACETS:
        value = args.get(name)
        if value:
            where.append(f"r.{name} = ?")
            params.append(int(value) if name in ("report_year", "is_annual_report") and value.isdigit() else value)
            chosen.append((name, value))
    return " and ".join(where), params, chosen


def _facet_counts(conn, rowids: set[int]) -> list[dict]:
    """Counts of each facet's values among ``rowids``, from one walk of the facet index
    (``storage.INDEXES``) rather than one query of the search index per facet."""
    names = [name for name, _label in FACETS]
    rows = [row for row in conn.execute(f"select rowid, {', '.join(names)} from reports") if row[0] in rowids]
    counts = [Counter(row[i] for row in rows if row[i] is not None) for i in range(1, len(names) + 1)]
    out = []
    for (name, label), seen in zip(FACETS, counts):
        # years in year order, newest first; other facets by count
        ordered = sorted(seen.items(), key=(lambda kv: -kv[0]) if name == "report_year" else (lambda kv: -kv[1]))
        out.append({"name": name, "label": label, "options": [{"value": v, "n": n} for v, n in ordered[:30]]})
    return out


def search_data(conn, q: str, page: int, args) -> dict:
    where, params, chosen = _filters(args)
    result = search.search(conn, q, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, where=where, params=params)
    facets = _facet_counts(conn, result.rowids) if result.total else []
    return {"result": result, "facets": facets, "chosen": chosen}


async def search_page(datasette, request):
    db = _db(datasette)
    q = request.args.get("q", "")
    try:
        page = max(1, min(500, int(request.args.get("page", "1"))))
    except ValueError:
        page = 1
    data = await db.execute_fn(lambda conn: search_data(conn, q, page, request.args))
    args = [(k, v) for k in request.args.keys() if k != "page" for v in request.args.getlist(k)]

    def link(**changes) -> str:
        kept = [(k, v) for k, v in args if k not in changes]
        kept += [(k, str(v)) for k, v in changes.items() if v not in (None, "")]
        return "/search?" + urlencode(kept)

    result = data["result"]
    data.update({"q": q, "page": page, "pages": (result.total + PAGE_SIZE - 1) // PAGE_SIZE, "link": link,
                 "database": db.name,
                 "table_link": f"/{db.name}/reports?" + urlencode([("_search", q)] + data["chosen"]),
                 "feed_link": f"/{db.name}/new_reports_feed.atom?" + urlencode(
                     {"q": q, "province": request.args.get("province", ""), "county": "", "township": ""})})
    return Response.html(await datasette.render_template("govcrawl_search.html", data, request=request))


async def report(datasette, request):
    db = _db(datasette, request.url_vars["database"])
    report_id = request.url_vars["report_id"]
    data = await db.execute_fn(lambda conn: load_report(conn, report_id))
    if data is None:
        raise NotFound(f"没有这份报告 / No report {report_id}")
    data["database"] = db.name
    return Response.html(await datasette.render_template("govcrawl_report.html", data, request=request))


def chart_data(conn, county: str) -> dict:
    counties = [r[0] for r in conn.execute(
        "select county from reports where is_annual_report = 1 and county is not null group by 1 order by 1")]
    county = county if county in counties else (counties[0] if counties else "")
    bodies = {}
    for body, year, received, reviews, suits, corrected in conn.execute(
            "select coalesce(nullif(r.agency, ''), nullif(r.township, ''), r.county), r.report_year, "
            "sum(case when s.\"table\" = 'applications' and s.\"row\" = 'new' and s.\"column\" = 'total' then s.value end), "
            "sum(case when s.\"table\" = 'appeals' and s.\"row\" = 'review' and s.\"column\" = 'total' then s.value end), "
            "sum(case when s.\"table\" = 'appeals' and s.\"row\" like 'suit%' and s.\"column\" = 'total' then s.value end), "
            "sum(case when s.\"table\" = 'appeals' and s.\"column\" = 'corrected' then s.value end) "
            "from reports r join report_stats s on s.report_id = r.report_id "
            "where r.is_annual_report = 1 and r.county = ? and r.report_year is not null "
            "group by r.report_id order by 1, 2", [county]):
        bodies.setdefault(body, []).append((year, received, reviews, suits, corrected))
    series = []
    for body, rows in bodies.items():
        series.append({
            "body": body,
            "applications": charts.bars([(str(y), n or 0) for y, n, *_ in rows], f"{body}：收到申请 Applications"),
            "appeals": charts.grouped([(str(y), [rv or 0, st or 0, c or 0]) for y, _n, rv, st, c in rows],
                                      ["行政复议 reviews", "行政诉讼 suits", "结果纠正 corrected"],
                                      f"{body}：复议与诉讼 Reviews and lawsuits")})
    return {"counties": counties, "county": county, "series": series}


async def charts_page(datasette, request):
    db = _db(datasette)
    data = await db.execute_fn(lambda conn: chart_data(conn, request.args.get("county", "")))
    data.update(_coverage_charts(await db.execute_fn(coverage)), database=db.name)
    return Response.html(await datasette.render_template("govcrawl_charts.html", data, request=request))


async def codes_page(datasette, request):
    data = {"tables": labels.TABLES, "application_rows": labels.APPLICATION_ROWS, "applicants": labels.APPLICANTS,
            "appeal_rows": labels.APPEAL_ROWS, "appeal_columns": labels.APPEAL_COLUMNS,
            "active_rows": labels.ACTIVE_ROWS, "active_columns": labels.ACTIVE_COLUMNS, "checks": labels.CHECKS,
            "database": _db(datasette).name}
    return Response.html(await datasette.render_template("govcrawl_codes.html", data, request=request))
