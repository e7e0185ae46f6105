"""Rebuild table rows from flattened text.

Text extracted from HTML often prints one cell per line (vertical) or a whole table row on one line
with spaces between cells. Single-cell rows are cut into whitespace tokens; a label is followed by the
values after it, and values on later lines join the label before them.
"""
from __future__ import annotations

import re

from .grid import Row, squeeze
from .labels import active_row, appeal_row, section_of
from .numbers import is_value

# a line opening a new printed row: 一、 (一) 1. 其中 …; anything else in parentheses continues a label
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、]|其中)")
_ASIDE = re.compile(r"^[（(]")


def reflow(rows: list[Row]) -> list[Row]:
    """Multi-cell rows pass through; runs of single-cell rows become label + values rows."""
    out: list[Row] = []
    pending: Row | None = None  # the pseudo-row being built from single-cell lines

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            out.append(pending)
            pending = None

    for row in rows:
        if row == [""]:
            if pending is not None:
                pending.append("")  # an empty cell of a double-spaced vertical table
            continue
        if len(row) != 1:
            flush()
            out.append(row)
            continue
        tokens = row[0].split()
        label_run: list[str] = []
        for i, tok in enumerate(tokens):
            if is_value(tok):
                if label_run and _continues(pending, label_run, i == len(label_run)):
                    pending[0] = squeeze(pending[0] + "".join(label_run))  # type: ignore[index]
                    label_run = []
                if label_run:
                    flush()
                    pending = [squeeze("".join(label_run))]
                    label_run = []
                if pending is None:
                    pending = []
                pending.append(tok)
            else:
                if not label_run and pending is not None and len(pending) == 1 and not pending[0] == "" \
                        and _ASIDE.match(tok) and not _NUMBERED.match(tok) and tok is tokens[0]:
                    pending[0] = squeeze(pending[0] + tok)  # (不同渠道…计1条) continues the label above
                    continue
                label_run.append(tok)
        if label_run:
            flush()
            pending = [squeeze("".join(label_run))]
    flush()
    return out


def _continues(pending: Row | None, label_run: list[str], at_line_start: bool) -> bool:
    """A wrapped label (pdftotext -layout prints a long cell over several lines, its numbers on the middle
    one): the line's leading text continues the numbered label above, which has no numbers yet."""
    if not at_line_start or pending is None or len(pending) != 1 or not _NUMBERED.match(pending[0]):
        return False
    text = squeeze("".join(label_run))
    if _NUMBERED.match(text) or len(text) < 4 or not re.search(r"[\u4e00-\u9fff]", text):
        return False
    return active_row(text) is None and appeal_row(text) is None and section_of(text) is None
