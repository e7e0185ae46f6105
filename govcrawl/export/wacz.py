"""``govcrawl export wacz``: a WACZ package of the selected captures, built with py-wacz.

The package must hold exactly the filtered slice, while a crawl's WARC files mix every report of a
run. So the selected records are first copied, byte for byte (each record is its own gzip member,
with its WARC-Record-ID and date unchanged), into fresh WARC files in a scratch folder beside the
output; each starts with a ``warcinfo`` record naming the export. py-wacz then indexes them with
cdxj-indexer (sorted through temporary files past 32 MB, so memory stays bounded), writes the CDXJ
index, our ``pages/pages.jsonl`` (one entry per report page, with its title) and a
``datapackage.json`` with the SHA-256 of every file, streaming the WARCs into the ZIP.
"""
from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from govcrawl import __version__
from govcrawl.export.filters import (ExportError, ExportFilter, connect, select_captures,
                                     select_reports, select_sites)

WARC_FILE_BYTES = 1024 * 1024 * 1024
COPY_BUFFER = 1 << 20


class RecordCopier:
    """Copies gzip members from the crawl's WARC files into rolling export WARC files."""

    def __init__(self, directory: Path, name: str, max_bytes: int = WARC_FILE_BYTES):
        self.directory = directory
        self.name = name
        self.max_bytes = max_bytes
        self.files: list[Path] = []
        self._out = None

    def _next_file(self) -> None:
        if self._out is not None:
            self._out.close()
        path = self.directory / f"{self.name}-{len(self.files):05d}.warc.gz"
        self.files.append(path)
        self._out = open(path, "wb")
        writer = WARCWriter(self._out, gzip=True, warc_version="1.1")
        writer.write_record(writer.create_warcinfo_record(path.name, {
            "software": f"govcrawl/{__version__}",
            "format": "WARC File Format 1.1",
            "description": "Records selected by govcrawl export wacz, copied unchanged from the crawl's WARC files",
        }))

    def copy(self, src, offset: int, length: int) -> None:
        if self._out is None or self._out.tell() >= self.max_bytes:
            self._next_file()
        src.seek(offset)
        left = length
        while left:
            block = src.read(min(COPY_BUFFER, left))
            if not block:
                raise ExportError(f"{src.name}: record at {offset} is cut short")
            self._out.write(block)
            left -= len(block)

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


def _record_group(fh, offset: int) -> list[tuple[int, int]]:
    """(offset, length) of the record at ``offset`` and of the request record written with it."""
    fh.seek(offset)
    it = ArchiveIterator(fh)
    spans: list[tuple[int, int]] = []
    main_id = None
    for record in it:
        rec_id = record.rec_headers.get_header("WARC-Record-ID")
        if main_id is None:
            main_id = rec_id
        elif not (record.rec_type == "request"
                  and record.rec_headers.get_header("WARC-Concurrent-To") == main_id):
            break
        it.read_to_end(record)
        spans.append((it.get_record_offset(), it.get_record_length()))
        if len(spans) == 2:
            break
    return spans


def copy_captures(conn, archive_dir: Path, copier: RecordCopier) -> tuple[int, list[str]]:
    """Copy the records of ``temp.export_captures``; return (records copied, problems)."""
    problems: list[str] = []
    copied = 0
    current_name, fh = None, None
    try:
        for row in conn.execute(
                "select c.capture_id, c.warc_file, c.warc_offset, c.warc_length from captures c "
                "join temp.export_captures e on e.capture_id = c.capture_id "
                "order by c.warc_file, c.warc_offset"):
            if not row["warc_file"] or row["warc_offset"] is None:
                problems.append(f"capture {row['capture_id']}: no WARC location")
                continue
            if row["warc_file"] != current_name:
                if fh is not None:
                    fh.close()
                current_name, fh = row["warc_file"], None
                try:
                    fh = open(archive_dir / row["warc_file"], "rb")
                except OSError as exc:
                    problems.append(f"{row['warc_file']}: {exc.strerror}")
            if fh is None:
                problems.append(f"capture {row['capture_id']}: WARC file {row['warc_file']} missing")
                continue
            try:
                spans = _record_group(fh, row["warc_offset"])
            except Exception as exc:  # a damaged record: recorded, the rest still exported
                problems.append(f"capture {row['capture_id']}: unreadable record ({exc})")
                continue
            if not spans:
                problems.append(f"capture {row['capture_id']}: no record at {row['warc_file']}:"
                                f"{row['warc_offset']}")
                continue
            for offset, length in spans:
                copier.copy(fh, offset, length)
                copied += 1
    finally:
        if fh is not None:
            fh.close()
        copier.close()
    return copied, problems


