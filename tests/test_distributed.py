"""Two workers on a shared Redis frontier crawl the sample network and store the same rows as one
plain crawl, with no URL fetched twice (counted at the portals), per-host politeness held
across workers, WARC files per worker, and a dead worker's claimed requests taken up by the
other. Debian's redis-server is started here, on 127.0.0.1."""
from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests import network
from tests.helpers import ROOT

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None, reason="Debian redis-server is not installed")


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    with network.redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(scope="module")
def crawls(tmp_path_factory, redis_url):
    tmp = tmp_path_factory.mktemp("distributed")
    vs = network.variants()
    with network.serve_network(vs) as served:
        registry = network.write_registry(tmp / "sites.csv", vs, served)
        (tmp / "one").mkdir()
        single = network.run_single(registry, tmp / "one" / "m.db", tmp / "one" / "archive")
        single_fetches = {key: dict(c.fetches) for key, (_, c) in served.items()}
        single_twice = network.fetched_twice(served)
        network.reset(served)
        (tmp / "two").mkdir()
        two = network.run_distributed(registry, redis_url, tmp / "two" / "m.db", tmp / "two" / "archive", workers=2)
        two_fetches = {key: dict(c.fetches) for key, (_, c) in served.items()}
        two_twice = network.fetched_twice(served)
    return {"tmp": tmp, "single": single, "two": two, "fetches": (single_fetches, two_fetches),
            "twice": (single_twice, two_twice)}


def test_both_crawls_end_cleanly(crawls):
    assert crawls["single"]["code"] == 0, crawls["single"]["report"][-3000:]
    two = crawls["two"]
    assert two["workers"] == [0, 0] and two["writer"] == 0, two["report"][-3000:]
    assert "sites: ok=22 (of 22)" in two["report"]


def test_two_workers_store_the_same_rows_as_one_crawl(crawls):
    tmp = crawls["tmp"]
    one, two = network.rows(tmp / "one" / "m.db"), network.rows(tmp / "two" / "m.db")
    assert len(one["reports"]) > 200
    for table in one:
        assert one[table] == two[table], (table, sorted(one[table] - two[table])[:5], sorted(two[table] - one[table])[:5])


def test_no_url_fetched_twice_and_the_same_urls_fetched(crawls):
    single_twice, two_twice = crawls["twice"]
    assert not two_twice and not single_twice, (single_twice, two_twice)
    single, two = crawls["fetches"]
    differ = {k: (set(single[k]) ^ set(two[k])) for k in single if single[k] != two[k]}
    assert not differ, differ  # the same requests, each once (robots.txt included: one per host)
    assert all(("GET", "/robots.txt", "da39a3ee5e6b") in fetches for fetches in two.values())


def test_each_worker_wrote_its_own_warc_files_and_captures_point_at_them(crawls):
    archive = crawls["tmp"] / "two" / "archive" / "registry"
    names = sorted(p.name for p in archive.glob("*.warc.gz"))
    assert any(n.endswith("-w0-00000.warc.gz") for n in names) and any(n.endswith("-w1-00000.warc.gz") for n in names)
    conn = sqlite3.connect(crawls["tmp"] / "two" / "m.db")
    files = {r[0] for r in conn.execute("select distinct warc_file from captures")}
    assert files and all((crawls["tmp"] / "two" / "archive" / f).is_file() for f in files)
    single = sqlite3.connect(crawls["tmp"] / "one" / "m.db")
    count = "select count(*), count(distinct url) from captures"
    assert conn.execute(count).fetchone() == single.execute(count).fetchone()


def test_the_writer_runs_health_and_clears_the_crawl_from_redis(crawls, redis_url):
    import redis

    conn = sqlite3.connect(crawls["tmp"] / "two" / "m.db")
    assert {r[0] for r in conn.execute("select health from site_health")} == {"new_reports"}
    assert conn.execute("select count(distinct crawl_id) from crawl_runs").fetchone()[0] == 1
    assert not list(redis.Redis.from_url(redis_url).scan_iter(match="govcrawl:registry:*"))


