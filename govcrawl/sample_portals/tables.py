"""The standard statistical tables of the annual report, as merged-cell tables.

Layouts follow 国办公开办函〔2019〕60号 and 〔2021〕30号 (rowspan/colspan as the official Word
templates set them) and the pre-2019 Zhejiang 政府信息公开情况统计表 (统计指标 / 单位 / 统计数).
"""
from __future__ import annotations

from .model import Cell, Table
from .textutil import cn_punct, esc

APPLICANT_COLUMNS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# (group label or None, sub label) for the rows of table 三, in order.
WITHHELD = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
            "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
UNAVAILABLE = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
NOT_PROCESSED = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                 "5.要求行政机关确认或重新出具已获取信息"]
OTHER_2021 = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]

APPLICATION_ROWS = {
    "2019": ["new", "carried_in", "granted", "partly_granted"] + [f"withheld_{i}" for i in range(1, 9)]
    + [f"unavailable_{i}" for i in range(1, 4)] + [f"not_processed_{i}" for i in range(1, 6)]
    + ["other_handling", "handled_total", "carried_out"],
    "2021": ["new", "carried_in", "granted", "partly_granted"] + [f"withheld_{i}" for i in range(1, 9)]
    + [f"unavailable_{i}" for i in range(1, 4)] + [f"not_processed_{i}" for i in range(1, 6)]
    + [f"other_handling_{i}" for i in range(1, 4)] + ["handled_total", "carried_out"],
}

ACTIVE_2019 = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "规范性文件"]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "其他对外管理服务事项"]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["行政处罚", "行政强制"]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], ["行政事业性收费"]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"], ["政府集中采购"]),
]
ACTIVE_2021 = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
    ("第二十条第（五）项", ["本年处理决定数量"], ["行政许可"]),
    ("第二十条第（六）项", ["本年处理决定数量"], ["行政处罚", "行政强制"]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["行政事业性收费"]),
]


def _s(value) -> str:
    return "" if value is None else str(value)


def active_table(groups: list[tuple[str, list[str], list[tuple[str, list]]]]) -> Table:
    """Table 二 (主动公开): a four-column grid, one title row per 第二十条 item."""
    rows: list[list[Cell]] = []
    for title, headers, items in groups:
        rows.append([Cell(title, colspan=4, head=True)])
        rows.append([Cell("信息内容", head=True)] + _spread([Cell(h, head=True) for h in headers]))
        for label, values in items:
            values = list(values) + [None] * (len(headers) - len(values))
            rows.append([Cell(label)] + _spread([Cell(_s(v)) for v in values[: len(headers)]]))
    return Table(rows)


def _spread(cells: list[Cell]) -> list[Cell]:
    """Fill three value columns: one value spans them, two leave the last cell blank."""
    if len(cells) == 1:
        cells[0].colspan = 3
        return cells
    return cells + [Cell("") for _ in range(3 - len(cells))]


def applications_table(values: dict[str, list], template: str = "2019") -> Table:
    """Table 三 (收到和处理政府信息公开申请): 7 applicant columns, merged row labels."""
    def vals(code: str) -> list[Cell]:
        row = list(values.get(code) or [])
        row += [None] * (7 - len(row))
        return [Cell(_s(v)) for v in row[:7]]

    other_rows = 3 if template == "2021" else 1
    result_rows = 2 + 8 + 3 + 5 + other_rows + 1
    rows = [
        [Cell(BALANCE_NOTE, rowspan=3, colspan=3, head=True), Cell("申请人情况", colspan=7, head=True)],
        [Cell("自然人", rowspan=2, head=True), Cell("法人或其他组织", colspan=5, head=True),
         Cell("总计", rowspan=2, head=True)],
        [Cell(c, head=True) for c in APPLICANT_COLUMNS],
        [Cell("一、本年新收政府信息公开申请数量", colspan=3)] + vals("new"),
        [Cell("二、上年结转政府信息公开申请数量", colspan=3)] + vals("carried_in"),
        [Cell("三、本年度办理结果", rowspan=result_rows), Cell("（一）予以公开", colspan=2)] + vals("granted"),
        [Cell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colspan=2)] + vals("partly_granted"),
    ]
    for group, labels, prefix in (("（三）不予公开", WITHHELD, "withheld"),
                                  ("（四）无法提供", UNAVAILABLE, "unavailable"),
                                  ("（五）不予处理", NOT_PROCESSED, "not_processed")):
        for i, label in enumerate(labels, 1):
            head = [Cell(group, rowspan=len(labels))] if i == 1 else []
            rows.append(head + [Cell(label)] + vals(f"{prefix}_{i}"))
    if template == "2021":
        for i, label in enumerate(OTHER_2021, 1):
            head = [Cell("（六）其他处理", rowspan=3)] if i == 1 else []
            rows.append(head + [Cell(label)] + vals(f"other_handling_{i}"))
    else:
        rows.append([Cell("（六）其他处理", colspan=2)] + vals("other_handling"))
    rows.append([Cell("（七）总计", colspan=2)] + vals("handled_total"))
    rows.append([Cell("四、结转下年度继续办理", colspan=3)] + vals("carried_out"))
    return Table(rows)


def appeals_table(values: list) -> Table:
    """Table 四 (行政复议、行政诉讼): 15 columns under two merged header rows."""
    outcome = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    values = list(values) + [None] * (15 - len(values))
    return Table([
        [Cell("行政复议", colspan=5, head=True), Cell("行政诉讼", colspan=10, head=True)],
        [Cell(h, rowspan=2, head=True) for h in outcome]
        + [Cell("未经复议直接起诉", colspan=5, head=True), Cell("复议后起诉", colspan=5, head=True)],
        [Cell(h, head=True) for h in outcome * 2],
        [Cell(_s(v)) for v in values[:15]],
    ])


