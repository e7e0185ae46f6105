"""The second state of a network (issue 8): what changed between two weekly crawls.

``second_state(net)`` regenerates the same network with a change plan applied, so every page the
plan does not touch is byte-identical (and keeps its ETag and Last-Modified):

- removed reports, one each way a portal removes a page: 404, 410, a redirect to the homepage, a
  redirect to the column list, and 200 pages saying 信息已删除 / 该信息已撤销 / 页面不存在 (their list
  entries disappear);
- edited reports: a sentence rewritten, a number in the applications table changed (new ETag and
  a later Last-Modified);
- added reports, at the top of their lists (on county sites and a subsite);
- a report dropped from its list that still resolves (not a removal);
- one report URL answering 503 and one resetting the connection (not removals until seen twice).

What a changed page looks like is in ``changes``. ``changes_truth(first, second, bases)`` is the truth of those changes with real URLs; the scorer
of the second crawl is ``tests.simnet.recrawl_score``.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.simnet.changes import CHANGE_DATE
from tests.simnet.model import Doc, Network

REMOVALS = ["404", "410", "redirect_home", "redirect_list", "deleted:信息已删除", "deleted:该信息已撤销",
            "deleted:页面不存在"]
EDITS = ["sentence", "number", "sentence", "number"]
FLAKY = ["503", "reset"]


@dataclass
class ChangePlan:
    changes: dict[str, str] = field(default_factory=dict)     # doc id -> removed:HOW | edited:WHAT | dropped | flaky:HOW
    additions: dict[str, int] = field(default_factory=dict)   # site key -> reports to add

    def of(self, doc_id: str) -> str:
        return self.changes.get(doc_id, "")


def _candidates(net: Network) -> list[Doc]:
    quiet = {k for k, s in net.sites.items()
             if not net.hosts[s.host].challenge and not any(c.startswith("trap") for c in s.conventions)
             and "js_only" not in s.conventions}
    out = []
    for d in net.docs:
        if not d.is_report or d.site not in quiet or len(d.locations) != 1 or d.aliases:
            continue
        if any(t in d.tags for t in ("pdf_direct", "attachment_pdf", "attachment_docx", "copy_column", "old_cms",
                                     "misfiled_notice", "misfiled_other", "tracking")):
            continue
        out.append(d)
    return sorted(out, key=lambda d: d.doc_id)


def plan_changes(net: Network) -> ChangePlan:
    """Which documents change, chosen from the first state (deterministic for a seed)."""
    rng = random.Random(f"changes:{net.seed}")
    pool = _candidates(net)
    rng.shuffle(pool)
    plan = ChangePlan()
    used_sites: dict[str, int] = {}

    def take(pred=lambda d: True) -> Doc:
        # spread over sites: prefer a site with the fewest changes so far
        ranked = sorted((d for d in pool if d.doc_id not in plan.changes and pred(d)),
                        key=lambda d: used_sites.get(d.site, 0))
        doc = ranked[0]
        used_sites[doc.site] = used_sites.get(doc.site, 0) + 1
        return doc

    for how in REMOVALS:
        plan.changes[take().doc_id] = "removed:" + how
    for what in EDITS:
        pred = (lambda d: d.year >= 2019) if what == "number" else (lambda d: True)
        plan.changes[take(pred).doc_id] = "edited:" + what
    plan.changes[take().doc_id] = "dropped"
    for how in FLAKY:
        plan.changes[take().doc_id] = "flaky:" + how
    counties = sorted({d.site for d in pool if net.sites[d.site].level == "county"})
    subs = sorted({d.site for d in pool if net.sites[d.site].level != "county"})
    for key in (counties[:2] + subs[:1]) or counties[:3]:
        plan.additions[key] = plan.additions.get(key, 0) + 1
    return plan


def second_state(first: Network) -> Network:
    from tests.simnet.generator import generate

    sites = sum(1 for s in first.sites.values() if s.registry)
    net = generate(first.seed, sites, changes=plan_changes(first))
    net.state = 2
    return net


def changes_truth(first: Network, second: Network, bases: dict[str, str]) -> dict:
    """The changes with real URLs: removed (how), edited (what), added, dropped, flaky, unchanged."""
    plan = plan_changes(first)

    def url(loc) -> str:
        return bases[loc[0]].rstrip("/") + loc[1]

    out: dict = {"removed": [], "edited": [], "added": [], "dropped": [], "flaky": [], "unchanged": []}
    for doc in first.docs:
        if not doc.is_report:
            continue
        change = plan.of(doc.doc_id)
        row = {"id": doc.doc_id, "title": doc.title, "site": first.sites[doc.site].name, "year": doc.year,
               "urls": [url(loc) for loc in doc.locations]}
        kind, _, how = change.partition(":")
        if kind == "removed":
            out["removed"].append(dict(row, how=how))
        elif kind == "edited":
            out["edited"].append(dict(row, what=how))
        elif kind == "dropped":
            out["dropped"].append(row)
        elif kind == "flaky":
            out["flaky"].append(dict(row, how=how))
        else:
            out["unchanged"].append(row)
    known = {d.doc_id for d in first.docs}
    for doc in second.docs:
        if doc.doc_id not in known and doc.is_report:
            out["added"].append({"id": doc.doc_id, "title": doc.title, "site": second.sites[doc.site].name,
                                 "year": doc.year, "urls": [url(loc) for loc in doc.locations]})
    return out
