"""Report layouts the table parser was not written against, printed from known cells, and their tests.

Each renderer takes truth cells (govcrawl.tables.samples.make_truth) and returns (kind, body) where kind
is 'html', 'text' or 'grid' (a list of grids as pdfplumber / python-docx / calamine give them). The
layouts imitate what portals and converters do to the three standard tables: transposed or reordered
applicant columns, unit suffixes, full-width digits, line breaks in cells, tables cut at a page break,
merged cells as None, pdftotext -layout text with wrapped labels, and the appeals table as 3 x 5.
"""
from __future__ import annotations

import html as htmlmod

from govcrawl.tables.labels import APPEAL_COLUMNS, APPEAL_ROWS, APPLICATION_COLUMNS
from govcrawl.tables.samples import ACTIVE_COLS, ACTIVE_SECTIONS, APPLICANT_LABELS, HEADINGS, _RESULT_ROWS

INTRO = "<p>一、总体情况</p><p>本年度收到政府信息公开申请若干件。</p>"
OUTRO = "<p>五、存在的主要问题及改进情况</p><p>一是工作还不够规范。</p><p>六、其他需要报告的事项</p><p>无。</p>"
ROW_LABELS = {"new": "一、本年新收政府信息公开申请数量", "carried_in": "二、上年结转政府信息公开申请数量",
              "carried_out": "四、结转下年度继续办理"}
APPEAL_HEAD = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
APPEAL_ROW_LABELS = {"review": "行政复议", "suit_direct": "行政诉讼（未经复议直接起诉）",
                     "suit_after_review": "行政诉讼（复议后起诉）"}


def template_of(cells: list[dict]) -> int:
    return 2021 if any(c["row"] == "other_handling_1" for c in cells) else 2019


def raw(cells: list[dict], table: str, row: str, col: str) -> str:
    for c in cells:
        if (c["table"], c["row"], c["column"]) == (table, row, col):
            return c["raw"]
    return ""


def app_rows(template: int) -> list[tuple[str | None, str, str]]:
    """(group label, row label, code) in template order, with the rows outside 三、 included."""
    return ([(None, ROW_LABELS["new"], "new"), (None, ROW_LABELS["carried_in"], "carried_in")]
            + list(_RESULT_ROWS[template]) + [(None, ROW_LABELS["carried_out"], "carried_out")])


def active_table_html(cells, template, style=lambda s: s) -> str:
    rows = []
    for title, heads, items in ACTIVE_SECTIONS[template]:
        rows.append(f'<tr><td colspan="4">{title}</td></tr>')
        if len(heads) == 1:
            rows.append(f'<tr><td>信息内容</td><td colspan="3">{heads[0]}</td></tr>')
        else:
            tds = "".join(f"<td>{h}</td>" for h in heads) + "<td></td>" * (3 - len(heads))
            rows.append(f"<tr><td>信息内容</td>{tds}</tr>")
        for label, code in items:
            vals = [style(raw(cells, "active", code, c)) for c in ACTIVE_COLS[template][code]]
            if len(vals) == 1:
                rows.append(f'<tr><td>{label}</td><td colspan="3">{vals[0]}</td></tr>')
            else:
                tds = "".join(f"<td>{v}</td>" for v in vals) + "<td></td>" * (3 - len(vals))
                rows.append(f"<tr><td>{label}</td>{tds}</tr>")
    return f"<p>{HEADINGS['active']}</p><table border=\"1\">{''.join(rows)}</table>"


def appeals_table_html(cells, style=lambda s: s) -> str:
    vals = "".join(f"<td>{style(raw(cells, 'appeals', r, c))}</td>" for r in APPEAL_ROWS for c in APPEAL_COLUMNS)
    head2 = "".join(f'<td rowspan="2">{h}</td>' for h in APPEAL_HEAD)
    head3 = "".join(f"<td>{h}</td>" for h in APPEAL_HEAD * 2)
    return (f"<p>{HEADINGS['appeals']}</p><table border=\"1\"><tr><td colspan=\"5\">行政复议</td>"
            f"<td colspan=\"10\">行政诉讼</td></tr><tr>{head2}<td colspan=\"5\">未经复议直接起诉</td>"
            f"<td colspan=\"5\">复议后起诉</td></tr><tr>{head3}</tr><tr>{vals}</tr></table>")


