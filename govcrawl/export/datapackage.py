"""Describe an export: a Frictionless ``datapackage.json`` data dictionary (every field described
in Chinese and English), ``SHA256SUMS``, and a README stating crawl dates and coverage."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from govcrawl import __version__
from govcrawl.export import dictionary

MEDIA_TYPES = {"csv": "text/csv", "jsonl": "application/jsonl",
               "parquet": "application/vnd.apache.parquet"}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _keys(conn: sqlite3.Connection | None, table: str, exported: set[str]) -> dict:
    """primaryKey and foreignKeys (to tables in this export) of a table, from SQLite itself."""
    if conn is None:
        return {}
    info = list(conn.execute(f'pragma table_info("{table}")'))
    pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
    out: dict = {"primaryKey": pk} if pk else {}
    fks = [{"fields": [r[3]], "reference": {"resource": r[2], "fields": [r[4]]}}
           for r in conn.execute(f'pragma foreign_key_list("{table}")') if r[2] in exported and r[4]]
    if fks:
        out["foreignKeys"] = fks
    return out


def field_descriptor(table: str, name: str, kind: str) -> dict:
    described = dictionary.field_description(table, name)
    zh, en = described or ("（暂无说明）", "(not yet described)")
    return {"name": name, "type": kind, "title": en, "description": f"{zh} / {en}",
            "description_zh": zh, "description_en": en}


def resource_descriptor(conn, table: str, path: Path, fmt: str, kinds: dict[str, str],
                        count: int, exported: set[str]) -> dict:
    zh, en = dictionary.TABLES.get(table, ("", ""))
    resource = {
        "name": table, "path": path.name, "profile": "tabular-data-resource",
        "title": f"{zh} / {en}" if zh else table, "description_zh": zh, "description_en": en,
        "format": fmt, "mediatype": MEDIA_TYPES[fmt], "encoding": "utf-8-sig" if fmt == "csv" else "utf-8",
        "bytes": path.stat().st_size, "hash": "sha256:" + sha256_file(path), "rows": count,
        "schema": {"fields": [field_descriptor(table, n, k) for n, k in kinds.items()],
                   "missingValues": [""], **_keys(conn, table, exported)},
    }
    if fmt == "csv":
        resource["dialect"] = {"delimiter": ",", "header": True}
    return resource


def write_datapackage(out_dir: Path, resources: list[dict], coverage: dict, filters: dict) -> Path:
    package = {
        "profile": "tabular-data-package",
        "name": "govcrawl-export",
        "title": "政府信息公开工作年度报告 / Government information-disclosure annual reports",
        "description": ("govcrawl 抓取的县、乡镇门户网站政府信息公开工作年度报告及其统计表。"
                        " Annual information-disclosure reports crawled by govcrawl from county and "
                        "township portals, with their statistical tables. Table codes: the codes resource."),
        "created": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "licenses": [{"name": "other-pd", "title": "Government information published under "
                      "《政府信息公开条例》; check reuse terms of each portal"}],
        "sources": [{"title": "govcrawl", "version": __version__}],
        "govcrawl": {"filters": filters, "coverage": coverage},
        "resources": resources,
    }
    path = out_dir / "datapackage.json"
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def write_checksums(out_dir: Path, files: list[Path]) -> Path:
    """``sha256sum -c SHA256SUMS`` checks the export."""
    path = out_dir / "SHA256SUMS"
    path.write_text("".join(f"{sha256_file(f)}  {f.name}\n" for f in sorted(files)), encoding="utf-8")
    return path


def coverage(conn: sqlite3.Connection) -> dict:
    """What the selected reports cover: counts, years, regions, sites and crawl dates."""
    one = conn.execute(
        "select count(*), sum(r.is_annual_report), min(r.report_year), max(r.report_year), "
        "count(distinct r.province), count(distinct r.city), count(distinct r.county), "
        "count(distinct r.site_id), min(r.first_seen), max(r.last_seen) "
        "from reports r join temp.export_reports e on e.report_id = r.report_id").fetchone()
    runs = conn.execute(
        "select min(started), max(coalesce(finished, started)), count(*) from crawl_runs where "
        "site_id in (select site_id from temp.export_sites)").fetchone() \
        if "crawl_runs" in {r[0] for r in conn.execute("select name from sqlite_master")} else (None,) * 3
    years = [dict(r) for r in conn.execute(
        "select r.report_year as year, count(*) as reports from reports r join temp.export_reports e "
        "on e.report_id = r.report_id where r.is_annual_report = 1 group by r.report_year "
        "order by r.report_year")]
    regions = [dict(r) for r in conn.execute(
        "select r.province, r.city, r.county, count(*) as reports, sum(r.is_annual_report) as annual_reports "
        "from reports r join temp.export_reports e on e.report_id = r.report_id "
        "group by r.province, r.city, r.county order by r.province, r.city, r.county")]
    return {
        "documents": one[0], "annual_reports": one[1] or 0, "report_years": [one[2], one[3]],
        "provinces": one[4], "cities": one[5], "counties": one[6], "sites": one[7],
        "first_seen": one[8], "last_seen": one[9],
        "crawl_runs": {"count": runs[2], "first_started": runs[0], "last_finished": runs[1]},
        "by_year": years, "by_region": regions,
    }


def write_readme(out_dir: Path, fmt: str, cov: dict, filters: dict, counts: dict[str, int]) -> Path:
    lines = [
        "# govcrawl export: 政府信息公开工作年度报告",
        "",
        f"Made {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC by govcrawl {__version__}, format {fmt}.",
        "",
        "## Crawl dates / 抓取时间",
        f"- crawl runs / 抓取批次: {cov['crawl_runs']['count']}, from {cov['crawl_runs']['first_started']}"
        f" to {cov['crawl_runs']['last_finished']} (UTC)",
        f"- reports first seen {cov['first_seen']}, last seen {cov['last_seen']} (UTC)",
        "",
        "## Coverage / 覆盖范围",
        f"- filters / 筛选条件: {json.dumps(filters, ensure_ascii=False) if filters else 'none (everything)'}",
        f"- documents / 文件: {cov['documents']}, of which annual reports / 年度报告: {cov['annual_reports']}",
        f"- report years / 报告年度: {cov['report_years'][0]}–{cov['report_years'][1]}",
        f"- provinces {cov['provinces']}, cities {cov['cities']}, counties {cov['counties']}, "
        f"portals {cov['sites']}",
        "",
        "| province | city | county | documents | annual reports |",
        "|---|---|---|---|---|",
        *[f"| {r['province'] or ''} | {r['city'] or ''} | {r['county'] or ''} | {r['reports']} | "
          f"{r['annual_reports'] or 0} |" for r in cov["by_region"]],
        "",
        "| report year | annual reports |",
        "|---|---|",
        *[f"| {r['year']} | {r['reports']} |" for r in cov["by_year"]],
        "",
        "## Files / 文件",
        *[f"- `{name}.{fmt}`: {n} rows — {dictionary.TABLES.get(name, ('', ''))[1]}"
          for name, n in counts.items()],
        "- `datapackage.json`: Frictionless data dictionary, every field described in Chinese and English",
        "- `SHA256SUMS`: checksums (`sha256sum -c SHA256SUMS`)",
        "",
        "Statistical cells (`report_stats`) use the codes listed in `codes`: `value` is a number or empty for",
        "a blank cell, `raw` is the cell as printed. In CSV an empty field is a missing value; JSONL and",
        "Parquet keep an empty `raw` (blank cell) apart from a missing one.",
        "",
        "```python",
        "import pandas as pd",
        f"reports = pd.read_{'csv' if fmt == 'csv' else 'json' if fmt == 'jsonl' else 'parquet'}"
        f"(\"reports.{fmt}\"{', lines=True' if fmt == 'jsonl' else ''})",
        "```",
        "",
    ]
    path = out_dir / "README.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
