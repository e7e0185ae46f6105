"""Exact substring search over reports with SQLite FTS5: character bigrams with positions.

Why not a tokenizer library: FTS5's own tokenizers cannot do it (unicode61 keeps a run of Chinese
as one token, trigram cannot answer one- or two-character queries) and a custom tokenizer would
have to be C loaded into every SQLite client, Datasette included. So the *stored* text is
transformed instead, into two contentless FTS5 tables (the text itself lives once, in ``reports``
and ``attachments``):

- ``reports_fts``: every pair of neighbouring characters of a run without whitespace, with
  positions (``房屋拆迁`` → ``房屋 屋拆 拆迁``, ``2023年`` → ``20 02 23 3年``). A query word of two
  or more characters becomes the phrase of its bigrams, which matches exactly where the word
  occurs: a two-character word is one token (fast however common it is), and a longer word needs
  its bigrams at consecutive positions. Bigrams never span whitespace. Where one run ends with
  the character the next begins with, a ``_`` token stands between them: only there could the
  last bigram of one run and the first of the next chain into a phrase (``…AB`` ``BC…`` would
  match ``ABC``). A run that occurs again in the same column is indexed once; what matches in
  one copy matches in the other.
- ``reports_chars``: the set of characters of each report, without positions or columns
  (``detail=none``), for one-character words (``告``).

Size: the body is the first column, because FTS5 writes a column marker into every position
list of a column other than the first, which on the body would cost two bytes for each distinct
bigram of each report. With that, and the tables above, the index is about 0.97 times the bytes
of the text it indexes (``scripts/bench_search.py``).

Several words must all occur (AND), anywhere in the title, body or attachments. The tokenizer
keeps punctuation and symbols (``〔2019〕60号`` does not match ``201960号``) and folds only letter
case. Results are ranked by bm25 with a title hit weighted ten times a body hit. Snippets are cut
from the original text, never from index tokens.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

FTS_TABLE = "reports_fts"
CHARS_TABLE = "reports_chars"
# The body first: see the module docstring on size.
FTS_COLUMNS = ("body_text", "title", "attachments")
TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'"
# bm25 weights per column: a hit in the title counts ten times one in the body or attachments.
RANK = "bm25(1.0, 10.0, 1.0)"
# Stands between runs so that bigrams of neighbouring runs are not at consecutive positions; a
# query never produces a one-character token for this table.
GAP = "_"
MAX_TERMS = 12
MAX_TERM_CHARS = 80

_WS = re.compile(r"\s+")
_TERM = re.compile(r'"([^"]*)"|(\S+)')


def create_sql() -> list[str]:
    cols = ", ".join(FTS_COLUMNS)
    return [f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({cols}, content='', tokenize=\"{TOKENIZER}\")",
            f"CREATE VIRTUAL TABLE {CHARS_TABLE} USING fts5({cols}, content='', detail=none, "
            f"tokenize=\"{TOKENIZER}\")"]


# Control and format characters, which the tokenizer drops (unassigned code points aside).
_DROPPED = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f"
                      "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


def _runs(text: str | None) -> list[str]:
    """The runs of ``text`` between whitespace, without the characters the tokenizer drops."""
    if not text:
        return []
    return [run for run in _WS.split(_DROPPED.sub("", text)) if run]


def _gap_needed(last: str, first: str) -> bool:
    """Whether a run ending with ``last`` and one starting with ``first`` need a ``_`` between.

    Their bigrams could chain into a phrase only if the two characters fold to the same token;
    cased letters always get one, whatever folding rules the tokenizer has for them.
    """
    return last.lower() == first.lower() or (last.lower() != last.upper() and first.lower() != first.upper())


def index_text(text: str | None) -> str:
    """Text as handed to ``reports_fts``: the overlapping bigrams of each run without whitespace."""
    out: list[str] = []
    last = ""
    for run in dict.fromkeys(_runs(text)):  # each distinct run once, in order
        if len(run) < 2:
            continue
        if last and _gap_needed(last, run[0]):
            out.append(GAP)
        out.append(" ".join(map(operator.add, run, run[1:])))
        last = run[-1]
    return " ".join(out)


def chars_text(text: str | None) -> str:
    """Text as handed to ``reports_chars``: each character it holds, once, in a fixed order."""
    return " ".join(sorted({ch for run in _runs(text) for ch in run}))


@dataclass
class Query:
    """A user's query: the words to find (each a substring that must occur) and what was cut."""
    text: str
    terms: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def fts(self) -> str:
        """MATCH expression for ``reports_fts`` (words of two or more characters), or ""."""
        return " AND ".join('"' + index_text(t).replace('"', '""') + '"' for t in self.terms if len(t) > 1)

    @property
    def chars(self) -> str:
        """MATCH expression for ``reports_chars`` (one-character words), or ""."""
        return " AND ".join('"' + t.replace('"', '""') + '"' for t in self.terms if len(t) == 1)

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(text: str | None) -> Query:
    """Words separated by spaces (ASCII or 全角); quotes only group, nothing is an operator.

    Everything is literal: quotes, ``AND``, ``*``, ``-`` and the like are searched for as the
    characters they are. Characters the index drops (control and format characters) are dropped
    from the query too; a word with whitespace inside "quotes" must have each of its parts.
    """
    text = (text or "").replace("\u3000", " ")
    query = Query(text=text)
    seen = set()
    for m in _TERM.finditer(text):
        group = m.group(1) if m.group(1) is not None else m.group(2)
        if m.group(1) is None and group.strip('"'):
            group = group.strip('"')  # a stray quote at either end is not meant literally
        for term in _runs(group):
            if not term or term.lower() in seen:
                continue
            if len(term) > MAX_TERM_CHARS:
                query.notes.append(f"“{term[:12]}…” 太长，只搜索前 {MAX_TERM_CHARS} 个字符 / "
                                   f"searched for its first {MAX_TERM_CHARS} characters")
                term = term[:MAX_TERM_CHARS]
            if len(query.terms) == MAX_TERMS:
                query.notes.append(f"只搜索前 {MAX_TERMS} 个词 / only the first {MAX_TERMS} words are searched")
                return query
            seen.add(term.lower())
            query.terms.append(term)
    return query


