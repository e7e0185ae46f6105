"""Scheduling: the calendar (daily 15 January-31 March, weekly otherwise, catching up after a
missed week), `govcrawl schedule`, and the scrapyd deployment: scrapyd starts, scrapyd-deploy adds
the project's egg, and a job scheduled by `govcrawl schedule run --scrapyd` crawls a sample portal
into metadata.db."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from urllib.request import urlopen

import pytest

from govcrawl.schedule import crawl_due, in_season
from tests import network
from tests.helpers import ROOT


@pytest.mark.parametrize("today, last, due", [
    (date(2026, 1, 14), date(2026, 1, 12), False),   # before the season: weekly (Monday the 12th done)
    (date(2026, 1, 15), date(2026, 1, 14), True),    # first day of the season
    (date(2026, 2, 1), date(2026, 1, 31), True),     # daily in season
    (date(2026, 3, 31), date(2026, 3, 30), True),    # last day of the season
    (date(2026, 3, 31), date(2026, 3, 31), False),   # already crawled today
    (date(2026, 4, 1), date(2026, 3, 31), False),    # after the season: weekly again (a Wednesday)
    (date(2026, 4, 6), date(2026, 3, 31), True),     # ... on Monday
    (date(2026, 6, 10), date(2026, 6, 1), True),     # a missed Monday: caught up after a week
    (date(2026, 6, 10), None, True),                 # never crawled
])
def test_calendar(today, last, due):
    assert crawl_due(today, last).due is due


def test_season_bounds():
    assert not in_season(date(2026, 1, 14)) and in_season(date(2026, 1, 15))
    assert in_season(date(2024, 2, 29)) and in_season(date(2026, 3, 31)) and not in_season(date(2026, 4, 1))


def test_schedule_due_command(tmp_path):
    def due(day):
        return subprocess.run(network.govcrawl("schedule", "due", "--db", str(tmp_path / "none.db"), "--date", day),
                              capture_output=True, text=True, timeout=60, cwd=ROOT)

    inside, outside = due("2026-02-10"), due("2026-07-07")
    assert inside.returncode == 0 and "daily from 15 January to 31 March" in inside.stdout
    assert outside.returncode == 0 and "no finished crawl yet" in outside.stdout


def test_deploy_recipes_lock_and_fire_daily():
    cron = (ROOT / "deploy" / "cron" / "govcrawl").read_text()
    assert "flock -n" in cron and "schedule run" in cron
    service = (ROOT / "deploy" / "systemd" / "govcrawl-crawl.service").read_text()
    assert "flock -n" in service and "schedule run" in service
    assert "OnCalendar=*-*-* 02:17:00" in (ROOT / "deploy" / "systemd" / "govcrawl-crawl.timer").read_text()


def _get(url: str) -> dict:
    with urlopen(url, timeout=10) as answer:
        return json.loads(answer.read().decode())


@pytest.fixture
def scrapyd(tmp_path):
    """scrapyd on a free port, with deploy/scrapyd/scrapyd.conf's settings and its own folders."""
    port = network.free_port()
    conf = (ROOT / "deploy" / "scrapyd" / "scrapyd.conf").read_text()
    conf = conf.replace("/srv/govcrawl/scrapyd", str(tmp_path / "scrapyd")).replace("6800", str(port))
    conf = conf.replace("poll_interval = 5.0", "poll_interval = 0.5")
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(conf)
    proc = subprocess.Popen([str(Path(sys.executable).with_name("scrapyd"))], cwd=home,
                            stdout=open(home / "scrapyd.out", "w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if _get(url + "/daemonstatus.json")["status"] == "ok":
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("scrapyd did not start: " + (home / "scrapyd.out").read_text()[-2000:])
        yield url, home
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_scrapyd_deployment_runs_a_scheduled_crawl(tmp_path, scrapyd):
    url, home = scrapyd
    # scrapyd-deploy reads its targets from scrapy.cfg files: the checkout's (target "local") and
    # the user's ($XDG_CONFIG_HOME/scrapy.cfg), where this test points a target at its scrapyd.
    xdg = tmp_path / "xdg"
    xdg.mkdir()
    (xdg / "scrapy.cfg").write_text(f"[deploy:test]\nurl = {url}/\nproject = govcrawl\n")
    env = {**os.environ, "XDG_CONFIG_HOME": str(xdg)}
    deploy = subprocess.run([str(Path(sys.executable).with_name("scrapyd-deploy")), "test", "-p", "govcrawl"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    assert "govcrawl" in _get(url + "/listprojects.json")["projects"]
    assert "registry" in _get(url + "/listspiders.json?project=govcrawl")["spiders"]

    vs = network.variants(small=True)[:1]
    with network.serve_network(vs) as served:
        registry = network.write_registry(tmp_path / "sites.csv", vs, served)
        db = tmp_path / "m.db"
        proc = subprocess.run(network.govcrawl(
            "schedule", "run", "--scrapyd", url, "--sites", str(registry), "--db", str(db),
            "--archive", str(tmp_path / "archive"), "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
            "-s", "LOG_LEVEL=INFO"), capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "due: no finished crawl yet" in proc.stdout and "scheduled on scrapyd" in proc.stdout
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            jobs = _get(url + "/listjobs.json?project=govcrawl")
            if jobs["finished"] and not jobs["running"] and not jobs["pending"]:
                break
            time.sleep(0.5)
        assert jobs["finished"], jobs
    conn = sqlite3.connect(db)
    reports = conn.execute("select count(*) from reports where is_annual_report = 1").fetchone()[0]
    run = conn.execute("select status, finish_reason, outcome, started, finished from crawl_runs").fetchone()
    logs = list((home / "scrapyd" / "logs").rglob("*.log")) if (home / "scrapyd" / "logs").exists() else []
    assert reports == 18, [p.read_text()[-3000:] for p in logs]
    assert run[:3] == ("finished", "finished", "ok") and run[3] <= run[4]
    assert conn.execute("select health from site_health").fetchone()[0] == "new_reports"
    # the next day's check: crawled today, outside the season not due again
    again = subprocess.run(network.govcrawl("schedule", "due", "--db", str(db), "--date", date.today().isoformat()),
                           capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert again.returncode == 1 and "already finished today" in again.stdout
