"""A durable crawl frontier: every scheduled request is a row in SQLite before it is fetched.

Scrapy's JOBDIR keeps the pending queue only when the crawl stops cleanly, and its seen-request
file is buffered, so a crawl killed with SIGKILL resumes with requests marked seen that were
never fetched (and ends at once), or with a stale queue. No maintained Scrapy component keeps a
frontier durable against SIGKILL on one machine (scrapy-redis does so with a Redis server, and
govcrawl uses it for crawls spread over several machines), hence this scheduler.

- ``enqueue_request`` writes the request (pickled ``Request.to_dict``) as ``pending`` and answers
  the duplicate filter from the same table, so "seen" and "queued" can never disagree.
- ``next_request`` takes the highest-priority pending request of the download slot (host:port)
  with the fewest downloads in flight, FIFO within a priority: sites take turns, detail pages and
  attachments go ahead of further list pages, and one slow or endless portal cannot hold the
  others back. The queue lives on disk; only requests in flight are in memory.
- A request is ``done`` when the engine lets go of it: after its response went through the
  callback, its new requests are rows, and its items have passed the pipelines (stored). A run
  killed at any moment therefore resumes with nothing lost; at worst a page is fetched again,
  and the store's upserts keep the rows the same.

Without a job directory the frontier sits in a temporary file deleted at the end of the run.
WAL mode with synchronous=NORMAL survives the process being killed (not a power cut).
"""
from __future__ import annotations

import logging
import os
import pickle
import sqlite3
import tempfile
import time
from pathlib import Path

from scrapy.core.scheduler import BaseScheduler
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.request import request_from_dict

logger = logging.getLogger(__name__)

PENDING, INFLIGHT, DONE = 0, 1, 2
SCHEMA = """
create table if not exists frontier (
  key text primary key, seq integer, slot text, priority integer, state integer,
  site_id text, url text, blob blob);
create index if not exists frontier_pick on frontier (state, slot, priority desc, seq);
create table if not exists job (name text primary key, value text);
create table if not exists site_state (site_id text primary key, state blob);
"""


def frontier_path(settings, spider_name: str) -> tuple[Path, bool]:
    """(path of the frontier database, whether it is kept after the run)."""
    job_dir = settings.get("GOVCRAWL_JOB_DIR")
    if job_dir:
        folder = Path(job_dir)
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{spider_name}.frontier.db", True
    folder = Path(tempfile.mkdtemp(prefix="govcrawl-frontier-"))
    return folder / f"{spider_name}.frontier.db", False


class _DoneOnRemove(set):
    """The engine's set of requests in progress; removing one marks its row done."""

    def __init__(self, items, on_remove):
        super().__init__(items)
        self.on_remove = on_remove

    def remove(self, request):
        super().remove(request)
        self.on_remove(request)


