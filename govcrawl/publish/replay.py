"""Datasette plugin: replay exported WACZ packages in the browser with ReplayWeb.page.

- ``/-/wacz`` lists the packages it can serve; ``/-/wacz?source=NAME.wacz&url=...&ts=...`` shows
  one archived page of one package in ReplayWeb.page's embeddable viewer.
- ``/-/replay/`` is ReplayWeb.page's own scope: ``ui.js`` and ``sw.js`` (its service worker), bundled
  by ``make setup`` from the pinned npm package ``replaywebpage`` (never fetched while serving), and
  its app page, which the service worker normally answers for itself; the server answers it too
  for the first load, before the worker controls the page.
- ``/-/replay/wacz/NAME.wacz`` serves a package with HTTP Range support: ReplayWeb.page reads the
  index and then only the byte ranges of the records it shows, so a large package opens at once.
- In ``reports``, the ``cdxj_key`` cell links to the replay of that capture.

Packages are the ``*.wacz`` files in ``$GOVCRAWL_WACZ_DIR`` if set (``govcrawl serve --wacz-dir``),
else in ``wacz/`` inside the archive directory (``govcrawl export wacz --out archive/wacz/x.wacz``).
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

ASSETS = Path(__file__).resolve().parent / "replay_assets"
ASSET_FILES = {"ui.js": "application/javascript", "sw.js": "application/javascript"}
APP_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>ReplayWeb.page</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script src="/-/replay/ui.js"></script></head>
<body><replay-app-main></replay-app-main></body></html>"""
WACZ_NAME = re.compile(r"^[\w.-]+\.wacz$")
CHUNK = 256 * 1024


def wacz_dir(datasette) -> Path:
    if os.environ.get("GOVCRAWL_WACZ_DIR"):
        return Path(os.environ["GOVCRAWL_WACZ_DIR"])
    config = datasette.plugin_config("govcrawl") or {}
    return Path(config.get("archive_dir", "archive")) / "wacz"


def packages(datasette) -> list[str]:
    folder = wacz_dir(datasette)
    return sorted(p.name for p in folder.glob("*.wacz")) if folder.is_dir() else []


def parse_range(header: str | None, size: int) -> tuple[int, int] | None | str:
    """(first, last) byte of a single ``bytes=`` range; None for no range; "bad" if unsatisfiable."""
    if not header:
        return None
    m = re.fullmatch(r"\s*bytes=(\d*)-(\d*)\s*(?:,.*)?", header)
    if not m or (m.group(1) == "" and m.group(2) == ""):
        return "bad"
    if m.group(1) == "":  # the last N bytes
        n = int(m.group(2))
        if n == 0:
            return "bad"
        return max(size - n, 0), size - 1
    first = int(m.group(1))
    last = int(m.group(2)) if m.group(2) else size - 1
    if first >= size or last < first:
        return "bad"
    return first, min(last, size - 1)


