"""Extraction off the crawl's event loop: documents are read in worker processes, each bounded.

Extract -> normalize -> classify -> table cells is pure CPU work on the fetched bytes (HTML,
PDF, DOC, OCR), and it used to run in the reactor thread: a 50 MB page or a long OCR job stalled
every other site. Here it runs in a pool of worker processes (pebble, a maintained pool that can
kill a worker on timeout, which concurrent.futures cannot):

- each document has a time limit (``GOVCRAWL_DOC_TIMEOUT`` seconds): past it the worker is
  killed and replaced, the document is stored with what the list said and the reason recorded;
- each worker has a memory limit (``GOVCRAWL_WORKER_MEMORY_MB``, RLIMIT_DATA): a document that
  needs more fails alone, with a MemoryError recorded, and the worker is recycled;
- workers are started by a fork server, never forked from the crawling process (threads, event
  loop), and recycled after ``GOVCRAWL_WORKER_TASKS`` documents.

``GOVCRAWL_WORKERS = 0`` runs the same stages in the crawling process (tests, debugging).
"""
from __future__ import annotations

import logging
import multiprocessing
import os

logger = logging.getLogger(__name__)


def default_workers() -> int:
    """One worker per core beside the crawling process, at least one."""
    return max(1, (os.cpu_count() or 2) - 1)


def _init_worker(memory_mb: int) -> None:
    import resource

    logging.getLogger("pdfminer").setLevel(logging.WARNING)
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    # Import the heavy modules once per worker, not on its first document.
    import govcrawl.pipelines.classify  # noqa: F401
    import govcrawl.pipelines.extract  # noqa: F401
    import govcrawl.pipelines.normalize  # noqa: F401
    import govcrawl.pipelines.tables  # noqa: F401


def process_document(item):
    """Extract -> normalize -> classify -> table cells for one document (see module doc). The
    raw bytes are not sent back: the store needs only what was read from them."""
    from govcrawl.pipelines.classify import ClassifyPipeline
    from govcrawl.pipelines.extract import ExtractPipeline
    from govcrawl.pipelines.normalize import NormalizePipeline
    from govcrawl.pipelines.tables import read_cells

    item = ExtractPipeline().process_item(item)
    item = NormalizePipeline().process_item(item)
    item = ClassifyPipeline().process_item(item)
    read_cells(item)
    from govcrawl.dedupe import content_hash

    item.content_hash = content_hash(item.record.get("body_text"), item.url)
    item.processed = True
    item.raw = b""
    for att in item.attachments:
        att.raw = None
    return item


class DocumentPool:
    """The worker processes of one crawl."""

    def __init__(self, workers: int, timeout: float, memory_mb: int, tasks: int):
        from pebble import ProcessPool

        self.timeout = timeout
        self.pool = ProcessPool(max_workers=workers, max_tasks=tasks, initializer=_init_worker,
                                initargs=(memory_mb,), context=multiprocessing.get_context("forkserver"))

    @classmethod
    def from_settings(cls, settings) -> "DocumentPool | None":
        workers = settings.getint("GOVCRAWL_WORKERS", -1)
        if workers < 0:
            workers = default_workers()
        if workers == 0:
            return None
        return cls(workers, settings.getfloat("GOVCRAWL_DOC_TIMEOUT", 180),
                   settings.getint("GOVCRAWL_WORKER_MEMORY_MB", 320), settings.getint("GOVCRAWL_WORKER_TASKS", 500))

    async def process(self, item):
        """The item, read in a worker; raises TimeoutError, MemoryError or ProcessExpired."""
        import asyncio

        future = self.pool.schedule(process_document, args=(item,), timeout=self.timeout)
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        self.pool.close()
        self.pool.join(timeout=30)
        self.pool.stop()


def failure_reason(exc: BaseException, timeout: float) -> str:
    from concurrent.futures import TimeoutError as FutureTimeout

    from pebble import ProcessExpired

    if isinstance(exc, (FutureTimeout, TimeoutError)):
        return f"reading the document took longer than {timeout:.0f} s; stored unread (raise GOVCRAWL_DOC_TIMEOUT)"
    if isinstance(exc, MemoryError):
        return "reading the document needed more memory than a worker may use; stored unread (GOVCRAWL_WORKER_MEMORY_MB)"
    if isinstance(exc, ProcessExpired):
        return f"the worker reading the document died (exit code {exc.exitcode}); stored unread"
    return f"reading the document failed: {type(exc).__name__}: {str(exc)[:300]}"