def fts_query(text: str | None) -> str:
    """The ``reports_fts`` expression for a user's query (its words of two or more characters)."""
    return parse_query(text).fts


def contains(text: str | None, terms: list[str]) -> bool:
    """The reference meaning of a match: every term occurs in ``text`` (letter case aside)."""
    if not text:
        return False
    cleaned = "\n".join(_runs(text))
    return all(re.search(re.escape(t), cleaned, re.IGNORECASE) for t in terms)

def _hits(terms: list[str]) -> re.Pattern:
    return re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)


def _marked(text: str, pattern: re.Pattern) -> Markup:
    """``text`` escaped, with each hit of ``pattern`` in <mark>."""
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[pos:m.start()]))
        out.append(Markup("<mark>") + escape(m.group(0)) + Markup("</mark>"))
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def snippet(text: str | None, terms: list[str], width: int = 60, limit: int = 2) -> Markup:
    """Up to ``limit`` passages of the original text around the first hits, hits in <mark>."""
    if not text or not terms:
        return Markup("")
    pattern = _hits(terms)
    windows: list[list[int]] = []
    for hit in pattern.finditer(text):
        start, end = max(0, hit.start() - width), min(len(text), hit.end() + width)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        elif len(windows) < limit:
            windows.append([start, end])
        else:
            break
    return Markup(" ").join(
        (Markup("…") if start > 0 else Markup("")) + _marked(" ".join(text[start:end].split()), pattern)
        + (Markup("…") if end < len(text) else Markup("")) for start, end in windows)


def highlight(text: str | None, terms: list[str]) -> Markup:
    """The whole of a short text (a title) with its hits in <mark>."""
    if not text:
        return Markup("")
    return _marked(text, _hits(terms)) if terms else escape(text)


# -- queries ---------------------------------------------------------------------------------------
ATTACHMENT_TEXT_SQL = ("select group_concat(coalesce(name, '') || char(10) || coalesce(text, ''), char(10)) "
                       "from attachments where report_id = ?")
_COLS = ", ".join(FTS_COLUMNS)


def report_texts(conn, rowid: int) -> tuple[str, str, str] | None:
    """The texts of the report at ``rowid`` in ``FTS_COLUMNS`` order: body, title, attachments
    (names and text of every file)."""
    row = conn.execute("select report_id, title, body_text from reports where rowid = ?", [rowid]).fetchone()
    if row is None:
        return None
    return row[2] or "", row[1] or "", conn.execute(ATTACHMENT_TEXT_SQL, [row[0]]).fetchone()[0] or ""


def index_report(conn, rowid: int, old: tuple[str, str, str] | None) -> None:
    """Bring the FTS rows of one report up to date; ``old`` is ``report_texts`` before the change.

    The tables are contentless, so a row is removed by handing FTS5 the values it was indexed with.
    """
    if old is not None:
        conn.execute(f"insert into {FTS_TABLE} ({FTS_TABLE}, rowid, {_COLS}) values ('delete', ?, ?, ?, ?)",
                     [rowid, *map(index_text, old)])
        conn.execute(f"insert into {CHARS_TABLE} ({CHARS_TABLE}, rowid, {_COLS}) values ('delete', ?, ?, ?, ?)",
                     [rowid, *map(chars_text, old)])
    new = report_texts(conn, rowid)
    if new is not None:
        conn.execute(f"insert into {FTS_TABLE} (rowid, {_COLS}) values (?, ?, ?, ?)",
                     [rowid, *map(index_text, new)])
        conn.execute(f"insert into {CHARS_TABLE} (rowid, {_COLS}) values (?, ?, ?, ?)",
                     [rowid, *map(chars_text, new)])


