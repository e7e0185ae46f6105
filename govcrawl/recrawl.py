"""What an earlier crawl left to the next: known columns, subsites, report URLs and their
validators, and how to tell that a known report is gone.

A weekly re-crawl starts from the 年报 columns found last time (rediscovering from the homepage
only when they fail), revisits every known report URL with ``If-None-Match`` /
``If-Modified-Since``, and stops paging a newest-first list once a page brings nothing new.
Where a server keeps no validators, a known report is revisited on an interval that grows with
its age (a report published years ago is rarely edited).

A known URL is gone when it answers 404 or 410, redirects to the homepage or a list, or serves a
"页面不存在 / 信息已删除 / 该信息已撤销" page. A network failure or a 5xx is not removal until it is
seen on two runs.
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

GONE_STATUSES = (404, 410)
_SOFT_404 = re.compile(
    r"(页面不存在|页面未找到|页面找不到|找不到(该|此)?页面|信息已(被)?删除|该信息已(被)?(撤销|删除|撤回|下线)|信息已(撤销|撤回|下线)|"
    r"文章(已|不存在)|内容已(被)?删除|您访问的(页面|信息|文章)(不存在|已删除|已被删除)|404\s*(not\s*found|错误)|"
    r"該信息已(被)?(撤銷|刪除)|信息已刪除|頁面不存在)", re.I)
_SOFT_404_MAX_TEXT = 600   # a real report is longer than the apology page


@dataclass
class KnownUrl:
    url: str
    report_id: str
    site_id: str
    etag: str | None = None
    last_modified: str | None = None
    capture_id: str | None = None
    fetched_at: str | None = None
    payload_digest: str | None = None
    removed_on: str | None = None
    fail_since: str | None = None
    published: str | None = None
    last_checked: str | None = None
    title: str | None = None
    list_title: str | None = None

    def conditional_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers

    def revisit_of(self) -> dict | None:
        """The capture a 304 refers to (for the WARC revisit record)."""
        if not self.capture_id:
            return None
        return {"record_id": f"<urn:uuid:{self.capture_id}>", "url": self.url, "date": self.fetched_at,
                "payload_digest": self.payload_digest}

    def due(self, today: date | None = None) -> bool:
        """Revisit now? Always when the server gave validators (a 304 costs little) or the URL is
        failing or gone; otherwise after an interval that grows with the report's age."""
        if self.etag or self.last_modified or self.removed_on or self.fail_since or not self.last_checked:
            return True
        today = today or date.today()
        checked = _day(self.last_checked)
        published = _day(self.published) or checked
        if not checked:
            return True
        age_days = max(0, (today - published).days)
        interval = min(90, max(7, age_days // 20))
        return (today - checked).days >= interval


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


@dataclass
class Memory:
    """The previous crawls of a database, as the spider needs them."""
    columns: dict[str, list[str]] = field(default_factory=dict)       # site_id -> 年报 column URLs
    readers: dict[str, str] = field(default_factory=dict)
    subsites: dict[str, list[dict]] = field(default_factory=dict)     # parent site_id -> site rows
    urls: dict[str, KnownUrl] = field(default_factory=dict)           # report URL -> what we knew
    pages: dict[str, dict] = field(default_factory=dict)              # list page URL -> validators
    attachments: set[str] = field(default_factory=set)
    cookies: dict[str, list[dict]] = field(default_factory=dict)     # host -> challenge cookies still valid
    rotating: set[str] = field(default_factory=set)                  # hosts fetched through Chromium
    dead: set[str] = field(default_factory=set)                      # pages that answered 404 / 410 last run

    def lookup(self, url: str) -> KnownUrl | None:
        """A known report URL, as linked or in its canonical form."""
        if url in self.urls:
            return self.urls[url]
        if not hasattr(self, "_canonical"):
            from govcrawl.dedupe import canonical_url

            self._canonical = {canonical_url(u): k for u, k in self.urls.items()}
        from govcrawl.dedupe import canonical_url

        return self._canonical.get(canonical_url(url))

    def known_sites(self) -> set[str]:
        return set(self.columns) | {k.site_id for k in self.urls.values()}

    def for_site(self, site_id: str) -> list[KnownUrl]:
        return [k for k in self.urls.values() if k.site_id == site_id]


def page_conditions(page: dict | None) -> tuple[dict, dict]:
    """(headers, meta) asking a page (a list page, robots.txt) again only if it changed since
    the capture ``page`` (a ``Memory.pages`` row) was made; a 304 is archived as a revisit of it."""
    if not page or not (page.get("etag") or page.get("last_modified")) or not page.get("warc_file"):
        return {}, {}  # without the capture a 304 would leave nothing to read
    headers = {}
    if page.get("etag"):
        headers["If-None-Match"] = page["etag"]
    if page.get("last_modified"):
        headers["If-Modified-Since"] = page["last_modified"]
    meta = {"handle_httpstatus_list": [304], "govcrawl_page_memory": page,
            "govcrawl_revisit_of": {"record_id": f"<urn:uuid:{page['capture_id']}>", "url": page["url"],
                                    "date": page.get("fetched_at"), "payload_digest": page.get("payload_digest")}}
    return headers, meta


def seen_page(url: str, site_id: str | None, request, response) -> dict | None:
    """The ``page_validators`` row to keep for a page the server sent whole with an ETag or a
    Last-Modified (a GET answered 200, not a DOM Chromium rendered: a 304 is read back from the
    capture, which must hold the server's bytes); None for any other answer."""
    if response.status != 200 or request.method != "GET" or request.meta.get("playwright"):
        return None
    found = validators(response.headers)
    if not (found["etag"] or found["last_modified"]):
        return None
    return {"url": url, "site_id": site_id, **found, "capture_id": (request.meta.get("capture") or {}).get("capture_id")}


def archived_copy(archive_dir: str | Path, response):
    """A 304 answer to a request made with ``page_conditions``: the page as it was captured
    then (the same bytes, by the server's word), to be read again; None if the capture cannot be
    read."""
    from scrapy.http import Headers
    from scrapy.responsetypes import responsetypes

    from govcrawl.archive import read_record

    page = response.meta.get("govcrawl_page_memory") or {}
    if not page.get("warc_file") or page.get("warc_offset") is None:
        return None
    try:
        _, header_list, body, _ = read_record(archive_dir, page["warc_file"], int(page["warc_offset"]))
    except (OSError, LookupError, ValueError):
        return None
    headers = Headers()
    for name, value in header_list:
        if name.lower() not in ("content-length", "content-encoding", "transfer-encoding"):
            headers.appendlist(name, value)
    cls = responsetypes.from_args(headers=headers, url=response.url, body=body)
    return cls(url=response.url, status=200, headers=headers, body=body, request=response.request,
               flags=[*response.flags, "archived"])


def _table_has(conn, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f"pragma table_info({table})"))


def load_memory(db_path: str | Path) -> Memory:
    """Read what earlier crawls stored (nothing when the database is new)."""
    memory = Memory()
    path = Path(db_path)
    if not path.is_file():
        return memory
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        if "sites" in tables and _table_has(conn, "sites", "report_columns"):
            for row in conn.execute("select * from sites"):
                if row["report_columns"]:
                    memory.columns[row["site_id"]] = json.loads(row["report_columns"])
                if row["list_readers"]:
                    memory.readers[row["site_id"]] = row["list_readers"]
                if row["parent"] and row["discovered_from"]:
                    memory.subsites.setdefault(row["parent"], []).append(dict(row))
        if "report_urls" in tables and _table_has(conn, "report_urls", "etag"):
            for row in conn.execute(
                    "select u.url, u.report_id, u.site_id, u.etag, u.last_modified, u.capture_id, u.removed_on, "
                    "u.fail_since, u.last_checked, c.fetched_at, c.payload_digest, r.published_date, r.title, "
                    "r.list_title "
                    "from report_urls u join reports r on r.report_id = u.report_id "
                    "left join captures c on c.capture_id = u.capture_id"):
                memory.urls[row["url"]] = KnownUrl(
                    row["url"], row["report_id"], row["site_id"], row["etag"], row["last_modified"],
                    row["capture_id"], row["fetched_at"], row["payload_digest"], row["removed_on"],
                    row["fail_since"], row["published_date"], row["last_checked"], row["title"], row["list_title"])
        if "cookies" in tables:
            import time

            for row in conn.execute("select * from cookies where expires is null or expires <= 0 or expires > ?",
                                    [time.time() + 60]):
                memory.cookies.setdefault(row["host"], []).append(
                    {"name": row["name"], "value": row["value"], "domain": row["domain"], "path": row["path"] or "/"})
        if "crawl_errors" in tables and "crawl_runs" in tables:
            # pages (not known reports: those are revisited) that were gone on each site's last run
            memory.dead = {row[0] for row in conn.execute(
                "select e.url from crawl_errors e where e.stage = 'fetch' and e.status in (404, 410) and e.run_id in "
                "(select max(run_id) from crawl_runs group by site_id)")}
        if "challenge_hosts" in tables:
            # learnt within the last 30 days (then learnt again: a portal may drop its challenge)
            memory.rotating = {row["host"] for row in conn.execute(
                "select host from challenge_hosts where kind = 'rotating' and last_seen >= ?",
                [(datetime.now(timezone.utc) - timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%S")])}
        if "page_validators" in tables:
            for row in conn.execute(
                    "select p.url, p.etag, p.last_modified, p.capture_id, c.warc_file, c.warc_offset, c.fetched_at, "
                    "c.payload_digest from page_validators p left join captures c on c.capture_id = p.capture_id"):
                memory.pages[row["url"]] = dict(row)
    finally:
        conn.close()
    return memory


def validators(headers) -> dict[str, str | None]:
    """ETag and Last-Modified of a response (Scrapy Headers or a dict)."""
    def get(name: bytes) -> str | None:
        value = headers.get(name) if headers is not None else None
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        return value or None
    return {"etag": get(b"ETag"), "last_modified": get(b"Last-Modified")}


def soft_404(text: str) -> bool:
    """A short page that says the information was deleted or does not exist."""
    visible = re.sub(r"\s+", "", text or "")
    return len(visible) <= _SOFT_404_MAX_TEXT and bool(_SOFT_404.search(visible))


def redirected_away(original: str, final: str, homepage: str, list_urls: set[str]) -> bool:
    """Did a report URL redirect to the site's homepage or to a list page?"""
    if original == final:
        return False
    path = urlsplit(final).path
    home_path = urlsplit(homepage).path or "/"
    if path in ("", "/", home_path) or re.fullmatch(r"/(index|default)\.\w+", path):
        return True
    # up to a directory above the report (a department's or a column's front page)
    if path.endswith("/") and urlsplit(original).path.startswith(path) and not urlsplit(final).query:
        return True
    return final in list_urls or re.search(r"/(index(_\d+)?\.s?html?|list[\w.]*)$", path) is not None


def today() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d")