def test_per_host_politeness_holds_across_workers(tmp_path, redis_url):
    """Each worker may send 4 requests at a time to a host; together they must send one at a
    time, 0.1 s apart, as GOVCRAWL_HOST_CONCURRENCY and GOVCRAWL_HOST_INTERVAL say."""
    vs = network.variants(small=True)[:1]   # the JSON-list portal: 30 pages
    with network.serve_network(vs, delay=0.03) as served:
        registry = network.write_registry(tmp_path / "sites.csv", vs, served)
        run = network.run_distributed(
            registry, redis_url, tmp_path / "m.db", tmp_path / "archive", workers=2, crawl_name="polite", extra=[
                "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4", "-s", "GOVCRAWL_HOST_CONCURRENCY=1",
                "-s", "GOVCRAWL_HOST_INTERVAL=0.1"])
        spans = sorted(served[vs[0].key][1].spans)
    assert run["workers"] == [0, 0] and run["writer"] == 0, run["report"][-2000:]
    assert len(spans) >= 25 and run["seconds"] < 100
    assert network.max_parallel(spans) == 1
    # Leases are granted 0.1 s apart; the portal sees the starts with the jitter of two client
    # processes and its own threads on top.
    gaps = [b[0] - a[0] for a, b in zip(spans, spans[1:])]
    assert min(gaps) >= 0.025 and sum(gaps) / len(gaps) >= 0.1, gaps


def test_a_killed_worker_loses_nothing(tmp_path, redis_url):
    """kill -9 one of two workers mid-crawl: its claimed requests go back to the queue and the
    crawl ends with every report stored."""
    vs = network.variants(small=True)
    with network.serve_network(vs, delay=0.02) as served:
        registry = network.write_registry(tmp_path / "sites.csv", vs, served)
        (tmp_path / "one").mkdir()
        single = network.run_single(registry, tmp_path / "one" / "m.db", tmp_path / "one" / "archive")
        assert single["code"] == 0
        db = tmp_path / "m.db"
        url = redis_url
        name = ["--crawl-name", "killed"]
        writer = subprocess.Popen(network.govcrawl("writer", "--redis", url, "--db", str(db), "--archive",
                                                   str(tmp_path / "archive"), "--crawl-name", "killed"),
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        workers = [subprocess.Popen(network.govcrawl("crawl", "--sites", str(registry), "--redis", url, "--worker",
                                                     "--archive", str(tmp_path / "archive"), "--worker-id", f"k{i}",
                                                     *network.FAST, *name), cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for i in range(2)]
        import redis

        server = redis.Redis.from_url(url)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not server.hlen("govcrawl:killed:inflight:k0"):
            time.sleep(0.05)
        assert server.hlen("govcrawl:killed:inflight:k0"), "worker k0 never claimed a request"
        workers[0].send_signal(signal.SIGKILL)
        assert workers[1].wait(timeout=300) == 0
        assert writer.wait(timeout=120) == 0
    one, two = network.rows(tmp_path / "one" / "m.db"), network.rows(db)
    assert one["reports"] == two["reports"] and one["outcomes"] == two["outcomes"]
    conn = sqlite3.connect(db)
    assert {r[0] for r in conn.execute("select status from crawl_runs")} == {"finished"}


def test_worker_needs_its_redis(tmp_path):
    (tmp_path / "s.csv").write_text("name,homepage\n某县,http://127.0.0.1:9/\n", "utf-8")
    proc = subprocess.run(network.govcrawl("crawl", "--sites", str(tmp_path / "s.csv"), "--redis",
                                           f"redis://127.0.0.1:{network.free_port()}/0", "--worker"),
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2 and "cannot reach Redis" in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run(network.govcrawl("crawl", "--sites", str(tmp_path / "s.csv"), "--redis", "redis://x/0"),
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2 and "--worker" in proc.stderr


def test_redis_server_is_listed_among_the_debian_packages():
    assert "redis-server" in (Path(ROOT) / "debian-packages.txt").read_text()