def rebuild_index(conn) -> int:
    """Index every report again (a new database, or one indexed another way)."""
    for table in (FTS_TABLE, CHARS_TABLE):
        conn.execute(f"drop table if exists {table}")
    for sql in create_sql():
        conn.execute(sql)
    for table in (FTS_TABLE, CHARS_TABLE):
        conn.execute(f"insert into {table} ({table}, rank) values ('rank', ?)", [RANK])
        # No merging while every row goes in: one merge at the end is much cheaper.
        conn.execute(f"insert into {table} ({table}, rank) values ('automerge', 0)")
    rowids = [r for (r,) in conn.execute("select rowid from reports")]
    for rowid in rowids:
        index_report(conn, rowid, None)
    for table in (FTS_TABLE, CHARS_TABLE):
        conn.execute(f"insert into {table} ({table}) values ('optimize')")
        conn.execute(f"insert into {table} ({table}, rank) values ('automerge', 4)")
    return len(rowids)


def is_current_index(conn) -> bool:
    have = [r[0] for r in conn.execute("select sql from sqlite_master where name in (?, ?) order by name = ?",
                                       [FTS_TABLE, CHARS_TABLE, FTS_TABLE])]
    return have == create_sql()


def match_sql(query: Query) -> tuple[str, str, list[str]]:
    """(FTS table to rank by, where clause on its rowid, parameters) for a parsed query."""
    if query.fts and query.chars:
        # ``+``: test membership in the list, rather than hand FTS5 one rowid lookup per member
        return (FTS_TABLE, f"{FTS_TABLE} match ? and +{FTS_TABLE}.rowid in "
                f"(select rowid from {CHARS_TABLE} where {CHARS_TABLE} match ?)", [query.fts, query.chars])
    if query.fts:
        return FTS_TABLE, f"{FTS_TABLE} match ?", [query.fts]
    return CHARS_TABLE, f"{CHARS_TABLE} match ?", [query.chars]


def _rowids_sql(query: Query) -> tuple[str, list[str]]:
    table, where, params = match_sql(query)
    return f"select {table}.rowid from {table} where {where}", params


def matching_rowids_sql(text: str) -> tuple[str, list[str]]:
    """``select rowid ...`` of the reports matching ``text`` (for filters of table pages)."""
    query = parse_query(text)
    return _rowids_sql(query) if query else ("select null where 0", [])


@dataclass
class Results:
    query: Query
    rows: list[dict] = field(default_factory=list)
    ranked: bool = True  # False: the words are in most reports, bm25 cannot tell them apart
    rowids: set[int] = field(default_factory=set)  # every match (after ``where``), for facet counts

    @property
    def total(self) -> int:
        return len(self.rowids)


def _first(rowids, wanted: set[int], limit: int, offset: int) -> list[int]:
    """The ``limit`` rowids after the first ``offset`` of ``rowids`` that are in ``wanted``."""
    page = []
    for rowid in rowids:
        if rowid in wanted:
            if offset:
                offset -= 1
            else:
                page.append(rowid)
                if len(page) == limit:
                    break
    return page


def search(conn, text: str, limit: int = 20, offset: int = 0, where: str = "", params: list | None = None,
           snippets: bool = True) -> Results:
    """Reports matching every word of ``text``, best first, with the exact count.

    The index is read once for the set of matches; ``where`` / ``params`` (on columns of
    ``reports r``) narrow that set without reading the index again. Best first is bm25 with a
    title hit weighted ten times a body hit. When the matches are more than half of all reports,
    every word occurs in more than half of them, where bm25's IDF is zero (FTS5 clamps it to
    1e-6) and its order says nothing: such results are listed newest first instead, by walking
    the published_date index, without scoring them. Each row carries ``snippet`` and
    ``title_html`` cut from the original text. ``rowids`` holds every match, for facet counts.
    """
    query = parse_query(text)
    if not query:
        return Results(query)
    table, match, match_params = match_sql(query)
    matched = {r for (r,) in conn.execute(*_rowids_sql(query))}
    if matched and where:
        matched &= {r for (r,) in conn.execute(f"select r.rowid from reports r where {where}", list(params or []))}
    if not matched:
        return Results(query)
    reports = conn.execute("select count(*) from reports").fetchone()[0]
    ranked = len(matched) <= reports / 2
    if ranked:
        order = conn.execute(f"select rowid from {table} where {match} order by rank", match_params)
    else:
        order = conn.execute("select rowid from reports order by published_date desc, rowid desc")
    page = _first((r for (r,) in order), matched, limit, offset)
    rows = []
    for rowid in page:
        cur = conn.execute(
            "select rowid, report_id, title, report_year, is_annual_report, province, city, county, township, "
            "agency, publisher, published_date, url, body_text from reports where rowid = ?", [rowid])
        row = dict(zip([d[0] for d in cur.description], cur.fetchone()))
        body = row.pop("body_text")
        if snippets:
            row["title_html"] = highlight(row["title"], query.terms)
            row["snippet"] = snippet(body, query.terms)
            if not row["snippet"]:
                attachments = conn.execute(ATTACHMENT_TEXT_SQL, [row["report_id"]]).fetchone()[0]
                row["snippet"] = snippet(attachments, query.terms)
                row["in_attachment"] = bool(row["snippet"])
        rows.append(row)
    return Results(query, rows, ranked, matched)
