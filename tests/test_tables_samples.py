"""Generated reports in every layout parse back to their known cells; the checks see the planted errors."""
import pytest

from govcrawl.tables import parse_rows, parse_tables, score
from govcrawl.tables.checks import run_checks
from govcrawl.tables.samples import (ERROR_EFFECTS, LAYOUTS, TEXT_LAYOUTS, make_legacy_truth, make_truth,
                                     render)

STANDARD_LAYOUTS = [layout for layout in LAYOUTS if not layout.startswith("legacy")]


def _parse(out: str, layout: str) -> list[dict]:
    return parse_tables(text=out) if layout in TEXT_LAYOUTS else parse_tables(html=out)


def _key(c):
    return c["table"], c["row"], c["column"]


@pytest.mark.parametrize("layout", STANDARD_LAYOUTS)
@pytest.mark.parametrize("template", [2019, 2021])
@pytest.mark.parametrize("seed,blanks", [(1, False), (2, True), (3, False)])
def test_every_cell_round_trips(layout, template, seed, blanks):
    truth = make_truth(seed, template, blanks=blanks)
    parsed = _parse(render(truth, layout), layout)
    got = {_key(c): c for c in parsed}
    assert len(got) == len(parsed), "a cell was emitted twice"
    assert set(got) == {_key(c) for c in truth}
    for cell in truth:
        p = got[_key(cell)]
        assert p["value"] == cell["value"], (cell, p)
        if cell["raw"] in ("", "—", "无"):
            assert p["raw"] == cell["raw"], (cell, p)  # blank, dash and 无 kept apart


@pytest.mark.parametrize("layout", ["html2021_word", "pipe2019", "lines"])
def test_traditional_labels(layout):
    truth = make_truth(7, 2021, blanks=True)
    assert score(_parse(render(truth, layout, traditional=True), layout), truth) == (1.0, 1.0)


@pytest.mark.parametrize("layout", ["legacy", "legacy_html"])
@pytest.mark.parametrize("cumulative", [False, True])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_legacy_round_trip(layout, cumulative, seed):
    truth = make_legacy_truth(seed, cumulative=cumulative)
    parsed = _parse(render(truth, layout), layout)
    assert score(parsed, truth) == (1.0, 1.0)
    units = {(c["row"], c["column"]): c["unit"] for c in parsed}
    assert all(units[(c["row"], c["column"])] == c["unit"] for c in truth)


def test_score_over_all_layouts():
    """The figure reported for the package: precision/recall over layouts x truth tables."""
    hits = []
    for layout in LAYOUTS:
        for seed in range(4):
            for template in (2019, 2021):
                if layout.startswith("legacy"):
                    truth = make_legacy_truth(seed, cumulative=template == 2021)
                else:
                    truth = make_truth(seed, template, blanks=seed % 2 == 1)
                hits.append(score(_parse(render(truth, layout), layout), truth))
    precision = sum(p for p, _ in hits) / len(hits)
    recall = sum(r for _, r in hits) / len(hits)
    assert precision >= 0.99 and recall >= 0.99


def _statuses(results):
    return {(r["rule"], r["scope"]): r["status"] for r in results}


@pytest.mark.parametrize("layout", ["html2021", "html_trs", "pipe2019", "tab2021", "lines"])
@pytest.mark.parametrize("error", sorted(ERROR_EFFECTS))
def test_deliberate_errors_fail(layout, error):
    truth = make_truth(11, 2021 if layout != "pipe2019" else 2019, errors=(error,))
    statuses = _statuses(run_checks(_parse(render(truth, layout), layout)))
    failed = {k for k, s in statuses.items() if s == "fail"}
    assert failed == ERROR_EFFECTS[error]


@pytest.mark.parametrize("layout", STANDARD_LAYOUTS)
@pytest.mark.parametrize("template", [2019, 2021])
def test_consistent_report_has_no_failures(layout, template):
    truth = make_truth(5, template)
    statuses = _statuses(run_checks(_parse(render(truth, layout), layout)))
    assert statuses and set(statuses.values()) == {"ok", "unknown"}
    assert {k for k, s in statuses.items() if s == "unknown"} == {("cross_year.carry", c) for c in
                                                                   ("natural_person", "commercial", "research",
                                                                    "social_welfare", "legal_service", "other_org",
                                                                    "total")}
    assert len(statuses) == 7 + 7 + 4 + 7 + 3  # balance, handled_sum, total_column, carry, appeals


def test_blank_inputs_are_unknown_never_fail():
    truth = make_truth(5, 2021, blanks=True)
    statuses = _statuses(run_checks(_parse(render(truth, "html2021"), "html2021")))
    assert "fail" not in statuses.values()
    assert statuses[("applications.balance", "natural_person")] == "unknown"  # 上年结转 blank
    assert statuses[("applications.handled_sum", "total")] == "unknown"  # 三(三)1-2 blank
    assert statuses[("applications.total_column", "carried_in")] == "unknown"
    assert statuses[("applications.total_column", "new")] == "ok"
    assert statuses[("appeals.total", "review")] == "ok"


def test_cross_year_carry():
    prev = make_truth(1, 2021)
    this = make_truth(2, 2021)
    carried_out = {c["column"]: c for c in prev if c["table"] == "applications" and c["row"] == "carried_out"}
    for c in this:
        if c["table"] == "applications" and c["row"] == "carried_in":
            c["value"] = carried_out[c["column"]]["value"]
    statuses = _statuses(run_checks(this, previous_cells=prev))
    assert {s for (rule, _), s in statuses.items() if rule == "cross_year.carry"} == {"ok"}
    prev_bad = [dict(c, value=(c["value"] or 0) + 1) if (c["row"], c["column"]) == ("carried_out", "research") else c
                for c in prev]
    statuses = _statuses(run_checks(this, previous_cells=prev_bad))
    assert statuses[("cross_year.carry", "research")] == "fail"


def test_parse_rows_from_pdf_like_grid():
    """pdfplumber grids: None for merged slots, no headings around the table."""
    grid = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", None, None, "申请人情况", None, None, None, None,
         None, None],
        [None, None, None, "自然人", "法人或其他组织", None, None, None, None, "总计"],
        [None, None, None, None, "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", None],
        ["一、本年新收政府信息公开申请数量", None, None, "12", "3", "0", "0", "0", "1", "16"],
        ["二、上年结转政府信息公开申请数量", None, None, "0", "0", "0", "0", "0", "0", "0"],
        ["三、本年度办理结果", "（一）予以公开", None, "１０", "2", "0", "0", "0", "1", "13"],
        [None, "（七）总计", None, "12", "3", "0", "0", "0", "1", "16"],
        ["四、结转下年度继续办理", None, None, "0", "0", "0", "0", "0", "0", "—"],
    ]
    cells = {(c["row"], c["column"]): c for c in parse_rows(grid)}
    assert cells[("new", "total")]["value"] == 16
    assert cells[("granted", "natural_person")]["value"] == 10
    assert cells[("handled_total", "commercial")]["value"] == 3
    assert cells[("carried_out", "total")]["value"] is None and cells[("carried_out", "total")]["raw"] == "—"
    assert cells[("carried_in", "other_org")]["raw"] == "0"


def test_nothing_from_plain_prose():
    text = "2023年全区共主动公开政府信息13561条。行政许可2629件，行政处罚1330件。收到申请81件。"
    assert parse_tables(html=f"<p>{text}</p>") == []
    assert parse_tables(text=text) == []
