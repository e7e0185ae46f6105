"""The five seed reports wrapped in their portals' page styles (tests/files/extract/seed*.html,
built by make_seed_pages.py): fields, classification, and body text against the seed text."""
import os

import pytest

from govcrawl.evaluate import ngram_scores
from govcrawl.process import process_page
from tests.helpers import SEEDS as SHARED_SEEDS

HERE = os.path.join(os.path.dirname(__file__), "files", "extract")
SEEDS = os.environ.get("SEEDS_DIR", str(SHARED_SEEDS))

CASES = {
    "seed003_zj_hanweb_xxgk.html": ("003", dict(index_no="001008010003/2024-158571", publisher="路桥区府办",
                                     published_date="2024-01-12", report_year=2023, county="路桥区")),
    "seed001_gs_oldcms_gb2312.html": ("001", dict(published_date="2018-02-07", report_year=2017,
                                      title="西峰区2017年政府信息公开工作的年度报告", county="西峰区")),
    "seed002_nmg_traditional_pinyin.html": ("002", dict(report_year=2020, title="五原县民政局2020年政府信息公开工作年度报告",
                                            publisher="五原县民政局", agency="五原县民政局", county="五原县")),
    "seed004_zj_township_nocharset_gbk.html": ("004", dict(published_date="2019-01-16", report_year=2018,
                                               encoding="gb18030")),
    "seed000_sd_trs_2019_tables.html": ("000", dict(report_year=2019, publisher="水泊街道", township="水泊街道",
                                        county="梁山县")),
}


def _seed_text(prefix: str) -> str:
    name = [f for f in os.listdir(SEEDS) if f.startswith(prefix)][0]
    with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
        return f.read()


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_seed_page(fixture):
    if not os.path.isdir(SEEDS):
        pytest.skip("shared/seeds not available")
    prefix, expected = CASES[fixture]
    with open(os.path.join(HERE, fixture), "rb") as f:
        rec = process_page(f.read(), "http://www.example.gov.cn/art/2024/1/12/art_1_2.html")
    assert rec["is_annual_report"] is True
    for key, value in expected.items():
        assert rec[key] == value, key
    recall, precision = ngram_scores(_seed_text(prefix), rec["body_text"])
    assert recall >= 0.95 and precision >= 0.95, (recall, precision)
    assert "打印本页" not in rec["body_text"] and "關" not in rec["body_text"]
    assert "(jù)" not in rec["body_text"]
