import json
import os

import pytest

from govcrawl.evaluate import evaluate_dir, format_report, ngram_scores
from tests.helpers import REALPAGES

LABELED = os.path.join(os.path.dirname(__file__), "files", "labeled")
HELDOUT = os.path.join(os.path.dirname(__file__), "files", "heldout")
HELDOUT2 = os.path.join(os.path.dirname(__file__), "files", "heldout2")
REAL = str(REALPAGES)


def test_ngram_scores():
    assert ngram_scores("政府信息公开工作年度报告", "政府信息公開工作年度報告") == (1.0, 1.0)
    r, p = ngram_scores("甲乙丙丁戊己庚辛", "甲乙丙丁戊")
    assert p == 1.0 and r < 1.0


def test_evaluate_small_dir(tmp_path):
    page = ("<html><head><meta charset='utf-8'><meta name='ArticleTitle' content='某县2023年政府信息公开工作年度报告'>"
            "</head><body><span>发布日期：2024-01-20</span><div class='TRS_Editor'><p>本报告根据《条例》编制。</p>"
            "<p>统计期限自2023年1月1日起至2023年12月31日止。</p></div></body></html>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "a.html.labels.json").write_text(json.dumps({
        "title": "某县2023年政府信息公开工作年度报告", "published_date": "2024-01-20", "publisher": None,
        "report_year": 2023, "is_annual_report": True, "body_first": "本报告根据《条例》编制。",
        "body_last": "12月31日止。", "body_contains": ["统计期限"], "attachments": []}), encoding="utf-8")
    (tmp_path / "b.html.labels.json").write_text(json.dumps({"kind": "list", "items": []}), encoding="utf-8")
    (tmp_path / "b.html").write_text("<html></html>", encoding="utf-8")
    res = evaluate_dir(str(tmp_path))
    assert len(res["pages"]) == 1
    report = format_report(res)
    assert "SUMMARY pages=1 min_field=1.000 min_body=1.000" in report


def test_realpages_meet_targets():
    if not os.path.isdir(REAL):
        import pytest
        pytest.skip("shared/realpages not available")
    res = evaluate_dir(REAL)
    report = format_report(res)
    for p in res["pages"]:
        assert not p["error"], report
    from govcrawl.evaluate import _summary
    s = _summary(res)
    assert min(s["fields"].values()) >= 0.97, report
    assert min(s["body"].values()) >= 0.97, report


def _assert_meets_targets(path: str) -> None:
    from govcrawl.evaluate import _summary
    res = evaluate_dir(path)
    report = format_report(res)
    for p in res["pages"]:
        assert not p["error"], report
    s = _summary(res)
    assert s["pages"] >= 10, report
    for field, score in s["fields"].items():
        assert score >= 0.97, f"{field} below target\n{report}"
    for key, score in s["body"].items():
        assert score >= 0.97, f"{key} below target\n{report}"
    if s["attachment_recall"] is not None:
        assert s["attachment_recall"] >= 0.97, report


# The project's own labelled sets: generated and real pages the extractor was not written against
# (labeled), and two batches of real pages labelled before the extractor saw them (heldout, heldout2).
OWN_SETS = [(LABELED, 20), (HELDOUT, 10), (HELDOUT2, 12)]


@pytest.mark.parametrize("folder,_", OWN_SETS, ids=lambda v: os.path.basename(str(v)))
def test_own_labeled_sets_meet_targets(folder, _):
    _assert_meets_targets(folder)


@pytest.mark.parametrize("folder,least", OWN_SETS, ids=lambda v: os.path.basename(str(v)))
def test_own_labeled_sets_are_complete(folder, least):
    names = sorted(n for n in os.listdir(folder) if n.endswith(".html"))
    manifest = open(os.path.join(folder, "MANIFEST.tsv"), encoding="utf-8").read()
    assert len(names) >= least
    for n in names:
        assert os.path.exists(os.path.join(folder, n + ".labels.json")), n
        assert n in manifest, n


REALCORPUS = [os.path.join(os.path.dirname(__file__), "files", d) for d in ("realcorpus", "realcorpus_heldback")]
# The held-back part is measured, never tuned on: its floor is the figure recorded in
# realcorpus/README.md after the fixes (a regression gate), not the target.
REAL_FLOORS = {"realcorpus": (0.97, 0.97), "realcorpus_heldback": (0.97, 0.85)}


@pytest.mark.parametrize("folder", REALCORPUS, ids=os.path.basename)
def test_real_corpus_meets_targets_with_table_cells(folder):
    from govcrawl.evaluate import _summary
    res = evaluate_dir(folder)
    report = format_report(res)
    s = _summary(res)
    field_floor, body_floor = REAL_FLOORS[os.path.basename(folder)]
    assert s["pages"] >= 4 and not [p for p in res["pages"] if p["error"]], report
    assert min(s["fields"].values()) >= field_floor and min(s["body"].values()) >= body_floor, report
    assert s["cells"]["pages"] == s["pages"], "every page of the corpus is labelled with its cells"
    assert s["cells"]["precision"] >= 0.99 and s["cells"]["recall"] >= 0.99, report
    manifest = open(os.path.join(folder, "MANIFEST.tsv"), encoding="utf-8").read()
    for name in os.listdir(folder):
        if name.endswith(".html"):
            assert name in manifest and os.path.exists(os.path.join(folder, name + ".labels.json")), name


def test_real_report_tables_are_read_cell_for_cell_on_every_page():
    """The folder-wide 0.99 gate could hide one page losing a few cells among hundreds: every real
    report with a labelled 统计表 (pre-2019 legacy tables, the 2019 template's three tables) must be
    read exactly - no cell missing, none extra."""
    for folder in REALCORPUS:
        res = evaluate_dir(folder)
        tables = [p for p in res["pages"] if p.get("cells") and p["cells"][2]]
        assert len(tables) >= 2, folder
        for p in tables:
            hit, got, want = p["cells"]
            assert hit == got == want, (p["file"], p["cells"], p.get("cell_misses"))


def test_eval_scores_table_cells_of_a_real_legacy_table():
    from govcrawl.evaluate import _summary
    s = _summary(evaluate_dir(HELDOUT2))
    assert s["cells"]["want"] == 34 and s["cells"]["hit"] == 34 and s["cells"]["got"] == 34


def test_heldout2_dates_do_not_depend_on_the_url():
    """The sc.gov.cn UCAP pages must find the shown date even when the URL carries none."""
    from govcrawl.process import process_page
    for name, want in (("sc_gov_ucap_news_detail_br_title_tampered.html", "2024-12-07"),):
        raw = open(os.path.join(HELDOUT2, name), "rb").read()
        assert process_page(raw, "https://example.gov.cn/a.html")["published_date"] == want