def _apps_body_rows(cells, template, order, style=lambda s: s, label=lambda s: htmlmod.escape(s)) -> list[str]:
    """<tr>s of the applications table body (3 label columns, group cells as rowspans)."""
    rows = app_rows(template)
    out = []
    results = [r for r in rows if r[2] not in ("new", "carried_in", "carried_out")]
    for i, (group, text, code) in enumerate(rows):
        vals = "".join(f"<td>{style(raw(cells, 'applications', code, c))}</td>" for c in order)
        if code in ("new", "carried_in", "carried_out"):
            out.append(f'<tr><td colspan="3">{label(text)}</td>{vals}</tr>')
            continue
        lead = ""
        if results and (group, text, code) == results[0]:
            lead = f'<td rowspan="{len(results)}">三、本年度办理结果</td>'
        if group is None:
            out.append(f'<tr>{lead}<td colspan="2">{label(text)}</td>{vals}</tr>')
        else:
            members = [r for r in rows if r[0] == group]
            g = f'<td rowspan="{len(members)}">{label(group)}</td>' if members[0][2] == code else ""
            out.append(f"<tr>{lead}{g}<td>{label(text)}</td>{vals}</tr>")
    return out


def _apps_head(order) -> str:
    names = dict(zip(APPLICATION_COLUMNS, APPLICANT_LABELS))
    orgs = [c for c in order if c not in ("natural_person", "total")]
    row2, row3 = [], []
    done_orgs = False
    for c in order:
        if c in ("natural_person", "total"):
            row2.append(f'<td rowspan="2">{names[c]}</td>')
        elif not done_orgs:
            row2.append(f'<td colspan="{len(orgs)}">法人或其他组织</td>')
            done_orgs = True
        if c not in ("natural_person", "total"):
            row3.append(f"<td>{names[c]}</td>")
    return ('<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
            f'<td colspan="7">申请人情况</td></tr><tr>{"".join(row2)}</tr><tr>{"".join(row3)}</tr>')


def _report(cells, apps_html: str, style=lambda s: s) -> str:
    template = template_of(cells)
    return (INTRO + active_table_html(cells, template, style) + f"<p>{HEADINGS['applications']}</p>" + apps_html
            + appeals_table_html(cells, style) + OUTRO)


# ---- layouts ---------------------------------------------------------------------------------------------
def total_first(cells):
    """Applicant columns printed 总计 first, then 自然人 and the five organisations."""
    order = ["total"] + APPLICATION_COLUMNS[:-1]
    t = template_of(cells)
    body = "".join(_apps_body_rows(cells, t, order))
    return "html", _report(cells, f'<table border="1">{_apps_head(order)}{body}</table>')


def unit_suffix(cells):
    """Every number printed with a unit (件 / 个), blanks left blank."""
    t = template_of(cells)
    suffix = lambda s: s + "件" if s and s[0].isdigit() else s  # noqa: E731
    body = "".join(_apps_body_rows(cells, t, APPLICATION_COLUMNS, style=suffix))
    apps = f'<table border="1">{_apps_head(APPLICATION_COLUMNS)}{body}</table>'
    return "html", _report(cells, apps, style=lambda s: s + "个" if s and s[0].isdigit() and "." not in s else s)


def fullwidth_spaced(cells):
    """Full-width digits with ideographic / nbsp padding inside cells."""
    t = template_of(cells)
    fw = lambda s: ("\u3000" + s.translate(str.maketrans("0123456789.-", "０１２３４５６７８９．－")) + "&nbsp;") if s else s  # noqa: E731
    body = "".join(_apps_body_rows(cells, t, APPLICATION_COLUMNS, style=fw))
    return "html", _report(cells, f'<table border="1">{_apps_head(APPLICATION_COLUMNS)}{body}</table>', style=fw)


def broken_labels(cells):
    """Labels and header words broken with <br> and split into several <p>, as narrow Word cells print them."""
    t = template_of(cells)

    def brk(s: str) -> str:
        parts = [htmlmod.escape(s[i:i + 6]) for i in range(0, len(s), 6)]
        return "<br/>".join(parts[:2]) + "".join(f"<p>{p}</p>" for p in parts[2:])
    body = "".join(_apps_body_rows(cells, t, APPLICATION_COLUMNS, label=brk))
    head = _apps_head(APPLICATION_COLUMNS).replace("商业企业", "商业<br>企业").replace("社会公益组织", "社会<br/>公益<br/>组织")
    return "html", _report(cells, f'<table border="1">{head}{body}</table>')


