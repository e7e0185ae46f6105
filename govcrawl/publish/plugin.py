"""Datasette plugin: Chinese search that works for two-character words, and archived copies.

- ``_search`` on a table whose FTS index holds bigrams (see govcrawl.search) is rewritten into
  the bigram phrase query before Datasette sees it, so the ordinary search box works.
- ``cjk_query(q)`` does the same in SQL, for canned queries.
- ``/-/archive/<capture_id>`` replays the archived response of a capture from its WARC file.
"""
from __future__ import annotations

from pathlib import Path
import re
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import escape

from govcrawl.search import fts_query

# Table pages (HTML, .json, .csv, ...) of `reports`, in any database, whose search runs on a
# bigram FTS index.
SEARCH_PATHS = re.compile(r"^/[^/]+/reports(\.\w+)?/?$")


@hookimpl
def prepare_connection(conn):
    conn.create_function("cjk_query", 1, fts_query, deterministic=True)


def _rewrite_search(scope: dict) -> tuple[dict, tuple[str, str] | None]:
    """The scope with ``_search`` turned into a bigram query, and (query, original) if it was."""
    path = scope.get("path", "")
    if scope.get("type") != "http" or not SEARCH_PATHS.match(path):
        return scope, None
    pairs = parse_qsl(scope.get("query_string", b"").decode("utf-8"), keep_blank_values=True)
    original = next((v for k, v in pairs if k == "_search" and v), None)
    if original is None:
        return scope, None
    query = fts_query(original)
    out = [(k, query if k == "_search" else v) for k, v in pairs if k != "_searchmode"]
    out.append(("_searchmode", "raw"))
    return dict(scope, query_string=urlencode(out).encode("utf-8")), (query, original)


def _show_original(send, query: str, original: str):
    """Wrap ``send`` so an HTML page shows the words the user typed, not the bigram query."""
    start: dict = {}
    chunks: list[bytes] = []

    async def wrapped(message):
        if message["type"] == "http.response.start":
            headers = dict(message.get("headers") or [])
            if b"text/html" not in headers.get(b"content-type", b""):
                start["passthrough"] = True
                await send(message)
            else:
                start["message"] = message
            return
        if start.get("passthrough") or message["type"] != "http.response.body":
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body"):
            return
        body = b"".join(chunks).replace(str(escape(query)).encode(), str(escape(original)).encode())
        headers = [(k, v) for k, v in start["message"].get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await send(dict(start["message"], headers=headers))
        await send({"type": "http.response.body", "body": body})

    return wrapped


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def rewritten(scope, receive, send):
            scope, search = _rewrite_search(scope)
            if search is not None:
                send = _show_original(send, *search)
            await app(scope, receive, send)

        return rewritten

    return wrap


def _archive_dir(datasette) -> Path:
    config = datasette.plugin_config("govcrawl") or {}
    return Path(config.get("archive_dir", "archive"))


async def archived_copy(datasette, request):
    from govcrawl.archive import read_record

    capture_id = request.url_vars["capture_id"]
    db = datasette.get_database()  # the database govcrawl serves
    rows = (await db.execute(
        "select warc_file, warc_offset, content_type from captures where capture_id = ?",
        [capture_id])).rows
    if not rows:
        return Response.text(f"No capture {capture_id}", status=404)
    warc_file, offset, content_type = rows[0]
    try:
        _status, _headers, body, target = read_record(_archive_dir(datasette), warc_file, offset)
    except (OSError, LookupError) as exc:
        return Response.text(f"Archived record unavailable: {exc}", status=404)
    return Response(
        body,
        content_type=content_type or "application/octet-stream",
        headers={
            # Replay inertly: the archived page may carry scripts of the original portal.
            "Content-Security-Policy": "sandbox",
            "X-Archived-From": target or "",
        },
    )


@hookimpl
def register_routes():
    return [(r"^/-/archive/(?P<capture_id>[0-9a-fA-F-]+)$", archived_copy)]


@hookimpl
def render_cell(value, column, table, database, datasette):
    if column == "capture_id" and value and table in ("reports", "attachments", "captures"):
        from markupsafe import Markup

        return Markup(f'<a href="/-/archive/{escape(value)}">archived copy</a>')
    return None
