"""Monitors that make a bad run fail loudly, on spidermon (Scrapy's maintained monitoring
framework), with their thresholds in the settings.

The checks themselves are plain functions of the run stats (``run_checks``), so a crawl in one
process (spidermon runs them when the spider closes) and the distributed writer (which has no
spider) judge a run the same way. A failed monitor is named in the stats under
``govcrawl/monitors/failed``; ``govcrawl crawl`` then prints it and exits 1.

Thresholds (settings):

- ``GOVCRAWL_MONITOR_MAX_WENT_DARK`` (0): sites that yielded reports before and nothing now;
- ``GOVCRAWL_MONITOR_MAX_COVERAGE_DROPS`` (0): sites whose field coverage fell sharply;
- ``GOVCRAWL_MONITOR_MAX_FAILING_SHARE`` (0.25): share of the crawl's sites blocked or
  unreachable (a handful of dead portals is normal; a quarter means the crawler has a problem);
- ``GOVCRAWL_MONITOR_MAX_RETIRE`` (-1, off): sites failing ``GOVCRAWL_HEALTH_RETIRE_AFTER`` runs
  in a row;
- ``GOVCRAWL_MONITOR_FIELD_MISSING`` ({"report_year": 0.1, "body": 0.2}): highest share of annual
  reports missing each field (``govcrawl/field/<name>/missing``).
"""
from __future__ import annotations

from dataclasses import dataclass

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.core.actions import Action

from govcrawl.quality import field_shares

DEFAULT_FIELD_MISSING = {"report_year": 0.1, "body": 0.2}


@dataclass
class Check:
    name: str
    ok: bool
    message: str


def _get(settings, name: str, default, kind: str = "int"):
    if settings is None:
        return default
    getter = {"int": settings.getint, "float": settings.getfloat, "dict": settings.getdict}[kind]
    value = getter(name, default)
    return default if value is None else value


def run_checks(stats: dict, settings=None) -> list[Check]:
    """Every monitor's verdict on a run's stats (health summary and field counters)."""
    out = []
    sites = stats.get("govcrawl/health/sites")
    if sites is not None:
        dark = stats.get("govcrawl/health/went_dark", 0)
        limit = _get(settings, "GOVCRAWL_MONITOR_MAX_WENT_DARK", 0)
        failing = stats.get("govcrawl/health/failing") or {}
        names = ", ".join(s for s, h in failing.items() if h == "went_dark")[:500]
        out.append(Check("went_dark", dark <= limit,
                         f"{dark} site(s) yielded reports before and nothing now (limit {limit}): {names}"))
        drops = stats.get("govcrawl/health/coverage_drop", 0)
        limit = _get(settings, "GOVCRAWL_MONITOR_MAX_COVERAGE_DROPS", 0)
        out.append(Check("coverage_drop", drops <= limit,
                         f"{drops} site(s) with a sudden drop in field coverage (limit {limit})"))
        down = stats.get("govcrawl/health/blocked", 0) + stats.get("govcrawl/health/unreachable", 0)
        share = down / sites if sites else 0.0
        limit = _get(settings, "GOVCRAWL_MONITOR_MAX_FAILING_SHARE", 0.25, "float")
        out.append(Check("failing_share", share <= limit,
                         f"{down} of {sites} site(s) blocked or unreachable ({share:.0%}, limit {limit:.0%})"))
        retire = len(stats.get("govcrawl/health/retire") or [])
        limit = _get(settings, "GOVCRAWL_MONITOR_MAX_RETIRE", -1)
        out.append(Check("retire", limit < 0 or retire <= limit,
                         f"{retire} site(s) failing run after run: repair or retire them (limit {limit})"))
    limits = _get(settings, "GOVCRAWL_MONITOR_FIELD_MISSING", DEFAULT_FIELD_MISSING, "dict")
    for name, shares in field_shares(stats).items():
        if name in limits:
            limit = float(limits[name])
            out.append(Check(f"field_{name}", shares["missing"] <= limit,
                             f"{shares['missing']:.0%} of annual reports have no {name} (limit {limit:.0%})"))
    return out


def failed(stats: dict, settings=None) -> list[Check]:
    return [c for c in run_checks(stats, settings) if not c.ok]


class _CheckMonitor(Monitor):
    def assert_check(self, name: str) -> None:
        for check in run_checks(self.data.stats, self.data.crawler.settings):
            if check.name == name or (name == "field" and check.name.startswith("field_")):
                self.assertTrue(check.ok, check.message)


@monitors.name("Site health")
class SiteHealthMonitor(_CheckMonitor):
    @monitors.name("No site went dark")
    def test_went_dark(self):
        self.assert_check("went_dark")

    @monitors.name("No sudden drop in field coverage")
    def test_coverage_drop(self):
        self.assert_check("coverage_drop")

    @monitors.name("Few sites blocked or unreachable")
    def test_failing_share(self):
        self.assert_check("failing_share")

    @monitors.name("Sites failing run after run")
    def test_retire(self):
        self.assert_check("retire")


@monitors.name("Field coverage")
class FieldCoverageMonitor(_CheckMonitor):
    @monitors.name("Annual reports have their fields")
    def test_fields(self):
        self.assert_check("field")


class RecordFailedMonitors(Action):
    """Name the failed monitors in the stats, where ``govcrawl crawl`` looks for them."""

    def run_action(self):
        stats = self.data.crawler.stats
        results = self.result.monitors_failed_results
        stats.set_value("govcrawl/monitors/failed", [r.item.name for r in results])
        stats.set_value("govcrawl/monitors/messages", [assertion(r.error) for r in results])


def assertion(error) -> str:
    """The assertion's message out of a unittest traceback text."""
    text = str(error or "")
    for line in reversed(text.splitlines()):
        if line.startswith("AssertionError:"):
            return line.removeprefix("AssertionError:").strip().removeprefix("False is not true :").strip()[:400]
    return text.strip().splitlines()[-1][:400] if text.strip() else ""


class CrawlMonitorSuite(MonitorSuite):
    monitors = [SiteHealthMonitor, FieldCoverageMonitor]
    monitors_failed_actions = [RecordFailedMonitors]
