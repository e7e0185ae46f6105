import pytest

from govcrawl.classify import classify


@pytest.mark.parametrize("title,is_report,year,agency", [
    ("路桥区2023年政务公开工作总结和2024年工作思路", True, 2023, "路桥区"),
    ("西峰区2017年政府信息公开工作的年度报告", True, 2017, "西峰区"),
    ("金塘2018年度政府信息公开工作年度总结报告", True, 2018, "金塘"),
    ("平潭综合实验区地方税务局2013年政府信息公开工作年度报告", True, 2013, "平潭综合实验区地方税务局"),
    ("县民政局二〇二〇年政府信息公开年报", True, 2020, None),
    ("柳城县市场监督管理局关于2021年政府信息公开工作情况的报告", True, 2021, "柳城县市场监督管理局"),
    ("长丰县政府信息公开指南（2024年修订）", False, None, None),
    ("关于2014年政府信息公开工作要点落实情况的报告", False, None, None),
    ("关于2014年政府信息公开工作要点落实情况的函", False, None, None),
    ("关于做好2023年度政府信息公开工作年度报告编制发布工作的通知", False, None, None),
    ("2024年政务公开工作要点", False, None, None),
    ("2023年度部门决算公开", False, None, None),
])
def test_titles(title, is_report, year, agency):
    rec = classify({"title": title, "body_text": ""})
    assert rec["is_annual_report"] is is_report
    assert rec["report_year"] == year
    if agency:
        assert rec["agency"] == agency


def test_year_from_statistics_period_not_publish_date():
    rec = classify({"title": "政府信息公开工作年度报告", "published_date": "2018-02-07",
                    "body_text": "年度报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。"})
    assert rec["is_annual_report"] and rec["report_year"] == 2017
    rec = classify({"title": "政府信息公开工作年度报告", "published_date": "2018-02-07", "body_text": "无统计期限"})
    assert rec["report_year"] is None


def test_agency_from_signature():
    rec = classify({"title": "2023年度政府信息公开工作年度报告",
                    "body_text": "一、总体情况\n……\n某某县某某镇人民政府\n2024年1月20日"})
    assert rec["agency"] == "某某县某某镇人民政府"


@pytest.mark.parametrize("title", [
    "关于2022年政府信息公开工作年度报告的解读",
    "《某某区2022年政府信息公开工作年度报告》解读",
    "一图读懂某某县2023年政府信息公开工作年度报告",
    "图解：某某市2021年政务公开工作年度报告",
])
def test_pages_about_a_report_are_not_the_report(title):
    from govcrawl.classify import title_says_report

    assert not title_says_report(title)
