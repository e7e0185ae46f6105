"""Report tables with known numbers, printed in the layouts seen on real portals.

make_truth() builds the cells of one report (2019 or 2021 template) from a seed, consistent with the
勾稽关系 unless asked for deliberate errors (ERROR_EFFECTS says which checks they break) or blank
cells; make_legacy_truth() builds a pre-2019 统计表. render(cells, layout) prints them as a report
body, so sample portals and tests can publish reports whose every number is known.

For callers with numbers of their own (the sample portals): apply_blanks() and inject_error() plant
blanks and errors as make_truth does, render(frame=False) prints only the tables, table_specs() gives
the merged-cell layout for PDF / DOCX / XLSX files, and printed() the raw text a layout prints.
"""
from __future__ import annotations

import html as htmlmod
import random

from .labels import APPEAL_COLUMNS, APPEAL_ROWS, APPLICATION_COLUMNS

LAYOUTS = ["html2019", "html2021", "html2021_word", "html_trs", "pipe2019", "tab2021", "lines", "legacy",
           "legacy_html"]
TEXT_LAYOUTS = {"pipe2019", "tab2021", "lines", "legacy"}

# which (rule, scope) results each deliberate error turns into 'fail'
ERROR_EFFECTS = {
    "balance": {("applications.balance", "natural_person"), ("applications.balance", "total")},
    "handled_sum": {("applications.handled_sum", "commercial"), ("applications.handled_sum", "total")},
    "total_column": {("applications.total_column", "new"), ("applications.balance", "total")},
    "appeals": {("appeals.total", "review")},
}

ACTIVE_SECTIONS = {
    2019: [
        ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
         [("规章", "rules"), ("规范性文件", "normative")]),
        ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
         [("行政许可", "licensing"), ("其他对外管理服务事项", "other_services")]),
        ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
         [("行政处罚", "penalty"), ("行政强制", "coercion")]),
        ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("行政事业性收费", "fees")]),
        ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("政府集中采购", "procurement")]),
    ],
    2021: [
        ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
         [("规章", "rules"), ("行政规范性文件", "normative")]),
        ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", "licensing")]),
        ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", "penalty"), ("行政强制", "coercion")]),
        ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", "fees")]),
    ],
}
ACTIVE_COLS = {
    2019: {"rules": ["made", "published", "total"], "normative": ["made", "published", "total"],
           "licensing": ["prev_items", "change", "decisions"], "other_services": ["prev_items", "change", "decisions"],
           "penalty": ["prev_items", "change", "decisions"], "coercion": ["prev_items", "change", "decisions"],
           "fees": ["prev_items", "change"], "procurement": ["items", "amount"]},
    2021: {"rules": ["issued", "repealed", "in_force"], "normative": ["issued", "repealed", "in_force"],
           "licensing": ["decisions"], "penalty": ["decisions"], "coercion": ["decisions"],
           "fees": ["amount_10k_yuan"]},
}

