"""``govcrawl export {csv,jsonl,parquet}``: one file per table of the selected reports, with the
data dictionary, checksums and a README beside them."""
from __future__ import annotations

from pathlib import Path

from govcrawl.export import datapackage, dictionary
from govcrawl.export.filters import ExportError, ExportFilter, connect, select_reports, select_sites
from govcrawl.export.tables import FORMATS, export_records, export_table, present_tables


def export_data(db: str | Path, out_dir: str | Path, fmt: str, flt: ExportFilter) -> dict:
    """Write the export; return {table: rows written} (plus the codes table)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ExportError(f"--out {out_dir} is a file; give a directory")
    out.mkdir(parents=True, exist_ok=True)
    conn = connect(db)
    try:
        select_reports(conn, flt)
        select_sites(conn, flt)
        tables = present_tables(conn)
        exported = set(tables)
        resources, counts, files = [], {}, []
        for table in tables:
            path, count, kinds = export_table(conn, table, fmt, out)
            counts[table] = count
            files.append(path)
            resources.append(datapackage.resource_descriptor(conn, table, path, fmt, kinds, count, exported))
        path, count, kinds = export_records("codes", dictionary.table_codes(), fmt, out)
        counts["codes"] = count
        files.append(path)
        resources.append(datapackage.resource_descriptor(None, "codes", path, fmt, kinds, count, exported))
        cov = datapackage.coverage(conn)
    finally:
        conn.close()
    filters = flt.describe()
    files.append(datapackage.write_readme(out, fmt, cov, filters, counts))
    files.append(datapackage.write_datapackage(out, resources, cov, filters))
    datapackage.write_checksums(out, files)
    return counts
