"""Pre-2019 统计表 in the layouts real portals print (keys documented in govcrawl/tables/legacy.py)."""
from govcrawl.tables import parse_tables


def _got(html: str) -> dict:
    cells = parse_tables(html=html)
    assert {c["table"] for c in cells} <= {"legacy"}
    return {(c["row"], c["column"]): c for c in cells}


def _rows(*rows: tuple) -> str:
    return "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)


NATIONAL = "<table>" + _rows(
    ("统计指标", "单位", "统计数"),
    ("一、主动公开情况", "——", "——"),
    ("（一）主动公开政府信息数", "条", "259"),
    ("五、行政复议数量", "件", "3"),
    ("（一）维持具体行政行为数", "件", "1"),
    ("（二）被依法纠错数", "件", "2"),
    ("（三）其他情形数", "件", "0"),
    ("六、行政诉讼数量", "件", "1"),
    ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "1"),
    ("（二）被依法纠错数", "件", "0"),
    ("（三）其他情形数", "件", ""),
) + "</table>"


def test_repeated_label_keeps_its_section_in_both_places():
    got = _got(NATIONAL)
    assert got[("五、行政复议数量/(二)被依法纠错数", "value")]["value"] == 2
    assert got[("六、行政诉讼数量/(二)被依法纠错数", "value")]["value"] == 0
    assert got[("五、行政复议数量/(三)其他情形数", "value")]["raw"] == "0"
    assert got[("六、行政诉讼数量/(三)其他情形数", "value")]["value"] is None
    assert got[("(一)主动公开政府信息数", "value")]["unit"] == "条"  # not repeated: the label as printed
    assert got[("一、主动公开情况", "value")]["value"] is None and got[("一、主动公开情况", "value")]["unit"] == "——"
    assert len(got) == 10


def test_cumulative_before_the_year_column():
    html = "<table>" + _rows(
        ("指标名称", "计量单位", "历年累计", "2017年度"),
        ("主动公开文件数", "条", "12106", "2069"),
        ("其中：1.政府网站公开数", "条", "12106", "2069"),
        ("行政复议数", "件", "0", "0"),
    ) + "</table>"
    got = _got(html)
    assert got[("主动公开文件数", "value")]["value"] == 2069
    assert got[("主动公开文件数", "cumulative")]["value"] == 12106
    assert got[("其中:1.政府网站公开数", "cumulative")]["unit"] == "条"
    assert len(got) == 6


def test_index_column_and_units_inside_the_labels():
    html = "<table>" + _rows(
        ("序号", "统计指标", "2016年", "累计数"),
        ("1", "主动公开政府信息数（条）", "120", "860"),
        ("2", "受理政府信息公开申请数（件）", "4", "31"),
        ("3", "依申请公开收取费用（万元）", "0", "0"),
    ) + "</table>"
    got = _got(html)
    assert got[("主动公开政府信息数(条)", "value")]["value"] == 120
    assert got[("主动公开政府信息数(条)", "cumulative")]["value"] == 860
    assert got[("受理政府信息公开申请数(件)", "value")]["unit"] == "件"
    assert got[("依申请公开收取费用(万元)", "value")]["unit"] == "万元"
    assert len(got) == 6


def test_two_row_header_and_units_after_the_values():
    html = ("<table><tr><td rowspan='2'>统计指标</td><td colspan='2'>数量</td><td rowspan='2'>单位</td></tr>"
            "<tr><td>本年度</td><td>历年累计</td></tr>"
            + _rows(("主动公开政府信息数", "88", "410", "条"), ("受理申请数", "2", "9", "件")) + "</table>")
    got = _got(html)
    assert got[("主动公开政府信息数", "value")]["value"] == 88
    assert got[("主动公开政府信息数", "cumulative")]["value"] == 410
    assert got[("受理申请数", "cumulative")]["unit"] == "件"
    assert len(got) == 4


