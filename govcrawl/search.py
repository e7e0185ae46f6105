"""Chinese full-text search on SQLite FTS5 without a custom tokenizer.

FTS5's unicode61 tokenizer treats a run of Chinese characters as one token, so 拆迁 would never
match inside 房屋拆迁补偿. We index Chinese text as overlapping character bigrams
(房屋拆迁 -> 房屋 屋拆 拆迁) and turn a query into the same bigrams as a phrase, which matches
exactly the substrings the user typed, two-character words included.
"""
from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")
_TERM = re.compile(r'"([^"]*)"|(\S+)')


def bigrams(run: str) -> str:
    if len(run) == 1:
        return run
    return " ".join(run[i : i + 2] for i in range(len(run) - 1))


def index_text(text: str | None) -> str:
    """Text as stored in the FTS table: Chinese runs as bigrams, everything else as it was."""
    if not text:
        return ""
    return _CJK.sub(lambda m: " " + bigrams(m.group(0)) + " ", text)


def _phrase(term: str) -> str:
    parts = []
    pos = 0
    for m in _CJK.finditer(term):
        parts.append(term[pos : m.start()])
        run = m.group(0)
        parts.append(" " + bigrams(run) + " ")
        pos = m.end()
    parts.append(term[pos:])
    words = " ".join("".join(parts).split())
    return words


def fts_query(query: str) -> str:
    """A user's query as an FTS5 expression: each term (or "quoted phrase") must occur.

    A single Chinese character becomes a prefix query (拆*), so one-character searches work too.
    """
    terms = []
    for m in _TERM.finditer(query or ""):
        term = (m.group(1) if m.group(1) is not None else m.group(2)).replace('"', "")
        if not term:
            continue
        words = _phrase(term)
        if not words:
            continue
        if len(words) == 1 and _CJK.fullmatch(words):
            terms.append(f'"{words}"*')
        else:
            terms.append('"' + words + '"')
    return " ".join(terms)