def page_split(cells):
    """The applications table cut in two <table>s at a page break; the second part has no header and its
    rows lost the 三、本年度办理结果 cell (a new rowspan starts in the second part for its group)."""
    t = template_of(cells)
    rows = _apps_body_rows(cells, t, APPLICATION_COLUMNS)
    cut = 9
    first = "".join(rows[:cut])
    second = []
    for (group, text, code) in app_rows(t)[cut:]:
        vals = "".join(f"<td>{raw(cells, 'applications', code, c)}</td>" for c in APPLICATION_COLUMNS)
        second.append(f"<tr><td>{htmlmod.escape((group or '') + text)}</td>{vals}</tr>")
    apps = (f'<table border="1">{_apps_head(APPLICATION_COLUMNS)}{first}</table>'
            f'<p style="page-break-before:always"></p><table border="1">{"".join(second)}</table>')
    return "html", _report(cells, apps)


def page_split_repeat_header(cells):
    """Cut at a page break with the header rows repeated on the new page (Word 'repeat header rows')."""
    t = template_of(cells)
    rows = _apps_body_rows(cells, t, APPLICATION_COLUMNS)
    head = _apps_head(APPLICATION_COLUMNS)
    plain = []
    for (group, text, code) in app_rows(t)[12:]:
        vals = "".join(f"<td>{raw(cells, 'applications', code, c)}</td>" for c in APPLICATION_COLUMNS)
        plain.append(f'<tr><td colspan="3">{htmlmod.escape((group or "") + text)}</td>{vals}</tr>')
    apps = (f'<table border="1">{head}{"".join(rows[:12])}</table>'
            f'<table border="1">{head}{"".join(plain)}</table>')
    return "html", _report(cells, apps)


def transposed(cells):
    """Applications table turned on its side: applicants are rows, the table's rows are columns."""
    t = template_of(cells)
    rows = app_rows(t)
    names = dict(zip(APPLICATION_COLUMNS, APPLICANT_LABELS))
    h1 = '<td rowspan="3" colspan="2">申请人情况</td>'
    h2, h3 = [], []
    results = [r for r in rows if r[2] not in ("new", "carried_in", "carried_out")]
    for group, text, code in rows:
        if code in ("new", "carried_in", "carried_out"):
            h1 += f'<td rowspan="3">{text}</td>'
            continue
        if (group, text, code) == results[0]:
            h1 += f'<td colspan="{len(results)}">三、本年度办理结果</td>'
        if group is None:
            h2.append(f'<td rowspan="2">{text}</td>')
        else:
            members = [r for r in rows if r[0] == group]
            if members[0][2] == code:
                h2.append(f'<td colspan="{len(members)}">{group}</td>')
            h3.append(f"<td>{text}</td>")
    body = []
    for col in APPLICATION_COLUMNS:
        vals = "".join(f"<td>{raw(cells, 'applications', code, col)}</td>" for _, _, code in rows)
        if col == "natural_person" or col == "total":
            body.append(f'<tr><td colspan="2">{names[col]}</td>{vals}</tr>')
        elif col == "commercial":
            body.append(f'<tr><td rowspan="5">法人或其他组织</td><td>{names[col]}</td>{vals}</tr>')
        else:
            body.append(f"<tr><td>{names[col]}</td>{vals}</tr>")
    apps = (f'<table border="1"><tr>{h1}</tr><tr>{"".join(h2)}</tr><tr>{"".join(h3)}</tr>'
            f'{"".join(body)}</table>')
    return "html", _report(cells, apps)


def appeals_3x5(cells):
    """Appeals printed as three labelled rows of five columns."""
    t = template_of(cells)
    body = "".join(_apps_body_rows(cells, t, APPLICATION_COLUMNS))
    apps = f'<table border="1">{_apps_head(APPLICATION_COLUMNS)}{body}</table>'
    rows = "".join(f"<tr><td>{APPEAL_ROW_LABELS[r]}</td>"
                   + "".join(f"<td>{raw(cells, 'appeals', r, c)}</td>" for c in APPEAL_COLUMNS) + "</tr>"
                   for r in APPEAL_ROWS)
    appeals = (f"<p>{HEADINGS['appeals']}</p><table border=\"1\"><tr><td>类别</td>"
               + "".join(f"<td>{h}</td>" for h in APPEAL_HEAD) + f"</tr>{rows}</table>")
    return "html", (INTRO + active_table_html(cells, t) + f"<p>{HEADINGS['applications']}</p>" + apps + appeals
                    + OUTRO)


