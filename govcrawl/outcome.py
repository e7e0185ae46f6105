"""What a crawl of one site came to, in a word and in a sentence an operator can act on.

Every site of a run gets an ``outcome`` and a ``reason`` in ``crawl_runs``, so no site is left
without one: ok, or why not (unreachable, blocked, no 年报 column, an empty column, nothing
classified as a report), plus the budgets it hit and whether it needed a browser.
"""
from __future__ import annotations

from collections import Counter

from govcrawl.platforms.scope import SiteRun

_BLOCKED = ("HTTP 403", "HTTP 401", "HTTP 412", "HTTP 521", "HTTP 451", "HTTP 429")


def run_status(finish_reason: str) -> str:
    """finished | interrupted (Ctrl-C, SIGTERM) | failed | stopped (a close-spider limit)."""
    if finish_reason == "finished":
        return "finished"
    if finish_reason in ("shutdown", "killed"):
        return "interrupted"
    if finish_reason.startswith("closespider_"):
        return "stopped"
    return "failed"


def detected_platform(run: SiteRun) -> str:
    """The conventions the site's lists turned out to use, most specific first."""
    readers = run.readers
    for name in ("hanweb", "trs", "json", "postback", "browser"):
        if name in readers:
            return {"json": "json-api", "postback": "aspnet"}.get(name, name)
    return run.site.platform if run.site.platform and run.site.platform != "generic" else (
        "static" if readers else (run.site.platform or "unknown"))


def site_outcome(run: SiteRun, stored: Counter, finish_reason: str = "finished") -> tuple[str, str]:
    """(outcome, reason) for one site after a crawl."""
    cuts = "; ".join(f"{reason} (e.g. {url})" for reason, url in run.cuts.items())
    extra = []
    if run.needed_browser:
        extra.append("its list needed a browser (Chromium) to show entries")
    if cuts:
        extra.append("cut by " + cuts)
    tail = ("; " + "; ".join(extra)) if extra else ""
    if stored["reports"] or stored["unchanged"] or run.known_listed:
        outcome = "ok" if not run.cuts else "ok_budget"
        parts = []
        if stored["reports"]:
            parts.append(f"{stored['reports']} annual report(s) read from {len(run.columns)} 年报 column(s)")
        if stored["unchanged"]:
            parts.append(f"{stored['unchanged']} known report URL(s) unchanged")
        if run.known_listed:
            parts.append(f"{len(run.known_listed)} known report(s) still listed (checked within their revisit "
                         "interval: the server gives no ETag / Last-Modified to ask with)")
        if stored["revisit_removed"]:
            parts.append(f"{stored['revisit_removed']} gone")
        return outcome, "; ".join(parts) + tail
    if run.homepage_failure and not run.counts["nav_pages"]:
        blocked = run.homepage_failure.startswith(_BLOCKED) or "challenge" in run.homepage_failure
        if blocked:
            return "blocked", (f"the homepage {run.site.homepage} refused the crawler ({run.homepage_failure}); "
                               f"check the portal in a browser, or mark it 'browser always'{tail}")
        return "unreachable", (f"the homepage {run.site.homepage} could not be fetched ({run.homepage_failure}); "
                               f"check the address in the registry{tail}")
    if finish_reason != "finished" and not stored["documents"]:
        return "interrupted", f"the run stopped ({finish_reason}) before this site was done; resume with --job-dir{tail}"
    if not run.columns and not run.counts["list_entries"]:
        looked = run.counts["nav_pages"]
        return "no_column", (f"no 年报 column found: {looked} page(s) walked from {run.site.homepage} "
                             "(政府信息公开 → 年报 links); give its column_url in the registry" + tail)
    if not run.counts["list_entries"]:
        return "empty_column", (f"年报 column(s) found ({', '.join(sorted(run.columns)[:3])}) but their lists "
                                f"showed no entries ({run.counts['list_pages']} list page(s) read){tail}")
    if stored["documents"]:
        return "no_reports", (f"{stored['documents']} document(s) from the 年报 column(s), none of them an "
                              f"annual report by its title or text{tail}")
    return "no_documents", (f"{run.counts['list_entries']} list entries, but no document could be fetched "
                            f"(see crawl_errors){tail}")
