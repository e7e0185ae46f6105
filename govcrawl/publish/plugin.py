"""govcrawl's Datasette plugin: the pages journalists use, and the hooks that tie tables to them.

Pages (govcrawl.publish.pages): ``/`` home with coverage, ``/search`` ranked search with snippets,
``/<db>/reports/<report_id>`` the report page, ``/-/charts``, ``/-/codes`` (TABLES.md in Chinese
and English), ``/-/archive/<capture_id>`` safe replay (govcrawl.publish.archive_view).
Hooks: ``_search`` on the reports tables filters through the same exact index (the words typed
stay in the box and the URL), SQL functions for canned queries, links from any ``report_id`` or
``capture_id`` cell, Chinese column labels, and the reports tables open on annual reports.
"""
from __future__ import annotations

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from govcrawl import search
from govcrawl.publish import labels, pages
from govcrawl.publish.archive_view import archived_copy
from govcrawl.publish.report_page import explain_check
from govcrawl.storage import WIDE_VIEW

SEARCHABLE = {"reports": "rowid", "report_catalogue": "report_id", "applications_wide": "report_id"}
ANNUAL_BY_DEFAULT = ("reports", "report_catalogue")


def _snippet_text(text, q):
    query = search.parse_query(q)
    return str(search.snippet(text, query.terms)).replace("<mark>", "【").replace("</mark>", "】") \
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#34;", '"').replace("&#39;", "'")


@hookimpl
def prepare_connection(conn):
    conn.create_function("govcrawl_fts", 1, lambda q: search.parse_query(q).fts, deterministic=True)
    conn.create_function("govcrawl_chars", 1, lambda q: search.parse_query(q).chars, deterministic=True)
    conn.create_function("govcrawl_snippet", 2, _snippet_text, deterministic=True)
    conn.create_function("govcrawl_check_text", 3, lambda rule, scope, detail: explain_check(
        {"rule": rule, "scope": scope, "detail": detail, "status": "fail"}), deterministic=True)


@hookimpl
def register_routes():
    return [
        (r"^/$", pages.home),
        (r"^/search$", pages.search_page),
        (r"^/-/charts$", pages.charts_page),
        (r"^/-/codes$", pages.codes_page),
        (r"^/-/archive/(?P<capture_id>[0-9A-Za-z-]+)$", archived_copy),
        (r"^/(?P<database>[^/]+)/reports/(?P<report_id>[^/.]+)$", pages.report),
    ]


@hookimpl
def filters_from_request(request, database, table, datasette):
    """``_search`` on a reports table: every word as a substring, through the search index."""
    q = request.args.get("_search", "")
    if table not in SEARCHABLE or not q.strip():
        return None
    sql, params = search.matching_rowids_sql(q)
    for i, p in enumerate(params):
        sql = sql.replace("?", f":govcrawl_search_{i}", 1)
    key = SEARCHABLE[table]
    clause = (f"rowid in ({sql})" if key == "rowid" else
              f"report_id in (select report_id from reports where rowid in ({sql}))")
    terms = search.parse_query(q).terms
    return FilterArguments(
        [clause], {f"govcrawl_search_{i}": p for i, p in enumerate(params)},
        [("含有 " + "、".join(f"“{t}”" for t in terms) + " / containing " + ", ".join(terms)) if terms
         else "没有可搜索的字 / nothing to search for"])


@hookimpl
def render_cell(value, column, table, database, datasette):
    if not value or not isinstance(value, str):
        return None
    if column == "capture_id":
        return Markup(f'<a href="/-/archive/{escape(value)}">存档 archived copy</a>')
    if column == "report_id" and table != "reports":
        return Markup(f'<a href="/{escape(database)}/reports/{escape(value)}">{escape(value)}</a>')
    if column in ("url", "homepage") and value.startswith(("http://", "https://")):
        return Markup(f'<a href="{escape(value)}" rel="noopener noreferrer nofollow">{escape(value)}</a>')
    return None


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    def column_label(name: str) -> str | None:
        return labels.wide_column_label(name)

    return {
        "column_label": column_label,
        "govcrawl_search_box": view_name == "table" and table in SEARCHABLE,
        "govcrawl_search": (request.args.get("_search", "") if request else ""),
        "govcrawl_hidden_args": [(k, v) for k in (request.args.keys() if request else [])
                                 if k not in ("_search", "_next") for v in request.args.getlist(k)],
    }


def _annual_redirect(scope) -> bytes | None:
    """``/<db>/reports`` with no arguments opens on annual reports (others are one click away)."""
    if scope.get("type") != "http" or scope.get("query_string"):
        return None
    parts = scope.get("path", "").strip("/").split("/")
    if len(parts) == 2 and parts[1] in ANNUAL_BY_DEFAULT:
        return f"/{parts[0]}/{parts[1]}?is_annual_report=1".encode()
    return None


def _without_count(scope) -> dict:
    """The wide view's page without its row count: counting means aggregating every report's cells
    (seconds on a large database), while the first page streams in report order."""
    parts = scope.get("path", "").strip("/").split("/")
    query = scope.get("query_string") or b""
    if scope.get("type") == "http" and len(parts) == 2 and parts[1] == WIDE_VIEW and b"_nocount" not in query:
        return dict(scope, query_string=(query + b"&" if query else b"") + b"_nocount=1")
    return scope


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def wrapped(scope, receive, send):
            location = _annual_redirect(scope)
            if location is not None:
                await Response.redirect(location.decode()).asgi_send(send)
                return
            await app(_without_count(scope), receive, send)

        return wrapped

    return wrap
