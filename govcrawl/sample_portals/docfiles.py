"""Attachment files that carry a report's statistical tables: DOCX (python-docx) and XLSX (written
by hand as SpreadsheetML, no extra dependency); PDFs come from pdfgen.

Tables arrive as specs, rows of (text, rowspan, colspan) as govcrawl.tables.samples.table_specs gives
them, and keep their merged cells in every format, as the Word and Excel files on real portals do.
"""
from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from .model import Block, Cell, Table

Spec = list[list[tuple[str, int, int]]]
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def spec_table(spec: Spec) -> Table:
    """A spec as the replica's own merged-cell Table (what pdfgen and bodyhtml draw)."""
    return Table([[Cell(text, rowspan=rs, colspan=cs) for text, rs, cs in row] for row in spec])


def place(spec: Spec) -> tuple[list[tuple[int, int, str, int, int]], int]:
    """Grid positions of a spec's cells: ([(row, col, text, rowspan, colspan)], width)."""
    taken: set[tuple[int, int]] = set()
    placed = []
    width = 0
    for r, row in enumerate(spec):
        c = 0
        for text, rs, cs in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, text, rs, cs))
            taken.update((r + dr, c + dc) for dr in range(rs) for dc in range(cs))
            c += cs
            width = max(width, c)
    return placed, width


def report_docx(title: str, blocks: list[Block]) -> bytes:
    """A Word report: the title, then the blocks in order, ("table", Table) blocks with their merged cells."""
    import docx

    doc = docx.Document()
    doc.add_heading(title, level=1)
    for kind, payload in blocks:
        if kind == "table" and isinstance(payload, Table):
            _docx_table(doc, [[(c.text, c.rowspan, c.colspan) for c in row] for row in payload.rows])
        elif kind in ("p", "h", "center", "line"):
            doc.add_paragraph(str(payload))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _docx_table(doc, spec: Spec) -> None:
    placed, width = place(spec)
    table = doc.add_table(rows=len(spec), cols=width)
    table.style = "Table Grid"
    for r, c, text, rs, cs in placed:
        cell = table.cell(r, c)
        if rs > 1 or cs > 1:
            cell = cell.merge(table.cell(r + rs - 1, c + cs - 1))
        cell.text = text


def stats_xlsx(sheets: list[tuple[str, Spec]]) -> bytes:
    """An Excel workbook, one sheet per (name, spec): numbers as numeric cells, other text as strings,
    merged cells as mergeCells ranges."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES.format(sheets="".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, len(sheets) + 1))))
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK.format(sheets="".join(
            f'<sheet name="{escape(name[:31])}" sheetId="{i}" r:id="rId{i}"/>'
            for i, (name, _) in enumerate(sheets, 1))))
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.format(rels="".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))))
        for i, (_, spec) in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", _sheet_xml(spec))
    return buf.getvalue()


def _col(c: int) -> str:
    name = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        name = chr(65 + rem) + name
    return name


def _sheet_xml(spec: Spec) -> str:
    placed, _ = place(spec)
    by_row: dict[int, list[tuple[int, str]]] = {}
    merges = []
    for r, c, text, rs, cs in placed:
        if text:
            by_row.setdefault(r, []).append((c, text))
        if rs > 1 or cs > 1:
            merges.append(f'<mergeCell ref="{_col(c)}{r + 1}:{_col(c + cs - 1)}{r + rs}"/>')
    rows = []
    for r in sorted(by_row):
        cells = []
        for c, text in sorted(by_row[r]):
            ref = f"{_col(c)}{r + 1}"
            if _NUMBER.match(text):
                cells.append(f'<c r="{ref}"><v>{text}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>')
        rows.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
    merged = f'<mergeCells count="{len(merges)}">{"".join(merges)}</mergeCells>' if merges else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheetData>{"".join(rows)}</sheetData>{merged}</worksheet>')


_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                  '<Default Extension="xml" ContentType="application/xml"/>'
                  '<Override PartName="/xl/workbook.xml" ContentType="application/'
                  'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{sheets}</Types>')
_ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             '<sheets>{sheets}</sheets></workbook>')
_WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
                  '</Relationships>')
