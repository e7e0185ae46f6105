"""The Redis keys of one distributed crawl, and the workers' lifecycle in them.

Every key of a crawl starts with ``govcrawl:<name>:`` (``name`` is ``--crawl-name``, default
``registry``), so one Redis server can hold several crawls. Workers register themselves, keep a
heartbeat key alive while they run, and say when their start requests are all queued; a worker
whose heartbeat expired without a goodbye is dead, and its claimed requests are queued again.
"""
from __future__ import annotations

import os
import pickle
import socket
import uuid

import redis

HEARTBEAT_SECONDS = 15        # a worker silent this long is dead
EVENTS_CHUNK = 200


def connect(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10, health_check_interval=30)


def new_worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:4]}"


class Keys:
    """Key names of one crawl."""

    def __init__(self, name: str = "registry"):
        self.prefix = f"govcrawl:{name}"
        self.requests = f"{self.prefix}:requests"          # scrapy-redis priority queue (zset)
        self.dupefilter = f"{self.prefix}:dupefilter"      # scrapy-redis RFPDupeFilter (set)
        self.crawl_id = f"{self.prefix}:crawl_id"
        self.memory = f"{self.prefix}:memory"              # what earlier crawls knew (the writer's)
        self.workers = f"{self.prefix}:workers"            # every worker that joined
        self.closed = f"{self.prefix}:closed"              # worker -> finish reason
        self.dead = f"{self.prefix}:dead"
        self.sites = f"{self.prefix}:sites"                # site_id -> SiteRun as first queued
        self.budget = f"{self.prefix}:budget"              # :<site_id> -> budget -> spent, all workers
        self.postbacks = f"{self.prefix}:postbacks"        # ASP.NET list pages asked (list|page)
        self.events = f"{self.prefix}:events"              # worker -> writer messages (list)
        self.seq = f"{self.prefix}:seq"

    def alive(self, worker: str) -> str:
        return f"{self.prefix}:alive:{worker}"

    def starting(self, worker: str) -> str:
        return f"{self.prefix}:starting:{worker}"

    def inflight(self, worker: str) -> str:
        return f"{self.prefix}:inflight:{worker}"

    def inflight_score(self, worker: str) -> str:
        return f"{self.prefix}:inflight_score:{worker}"

    def state(self, worker: str) -> str:
        return f"{self.prefix}:state:{worker}"

    def host(self, name: str) -> str:
        return f"{self.prefix}:host:{name}"

    def robots(self, netloc: str) -> str:
        return f"{self.prefix}:robots:{netloc}"

    def all_keys(self, server: redis.Redis) -> list[bytes]:
        return list(server.scan_iter(match=f"{self.prefix}:*", count=1000))


# Pop the best request and claim it for a worker in one step, so a worker killed between the
# two cannot lose it. KEYS: queue, inflight, inflight_score, seq. Returns {token, blob} or nil.
CLAIM = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return nil end
redis.call('ZREM', KEYS[1], found[1])
local token = redis.call('INCR', KEYS[4])
redis.call('HSET', KEYS[2], token, found[1])
redis.call('HSET', KEYS[3], token, found[2])
return {token, found[1]}
"""

# A dead worker's claimed requests go back to the queue (once: the hash is deleted).
# KEYS: queue, inflight, inflight_score. Returns how many were requeued.
REQUEUE = """
local blobs = redis.call('HGETALL', KEYS[2])
local n = 0
for i = 1, #blobs, 2 do
  local score = redis.call('HGET', KEYS[3], blobs[i]) or '0'
  redis.call('ZADD', KEYS[1], score, blobs[i + 1])
  n = n + 1
end
redis.call('DEL', KEYS[2], KEYS[3])
return n
"""


def requeue_dead(server: redis.Redis, keys: Keys) -> list[str]:
    """Workers that stopped without closing: their claimed requests go back to the queue."""
    dead = []
    closed = {w.decode() for w in server.hkeys(keys.closed)}
    for raw in server.smembers(keys.workers):
        worker = raw.decode()
        if worker in closed or server.exists(keys.alive(worker)):
            continue
        n = server.eval(REQUEUE, 3, keys.requests, keys.inflight(worker), keys.inflight_score(worker))
        server.srem(keys.workers, worker)
        server.sadd(keys.dead, worker)
        server.delete(keys.starting(worker))
        dead.append(worker)
        if n:
            import logging

            logging.getLogger(__name__).warning("worker %s is gone: %d of its requests queued again", worker, n)
    return dead


def cluster_busy(server: redis.Redis, keys: Keys) -> bool:
    """Is any work left anywhere: queued requests, claimed ones, or a worker still starting?"""
    requeue_dead(server, keys)
    if server.zcard(keys.requests):
        return True
    for raw in server.smembers(keys.workers):
        worker = raw.decode()
        if server.hexists(keys.closed, worker):
            continue
        if server.exists(keys.starting(worker)) or server.hlen(keys.inflight(worker)):
            return True
    return False


def crawl_id(server: redis.Redis, keys: Keys, proposed: str) -> str:
    """The crawl's one id: the first process to ask sets it."""
    server.set(keys.crawl_id, proposed, nx=True)
    return server.get(keys.crawl_id).decode()


def dumps(obj) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def loads(blob: bytes):
    return pickle.loads(blob)