async def send_file(send, path: Path, content_type: str, range_header: str | None, head: bool,
                    extra_headers: list[tuple[bytes, bytes]] = ()) -> None:
    """Send a file (or one byte range of it) through ASGI in chunks, never whole in memory."""
    size = path.stat().st_size
    wanted = parse_range(range_header, size)
    headers = [(b"content-type", content_type.encode()), (b"accept-ranges", b"bytes"), *extra_headers]
    if wanted == "bad":
        await send({"type": "http.response.start", "status": 416,
                    "headers": headers + [(b"content-range", f"bytes */{size}".encode()),
                                          (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})
        return
    first, last = wanted if wanted else (0, size - 1)
    length = max(last - first + 1, 0)
    status = 206 if wanted else 200
    if wanted:
        headers.append((b"content-range", f"bytes {first}-{last}/{size}".encode()))
    headers.append((b"content-length", str(length).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    if head or length == 0:
        await send({"type": "http.response.body", "body": b""})
        return
    with open(path, "rb") as fh:
        fh.seek(first)
        left = length
        while left:
            block = fh.read(min(CHUNK, left))
            if not block:
                break
            left -= len(block)
            await send({"type": "http.response.body", "body": block, "more_body": left > 0})
    if left:
        await send({"type": "http.response.body", "body": b""})


async def replay_asset(request, send):
    name = request.url_vars["name"]
    path = ASSETS / name
    if name not in ASSET_FILES or not path.is_file():
        await Response.text(f"ReplayWeb.page file {name} is not installed: run `make setup`",
                            status=404).asgi_send(send)
        return
    # The service worker controls everything under /-/replay/.
    await send_file(send, path, ASSET_FILES[name], request.headers.get("range"),
                    request.method == "HEAD", [(b"service-worker-allowed", b"/-/replay/")])


async def wacz_file(datasette, request, send):
    name = request.url_vars["name"]
    path = wacz_dir(datasette) / name
    if not WACZ_NAME.match(name) or not path.is_file():
        await Response.text(f"No package {name}", status=404).asgi_send(send)
        return
    await send_file(send, path, "application/wacz", request.headers.get("range"),
                    request.method == "HEAD")


PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{margin:0;font-family:sans-serif}} header{{padding:.5em 1em;background:#eee}}
replay-web-page{{display:block;height:calc(100vh - 3em)}} li{{margin:.3em 0}}</style>
<script src="/-/replay/ui.js"></script></head>
<body><header>{header}</header>{body}</body></html>"""


async def replay_app(request):
    """ReplayWeb.page's app (the viewer's inner frame), until its service worker answers it."""
    if not (ASSETS / "ui.js").is_file():
        return Response.text("ReplayWeb.page is not installed: run `make setup`", status=503)
    return Response.html(APP_PAGE)


async def replay_page(datasette, request):
    source = request.args.get("source")
    url, ts = request.args.get("url", ""), request.args.get("ts", "")
    available = packages(datasette)
    if not (ASSETS / "ui.js").is_file():
        return Response.text("ReplayWeb.page is not installed: run `make setup`", status=503)
    if source is None and len(available) == 1:
        source = available[0]
    if source is None or source not in available:
        links = "".join(
            f'<li><a href="/-/wacz?{escape(urlencode({"source": n, "url": url, "ts": ts}))}">'
            f"{escape(n)}</a></li>" for n in available)
        body = (f"<ul>{links}</ul>" if links else
                f"<p>No WACZ packages in {escape(str(wacz_dir(datasette)))}: make one with "
                "<code>govcrawl export wacz --out archive/wacz/NAME.wacz</code>.</p>")
        status = 404 if source else 200
        return Response.html(PAGE.format(title="Archived copies", header="Archived copies (WACZ)",
                                         body=body), status=status)
    attrs = {"source": f"/-/replay/wacz/{source}", "replaybase": "/-/replay/", "embed": "default"}
    if url:
        attrs["url"] = url
    if ts:
        attrs["ts"] = ts
    tag = "<replay-web-page " + " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items()) + "></replay-web-page>"
    header = f"Archived copy: {escape(url) or escape(source)}" + (f" — captured {escape(ts)}" if ts else "")
    return Response.html(PAGE.format(title=f"Archived copy {escape(url)}", header=header, body=tag))


@hookimpl
def register_routes():
    return [
        (r"^/-/wacz/?$", replay_page),
        (r"^/-/replay/?$", replay_app),
        (r"^/-/replay/(?P<name>ui\.js|sw\.js)$", replay_asset),
        (r"^/-/replay/wacz/(?P<name>[^/]+)$", wacz_file),
    ]


@hookimpl
def render_cell(value, column, table, database, row, datasette):
    """The CDXJ key of a report's capture links to its replay (at the URL that was fetched,
    which for a replica differs from the report's canonical URL)."""
    if table != "reports" or column != "cdxj_key" or not value or row is None:
        return None

    async def link():
        try:
            capture_id = row["capture_id"]
        except (KeyError, IndexError):
            capture_id = None
        if isinstance(capture_id, dict):  # a foreign key as Datasette expands it
            capture_id = capture_id.get("value")
        rows = (await datasette.get_database(database).execute(
            "select url from captures where capture_id = ?", [capture_id])).rows if capture_id else []
        url = rows[0][0] if rows else row["url"]
        ts = str(value).rsplit(" ", 1)[-1]
        href = "/-/wacz?" + urlencode({"url": url, "ts": ts})
        return Markup(f'<a href="{escape(href)}" title="replay the archived copy">{escape(value)}</a>')

    return link
