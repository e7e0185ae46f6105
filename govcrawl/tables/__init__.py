"""The standard statistical tables of annual reports as numbers (see shared TABLES.md for the codes).

parse_tables(html=..., text=...) and parse_rows(grid) return cells
{table, row, column, value, raw} (+ unit for table 'legacy'); checks.run_checks audits them.
"""
from __future__ import annotations

from .grid import html_blocks, squeeze, text_rows
from .legacy import legacy_cells, legacy_text_cells
from .numbers import is_value
from .orient import upright
from .reflow import reflow
from .score import score
from .standard import standard_cells

__all__ = ["parse_tables", "parse_rows", "report_cells", "score"]


def parse_tables(html: str | None = None, text: str | None = None) -> list[dict]:
    """Cells of the standard tables found in a report body; html is preferred when given."""
    cells: list[dict] = []
    if html and html.strip():
        cells = _cells(html_blocks(html))
    if not cells and text and text.strip():
        cells = _cells(text_rows(text))
    return cells


def parse_rows(rows: list[list[str | None]]) -> list[dict]:
    """Cells from a grid already expanded for spans (PDF, DOCX, XLS tables).

    pdfplumber marks the slots a merged cell covers with None; such a slot takes the label to its left
    (colspan) or above it (rowspan), never a number, so merged label cells line up as in HTML. A slot
    right of a number is that number's colspan and stays blank: the header above it is no label of the row.
    """
    grid: list[list[str]] = []
    for r, row in enumerate(rows or []):
        out: list[str] = []
        numeric = False  # the slot to the left holds a number or a slot merged into one
        for c, cell in enumerate(row):
            if cell is None:
                left = out[c - 1] if c > 0 else ""
                above = grid[r - 1][c] if r > 0 and c < len(grid[r - 1]) else ""
                if numeric:
                    cell = ""
                else:
                    cell = left if left else above if above and not is_value(above) else ""
            else:
                numeric = bool(str(cell).strip()) and is_value(str(cell))
            out.append(squeeze(str(cell)))
        grid.append(out)
    return _cells(upright(grid))


def report_cells(html: str | None = None, text: str | None = None,
                 attachments: list[tuple[list, str | None]] = ()) -> list[dict]:
    """Cells of one report: from the page itself, else from its attachments.

    ``attachments`` holds (grids, text) per attached file: its tables as grids (PDF/DOCX/XLS, read
    with parse_rows), else its text. A cell found in two files is kept once: the first wins.
    """
    cells = parse_tables(html=html, text=text)
    if cells:
        return cells
    seen: set[tuple] = set()
    for grids, att_text in attachments:
        found = [c for grid in grids or [] for c in parse_rows(grid)]
        if not found and att_text:
            found = parse_tables(text=att_text)
        for cell in found:
            key = (cell["table"], cell["row"], cell["column"])
            if key not in seen:
                seen.add(key)
                cells.append(cell)
    return cells


def _cells(rows: list[list[str]]) -> list[dict]:
    flowed = reflow(rows)
    return standard_cells(flowed) + (legacy_cells(flowed) or legacy_text_cells(rows))
