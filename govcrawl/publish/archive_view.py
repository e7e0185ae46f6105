"""/-/archive/<capture_id>: an archived response, replayed safely.

- The WARC record is read in chunks up to MAX_BYTES. warcio undoes Content-Encoding as it reads,
  so a compression bomb is inflated only up to the limit, never whole; past it the page says so.
- At most REPLAYS replays run at once, each in a worker thread, so hostile captures cannot take
  the site's memory or its event loop.
- HTML is rewritten before it is served: every subresource (images, stylesheets, frames, media,
  CSS url()) points at its own archived capture when there is one and is dropped when there is
  not; scripts, <base> and meta refresh are removed; links to archived pages stay in the archive.
  A banner names the original URL and the capture time.
- A Content-Security-Policy allows requests to this server only and no scripts at all, so nothing
  the page holds can reach the live web or run.
"""
from __future__ import annotations

import asyncio
import re
from pathlib import Path
from urllib.parse import urljoin, urldefrag

from datasette.utils.asgi import Response
from markupsafe import escape

MAX_BYTES = 20 * 1024 * 1024
CHUNK = 64 * 1024
REPLAYS = asyncio.Semaphore(2)
CSP = ("default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
       "media-src 'self'; frame-src 'self'; child-src 'self'; script-src 'none'; connect-src 'none'; "
       "form-action 'none'; base-uri 'none'; "
       "sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "Cache-Control": "private, max-age=3600"}

SUBRESOURCE_ATTRS = {"img": ("src", "srcset"), "source": ("src", "srcset"), "link": ("href",),
                     "iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data",),
                     "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "input": ("src",),
                     "body": ("background",), "table": ("background",), "td": ("background",)}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""", re.IGNORECASE)


class TooLarge(Exception):
    pass


def _warc_path(archive_dir: Path, warc_file: str) -> Path:
    path = (archive_dir / warc_file).resolve()
    if archive_dir.resolve() not in path.parents:
        raise LookupError(f"WARC file outside the archive: {warc_file}")
    return path


def read_payload(archive_dir: Path, warc_file: str, offset: int, limit: int = MAX_BYTES):
    """(HTTP headers, payload, target URI) of a record, reading at most ``limit`` decoded bytes."""
    from warcio.archiveiterator import ArchiveIterator

    with open(_warc_path(archive_dir, warc_file), "rb") as fh:
        fh.seek(offset)
        for record in ArchiveIterator(fh):
            stream = record.content_stream()
            parts, size = [], 0
            while True:
                chunk = stream.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise TooLarge(f"more than {limit // (1024 * 1024)} MiB once decoded")
                parts.append(chunk)
            headers = record.http_headers.headers if record.http_headers else []
            return headers, b"".join(parts), record.rec_headers.get_header("WARC-Target-URI")
    raise LookupError(f"no WARC record at {warc_file}:{offset}")


def _decode(body: bytes, content_type: str | None) -> str:
    from govcrawl.extract.decode import decode_html

    return decode_html(body, content_type)[0]


def rewrite_html(html: str, page_url: str, archived: dict[str, str], banner: str) -> str:
    """The page with subresources pointed at their captures (or dropped) and the banner on top."""
    import lxml.html

    doc = lxml.html.document_fromstring(html or "<html><body></body></html>")

    def local(url: str | None) -> str | None:
        if not url or url.strip().lower().startswith("data:"):
            return url
        absolute = urldefrag(urljoin(page_url, url.strip()))[0]
        capture = archived.get(absolute)
        return f"/-/archive/{capture}" if capture else None

    def css(text: str) -> str:
        def sub(m: re.Match) -> str:
            target = local(m.group(2) or m.group(4))
            if m.group(2) is not None:
                return f"url({target})" if target else "url()"
            return f'@import "{target}"' if target else ""
        return _CSS_URL.sub(sub, text)

    for el in list(doc.iter("script", "noscript", "base", "applet")):
        el.drop_tree()
    for el in list(doc.iter("meta")):
        if (el.get("http-equiv") or "").lower() in ("refresh", "content-type", "set-cookie") or el.get("charset"):
            el.drop_tree()
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in [a for a in el.attrib if a.lower().startswith("on")]:
            del el.attrib[attr]
        for attr in SUBRESOURCE_ATTRS.get(el.tag, ()):
            value = el.get(attr)
            if value is None:
                continue
            if attr == "srcset":
                kept = [" ".join([local(p.split()[0])] + p.split()[1:]) for p in value.split(",")
                        if p.split() and local(p.split()[0])]
                el.set(attr, ", ".join(kept)) if kept else el.attrib.pop(attr)
            else:
                target = local(value)
                el.set(attr, target) if target else el.attrib.pop(attr)
        if el.get("style"):
            el.set("style", css(el.get("style")))
        if el.tag == "style" and el.text:
            el.text = css(el.text)
        if el.tag in ("a", "area") and el.get("href"):
            href = el.get("href").strip()
            if href.lower().startswith("javascript:"):
                el.attrib.pop("href")
                continue
            target = local(href)
            if target:
                el.set("href", target)
            else:
                el.set("href", urljoin(page_url, href))
                el.set("target", "_blank")
                el.set("rel", "noopener noreferrer")
        if el.tag == "form":
            el.attrib.pop("action", None)
    head = doc.find("head")
    if head is None:
        head = lxml.html.Element("head")
        doc.insert(0, head)
    head.insert(0, lxml.html.fragment_fromstring('<meta charset="utf-8">'))
    body = doc.find("body")
    if body is None:
        body = lxml.html.Element("body")
        doc.append(body)
    body.insert(0, lxml.html.fragment_fromstring(banner))
    return "<!DOCTYPE html>\n" + lxml.html.tostring(doc, encoding="unicode")


def _urls_in(html: str, page_url: str) -> set[str]:
    found = set(re.findall(r"""(?:src|href|background|poster|data)\s*=\s*["']?([^"'\s>]+)""", html, re.IGNORECASE))
    found |= {m.group(2) or m.group(4) for m in _CSS_URL.finditer(html)}
    return {urldefrag(urljoin(page_url, u))[0] for u in found if u and not u.startswith(("data:", "javascript:"))}


def banner_html(target: str, fetched_at: str | None, report: tuple | None, database: str) -> str:
    back = (f' · <a href="/{escape(database)}/reports/{escape(report[0])}" style="color:#fff">返回报告页 '
            f'Back to the report</a>') if report else ""
    return (
        '<div id="govcrawl-archive-banner" style="position:sticky;top:0;z-index:2147483647;margin:0;'
        'padding:8px 12px;background:#7a1f1f;color:#fff;font:14px/1.5 sans-serif;text-align:left">'
        f'<strong>存档副本 · Archived copy</strong> 抓取时间 Captured {escape(fetched_at or "?")} · '
        f'原网址 Original: <a href="{escape(target)}" target="_blank" rel="noopener noreferrer" '
        f'style="color:#fff;text-decoration:underline">{escape(target)}</a>{back}'
        '<br><small>页面中的图片和样式只取自存档，脚本已停用 / Images and styles come from the archive only; '
        'scripts are disabled.</small></div>')


def _error(status: int, message: str) -> Response:
    return Response.html(f"<!DOCTYPE html><meta charset=utf-8><title>存档 · Archive</title>"
                         f"<p>{escape(message)}</p><p><a href=\"/\">首页 · Home</a></p>",
                         status=status, headers=HEADERS)


def replay(conn, archive_dir: Path, capture_id: str, database: str) -> Response:
    """The response to serve for one capture (runs in a worker thread)."""
    row = conn.execute("select url, warc_file, warc_offset, content_type, fetched_at from captures "
                       "where capture_id = ?", [capture_id]).fetchone()
    if row is None:
        return _error(404, f"没有这条存档 / No capture {capture_id}")
    url, warc_file, offset, content_type, fetched_at = row
    try:
        _headers, body, target = read_payload(archive_dir, warc_file, offset)
    except TooLarge as exc:
        return _error(413, f"存档内容过大，不在网站上显示 / The archived response is too large to show here ({exc}); "
                           f"it stays in the WARC file {warc_file} at offset {offset}.")
    except (OSError, LookupError, ValueError, EOFError) as exc:
        return _error(404, f"存档记录无法读取 / Archived record unavailable: {exc}")
    target = target or url
    ctype = (content_type or "application/octet-stream").split(";")[0].strip().lower()
    if ctype not in ("text/html", "application/xhtml+xml"):
        if ctype.startswith(("text/html", "image/svg")):
            ctype = "text/plain"
        return Response(body, content_type=ctype, headers={**HEADERS, "X-Archived-From": target})
    html = _decode(body, content_type)
    urls = sorted(_urls_in(html, target))
    archived: dict[str, str] = {}
    for i in range(0, len(urls), 500):
        chunk = urls[i:i + 500]
        for u, cid in conn.execute(
                f"select url, capture_id from captures where status between 200 and 299 and url in "
                f"({', '.join('?' * len(chunk))}) order by fetched_at", chunk):
            archived[u] = cid
    report = conn.execute("select report_id from reports where capture_id = ? limit 1", [capture_id]).fetchone()
    page = rewrite_html(html, target, archived, banner_html(target, fetched_at, report, database))
    return Response.html(page, headers={**HEADERS, "X-Archived-From": target})


async def archived_copy(datasette, request):
    config = datasette.plugin_config("govcrawl") or {}
    archive_dir = Path(config.get("archive_dir", "archive"))
    db = datasette.get_database()
    capture_id = request.url_vars["capture_id"]
    async with REPLAYS:
        return await db.execute_fn(lambda conn: replay(conn, archive_dir, capture_id, db.name))