class FrontierScheduler(BaseScheduler):
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.conn: sqlite3.Connection | None = None
        self.path: Path | None = None
        self.keep = False
        self.spider = None
        self.pending: dict[str, int] = {}
        self.served: dict[str, float] = {}
        self.seq = 0
        self.resumed = 0
        self.volatile: list = []

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    # -- lifecycle ---------------------------------------------------------------------------
    def open(self, spider):
        self.spider = spider
        self.path, self.keep = frontier_path(self.crawler.settings, spider.name)
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.execute("pragma journal_mode=wal")
        self.conn.execute("pragma synchronous=normal")
        self.conn.executescript(SCHEMA)
        finished = self.job_value("finished")
        if finished:  # the last crawl with this job directory ended: this is a new crawl
            logger.info("job %s finished at %s: starting a new crawl", self.path, finished)
            self.conn.executescript("delete from frontier; delete from job; delete from site_state;")
        self.conn.execute("update frontier set state = ? where state = ?", (PENDING, INFLIGHT))
        self.resumed = self.conn.execute("select count(*) from frontier where state = ?", (PENDING,)).fetchone()[0]
        self.seq = self.conn.execute("select coalesce(max(seq), 0) from frontier").fetchone()[0]
        for slot, n in self.conn.execute(
                "select slot, count(*) from frontier where state = ? group by slot", (PENDING,)):
            self.pending[slot] = n
        if self.resumed:
            logger.info("resuming %s: %d requests still to fetch", self.path, self.resumed)
            self.stats.set_value("govcrawl/frontier/resumed", self.resumed)
        if not self.job_value("started"):
            self.set_job_value("started", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
        crawl_id = self.job_value("crawl_id")
        if crawl_id and hasattr(spider, "adopt_run_id"):  # a resumed crawl keeps its run and what it knew
            spider.adopt_run_id(crawl_id)
            spider.restore(self.load_site_states())
        elif getattr(spider, "run_id", None):
            self.set_job_value("crawl_id", spider.run_id)
        slot = self.crawler.engine._slot  # the engine's in-progress set tells us when a request is done
        slot.inprogress = _DoneOnRemove(slot.inprogress, self._done)
        spider.frontier = self

    def close(self, reason):
        if self.conn is None:
            return
        if reason == "finished" and not self.has_pending_requests():
            self.set_job_value("finished", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
        self.conn.close()
        self.conn = None
        if not self.keep and self.path is not None:
            for suffix in ("", "-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            os.rmdir(self.path.parent)

    # -- job metadata and per-site state (kept with the frontier, so a resume has them) ------
    def job_value(self, name: str) -> str | None:
        row = self.conn.execute("select value from job where name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_job_value(self, name: str, value: str) -> None:
        self.conn.execute("insert or replace into job (name, value) values (?, ?)", (name, value))

    def load_site_states(self) -> dict[str, object]:
        return {sid: pickle.loads(blob) for sid, blob in self.conn.execute("select site_id, state from site_state")}

    def save_site_state(self, site_id: str, state) -> None:
        self.conn.execute("insert or replace into site_state (site_id, state) values (?, ?)",
                          (site_id, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)))

    # -- the queue -----------------------------------------------------------------------------
    @staticmethod
    def slot_of(request) -> str:
        return request.meta.get("download_slot") or urlparse_cached(request).netloc

    def _key(self, request) -> str | None:
        fp = self.crawler.request_fingerprinter.fingerprint(request).hex()
        if request.dont_filter:
            return f"{fp}:{self.seq + 1}"
        return fp

    def enqueue_request(self, request) -> bool:
        key = self._key(request)
        try:
            blob = pickle.dumps(request.to_dict(spider=self.spider), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # a live object in meta (a browser page): keep it in memory only
            logger.warning("request %s kept in memory only (not resumable): %s", request.url, exc)
            self.volatile.append(request)
            self.stats.inc_value("scheduler/enqueued/memory")
            return True
        slot = self.slot_of(request)
        self.seq += 1
        try:
            self.conn.execute(
                "insert into frontier (key, seq, slot, priority, state, site_id, url, blob) "
                "values (?, ?, ?, ?, ?, ?, ?, ?)",
                (key, self.seq, slot, request.priority, PENDING, request.meta.get("site_id"), request.url, blob))
        except sqlite3.IntegrityError:
            self.stats.inc_value("dupefilter/filtered")
            return False
        self.pending[slot] = self.pending.get(slot, 0) + 1
        self.stats.inc_value("scheduler/enqueued")
        return True

    def _pick_slot(self) -> str | None:
        """The slot with pending requests and the fewest in flight; ties go to the one served
        longest ago."""
        downloader_slots = self.crawler.engine.downloader.slots
        best, best_key = None, None
        for slot, n in self.pending.items():
            if n <= 0:
                continue
            ds = downloader_slots.get(slot)
            key = (len(ds.active) if ds is not None else 0, self.served.get(slot, 0.0))
            if best_key is None or key < best_key:
                best, best_key = slot, key
        return best

    def next_request(self):
        if self.volatile:
            return self.volatile.pop(0)
        while True:
            slot = self._pick_slot()
            if slot is None:
                return None
            row = self.conn.execute(
                "select key, blob from frontier where state = ? and slot = ? order by priority desc, seq limit 1",
                (PENDING, slot)).fetchone()
            if row is None:  # counts drifted (cannot normally happen): resync this slot
                self.pending[slot] = 0
                continue
            key, blob = row
            self.conn.execute("update frontier set state = ? where key = ?", (INFLIGHT, key))
            self.pending[slot] -= 1
            self.served[slot] = time.monotonic()
            try:
                request = request_from_dict(pickle.loads(blob), spider=self.spider)
            except Exception as exc:  # a row that cannot be rebuilt (code changed since): skip it
                logger.error("frontier row %s cannot be rebuilt: %s", key, exc)
                self.conn.execute("update frontier set state = ? where key = ?", (DONE, key))
                continue
            request.meta["frontier_key"] = key
            self.stats.inc_value("scheduler/dequeued")
            return request

    def _done(self, request) -> None:
        key = request.meta.get("frontier_key")
        if key and self.conn is not None:
            self.conn.execute("update frontier set state = ? where key = ?", (DONE, key))

    def has_pending_requests(self) -> bool:
        return bool(self.volatile) or any(n > 0 for n in self.pending.values())

    def __len__(self) -> int:
        return len(self.volatile) + sum(n for n in self.pending.values() if n > 0)

    # -- budgets -------------------------------------------------------------------------------
    def count(self, site_id: str) -> int:
        """Requests ever scheduled for a site in this job (a resumed run keeps counting)."""
        return self.conn.execute("select count(*) from frontier where site_id = ?", (site_id,)).fetchone()[0]
