"""Attachment text from generated PDF, DOCX, XLSX, image and scanned-PDF files.

OCR tests need the Debian packages tesseract-ocr + tesseract-ocr-chi-sim and a CJK font
(fonts-wqy-zenhei or fonts-noto-cjk); they skip with that reason when absent."""
import glob
import io
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
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        pytest.skip("LibreOffice absent: cannot make a .doc fixture (reading uses antiword, else LibreOffice)")
    import docx
    import tempfile, os

    with tempfile.TemporaryDirectory() as tmp:
        d = docx.Document()
        d.add_paragraph(TEXT)
        src = os.path.join(tmp, "r.docx")
        d.save(src)
        subprocess.run([office, "--headless", "--convert-to", "doc", "--outdir", tmp, src], capture_output=True, timeout=180)
        with open(os.path.join(tmp, "r.doc"), "rb") as f:
            res = document_text(f.read(), "r.doc")
    assert fold_text(TEXT) in fold_text(res["text"])


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
    assert res["error"] and res["text"] == ""
