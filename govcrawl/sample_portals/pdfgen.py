"""PDF attachments for reports published only as a file (the page just says 详见附件).

reportlab's built-in CID font STSong-Light needs no font file and keeps the Chinese text
extractable (pdfminer / pdfplumber read it back through the font's Unicode map).
"""
from __future__ import annotations

import io
from functools import lru_cache

from .model import Block, Table


@lru_cache(maxsize=1)
def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _widths(table: Table, width: int, total: float) -> list[float]:
    """Column widths from the longest unmerged text of each column (numbers need little room), scaled to total."""
    need = [4.0] * width  # room for four digits: numbers must not wrap
    occupied: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while occupied.get((r, c)):
                c += 1
            if cell.colspan == 1 and c < width:
                need[c] = max(need[c], min(len(cell.text.replace("\n", "")), 14))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    occupied[(r + dr, c + dc)] = True
            c += cell.colspan
    scale = total / sum(need)
    return [n * scale for n in need]


def _grid(table: Table):
    """Expand merged cells onto a grid, returning (data, SPAN commands)."""
    occupied: dict[tuple[int, int], bool] = {}
    cells: dict[tuple[int, int], str] = {}
    spans = []
    width = 0
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while occupied.get((r, c)):
                c += 1
            cells[(r, c)] = cell.text.replace("\n", "")
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    occupied[(r + dr, c + dc)] = True
            if cell.rowspan > 1 or cell.colspan > 1:
                spans.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
            c += cell.colspan
            width = max(width, c)
    data = [[cells.get((r, c), "") for c in range(width)] for r in range(len(table.rows))]
    return data, spans


def report_pdf(title: str, blocks: list[Block], author: str) -> bytes:
    """A simple A4 report: centred title, paragraphs, and the tables with their merged cells."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as PdfTable
    from reportlab.platypus import TableStyle

    font = _font()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=18, firstLineIndent=22, wordWrap="CJK")
    head = ParagraphStyle("head", parent=body, firstLineIndent=0, fontSize=12)
    big = ParagraphStyle("title", parent=body, firstLineIndent=0, fontSize=16, leading=24, alignment=1)
    cell = ParagraphStyle("cell", fontName=font, fontSize=6.5, leading=8, wordWrap="CJK", alignment=1)
    story = [Paragraph(title, big), Spacer(1, 12)]
    for kind, payload in blocks:
        if kind == "table":
            data, spans = _grid(payload)  # type: ignore[arg-type]
            widths = _widths(payload, len(data[0]) if data else 0, A4[0] - 100)  # type: ignore[arg-type]
            data = [[Paragraph(text, cell) for text in row] for row in data]
            pdf_table = PdfTable(data, colWidths=widths, repeatRows=0)
            pdf_table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE")] + spans))
            story += [KeepTogether([pdf_table]), Spacer(1, 8)]  # a table on one page, as pdfplumber reads best
        elif kind in ("h", "center"):
            story.append(Paragraph(str(payload), head))
        elif kind == "p":
            story.append(Paragraph(str(payload), body))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, title=title, author=author,
                            leftMargin=50, rightMargin=50, topMargin=60, bottomMargin=60)
    doc.build(story)
    return buf.getvalue()