def split_other_handling(cells):
    """2021 template with （六）其他处理 as a heading row of its own above its three numbered rows."""
    t = template_of(cells)
    rows = []
    for group, text, code in app_rows(t):
        vals = "".join(f"<td>{raw(cells, 'applications', code, c)}</td>" for c in APPLICATION_COLUMNS)
        if group == "（六）其他处理" and code.endswith("_1"):
            rows.append('<tr><td colspan="3">（六）其他处理</td>' + "<td></td>" * 7 + "</tr>")
        if group and group != "（六）其他处理":
            text = group + text
        rows.append(f'<tr><td colspan="3">{htmlmod.escape(text)}</td>{vals}</tr>')
    apps = f'<table border="1">{_apps_head(APPLICATION_COLUMNS)}{"".join(rows)}</table>'
    return "html", _report(cells, apps)


# ---- grids (pdfplumber / python-docx / calamine) ------------------------------------------------------------
def _grid_from_html_spec(cells, merged_as: str):
    """Grids of the three tables; merged slots are None (pdfplumber), a copy of the text (docx) or ''."""
    import lxml.html

    t = template_of(cells)
    html = _report(cells, f'<table border="1">{_apps_head(APPLICATION_COLUMNS)}'
                          f'{"".join(_apps_body_rows(cells, t, APPLICATION_COLUMNS))}</table>')
    root = lxml.html.fromstring(f"<div>{html}</div>")
    grids = []
    for table in root.iter("table"):
        slots: dict[tuple[int, int], str | None] = {}
        width = 0
        for r, tr in enumerate(table.iter("tr")):
            c = 0
            for td in tr.iter("td"):
                while (r, c) in slots:
                    c += 1
                text = "".join(td.itertext())
                rs, cs = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
                for dr in range(rs):
                    for dc in range(cs):
                        fill = text if (dr, dc) == (0, 0) else {"none": None, "copy": text, "blank": ""}[merged_as]
                        slots[(r + dr, c + dc)] = fill
                c += cs
                width = max(width, c)
        n = max(r for r, _ in slots) + 1
        grids.append([[slots.get((r, c), "") for c in range(width)] for r in range(n)])
    return grids


def pdfplumber_grid(cells):
    return "grid", _grid_from_html_spec(cells, "none")


def docx_grid(cells):
    return "grid", _grid_from_html_spec(cells, "copy")


def xlsx_grid(cells):
    return "grid", _grid_from_html_spec(cells, "blank")


# ---- text -----------------------------------------------------------------------------------------------------
def _wrap(s: str, width: int) -> list[str]:
    return [s[i:i + width] for i in range(0, len(s), width)] or [""]


def _layout_line(parts: list[tuple[int, str]]) -> str:
    """Place each text at a display column (CJK characters count two), as pdftotext -layout does."""
    line = ""
    for col, text in parts:
        cur = sum(2 if ord(ch) > 0x2E80 else 1 for ch in line)
        line += " " * max(col - cur, 2 if line else 0) + text
    return line.rstrip()


