"""Write the selected rows of each table as CSV, JSON Lines or Parquet, in batches.

Rows are read with ``fetchmany`` and written as they come, so memory stays bounded by one batch
whatever the size of the database. Parquet goes through pyarrow's ``ParquetWriter`` one row group
per batch; its column types come from the SQLite declared types, checked against the stored values
first (SQLite lets a column hold any type), so a stray value turns the column into a string rather
than being lost.
"""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from govcrawl.export.filters import columns, table_names

FORMATS = ("csv", "jsonl", "parquet")
BATCH_ROWS = 500  # reports carry whole texts: a few MB per batch at most
# Exported tables, their order keys, and how each joins the selection.
TABLES = {
    "reports": ("report_id", "report"),
    "report_urls": ("report_id, url", "report"),
    "attachments": ("report_id, attachment_id", "report"),
    "report_stats": ('report_id, "table", "row", "column"', "report"),
    "report_checks": ("report_id, rule, scope", "report"),
    "report_versions": ("report_id, version", "report"),
    "report_events": ("report_id", "report"),
    "sites": ("site_id", "site"),
}


def present_tables(conn: sqlite3.Connection) -> list[str]:
    """The exported tables this database has (versions and events only where they exist)."""
    have = table_names(conn)
    return [t for t in TABLES if t in have and (t != "report_events" or "report_id" in columns(conn, t))]


def select_sql(conn: sqlite3.Connection, table: str) -> str:
    order, scope = TABLES[table]
    cols = ", ".join(f't."{c}"' for c in columns(conn, table))
    if scope == "site":
        join = "join temp.export_sites e on e.site_id = t.site_id"
    else:
        join = "join temp.export_reports e on e.report_id = t.report_id"
    order_cols = ", ".join(f"t.{c.strip()}" for c in order.split(",")
                           if c.strip().strip('"') in columns(conn, table))
    return f'select {cols} from "{table}" t {join}' + (f" order by {order_cols}" if order_cols else "")


def rows(conn: sqlite3.Connection, table: str, batch: int = BATCH_ROWS):
    """Batches of rows (tuples) of the selected part of ``table``."""
    cursor = conn.execute(select_sql(conn, table))
    while True:
        chunk = cursor.fetchmany(batch)
        if not chunk:
            return
        yield [tuple(r) for r in chunk]


def column_types(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Column -> integer / number / string / boolean-free frictionless type, from the declared type
    and, where values disagree, from the values."""
    out = {}
    for _cid, name, decl, *_ in conn.execute(f'pragma table_info("{table}")'):
        decl = (decl or "").upper()
        if "INT" in decl:
            kind, allowed = "integer", ("integer",)
        elif any(t in decl for t in ("REAL", "FLOA", "DOUB", "NUM")):
            kind, allowed = "number", ("integer", "real")
        else:
            kind, allowed = "string", ("text",)
        if kind != "string":
            bad = conn.execute(
                f'select 1 from "{table}" where typeof("{name}") not in ({", ".join("?" * len(allowed))}, '
                f"'null') limit 1", allowed).fetchone()
            if bad:
                kind = "string"
        out[name] = kind
    return out


def _csv_value(value):
    return "" if value is None else value


def write_csv(path: Path, names: list[str], kinds: dict[str, str], batches) -> int:
    """UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly."""
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(names)
        for chunk in batches:
            writer.writerows([[_csv_value(v) for v in row] for row in chunk])
            count += len(chunk)
    return count


def write_jsonl(path: Path, names: list[str], kinds: dict[str, str], batches) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        for chunk in batches:
            fh.writelines(json.dumps(dict(zip(names, row)), ensure_ascii=False) + "\n"
                          for row in chunk)
            count += len(chunk)
    return count


def _as_text(value):
    return value if value is None or isinstance(value, str) else str(value)


def write_parquet(path: Path, names: list[str], kinds: dict[str, str], batches) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"integer": pa.int64(), "number": pa.float64(), "string": pa.string()}
    schema = pa.schema([(name, types[kinds[name]]) for name in names])
    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for chunk in batches:
            arrays = []
            for i, name in enumerate(names):
                values = [row[i] for row in chunk]
                if kinds[name] == "string":
                    values = [_as_text(v) for v in values]
                arrays.append(pa.array(values, type=schema.field(i).type))
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            count += len(chunk)
    return count


WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "parquet": write_parquet}


def export_table(conn, table: str, fmt: str, out_dir: Path) -> tuple[Path, int, dict[str, str]]:
    """Write the selected rows of ``table``; return (path, row count, column types)."""
    path = out_dir / f"{table}.{fmt}"
    kinds = column_types(conn, table)
    return path, WRITERS[fmt](path, columns(conn, table), kinds, rows(conn, table)), kinds


def export_records(name: str, records: list[dict], fmt: str, out_dir: Path) -> tuple[Path, int, dict]:
    """Write a small table made in Python (the codes list) in the same format."""
    names = list(records[0])
    kinds = {n: "string" for n in names}
    path = out_dir / f"{name}.{fmt}"
    batch = [tuple(r[n] for n in names) for r in records]
    return path, WRITERS[fmt](path, names, kinds, iter([batch])), kinds