def write_pages(conn, path: Path, with_text: bool) -> int:
    """pages/pages.jsonl: one entry per selected report whose page is in the package: the URL and
    time of its latest exported capture, and the report's title."""
    count = 0
    text = ", r.body_text" if with_text else ""
    query = (
        "select r.report_id, r.title, r.report_year, r.url as report_url" + text + ", "
        "(select c.url || char(9) || c.fetched_at from captures c join temp.export_captures e "
        " on e.capture_id = c.capture_id where (c.capture_id = r.capture_id or c.url in "
        " (select u.url from report_urls u where u.report_id = r.report_id)) "
        " and coalesce(c.record_type, 'response') in ('response', 'resource', 'revisit') "
        " and (c.status is null or c.status < 300 or c.status = 304) "
        " order by c.fetched_at desc limit 1) as page "
        "from reports r join temp.export_reports e on e.report_id = r.report_id order by r.report_id")
    with open(path, "w", encoding="utf-8") as fh:
        header = {"format": "json-pages-1.0", "id": "pages", "title": "政府信息公开工作年度报告"}
        if with_text:
            header["hasText"] = True
        fh.write(json.dumps(header, ensure_ascii=False) + "\n")
        for row in conn.execute(query):
            if not row["page"]:
                continue
            url, fetched_at = row["page"].split("\t", 1)
            entry = {"id": row["report_id"], "url": url, "ts": fetched_at,
                     "title": row["title"] or url}
            if with_text and row["body_text"]:
                entry["text"] = row["body_text"]
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            count += 1
    return count


def build_wacz(warcs: list[Path], pages: Path, out: Path, title: str, desc: str) -> str:
    """Run py-wacz's ``create``; return what it printed. Raises ExportError when it fails."""
    from wacz.main import main as wacz_main

    args = ["create", "-o", str(out), "-p", str(pages), "--copy-pages",
            "--title", title, "--desc", desc, *map(str, warcs)]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        try:
            code = wacz_main(args)
        except Exception as exc:
            raise ExportError(f"py-wacz failed: {exc}\n{printed.getvalue()}") from None
    if code:
        raise ExportError(f"py-wacz failed:\n{printed.getvalue()}")
    return printed.getvalue()


def export_wacz(db: str | Path, archive_dir: str | Path, out: str | Path, flt: ExportFilter,
                with_text: bool = False, warc_file_bytes: int = WARC_FILE_BYTES) -> dict:
    """Write the WACZ for the filter; return counts and any records that could not be copied."""
    archive_dir, out = Path(archive_dir), Path(out)
    if not archive_dir.is_dir():
        raise ExportError(f"no archive directory at {archive_dir}")
    if out.suffix.lower() != ".wacz":
        raise ExportError(f"--out {out}: a WACZ file name ends in .wacz")
    if out.is_dir():
        raise ExportError(f"--out {out} is a directory; give a file name ending in .wacz")
    out.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(db)
    try:
        reports = select_reports(conn, flt)
        select_sites(conn, flt)
        captures = select_captures(conn, flt)
        if not captures:
            raise ExportError("no captures match the filters: nothing to package")
        with tempfile.TemporaryDirectory(prefix=".govcrawl-wacz-", dir=out.parent) as scratch:
            scratch = Path(scratch)
            copier = RecordCopier(scratch, out.stem, warc_file_bytes)
            records, problems = copy_captures(conn, archive_dir, copier)
            if not records:
                raise ExportError("none of the selected captures could be read: " + "; ".join(problems[:5]))
            pages_path = scratch / "pages.jsonl"
            pages = write_pages(conn, pages_path, with_text)
            filters = flt.describe()
            desc = ("govcrawl " + __version__ + ": " + str(reports) + " reports, " + str(captures)
                    + " captures; filters " + json.dumps(filters, ensure_ascii=False))
            partial = scratch / out.name
            build_wacz(copier.files, pages_path, partial, "政府信息公开工作年度报告 (govcrawl)", desc)
            shutil.move(partial, out)
    finally:
        conn.close()
    return {"reports": reports, "captures": captures, "records": records, "pages": pages,
            "warc_files": len(copier.files), "problems": problems}
