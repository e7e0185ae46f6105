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


@pytest.mark.parametrize("title,year", [
    ("2017年度政府信息公开报告", 2017),
    ("2017年政府信息年度报告", 2017),
    ("2018年政务公开报告", 2018),
    ("2017政府信息公开工作 年度报告", 2017),
    ("某某县交通运输局2016年信息公开工作报告", 2016),
    ("２０１９年度政府信息公开工作年度报告", 2019),  # full-width digits
    ("沭阳县发改局2017年度政府信息公开工作年度报告-沭阳县发改局", 2017),
    ("某某县人民政府-2020年政府信息公开工作年度报告", 2020),
])
def test_report_titles_worded_their_own_way(title, year):
    rec = classify({"title": title, "body_text": ""})
    assert rec["is_annual_report"] is True, rec["classified_by"]
    assert rec["report_year"] == year
    assert rec["classified_by"].startswith("title:")


@pytest.mark.parametrize("title,word", [
    ("2018年政务公开工作要点", "要点"),
    ("关于报送2017年政府信息公开工作年度报告的通知", "通知"),
    ("某某县人民政府网站2018年政府网站工作年度报表", "报表"),
    ("2018年政府工作报告", "政府工作报告"),
    ("2018年部门预决算公开", "决算"),
    ("《某某县2018年政府信息公开工作年度报告》解读", "解读"),
])
def test_lookalikes_are_rejected_whatever_the_column(title, word):
    body = "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况"
    rec = classify({"title": title, "body_text": body, "url": "http://x.gov.cn/zwgk/ndbg/t1.html",
                    "list_context": {"column_title": "政府信息公开年报"}})
    assert rec["is_annual_report"] is False
    assert rec["classified_by"] == f"title:lookalike({word})" or word in rec["classified_by"]


SIX_SECTIONS = ("一、总体情况\n2019年，我局认真贯彻…\n二、主动公开政府信息情况\n（表）\n三、收到和处理政府信息公开申请情况\n"
                "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n无。")


def test_body_structure_decides_when_the_title_is_generic_or_partial():
    rec = classify({"title": "政府信息公开年报", "body_text": SIX_SECTIONS})
    assert rec["is_annual_report"] and rec["classified_by"] == "title:none;body:sections"
    assert rec["report_year"] == 2019 and rec["report_year_from"] == "opening"
    rec = classify({"title": "某某局2019年度工作报告", "body_text": SIX_SECTIONS})
    assert rec["is_annual_report"] and rec["classified_by"].startswith("title:organ+year+报告;body:sections")
    # the same partial title over a plain work report is not a disclosure report
    rec = classify({"title": "某某局2022年度工作报告", "body_text": "2022年，我局坚持稳中求进。全年完成招商引资……"})
    assert rec["is_annual_report"] is False and rec["classified_by"].startswith("title:partial(")


def test_a_report_column_helps_but_never_decides_alone():
    ctx = {"column_title": "政府信息公开年报", "list_url": "http://x.gov.cn/xxgk/ndbg/index.html"}
    mention = "现将我镇政府信息公开工作年度报告公布如下。"
    assert classify({"title": "", "body_text": mention, "list_context": ctx})["is_annual_report"] is True
    assert classify({"title": "", "body_text": mention})["is_annual_report"] is False
    rec = classify({"title": "我镇召开安全生产会议", "body_text": "会议要求……", "list_context": ctx})
    assert rec["is_annual_report"] is False


@pytest.mark.parametrize("body,year,source", [
    ("本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。", 2017, "统计期限"),
    ("本报告信息数据统计期限为:2016年1月1日——2016年12月31日。", 2016, "统计期限"),
    ("2017年，我局在县委县政府的领导下……", 2017, "opening"),
    ("根据《条例》规定，现将我局2018年度政府信息公开工作报告如下：", 2018, "opening"),
])
def test_year_from_the_body_never_the_publication_date(body, year, source):
    rec = classify({"title": "政府信息公开工作年度报告", "published_date": "2030-01-05", "body_text": body})
    assert (rec["report_year"], rec["report_year_from"]) == (year, source)


def test_year_from_the_list_title_last():
    rec = classify({"title": "政府信息公开工作年度报告", "body_text": "我局高度重视。",
                    "list_context": {"list_title": "某某局2016年政府信息公开工作年度报告"}})
    assert (rec["report_year"], rec["report_year_from"]) == (2016, "list_title")
    rec = classify({"title": "政府信息公开工作年度报告", "published_date": "2017-01-10", "body_text": "我局高度重视。"})
    assert rec["report_year"] is None


def test_publisher_is_the_title_organ_when_the_page_names_none():
    rec = classify({"title": "某某县民政局2019年政府信息公开工作年度报告", "publisher": None, "body_text": ""})
    assert rec["publisher"] == "某某县民政局" and rec["publisher_from"] == "title"
    rec = classify({"title": "某某县民政局关于印发方案的通知", "publisher": "", "body_text": ""})
    assert rec["publisher"] == "某某县民政局"
    rec = classify({"title": "某某县民政局2019年政府信息公开工作年度报告", "publisher": "县政府办", "body_text": ""})
    assert rec["publisher"] == "县政府办"
    assert classify({"title": "全市召开会议", "publisher": None, "body_text": ""}).get("publisher") is None
