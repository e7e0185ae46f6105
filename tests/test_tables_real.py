"""Real reports: seed 000 (2019 template, pipe text), seed 004 and Pingtan 2018 (pre-2019 统计表),
Pingtan 2023-2025 (2021 template) against cells read by hand."""
import json
from pathlib import Path

import lxml.html
import pytest

from govcrawl.tables import parse_tables
from govcrawl.tables.checks import run_checks
from govcrawl.tables.labels import APPEAL_COLUMNS, APPLICATION_COLUMNS

from tests.helpers import REALPAGES, SEEDS

FILES = Path(__file__).parent / "files" / "tables"  # expected cells, written by hand


def _body(name: str) -> str:
    doc = lxml.html.fromstring((REALPAGES / f"{name}.html").read_text(encoding="utf-8"))
    (editor,) = doc.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " TRS_Editor ")]')
    return lxml.html.tostring(editor, encoding="unicode")


def _cells(cells):
    return {(c["table"], c["row"], c["column"]): c for c in cells}


def test_seed000_cell_for_cell():
    expected = json.loads((FILES / "seed000_expected.json").read_text(encoding="utf-8"))
    want = {}
    for row, cols in expected["active"].items():
        for col, raw in cols.items():
            want[("active", row, col)] = raw
    for row, raws in expected["applications"].items():
        want.update({("applications", row, col): raw for col, raw in zip(APPLICATION_COLUMNS, raws)})
    for row, raws in expected["appeals"].items():
        want.update({("appeals", row, col): raw for col, raw in zip(APPEAL_COLUMNS, raws)})
    parsed = parse_tables(text=(SEEDS / "000_168270b2927a7f2f.txt").read_text(encoding="utf-8"))
    got = _cells(parsed)
    assert set(got) == set(want)
    for key, raw in want.items():
        assert got[key]["raw"] == raw, key
        assert got[key]["value"] == (None if raw == "" else int(raw)), key


def test_seed000_checks_are_unknown_not_failures():
    parsed = parse_tables(text=(SEEDS / "000_168270b2927a7f2f.txt").read_text(encoding="utf-8"))
    statuses = {(r["rule"], r["scope"]): r["status"] for r in run_checks(parsed)}
    assert "fail" not in statuses.values()
    assert statuses[("applications.balance", "total")] == "unknown"
    assert statuses[("applications.total_column", "new")] == "ok"
    assert statuses[("appeals.total", "suit_direct")] == "ok"


def test_seed004_vertical_legacy():
    parsed = parse_tables(text=(SEEDS / "004_609d1e7d69fac241.txt").read_text(encoding="utf-8"))
    assert {c["table"] for c in parsed} == {"legacy"}
    got = {c["row"]: c for c in parsed}
    assert got["(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)"]["value"] == 259
    assert got["2.政府网站公开政府信息数"]["value"] == 259
    assert got["1.政府公报公开政府信息数"]["value"] is None and got["1.政府公报公开政府信息数"]["raw"] == ""
    assert got["(一)回应公众关注热点或重大舆情数(不同方式回应同一热点或舆情计1次)"]["value"] == 15
    assert got["3.政策解读稿件发布数"]["raw"] == "0"
    assert got["(三)从事政府信息公开工作人员数"]["value"] == 2
    assert got["1.专职人员数(不包括政府公报及政府网站工作人员数)"]["value"] == 1
    assert got["七、依申请公开信息收取的费用"]["unit"] == "万元"
    assert got["一、主动公开情况"]["unit"] == "——" and got["一、主动公开情况"]["value"] is None
    assert got["(三)接受培训人员数"]["unit"] == "人次"
    assert len(parsed) == 65  # indicators counted by hand in the seed


EXPECTED = json.loads((FILES / "pingtan_expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["pingtan_2023_zfxxgk_ndbg_trs", "pingtan_2024_zfxxgk_ndbg_trs",
                                  "pingtan_2025_zfxxgk_ndbg_trs"])
def test_pingtan_2021_template(name):
    got = _cells(parse_tables(html=_body(name)))
    exp = EXPECTED[name]
    for row, cols in exp["active"].items():
        for col, value in cols.items():
            assert got[("active", row, col)]["value"] == value, (row, col)
    for row, values in exp["applications"].items():
        assert [got[("applications", row, c)]["value"] for c in APPLICATION_COLUMNS] == values, row
    for row, values in exp["appeals"].items():
        assert [got[("appeals", row, c)]["value"] for c in APPEAL_COLUMNS] == values, row
    # the full 2021 template: 6 active rows, 25 application rows x 7, 3 appeal rows x 5
    assert len(got) == 10 + 25 * 7 + 15
    assert not any(k[1] == "other_handling" for k in got)


def test_pingtan_checks_and_carry():
    years = {y: parse_tables(html=_body(f"pingtan_{y}_zfxxgk_ndbg_trs")) for y in (2023, 2024, 2025)}
    for year, cells in years.items():
        results = run_checks(cells, previous_cells=years.get(year - 1))
        assert [r for r in results if r["status"] == "fail"] == [], year
    carry = [r for r in run_checks(years[2025], years[2024]) if r["rule"] == "cross_year.carry"]
    assert {r["status"] for r in carry} == {"ok"}


def test_pingtan_2018_legacy_table():
    parsed = parse_tables(html=_body("pingtan_2018_zfxxgk_ndbg_trs_stats_table"))
    assert {c["table"] for c in parsed} == {"legacy"}
    got = {(c["row"], c["column"]): c for c in parsed}
    for label, unit, value, cumulative in EXPECTED["pingtan_2018_zfxxgk_ndbg_trs_stats_table"]["legacy"]:
        assert got[(label, "value")]["value"] == value, label
        assert got[(label, "cumulative")]["value"] == cumulative, label
        assert got[(label, "value")]["unit"] == unit, label
    assert len(parsed) == 15 * 2


def test_report_cells_prefers_the_page_then_attachment_grids_first_wins():
    from govcrawl.tables import report_cells, score
    from govcrawl.tables.grid import html_blocks
    from govcrawl.tables.samples import make_truth, render

    truth = make_truth(5, 2021)
    html = render(truth, "html2021")
    assert score(report_cells(html, None, [([["x"]], "ignored")]), truth) == (1.0, 1.0)
    grid = html_blocks(html)  # the same tables as an attachment's grid, spans expanded
    cells = report_cells("<p>详见附件</p>", "详见附件", [([], None), ([grid], "text"), ([grid], None)])
    assert score(cells, truth) == (1.0, 1.0)
    assert len(cells) == len({(c["table"], c["row"], c["column"]) for c in cells})
