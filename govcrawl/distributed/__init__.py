"""One registry crawled by several worker processes or machines from a shared frontier on Redis.

::

    redis-server ── the frontier (scrapy-redis priority queue + RFPDupeFilter), in-flight
       │             requests per worker, per-host politeness, robots.txt, site states, events
       ├── worker 1: govcrawl crawl --sites F.csv --redis URL --worker   (fetch, archive, read)
       ├── worker N: …                                                   (its own WARC files)
       └── writer:   govcrawl writer --redis URL --db metadata.db         (the only DB writer)

- ``scheduler``: scrapy-redis's Scheduler and RFPDupeFilter, so no URL is fetched twice across
  workers. A popped request is claimed into its worker's in-flight hash in the same Redis script,
  and released when the engine lets go of it (response parsed, its requests queued, its items
  sent on); a worker that dies is detected by its heartbeat and its claims go back to the queue.
  Workers close only when the whole cluster is idle. Each site's request budget is counted in
  Redis, for all workers together.
- ``politeness``: per-host concurrency and a minimum interval between requests, held on Redis
  for all workers (Scrapy's own limits are per process); robots.txt fetched once per host.
- ``forward``: items (already read in the worker's process pool), captures, errors, sites and
  validators go to one Redis list, in order; ``writer`` applies them with the same dedupe,
  tables and store stages as a one-process crawl.
- Per-site state (``SiteRun``: columns found, list readers, counts, cuts …) lives in each worker;
  a worker that meets a request for a site it does not know (a subsite another found) adopts the
  site as it was when first queued. Each worker saves its states to Redis; the writer merges them
  (counts summed, sets united) and computes each site's outcome from the merged state and from
  the documents that reached it.
"""