def pdftotext_layout(cells):
    """pdftotext -layout: columns aligned by spaces, long labels wrapped inside their cell, numbers on the
    middle line of a wrapped row, the rowspan group labels printed once in the middle of their rows, blank
    cells printed as nothing."""
    t = template_of(cells)
    out = ["一、总体情况", "本年度收到政府信息公开申请若干件。", "", HEADINGS["active"]]
    for title, heads, items in ACTIVE_SECTIONS[t]:
        out.append(_layout_line([(30, title)]))
        out.append(_layout_line([(2, "信息内容")] + [(26 + 18 * i, h) for i, h in enumerate(heads)]))
        for label, code in items:
            vals = [raw(cells, "active", code, c) for c in ACTIVE_COLS[t][code]]
            out.append(_layout_line([(2, label)] + [(30 + 18 * i, v) for i, v in enumerate(vals) if v]))
    out += ["", HEADINGS["applications"]]
    xs = [58 + 8 * i for i in range(7)]
    out.append(_layout_line([(2, "（本列数据的勾稽关系为：第一项加"), (76, "申请人情况")]))
    out.append(_layout_line([(2, "第二项之和，等于第三项加第四项之"), (xs[0], "自然人"), (xs[2], "法人或其他组织"), (xs[6], "总计")]))
    out.append(_layout_line([(2, "和）")] + [(xs[i], APPLICANT_LABELS[i][:2]) for i in range(1, 6)]))
    out.append(_layout_line([(xs[i], APPLICANT_LABELS[i][2:]) for i in range(1, 6)]))
    rows = app_rows(t)
    results = [r for r in rows if r[2] not in ("new", "carried_in", "carried_out")]
    mid_results = len(results) // 2
    groups_done: set[str] = set()
    for i, (group, text, code) in enumerate(rows):
        x_label = 2 if code in ("new", "carried_in", "carried_out") else (22 if group else 10)
        width = {2: 24, 10: 20, 22: 15}[x_label]
        lines = _wrap(text, width)
        mid = (len(lines) - 1) // 2
        vals = [(xs[j], raw(cells, "applications", code, c)) for j, c in enumerate(APPLICATION_COLUMNS)]
        for k, piece in enumerate(lines):
            parts = [(x_label, piece)]
            if k == 0 and group and group not in groups_done:
                members = [r for r in rows if r[0] == group]
                if members.index((group, text, code)) == (len(members) - 1) // 2:
                    parts.insert(0, (10, group.replace("（", "(").replace("）", ")")))
                    groups_done.add(group)
            if k == 0 and (group, text, code) in results and results.index((group, text, code)) == mid_results:
                parts.insert(0, (2, "三、本年度办理结果"))
            if k == mid:
                parts += [(x, v) for x, v in vals if v]
            out.append(_layout_line(parts))
    out += ["", HEADINGS["appeals"]]
    out.append(_layout_line([(10, "行政复议"), (60, "行政诉讼")]))
    out.append(_layout_line([(46, "未经复议直接起诉"), (86, "复议后起诉")]))
    out.append(_layout_line([(2 + 8 * i, h) for i, h in enumerate(APPEAL_HEAD * 3)]))
    out.append(_layout_line([(2 + 8 * i, raw(cells, "appeals", r, c))
                             for i, (r, c) in enumerate((r, c) for r in APPEAL_ROWS for c in APPEAL_COLUMNS)]))
    out += ["", "五、存在的主要问题及改进情况", "一是工作还不够规范。", "六、其他需要报告的事项", "无。"]
    return "text", "\n".join(out)