# (group label or None, row label, code); group labels are printed as rowspan cells
_RESULT_ROWS = {
    2019: [
        (None, "（一）予以公开", "granted"),
        (None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partly_granted"),
        ("（三）不予公开", "1.属于国家秘密", "withheld_1"), ("（三）不予公开", "2.其他法律行政法规禁止公开", "withheld_2"),
        ("（三）不予公开", "3.危及“三安全一稳定”", "withheld_3"), ("（三）不予公开", "4.保护第三方合法权益", "withheld_4"),
        ("（三）不予公开", "5.属于三类内部事务信息", "withheld_5"), ("（三）不予公开", "6.属于四类过程性信息", "withheld_6"),
        ("（三）不予公开", "7.属于行政执法案卷", "withheld_7"), ("（三）不予公开", "8.属于行政查询事项", "withheld_8"),
        ("（四）无法提供", "1.本机关不掌握相关政府信息", "unavailable_1"),
        ("（四）无法提供", "2.没有现成信息需要另行制作", "unavailable_2"),
        ("（四）无法提供", "3.补正后申请内容仍不明确", "unavailable_3"),
        ("（五）不予处理", "1.信访举报投诉类申请", "not_processed_1"), ("（五）不予处理", "2.重复申请", "not_processed_2"),
        ("（五）不予处理", "3.要求提供公开出版物", "not_processed_3"),
        ("（五）不予处理", "4.无正当理由大量反复申请", "not_processed_4"),
        ("（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", "not_processed_5"),
        (None, "（六）其他处理", "other_handling"),
        (None, "（七）总计", "handled_total"),
    ],
}
_RESULT_ROWS[2021] = [r for r in _RESULT_ROWS[2019] if r[2] not in ("other_handling", "handled_total")] + [
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_handling_1"),
    ("（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_handling_2"),
    ("（六）其他处理", "3.其他", "other_handling_3"),
    (None, "（七）总计", "handled_total"),
]
APPLICANT_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
APPEAL_HEAD = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
_TITLE_APPS = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
HEADINGS = {"active": "二、主动公开政府信息情况", "applications": "三、收到和处理政府信息公开申请情况",
            "appeals": "四、政府信息公开行政复议、行政诉讼情况"}


# ---- truth ---------------------------------------------------------------------------------------------
def _c(table: str, row: str, column: str, value, raw: str | None = None) -> dict:
    if raw is None:
        raw = "" if value is None else str(value)
    return {"table": table, "row": row, "column": column, "value": value, "raw": raw}


def make_truth(seed: int, template: int = 2021, errors: tuple[str, ...] = (), blanks: bool = False) -> list[dict]:
    """Cells of one report with known numbers; errors from ERROR_EFFECTS; blanks leaves 二、上年结转 and
    some 三(三) rows blank ('') and prints a dash and a 无 in the active table."""
    rng = random.Random(seed * 7919 + template)
    cells: list[dict] = []
    for _, _, rows in ACTIVE_SECTIONS[template]:
        for _, code in rows:
            for col in ACTIVE_COLS[template][code]:
                if col in ("amount_10k_yuan", "amount"):
                    value = round(rng.uniform(0, 9000), rng.choice([0, 2, 4]))
                    value = int(value) if float(value).is_integer() else value
                elif col == "change":
                    value = rng.randint(-5, 5)
                else:
                    value = rng.choice([0, 0, rng.randint(1, 40), rng.randint(100, 3000)])
                cells.append(_c("active", code, col, value))

    result_codes = [code for _, _, code in _RESULT_ROWS[template] if code != "handled_total"]
    blank_rows = set(BLANK_ROWS) if blanks else set()
    grid: dict[str, list[int | None]] = {}
    for code in result_codes:
        grid[code] = [0] * 6 if code in blank_rows else [rng.choice([0, 0, 0, rng.randint(1, 9), rng.randint(10, 120)])
                                                        if i == 0 else rng.choice([0, 0, 0, rng.randint(1, 5)])
                                                        for i in range(6)]
    handled = [sum(grid[c][i] for c in result_codes) for i in range(6)]
    carried_in = [0] * 6 if blanks else [rng.choice([0, rng.randint(0, 6)]) for _ in range(6)]
    carried_out = [rng.randint(0, min(h, 6)) if h else 0 for h in handled]
    new = [handled[i] + carried_out[i] - carried_in[i] for i in range(6)]
    for i in range(6):  # keep new non-negative
        if new[i] < 0:
            carried_out[i] -= new[i]
            new[i] = 0
    order = ["new", "carried_in"] + [code for _, _, code in _RESULT_ROWS[template]] + ["carried_out"]
    table = {"new": new, "carried_in": carried_in, "carried_out": carried_out, "handled_total": handled, **grid}
    for row in order:
        vals = table[row] + [sum(table[row])]
        for col, v in zip(APPLICATION_COLUMNS, vals):
            cells.append(_c("applications", row, col, None if row in blank_rows else v))

    for row in APPEAL_ROWS:
        vals = [rng.choice([0, 0, rng.randint(1, 12)]) for _ in range(4)]
        for col, v in zip(APPEAL_COLUMNS, vals + [sum(vals)]):
            cells.append(_c("appeals", row, col, v))

    if blanks:
        apply_blanks(cells)
    for err in errors:
        inject_error(cells, err)
    return cells


BLANK_ROWS = ("carried_in", "withheld_1", "withheld_2")


def apply_blanks(cells: list[dict]) -> list[dict]:
    """Print blanks in place (as make_truth(blanks=True) does): the 2nd active cell as '—' (no value), the
    3rd as '无' (value 0), and the applications rows in BLANK_ROWS left empty (no value, raw '')."""
    active = [i for i, c in enumerate(cells) if c["table"] == "active"]
    if len(active) > 2:
        first, second = cells[active[1]], cells[active[2]]
        cells[active[1]] = _c("active", first["row"], first["column"], None, "—")
        cells[active[2]] = _c("active", second["row"], second["column"], 0, "无")
    for i, c in enumerate(cells):
        if c["table"] == "applications" and c["row"] in BLANK_ROWS:
            cells[i] = _c("applications", c["row"], c["column"], None)
    return cells


def _bump(cells: list[dict], table: str, row: str, column: str) -> None:
    for c in cells:
        if (c["table"], c["row"], c["column"]) == (table, row, column):
            c["value"] = (c["value"] or 0) + 1
            c["raw"] = str(c["value"])


def inject_error(cells: list[dict], err: str) -> None:
    """Plant one deliberate 勾稽关系 error (a key of ERROR_EFFECTS) by adding 1 to the cells it names."""
    if err == "balance":
        _bump(cells, "applications", "carried_out", "natural_person")
        _bump(cells, "applications", "carried_out", "total")
    elif err == "handled_sum":
        _bump(cells, "applications", "granted", "commercial")
        _bump(cells, "applications", "granted", "total")
    elif err == "total_column":
        _bump(cells, "applications", "new", "total")
    elif err == "appeals":
        _bump(cells, "appeals", "review", "total")
    else:
        raise ValueError(f"unknown error kind {err!r}")


LEGACY_INDICATORS = [
    ("一、主动公开情况", "——"), ("（一）主动公开政府信息数", "条"), ("其中：主动公开规范性文件数", "条"),
    ("（二）通过不同渠道和方式公开政府信息的情况", "——"), ("1.政府公报公开政府信息数", "条"),
    ("2.政府网站公开政府信息数", "条"), ("3.政务微博公开政府信息数", "条"),
    ("二、回应解读情况", "——"), ("（一）回应公众关注热点或重大舆情数", "次"),
    ("三、依申请公开情况", "——"), ("（一）收到申请数", "件"), ("1.当面申请数", "件"), ("2.网络申请数", "件"),
    ("（二）申请办结数", "件"), ("四、行政复议数量", "件"), ("（一）维持具体行政行为数", "件"), ("（二）被依法纠错数", "件"),
    ("五、行政诉讼数量", "件"), ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件"),
    ("六、举报投诉数量", "件"), ("七、依申请公开信息收取的费用", "万元"),
    ("八、机构建设和保障经费情况", "——"), ("（一）政府信息公开工作专门机构数", "个"),
    ("（二）从事政府信息公开工作人员数", "人"), ("（三）政府信息公开专项经费", "万元"),
]


def make_legacy_truth(seed: int, cumulative: bool = False) -> list[dict]:
    """Cells of a pre-2019 统计表; headings ('——' unit) are blank, other indicators filled or blank."""
    from .labels import norm_label

    rng = random.Random(seed)
    cells = []
    for label, unit in LEGACY_INDICATORS:
        cols = ["value", "cumulative"] if cumulative else ["value"]
        for col in cols:
            if unit == "——":
                value = None
            elif unit == "万元":
                value = rng.choice([None, round(rng.uniform(0, 50), 2)])
            else:
                value = rng.choice([None, 0, rng.randint(1, 400)])
            if col == "cumulative" and value is not None:
                value = value * 3 if unit != "万元" else round(value * 3, 2)
            c = _c("legacy", norm_label(label), col, value)
            c["unit"] = unit
            c["label"] = label
            cells.append(c)
    return cells


# ---- rendering -----------------------------------------------------------------------------------------
def _index(cells: list[dict]) -> dict[tuple[str, str, str], dict]:
    return {(c["table"], c["row"], c["column"]): c for c in cells}


def _template_of(cells: list[dict]) -> int:
    cols = {c["column"] for c in cells if c["table"] == "active"}
    rows = {c["row"] for c in cells if c["table"] == "applications"}
    if cols & {"issued", "repealed", "in_force", "amount_10k_yuan"} or "other_handling_1" in rows:
        return 2021
    return 2019


def _raw(idx, table, row, col, style: str = "") -> str:
    c = idx.get((table, row, col))
    raw = "" if c is None else c["raw"]
    if style == "fullwidth" and raw:
        raw = raw.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    if style == "thousands" and raw.isdigit() and len(raw) > 3:
        raw = f"{int(raw):,}"
    return raw


def render(cells_truth: list[dict], layout: str, traditional: bool = False, frame: bool = True,
           year: int = 2018, unit: str = "某某镇") -> str:
    """The report body printing cells_truth in layout (one of LAYOUTS).

    frame=False leaves out the stub sections before and after the tables, so a caller can put the tables
    into a report of its own; year and unit fill the header of the pre-2019 统计表."""
    if layout in ("legacy", "legacy_html"):
        out = _legacy_vertical(cells_truth, year, unit) if layout == "legacy" else _legacy_html(cells_truth, year)
    else:
        builder = {"html2019": _html2019, "html2021": _html2021, "html2021_word": _html_word,
                   "html_trs": _html_trs, "pipe2019": _pipe2019, "tab2021": _tab2021, "lines": _lines}[layout]
        out = builder(_index(cells_truth), _template_of(cells_truth), frame)
    if traditional:
        import opencc

        out = opencc.OpenCC("s2t").convert(out)
    return out


def printed(cells_truth: list[dict], layout: str) -> list[dict]:
    """The cells with raw as layout prints it (TRS full-width digits, thousands separators in html2021 and
    tab2021 applications), i.e. what a parser must report as raw."""
    styles = {"html_trs": {"active": "fullwidth", "applications": "fullwidth", "appeals": "fullwidth"},
              "html2021": {"applications": "thousands"}, "tab2021": {"applications": "thousands"}}.get(layout, {})
    idx = _index(cells_truth)
    return [dict(c, raw=_raw(idx, c["table"], c["row"], c["column"], styles.get(c["table"], ""))) for c in cells_truth]


def table_specs(cells_truth: list[dict]) -> list[tuple[str, "Spec"]]:
    """(heading, rows of (text, rowspan, colspan)) for each table of a report, for file formats (PDF, DOCX,
    XLSX) that draw merged cells themselves: the three standard tables, or the one pre-2019 统计表."""
    if any(c["table"] == "legacy" for c in cells_truth):
        cols, rows = _legacy_rows(cells_truth)
        head = ["统计指标", "单位", "统计数"] + (["历年累计"] if "cumulative" in cols else [])
        return [("政府信息公开情况统计表", [[(h, 1, 1) for h in head]] + [[(x, 1, 1) for x in row] for row in rows])]
    idx, template = _index(cells_truth), _template_of(cells_truth)
    active = [row for _, spec in _active_spec(idx, template, merge_single=True) for row in spec]
    return [(HEADINGS["active"], active), (HEADINGS["applications"], _apps_spec(idx, template)),
            (HEADINGS["appeals"], _appeals_spec(idx))]


# A neutral table model: list of rows, each a list of (text, rowspan, colspan); rendered by each layout.
Spec = list[list[tuple[str, int, int]]]


def _active_spec(idx, template: int, merge_single: bool, style: str = "") -> list[tuple[str, Spec]]:
    """One spec per 第二十条 section (several layouts print them as one table, TRS as five)."""
    out = []
    for title, heads, rows in ACTIVE_SECTIONS[template]:
        spec: Spec = [[(title, 1, 4)]]
        if len(heads) == 1 and merge_single:
            spec.append([("信息内容", 1, 1), (heads[0], 1, 3)])
        else:
            spec.append([("信息内容", 1, 1)] + [(h, 1, 1) for h in heads] + [("", 1, 1)] * (3 - len(heads)))
        for label, code in rows:
            cols = ACTIVE_COLS[template][code]
            vals = [_raw(idx, "active", code, col, style) for col in cols]
            if len(vals) == 1 and merge_single:
                spec.append([(label, 1, 1), (vals[0], 1, 3)])
            else:
                spec.append([(label, 1, 1)] + [(v, 1, 1) for v in vals] + [("", 1, 1)] * (3 - len(vals)))
        out.append((title, spec))
    return out


def _apps_spec(idx, template: int, style: str = "") -> Spec:
    vals = lambda row: [(_raw(idx, "applications", row, c, style), 1, 1) for c in APPLICATION_COLUMNS]  # noqa: E731
    spec: Spec = [
        [(_TITLE_APPS, 3, 3), ("申请人情况", 1, 7)],
        [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
        [(h, 1, 1) for h in APPLICANT_LABELS[1:6]],
        [("一、本年新收政府信息公开申请数量", 1, 3)] + vals("new"),
        [("二、上年结转政府信息公开申请数量", 1, 3)] + vals("carried_in"),
    ]
    rows = _RESULT_ROWS[template]
    first = True
    i = 0
    while i < len(rows):
        group, label, code = rows[i]
        line: list[tuple[str, int, int]] = []
        if first:
            line.append(("三、本年度办理结果", len(rows), 1))
            first = False
        if group:
            n = sum(1 for g, _, _ in rows if g == group)
            line.append((group, n, 1))
            line.append((label, 1, 1))
            spec.append(line + vals(code))
            for g2, label2, code2 in rows[i + 1:i + n]:
                spec.append([(label2, 1, 1)] + vals(code2))
            i += n
            continue
        line.append((label, 1, 2))
        spec.append(line + vals(code))
        i += 1
    spec.append([("四、结转下年度继续办理", 1, 3)] + vals("carried_out"))
    return spec


def _appeals_spec(idx, style: str = "") -> Spec:
    return [
        [("行政复议", 1, 5), ("行政诉讼", 1, 10)],
        [(h, 2, 1) for h in APPEAL_HEAD] + [("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
        [(h, 1, 1) for h in APPEAL_HEAD * 2],
        [(_raw(idx, "appeals", r, c, style), 1, 1) for r in APPEAL_ROWS for c in APPEAL_COLUMNS],
    ]


def _td(text: str, rs: int, cs: int, inner=lambda t: htmlmod.escape(t), tag: str = "td", attrs: str = "") -> str:
    span = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
    return f"<{tag}{span}{attrs}>{inner(text)}</{tag}>"


def _table(spec: Spec, **kw) -> str:
    table_attrs = kw.pop("table_attrs", ' border="1" cellspacing="0"')
    body = "".join("<tr>" + "".join(_td(t, rs, cs, **kw) for t, rs, cs in row) + "</tr>" for row in spec)
    return f"<table{table_attrs}><tbody>{body}</tbody></table>"


_INTRO = ("<p>一、总体情况</p><p>本年度共收到政府信息公开申请若干件，全部按期答复。主动公开政府信息1200条，"
          "其中行政许可等信息按要求公开。</p>")
_OUTRO = "<p>五、存在的主要问题及改进情况</p><p>一是公开内容还不够全面。</p><p>六、其他需要报告的事项</p><p>无。</p>"


def _intro(frame: bool) -> str:
    return _INTRO if frame else ""


def _outro(frame: bool) -> str:
    return _OUTRO if frame else ""


def _html2019(idx, template: int, frame: bool = True) -> str:
    parts = [_intro(frame), f"<p>{HEADINGS['active']}</p>"]
    active = [row for _, spec in _active_spec(idx, template, merge_single=False) for row in spec]
    parts.append(_table(active))
    parts.append(f"<p>{HEADINGS['applications']}</p>" + _table(_apps_spec(idx, template)))
    parts.append(f"<p>{HEADINGS['appeals']}</p>" + _table(_appeals_spec(idx)) + _outro(frame))
    return "".join(parts)


def _html2021(idx, template: int, frame: bool = True) -> str:
    style = ' style="padding:5px 5px 5px 5px ;border:1px solid windowtext" valign="center"'
    inner = lambda t: f'<p style="text-indent: 0em;">{htmlmod.escape(t)}</p>'  # noqa: E731
    parts = [_intro(frame), f'<p style="text-indent: 2em;"><strong>{HEADINGS["active"]}</strong></p>']
    active = [row for _, spec in _active_spec(idx, template, merge_single=True) for row in spec]
    parts.append(_table(active, inner=inner, attrs=style))
    parts.append(f'<p style="text-indent: 2em;"><strong>{HEADINGS["applications"]}</strong></p>')
    parts.append(_table(_apps_spec(idx, template, "thousands"), inner=inner, attrs=style))
    parts.append(f'<p style="text-indent: 2em;"><strong>{HEADINGS["appeals"]}</strong></p>')
    parts.append(_table(_appeals_spec(idx), inner=inner, attrs=style) + _outro(frame))
    return "".join(parts)


def _word_inner(text: str) -> str:
    """Word paste: text split over p/span runs, header words broken over two lines, &nbsp; for blanks."""
    if not text:
        return '<p class="MsoNormal" align="center"><span lang="EN-US">&nbsp;<o:p></o:p></span></p>'
    if text[0].isdigit() or text[0] in "-+—":
        return (f'<p class="MsoNormal" align="center"><span lang="EN-US" style="font-size:10.5pt;'
                f'font-family:宋体">{htmlmod.escape(text)}<o:p></o:p></span></p>')
    if 4 <= len(text) <= 8:  # 商业/企业, 本年制发/件数 printed on two lines
        half = len(text) // 2
        return "".join(f'<p class="MsoNormal" align="center"><span style="font-family:宋体">{htmlmod.escape(p)}'
                       f'</span></p>' for p in (text[:half], text[half:]))
    pieces = [text[i:i + 5] for i in range(0, len(text), 5)]
    spans = "".join(f'<span style="font-size:10.5pt;font-family:仿宋_GB2312">{htmlmod.escape(p)}</span>' for p in pieces)
    return f'<p class="MsoNormal" style="text-align:left">{spans}<o:p></o:p></p>'


def _html_word(idx, template: int, frame: bool = True) -> str:
    attrs = ' width="72" valign="top" style="width:54.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt"'
    tattrs = ' class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse"'
    parts = ['<div class="WordSection1">', _intro(frame).replace("<p>", '<p class="MsoNormal">'),
             f'<p class="MsoNormal"><b><span style="font-family:黑体">{HEADINGS["active"]}</span></b></p>']
    active = [row for _, spec in _active_spec(idx, template, merge_single=True) for row in spec]
    parts.append(_table(active, inner=_word_inner, attrs=attrs, table_attrs=tattrs))
    parts.append(f'<p class="MsoNormal"><b><span>{HEADINGS["applications"]}</span></b></p>')
    parts.append(_table(_apps_spec(idx, template), inner=_word_inner, attrs=attrs, table_attrs=tattrs))
    parts.append(f'<p class="MsoNormal"><b><span>{HEADINGS["appeals"]}</span></b></p>')
    parts.append(_table(_appeals_spec(idx), inner=_word_inner, attrs=attrs, table_attrs=tattrs))
    parts.append(_outro(frame) + "</div>")
    return "".join(parts)


def _html_trs(idx, template: int, frame: bool = True) -> str:
    """TRS_Editor body: every 第二十条 section its own table, <th> headers, full-width digits."""
    parts = ['<div class="TRS_Editor"><style>.TRS_Editor p{line-height:2}</style>', _intro(frame),
             f"<p><b>{HEADINGS['active']}</b></p>"]
    for _, spec in _active_spec(idx, template, merge_single=True, style="fullwidth"):
        head, rest = spec[:2], spec[2:]
        body = "".join("<tr>" + "".join(_td(t, rs, cs, tag="th") for t, rs, cs in row) + "</tr>" for row in head)
        body += "".join("<tr>" + "".join(_td(t, rs, cs) for t, rs, cs in row) + "</tr>" for row in rest)
        parts.append(f'<table class="trs_table" width="100%" border="1">{body}</table>')
    parts.append(f"<p><b>{HEADINGS['applications']}</b></p>" + _table(_apps_spec(idx, template, "fullwidth")))
    parts.append(f"<p><b>{HEADINGS['appeals']}</b></p>" + _table(_appeals_spec(idx, "fullwidth")))
    parts.append(_outro(frame) + "</div>")
    return "".join(parts)


def _spec_lines(spec: Spec, width: int, keep_spanned: bool) -> list[list[str]]:
    """Rows as a text export prints them: spanned slots dropped (seed 000) or left blank."""
    taken: set[tuple[int, int]] = set()
    lines = []
    for r, row in enumerate(spec):
        cells: list[str] = []
        c = 0
        for text, rs, cs in row:
            while (r, c) in taken:
                if keep_spanned:
                    cells.append("")
                c += 1
            cells.append(text)
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, c + dc))
            c += cs
        while len(cells) < width:
            cells.append("")
        lines.append(cells)
    return lines


def _intro_text(frame: bool) -> list[str]:
    if not frame:
        return []
    return ["一、总体情况", "本年度共收到政府信息公开申请若干件，全部按期答复。主动公开政府信息1200条。"]


def _outro_text(frame: bool) -> list[str]:
    if not frame:
        return []
    return ["五、存在的主要问题及改进情况", "一是公开内容还不够全面。", "六、其他需要报告的事项", "无。"]


def _pipe2019(idx, template: int, frame: bool = True) -> str:
    out = _intro_text(frame) + [HEADINGS["active"]]
    for _, spec in _active_spec(idx, template, merge_single=False):
        out += [" | ".join(cells) for cells in _spec_lines(spec, 5, keep_spanned=False)]
    out.append(HEADINGS["applications"])
    out += [" | ".join(cells) for cells in _spec_lines(_apps_spec(idx, template), 10, keep_spanned=False)]
    out.append(HEADINGS["appeals"])
    out += [" | ".join(cells) for cells in _spec_lines(_appeals_spec(idx), 15, keep_spanned=False)]
    return "\n".join(out + _outro_text(frame))


def _tab2021(idx, template: int, frame: bool = True) -> str:
    out = _intro_text(frame) + [HEADINGS["active"]]
    for _, spec in _active_spec(idx, template, merge_single=True):
        out += ["\t".join(cells) for cells in _spec_lines(spec, 4, keep_spanned=True)]
    out.append(HEADINGS["applications"])
    out += ["\t".join(cells) for cells in _spec_lines(_apps_spec(idx, template, "thousands"), 10, keep_spanned=True)]
    out.append(HEADINGS["appeals"])
    out += ["\t".join(cells) for cells in _spec_lines(_appeals_spec(idx), 15, keep_spanned=True)]
    return "\n".join(out + _outro_text(frame))


def _lines(idx, template: int, frame: bool = True) -> str:
    """One cell per line, as a naive text extractor prints a table; blank cells vanish."""
    out = _intro_text(frame) + [HEADINGS["active"]]
    specs = [spec for _, spec in _active_spec(idx, template, merge_single=True)]
    specs += [[[(HEADINGS["applications"], 1, 1)]], _apps_spec(idx, template)]
    specs += [[[(HEADINGS["appeals"], 1, 1)]], _appeals_spec(idx)]
    for spec in specs:
        for row in spec:
            out += [text for text, _, _ in row if text]
    return "\n".join(out + _outro_text(frame))


def _legacy_rows(cells: list[dict]) -> tuple[list[str], list[list[str]]]:
    cols = ["value"] + (["cumulative"] if any(c["column"] == "cumulative" for c in cells) else [])
    by = {(c["row"], c["column"]): c for c in cells}
    seen: list[str] = []
    rows = []
    for c in cells:
        if c["row"] in seen:
            continue
        seen.append(c["row"])
        rows.append([c.get("label", c["row"]), c.get("unit", "")] + [by[(c["row"], col)]["raw"] for col in cols])
    return cols, rows


def _legacy_vertical(cells: list[dict], year: int = 2018, unit: str = "某某镇") -> str:
    """Seed 004 style: 统 计 指 标 / 单位 / 统计数 and every cell on its own line, blank lines between."""
    cols, rows = _legacy_rows(cells)
    head = ["统 计 指 标", "单位", "统计数"] + (["历年累计"] if "cumulative" in cols else [])
    out = ["政府信息公开情况统计表", "", f"（{year}年度）", "", f"填报单位（盖章）：{unit}", ""]
    out += [x for h in head for x in (h, "")]
    for row in rows:
        for cell in row:
            out += [cell, ""] if cell else [""]  # as in seed 004: an empty cell is one more blank line
    return "\n".join(out)


def _legacy_html(cells: list[dict], year: int = 2018) -> str:
    """Pingtan 2018 style: 指标名称 / 计量单位 / 2018年度 (/ 历年累计) Word table."""
    cols, rows = _legacy_rows(cells)
    head = ["指标名称", "计量单位", f"{year}年度"] + (["历年累计"] if "cumulative" in cols else [])
    spec: Spec = [[(h, 1, 1) for h in head]] + [[(x, 1, 1) for x in row] for row in rows]
    return ("<p>六、政府信息公开情况统计表</p>" + _table(spec, inner=_word_inner) + "<p>（注：本表数据截至12月31日）</p>")