# Pre-2019 Zhejiang 政府信息公开情况统计表: (label lines, unit as printed).
LEGACY_ROWS: list[tuple[tuple[str, ...], str]] = [
    (("一、主动公开情况",), "——"),
    (("(一)主动公开政府信息数", "(不同渠道和方式公开相同信息计1条)"), ""),
    (("其中:主动公开规范性文件数",), ""),
    (("制发规范性文件总数",), ""),
    (("(二)通过不同渠道和方式公开政府信息的情况",), "——"),
    (("1.政府公报公开政府信息数",), ""),
    (("2.政府网站公开政府信息数",), ""),
    (("3.政务微博公开政府信息数",), ""),
    (("4.政务微信公开政府信息数",), ""),
    (("5.其他方式公开政府信息数",), ""),
    (("二、回应解读情况",), "——"),
    (("(一)回应公众关注热点或重大舆情数", "(不同方式回应同一热点或舆情计1次)"), ""),
    (("(二)通过不同渠道和方式回应解读的情况",), "——"),
    (("1.参加或举办新闻发布会总次数",), ""),
    (("其中:主要负责同志参加新闻发布会次数",), ""),
    (("2.政府网站在线访谈次数",), ""),
    (("其中:主要负责同志参加政府网站在线访谈次数",), ""),
    (("3.政策解读稿件发布数",), ""),
    (("4.微博微信回应事件数",), ""),
    (("5.其他方式回应事件数",), ""),
    (("三、依申请公开情况",), "——"),
    (("(一)收到申请数",), ""),
    (("1.当面申请数",), ""),
    (("2.传真申请数",), ""),
    (("3.网络申请数",), ""),
    (("4.信函申请数",), ""),
    (("(二)申请办结数",), ""),
    (("1.按时办结数",), ""),
    (("2.延期办结数",), ""),
    (("(三)申请答复数",), ""),
    (("1.属于已主动公开范围数",), ""),
    (("2.同意公开答复数",), ""),
    (("3.同意部分公开答复数",), ""),
    (("4.不同意公开答复数",), ""),
    (("其中:涉及国家秘密",), ""),
    (("涉及商业秘密",), ""),
    (("涉及个人隐私",), ""),
    (("危及国家安全、公共安全、经济安全和社会稳定",), ""),
    (("不是《条例》所指政府信息",), ""),
    (("法律法规规定的其他情形",), ""),
    (("5.不属于本行政机关公开数",), ""),
    (("6.申请信息不存在数",), ""),
    (("7.告知作出更改补充数",), ""),
    (("8.告知通过其他途径办理数",), ""),
    (("四、行政复议数量",), ""),
    (("(一)维持具体行政行为数",), ""),
    (("(二)被依法纠错数",), ""),
    (("(三)其他情形数",), ""),
    (("五、行政诉讼数量",), ""),
    (("(一)维持具体行政行为或者驳回原告诉讼请求数",), ""),
    (("(二)被依法纠错数",), ""),
    (("(三)其他情形数",), ""),
    (("六、举报投诉数量",), ""),
    (("七、依申请公开信息收取的费用",), "万元"),
    (("八、机构建设和保障经费情况",), "——"),
    (("(一)政府信息公开工作专门机构数",), ""),
    (("(二)设置政府信息公开查阅点数",), ""),
    (("(三)从事政府信息公开工作人员数",), ""),
    (("1.专职人员数(不包括政府公报及政府网站工作人员数)",), ""),
    (("2.兼职人员数",), ""),
    (("(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)",), "万元"),
    (("九、政府信息公开会议和培训情况",), "——"),
    (("(一)召开政府信息公开工作会议或专题会议数",), ""),
    (("(二)举办各类培训班数",), ""),
    (("(三)接受培训人员数",), "人次"),
]


def legacy_table(values: list[str]) -> Table:
    """The vertical pre-2019 统计表; `values` holds one printed value per LEGACY_ROWS row."""
    rows = [[Cell("统 计 指 标", head=True), Cell("单位", head=True), Cell("统计数", head=True)]]
    for (labels, unit), value in zip(LEGACY_ROWS, values):
        rows.append([Cell("\n".join(labels)), Cell(unit), Cell(value)])
    return Table(rows)


# ---- rendering -------------------------------------------------------------------------

_MSO_TD = ("border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt")
_MSO_P = ('<p class="MsoNormal" align="center" style="text-align:center;line-height:15.0pt">'
          '<span style="font-size:10.5pt;font-family:宋体">{}</span></p>')


def render_table(table: Table, flavor: str = "mso") -> str:
    """HTML for a table.  'mso' imitates Word paste (MsoNormalTable), 'plain' an editor table."""
    out = []
    if flavor == "mso":
        out.append('<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" '
                   'style="border-collapse:collapse;border:none;width:100%"><tbody>')
    else:
        out.append('<table border="1" cellspacing="0" cellpadding="0" width="100%" '
                   'style="border-collapse:collapse"><tbody>')
    for row in table.rows:
        out.append("<tr>")
        for cell in row:
            attrs = ""
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            lines = [esc(cn_punct(line)) for line in cell.text.split("\n")] or [""]
            if flavor == "mso":
                inner = "".join(_MSO_P.format(line or "&nbsp;") for line in lines)
                out.append(f'<td{attrs} valign="center" style="{_MSO_TD}">{inner}</td>')
            else:
                inner = "<br/>".join(lines)
                out.append(f'<td{attrs} align="center">{inner}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def table_lines(table: Table) -> list[str]:
    """Row-by-row text of a table (merged cells appear once), for PDFs and plain outputs."""
    return [" | ".join(c.text.replace("\n", "") for c in row) for row in table.rows]