def test_label_split_over_a_spanning_section_cell():
    html = ("<table><tr><td colspan='2'>统计指标</td><td>单位</td><td>统计数</td></tr>"
            "<tr><td rowspan='3'>行政复议</td><td>维持具体行政行为数</td><td>件</td><td>1</td></tr>"
            "<tr><td>被依法纠错数</td><td>件</td><td>0</td></tr>"
            "<tr><td>其他情形数</td><td>件</td><td>0</td></tr>"
            "<tr><td rowspan='2'>行政诉讼</td><td>维持具体行政行为或者驳回原告诉讼请求数</td><td>件</td><td>2</td></tr>"
            "<tr><td>被依法纠错数</td><td>件</td><td>1</td></tr></table>")
    got = _got(html)
    assert got[("行政复议被依法纠错数", "value")]["value"] == 0
    assert got[("行政诉讼被依法纠错数", "value")]["value"] == 1
    assert len(got) == 5


def test_repeated_label_without_any_section_is_numbered():
    html = "<table>" + _rows(("指标", "单位", "统计数"), ("被依法纠错数", "件", "2"), ("被依法纠错数", "件", "0")) + "</table>"
    got = _got(html)
    assert got[("被依法纠错数", "value")]["value"] == 2 and got[("被依法纠错数#2", "value")]["value"] == 0


def test_the_same_table_printed_twice_is_read_once():
    cells = parse_tables(html=NATIONAL + "<p>附表</p>" + NATIONAL)
    assert len(cells) == 10


def test_standard_2019_tables_are_not_legacy():
    html = "<table>" + _rows(("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"),
                             ("规章", "0", "0", "0"), ("规范性文件", "2", "2", "9")) + "</table>"
    assert not [c for c in parse_tables(html=html) if c["table"] == "legacy"]


def test_a_statistics_table_outside_the_article_node_is_still_read():
    from govcrawl.process import page_cells, process_page

    page = ("<html><head><meta charset='utf-8'><title>某某镇2017年政府信息公开工作年度报告</title></head><body>"
            "<div class='TRS_Editor'><p>本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。"
            "2017年，我镇主动公开政府信息120条。</p><p>附表：政府信息公开情况统计表</p></div><div class='fj'>"
            + NATIONAL + "</div><table>" + _rows(("版权所有", "某某镇"), ("地址", "某某路1号"), ("电话", "12345"))
            + "</table></body></html>")
    rec = process_page(page.encode(), "http://www.example.gov.cn/a.html")
    assert rec["is_annual_report"]
    cells = page_cells(rec)
    assert len(cells) == 10 and {c["table"] for c in cells} == {"legacy"}


def test_one_row_per_line_with_spaces_as_pdf_text_prints_it():
    text = ("平潭综合实验区政府信息公开情况统计表\n指标名称 计量单位 2012年度 历年累计\n主动公开信息数 条 739 4359\n"
            "其中：1、网站公开 条 739 4359\n2、政府公报公开 条 0 0\n行政复议数 件 0 0\n附件下载")
    got = {(c["row"], c["column"]): c for c in parse_tables(text=text)}
    assert got[("主动公开信息数", "value")]["value"] == 739 and got[("主动公开信息数", "cumulative")]["value"] == 4359
    assert got[("其中:1、网站公开", "value")]["unit"] == "条" and got[("行政复议数", "cumulative")]["unit"] == "件"
    assert len(got) == 8
    text = ("统计指标 单位 统计数\n五、行政复议数量 件 3\n（二）被依法纠错数 件 1\n六、行政诉讼数量 件 0\n（二）被依法纠错数 件 0\n"
            "本报告的电子版可在门户网站下载。")
    got = {(c["row"], c["column"]): c for c in parse_tables(text=text)}
    assert got[("五、行政复议数量/(二)被依法纠错数", "value")]["value"] == 1
    assert got[("六、行政诉讼数量/(二)被依法纠错数", "value")]["value"] == 0 and len(got) == 4


def test_a_label_wrapped_onto_the_next_row_is_joined():
    html = "<table>" + _rows(
        ("统计指标", "单位", "统计数"),
        ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计", "", ""),
        ("1条）", "条", "259"),
        ("其中：主动公开规范性文件数", "条", "3"),
    ) + "</table>"
    got = _got(html)
    assert got[("(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)", "value")]["value"] == 259
    assert len(got) == 2
    text = ("统计指标 单位 统计数\n（一）主动公开政府信息数（不同渠道和方式公开相同信息计\n1条） 条 259\n"
            "其中：主动公开规范性文件数 条 3")
    got = {(c["row"], c["column"]): c for c in parse_tables(text=text)}
    assert got[("(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)", "value")]["value"] == 259
    assert len(got) == 2
