"""robots.txt is obeyed, except for a registry row marked robots=ignore: two portals whose
robots.txt disallows everything, one of them marked."""
from __future__ import annotations

import csv
import sqlite3
import subprocess

from tests import network
from tests.helpers import ROOT
from tests.portal_variants.server import serve
from tests.registry_portals import gkmlpt, postback


def test_robots_ignore_overrides_a_disallow_all(tmp_path):
    marked, obeyed = gkmlpt()[0], postback()[0]
    for v in (marked, obeyed):
        v.add("/robots.txt", "User-agent: *\nDisallow: /\n", "text/plain")
    with serve([marked, obeyed]) as urls:
        with open(tmp_path / "sites.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["name", "homepage", "robots"])
            writer.writerow(["惠来县", urls["gkmlpt"], "ignore"])
            writer.writerow(["张北县", urls["postback"], ""])
        proc = subprocess.run(network.govcrawl("crawl", "--sites", str(tmp_path / "sites.csv"), "--db",
                                               str(tmp_path / "m.db"), "--archive", str(tmp_path / "a"), *network.FAST),
                              capture_output=True, text=True, timeout=300, cwd=ROOT)
    conn = sqlite3.connect(tmp_path / "m.db")
    counts = dict(conn.execute("select s.name, count(r.report_id) from sites s left join reports r "
                               "on r.site_id = s.site_id and r.is_annual_report = 1 group by s.name"))
    assert counts == {"惠来县": 18, "张北县": 0}, proc.stdout[-2000:] + proc.stderr[-2000:]
    why = conn.execute("select c.reason from crawl_runs c join sites s using (site_id) where s.name = '张北县'").fetchone()[0]
    assert "robots.txt" in why


def test_registry_rejects_an_unknown_robots_policy():
    from govcrawl.registry import parse_registry

    sites, problems = parse_registry("name,homepage,robots\n某县,http://a.gov.cn/,sometimes\n某镇,http://b.gov.cn/,ignore\n")
    assert [s.robots for s in sites] == ["ignore"] and "robots 'sometimes'" in problems[0]
