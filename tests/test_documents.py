"""Attachment text from generated PDF, DOCX, XLSX, image and scanned-PDF files.

OCR tests need the Debian packages tesseract-ocr + tesseract-ocr-chi-sim and a CJK font
(fonts-wqy-zenhei or fonts-noto-cjk); they skip with that reason when absent."""
import glob
import io
from pathlib import Path
import re
import shutil
import subprocess

import pytest

from govcrawl.extract.documents import document_text
from govcrawl.normalize import fold_text

TEXT = "平潭综合实验区2023年度政府信息公开工作年度报告"
FONTS = (glob.glob("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
         + glob.glob("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"))


def _need_ocr():
    if not shutil.which("tesseract"):
        pytest.skip("tesseract binary absent (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout
    if "chi_sim" not in langs:
        pytest.skip("tesseract chi_sim data absent (apt-get install tesseract-ocr-chi-sim)")
    if not FONTS:
        pytest.skip("no CJK font to render the scan (apt-get install fonts-wqy-zenhei)")


def _text_image(text: str):
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (1400, 200), "white")
    ImageDraw.Draw(img).text((40, 60), text, font=ImageFont.truetype(FONTS[0], 48), fill="black")
    return img


def test_pdf_text_layer():
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("STSong-Light", 14)
    c.drawString(72, 760, TEXT)
    c.drawString(72, 730, "一、总体情况：本年度共主动公开政府信息1234条。")
    c.showPage()
    c.save()
    res = document_text(buf.getvalue(), "report.pdf")
    assert res["error"] is None and res["pages"] == 1 and res["ocr"] is False
    assert fold_text(TEXT) in fold_text(res["text"])


def test_docx_paragraphs_and_tables():
    import docx

    d = docx.Document()
    d.add_paragraph(TEXT)
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "信息内容", "本年制发件数"
    t.cell(1, 0).text, t.cell(1, 1).text = "规章", "0"
    buf = io.BytesIO()
    d.save(buf)
    res = document_text(buf.getvalue(), "report.docx")
    assert res["error"] is None
    assert res["text"].split("\n") == [TEXT, "信息内容\t本年制发件数", "规章\t0"]


def test_xlsx_sheet():
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "统计表"
    ws.append(["统计指标", "单位", "统计数"])
    ws.append(["主动公开政府信息数", "条", 259])
    buf = io.BytesIO()
    wb.save(buf)
    res = document_text(buf.getvalue(), "stats.xlsx")
    assert res["error"] is None
    assert "主动公开政府信息数\t条\t259" in res["text"]


def test_doc_via_antiword_or_libreoffice():
    # report.doc: a Word 97 file made once with LibreOffice from a python-docx document.
    if not (shutil.which("antiword") or shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("neither antiword nor LibreOffice is installed (Debian: antiword)")
    raw = (Path(__file__).parent / "files" / "extract" / "report.doc").read_bytes()
    res = document_text(raw, "report.doc")
    assert res["error"] is None
    assert fold_text(TEXT) in fold_text(res["text"])
    assert "统计期限自2023年1月1日起至2023年12月31日止" in fold_text(res["text"])


def test_scanned_pdf_is_ocred():
    _need_ocr()
    buf = io.BytesIO()
    _text_image(TEXT).save(buf, format="PDF", resolution=100)
    res = document_text(buf.getvalue(), "scan.pdf")
    assert res["ocr"] is True and res["error"] is None
    assert "政府信息公开" in fold_text(res["text"])


def test_image_is_ocred():
    _need_ocr()
    buf = io.BytesIO()
    _text_image(TEXT).save(buf, format="PNG")
    res = document_text(buf.getvalue(), "scan.png")
    assert res["ocr"] is True and "年度报告" in fold_text(res["text"])


@pytest.mark.parametrize("raw,name", [(b"", "a.pdf"), (b"not a pdf", "a.pdf"), (b"PK\x03\x04junk", "a.docx"),
                                      (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1junk", "a.xls"), (b"xx", "a.unknown")])
def test_bad_input_never_raises(raw, name):
    res = document_text(raw, name)
    assert res["error"] and res["text"] == "" and res["tables"] == []


# ---- tables: grids with merged cells expanded as an HTML table's rowspan/colspan are -------------------
# A 3x4 piece of the 收到和处理政府信息公开申请 table: a 2x2 corner, a header spanning two columns, a row
# label spanning two rows and a value row.
MERGED = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "申请人情况"],
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "自然人", "总计"],
    ["三、本年度办理结果", "（一）予以公开", "12", "15"],
    ["三、本年度办理结果", "（七）总计", "12", "15"],
]
SPANS = [(0, 0, 2, 2), (0, 2, 1, 2), (2, 0, 2, 1)]  # (row, col, rowspan, colspan)


def _squeezed(grid):
    return [[re.sub(r"\s+", "", c) if c is not None else None for c in row] for row in grid]


def test_pdf_tables_expand_merged_cells():
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("c", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK")
    data = [[Paragraph(text, style) if (r, c) in {(s[0], s[1]) for s in SPANS} or (r, c) in _unmerged() else ""
             for c, text in enumerate(row)] for r, row in enumerate(MERGED)]
    table = Table(data, colWidths=[120, 120, 60, 60])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
                              + [("SPAN", (c, r), (c + cs - 1, r + rs - 1)) for r, c, rs, cs in SPANS]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build([Paragraph(TEXT, style), table])
    res = document_text(buf.getvalue(), "report.pdf")
    assert res["error"] is None and fold_text(TEXT) in fold_text(res["text"])
    assert _squeezed(res["tables"][0]) == MERGED


def _unmerged() -> set[tuple[int, int]]:
    covered = {(r + dr, c + dc) for r, c, rs, cs in SPANS for dr in range(rs) for dc in range(cs)}
    return {(r, c) for r in range(len(MERGED)) for c in range(4)} - covered


def test_docx_tables_expand_merged_cells():
    import docx

    d = docx.Document()
    d.add_paragraph(TEXT)
    t = d.add_table(rows=4, cols=4)
    for r, c, rs, cs in SPANS:
        t.cell(r, c).merge(t.cell(r + rs - 1, c + cs - 1)).text = MERGED[r][c]
    for r, c in _unmerged():
        t.cell(r, c).text = MERGED[r][c]
    buf = io.BytesIO()
    d.save(buf)
    res = document_text(buf.getvalue(), "report.docx")
    assert res["error"] is None
    assert res["tables"] == [MERGED]


def test_xlsx_tables_expand_merged_ranges_and_keep_numbers():
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表2"
    for r, c in sorted(_unmerged()) + [(s[0], s[1]) for s in SPANS]:
        text = MERGED[r][c]
        ws.cell(row=r + 3, column=c + 2, value=int(text) if text.isdigit() else text)  # offset from A1
    for r, c, rs, cs in SPANS:
        ws.merge_cells(start_row=r + 3, start_column=c + 2, end_row=r + rs + 2, end_column=c + cs + 1)
    ws2 = wb.create_sheet("空表")
    ws2["A1"] = None
    buf = io.BytesIO()
    wb.save(buf)
    res = document_text(buf.getvalue(), "stats.xlsx")
    assert res["error"] is None
    assert res["tables"] == [MERGED]


def test_attachment_grids_parse_like_the_page():
    """A report's tables read from DOCX / XLSX / PDF give the same cells as the same tables in HTML."""
    from govcrawl.sample_portals.docfiles import report_docx, spec_table, stats_xlsx
    from govcrawl.sample_portals.pdfgen import report_pdf
    from govcrawl.tables import parse_rows, parse_tables
    from govcrawl.tables.samples import make_truth, render, table_specs

    truth = make_truth(21, 2021, blanks=True, errors=("appeals",))
    specs = table_specs(truth)
    blocks = [("p", TEXT)] + [b for heading, spec in specs for b in (("h", heading), ("table", spec_table(spec)))]
    files = {"r.docx": report_docx(TEXT, blocks), "r.xlsx": stats_xlsx([(f"表{i}", s) for i, (_, s) in enumerate(specs)]),
             "r.pdf": report_pdf(TEXT, blocks, "x")}
    key = lambda c: (c["table"], c["row"], c["column"], c["value"], c["raw"])  # noqa: E731
    want = sorted(map(key, parse_tables(html=render(truth, "html2021_word"))))
    assert want == sorted(map(key, truth))
    for name, raw in files.items():
        res = document_text(raw, name)
        got = [c for grid in res["tables"] for c in parse_rows(grid)]
        assert sorted(map(key, got)) == want, name


def test_xls_binary_workbook():
    # stats.xls: a BIFF8 workbook made once with LibreOffice Calc from an openpyxl sheet.
    raw = (Path(__file__).parent / "files" / "extract" / "stats.xls").read_bytes()
    res = document_text(raw, "stats.xls")
    assert res["error"] is None
    assert "主动公开政府信息数\t条\t259" in res["text"]
    assert ["收到申请数", "件", "12"] in res["tables"][0]


def test_ocr_stops_at_the_page_cap_and_says_so(monkeypatch):
    _need_ocr()
    from govcrawl.extract import documents

    monkeypatch.setattr(documents, "MAX_OCR_PAGES", 1)
    buf = io.BytesIO()
    first, second = _text_image(TEXT), _text_image("第二页")
    first.save(buf, format="PDF", resolution=100, save_all=True, append_images=[second])
    res = document_text(buf.getvalue(), "scan.pdf")
    assert res["ocr"] is True and res["pages"] == 2
    assert res["error"] == "OCR stopped after 1 of 2 scanned pages"
    assert "政府信息公开" in fold_text(res["text"])


def test_a_blank_page_without_pictures_is_not_ocrd():
    from reportlab.pdfgen import canvas

    blank = io.BytesIO()
    c = canvas.Canvas(blank)
    c.showPage()
    c.save()
    res = document_text(blank.getvalue(), "blank.pdf")
    assert not res["ocr"] and res["pages"] == 1