def markdown_full(cells):
    """Markdown tables (| a | b |) with a |---| rule and one flattened header row, as HTML-to-markdown
    converters print merged headers."""
    t = template_of(cells)
    out = ["一、总体情况", "", "本年度收到政府信息公开申请若干件。", "", "## " + HEADINGS["active"], ""]
    for title, heads, items in ACTIVE_SECTIONS[t]:
        out.append(f"| {title} | | | |")
        out.append("|---|---|---|---|")
        out.append("| 信息内容 | " + " | ".join(heads + [""] * (3 - len(heads))) + " |")
        for label, code in items:
            vals = [raw(cells, "active", code, c) for c in ACTIVE_COLS[t][code]]
            out.append(f"| {label} | " + " | ".join(vals + [""] * (3 - len(vals))) + " |")
        out.append("")
    out += ["## " + HEADINGS["applications"], "",
            "| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for group, text, code in app_rows(t):
        vals = [raw(cells, "applications", code, c) for c in APPLICATION_COLUMNS]
        label = ("三、本年度办理结果 " if code not in ("new", "carried_in", "carried_out") else "") + (group or "") + text
        out.append(f"| {label} | " + " | ".join(vals) + " |")
    out += ["", "## " + HEADINGS["appeals"], "",
            "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
            "|" + "---|" * 15,
            "| " + " | ".join(APPEAL_HEAD) + " | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |",
            "| | | | | | " + " | ".join(APPEAL_HEAD * 2) + " |",
            "| " + " | ".join(raw(cells, "appeals", r, c) for r in APPEAL_ROWS for c in APPEAL_COLUMNS) + " |",
            "", "五、存在的主要问题及改进情况", "", "无。"]
    return "text", "\n".join(out)


LAYOUTS = {f.__name__: f for f in (total_first, unit_suffix, fullwidth_spaced, broken_labels, page_split,
                                    page_split_repeat_header, transposed, appeals_3x5, split_other_handling,
                                    pdfplumber_grid, docx_grid, xlsx_grid, pdftotext_layout, markdown_full)}


# ---- tests ------------------------------------------------------------------------------------------------------
import random  # noqa: E402

import pytest  # noqa: E402

from govcrawl.tables import parse_rows, parse_tables, score  # noqa: E402
from govcrawl.tables.checks import run_checks  # noqa: E402
from govcrawl.tables.samples import ERROR_EFFECTS, make_truth  # noqa: E402


def dashed(cells: list[dict], seed: int) -> list[dict]:
    """Blank applications cells printed as a dash or slash (no value), some zeros as 无 (value 0)."""
    rng = random.Random(seed)
    out = []
    for c in cells:
        c = dict(c)
        if c["table"] == "applications" and c["raw"] == "":
            c["raw"] = rng.choice(["—", "／", "-"])
        elif c["table"] == "applications" and c["raw"] == "0" and rng.random() < 0.2:
            c["raw"] = "无"
        out.append(c)
    return out


def parse(kind: str, body) -> list[dict]:
    if kind == "html":
        return parse_tables(html=body)
    if kind == "text":
        return parse_tables(text=body)
    return [c for grid in body for c in parse_rows(grid)]


def _failures(cells: list[dict]) -> set[tuple[str, str]]:
    return {(r["rule"], r["scope"]) for r in run_checks(cells) if r["status"] == "fail"}


CASES = [  # (seed, errors, blanks, dashes)
    (60, (), False, False), (61, ("balance",), True, False), (62, ("handled_sum",), False, True),
    (63, ("total_column", "appeals"), True, True),
]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("template", [2019, 2021])
def test_unseen_layout_cells_and_checks(layout, template):
    for seed, errors, blanks, dashes in CASES:
        truth = make_truth(seed, template, errors=errors, blanks=blanks)
        if dashes:
            truth = dashed(truth, seed)
        got = parse(*LAYOUTS[layout](truth))
        precision, recall = score(got, truth)
        assert precision >= 0.99 and recall >= 0.99, (seed, precision, recall)
        want = _failures(truth)
        planted = {e for err in errors for e in ERROR_EFFECTS[err]}
        assert want <= planted and (blanks or want == planted)  # blanks make some checks unknown
        assert _failures(got) == want, seed  # every planted error seen, no false alarm


def test_unseen_layouts_overall_figure():
    """The figure reported for the new layouts: all layouts x templates x seeds pooled."""
    hit = got_n = want_n = 0
    for fn in LAYOUTS.values():
        for template in (2019, 2021):
            for seed in range(70, 74):
                truth = make_truth(seed, template, blanks=seed % 2 == 1)
                got = {(c["table"], c["row"], c["column"], c["value"]) for c in parse(*fn(truth))}
                want = {(c["table"], c["row"], c["column"], c["value"]) for c in truth}
                hit, got_n, want_n = hit + len(got & want), got_n + len(got), want_n + len(want)
    assert hit / got_n >= 0.99 and hit / want_n >= 0.99


def test_transposed_grid_from_a_pdf():
    """parse_rows turns a sideways applications grid upright too."""
    truth = make_truth(80, 2021)
    kind, body = transposed(truth)
    import lxml.html

    table = lxml.html.fromstring(body).xpath("//table")[1]
    from govcrawl.tables.grid import _expand_table

    grid = [["三、收到和处理政府信息公开申请情况"]] + _expand_table(table)
    got = parse_rows(grid)
    apps = [c for c in truth if c["table"] == "applications"]
    assert score(got, apps) == (1.0, 1.0)


def test_wrapped_label_continuation_does_not_swallow_an_active_row():
    text = "\n".join(["二、主动公开政府信息情况", "  第二十条第（一）项", "  信息内容    本年制发件数  本年废止件数  现行有效件数",
                      "  规章        1      0      5", "  行政规范性文件   2   3   40"])
    got = {(c["row"], c["column"]): c["value"] for c in parse_tables(text=text)}
    assert got[("rules", "issued")] == 1 and got[("normative", "in_force")] == 40
