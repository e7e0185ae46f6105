"""Text of attachments: PDF, DOCX, DOC/WPS, XLS/XLSX/ET, OFD, images and scanned PDFs (OCR).

Uses pdfplumber, python-docx and python-calamine in-process; antiword, LibreOffice and Tesseract
(chi_sim) as external programs when installed. Never raises: failures come back in ``error``.

Besides the text, ``tables`` holds the grids of the tables found in PDF, DOCX and XLS/XLSX files, one
list of rows of cell strings per table, merged cells expanded the way an HTML table with rowspan/colspan
is (the merged cell's text repeated in every slot it covers), so govcrawl.tables.parse_rows reads an
attachment's table exactly as parse_tables reads the same table in a page. A slot whose merged cell
cannot be told (a PDF cell pdfplumber did not outline) stays None, which parse_rows also accepts."""
from __future__ import annotations

import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

# pdfminer logs every token at DEBUG; with Scrapy's root handler that costs more than parsing.
logging.getLogger("pdfminer").setLevel(logging.WARNING)

_MIN_CHARS_PER_PAGE = 20  # less text than this on a PDF page means it is probably a scan
_OCR_TIMEOUT = 120
# A scanned annual report runs to a few dozen pages; beyond this a crawl would stall for minutes.
MAX_OCR_PAGES = 60


Grid = list[list[str | None]]  # rows of cell text; None only where a merged cell could not be resolved


def _result(text: str = "", ocr: bool = False, pages: int | None = None, error: str | None = None,
            tables: list[Grid] | None = None) -> dict:
    return {"text": text.strip(), "ocr": ocr, "pages": pages, "error": error, "tables": tables or []}


def sniff_kind(raw: bytes, filename: str, content_type: str | None = None) -> str:
    """File kind from magic bytes, then extension, then Content-Type."""
    ext = os.path.splitext(filename or "")[1].lower().lstrip(".")
    if raw.startswith(b"%PDF"):
        return "pdf"
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE2: doc, xls, wps, et
        if ext in ("xls", "et"):
            return "xls"
        return "doc" if ext not in ("wps",) else "wps"
    if raw[:4] == b"PK\x03\x04":
        try:
            names = zipfile.ZipFile(io.BytesIO(raw)).namelist()
        except zipfile.BadZipFile:
            names = []
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if "OFD.xml" in names or any(n.lower().endswith("ofd.xml") for n in names):
            return "ofd"
        return ext if ext in ("docx", "xlsx", "ofd") else "zip"
    if raw[:3] == b"\xff\xd8\xff" or raw[:8] == b"\x89PNG\r\n\x1a\n" or raw[:4] in (b"GIF8", b"II*\x00", b"MM\x00*") or raw[:2] == b"BM":
        return "image"
    if ext in ("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp"):
        return "image"
    if ext:
        return ext
    ct = (content_type or "").lower()
    for key, kind in (("pdf", "pdf"), ("msword", "doc"), ("wordprocessingml", "docx"), ("spreadsheetml", "xlsx"),
                      ("ms-excel", "xls"), ("image/", "image"), ("text/html", "html"), ("text/plain", "txt")):
        if key in ct:
            return kind
    return "unknown"


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def ocr_image_bytes(img_bytes: bytes, lang: str = "chi_sim+eng") -> str:
    """OCR one image with the tesseract CLI (stdin -> stdout). Raises on failure."""
    # One thread: OCR runs beside the crawl on a small machine, where tesseract's OpenMP threads
    # fight the crawl for the cores (a page of Chinese text: 2 s with one thread, 14 s without).
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    proc = subprocess.run(["tesseract", "stdin", "stdout", "-l", lang, "--psm", "6"], input=img_bytes, env=env,
                          capture_output=True, timeout=_OCR_TIMEOUT, check=False)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[:300])
    return _join_cjk_spaces(proc.stdout.decode("utf-8", "replace"))


def _join_cjk_spaces(text: str) -> str:
    """Tesseract puts spaces between Chinese characters; remove them."""
    return re.sub(r"(?<=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]) +(?=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])", "", text)


def _pdf(raw: bytes) -> dict:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            texts = [(p.extract_text() or "") for p in pdf.pages]
            npages = len(pdf.pages)
            # Only a page with pictures on it can be a scan: blank pages are not OCR'd.
            pictured = [i for i, p in enumerate(pdf.pages) if p.images]
            tables, table_error = _pdf_tables(pdf)
    except Exception as e:  # pdfminer raises many kinds on broken files
        return _result(error=f"pdf: {type(e).__name__}: {e}")
    text = "\n".join(texts).strip()
    sparse = npages and len(re.sub(r"\s", "", text)) < _MIN_CHARS_PER_PAGE * npages
    if not sparse or not pictured:
        return _result(text, pages=npages, tables=tables, error=table_error)
    if not tesseract_available():
        return _result(text, pages=npages, error="scanned PDF: tesseract not installed, no OCR")
    try:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(raw)
        out = []
        for i in pictured[:MAX_OCR_PAGES]:
            page = doc[i]
            # 300 dpi for A4-sized pages, capped so oversized scans stay near 2500 px wide
            scale = min(300 / 72, 2500 / max(page.get_width(), 1))
            img = page.render(scale=scale).to_pil()
            buf = io.BytesIO()
            img.save(buf, format="PNG")
            out.append(ocr_image_bytes(buf.getvalue()))
        skipped = (f"OCR stopped after {MAX_OCR_PAGES} of {len(pictured)} scanned pages"
                   if len(pictured) > MAX_OCR_PAGES else None)
        return _result("\n".join(out), ocr=True, pages=npages, error=skipped)
    except Exception as e:
        return _result(text, pages=npages, error=f"ocr: {type(e).__name__}: {e}")


def _pdf_tables(pdf) -> tuple[list[Grid], str | None]:
    """Ruled tables of every page, in page order (a table broken by a page break comes back as two grids)."""
    grids: list[Grid] = []
    try:
        for page in pdf.pages:
            for table in page.find_tables():
                grid = _pdf_grid(table)
                if any(c for row in grid for c in row):
                    grids.append(grid)
    except Exception as e:  # a page pdfplumber cannot lay out keeps the text of the others
        return grids, f"pdf tables: {type(e).__name__}: {e}"
    return grids, None


def _pdf_grid(table) -> Grid:
    """pdfplumber leaves None in the slots a merged cell covers; fill each with the text of the cell whose
    outline contains the slot's centre (a row ends where its lowest-reaching cell ends, a column where its
    narrowest cell does, so a tall or wide merged cell does not stretch them)."""
    data = table.extract()
    owners: list[tuple[tuple[float, float, float, float], str]] = []
    for ri, row in enumerate(table.rows):
        for ci, bbox in enumerate(row.cells):
            if bbox is not None and ri < len(data) and ci < len(data[ri]):
                data[ri][ci] = _unwrap(data[ri][ci] or "")
                owners.append((bbox, data[ri][ci]))
    row_mid = [_mid([b for b in row.cells if b], 1, 3) for row in table.rows]
    col_mid = [_mid([b for b in col.cells if b], 0, 2) for col in table.columns]
    grid: Grid = []
    for ri, row in enumerate(data):
        out: list[str | None] = []
        for ci, cell in enumerate(row):
            y = row_mid[ri] if ri < len(row_mid) else None
            x = col_mid[ci] if ci < len(col_mid) else None
            if cell is None and x is not None and y is not None:
                cell = next((text for (x0, top, x1, bottom), text in owners
                             if x0 <= x <= x1 and top <= y <= bottom), None)
            out.append(cell)
        grid.append(out)
    return grid


def _unwrap(text: str) -> str:
    """A number wrapped inside a narrow cell ('3\n2') is one number; other line breaks stay."""
    return re.sub(r"(?<=\d)\n(?=\d)", "", text)


def _mid(boxes: list, lo: int, hi: int) -> float | None:
    """Middle of a row (lo, hi = 1, 3: top, bottom) or column (0, 2: x0, x1) from the boxes starting in it."""
    if not boxes:
        return None
    return (min(b[lo] for b in boxes) + min(b[hi] for b in boxes)) / 2


def _docx_grid(tbl) -> Grid:
    """One w:tbl as a grid: a gridSpan cell repeats across its columns, a vMerge continuation repeats the
    cell above; gridBefore slots are blank."""
    from docx.oxml.ns import qn

    rows: Grid = []
    for tr in tbl.findall(qn("w:tr")):
        row: list[str | None] = [""] * _tr_grid_before(tr, qn)
        for tc in tr.findall(qn("w:tc")):
            tc_pr = tc.find(qn("w:tcPr"))
            span, continued = 1, False
            if tc_pr is not None:
                grid_span = tc_pr.find(qn("w:gridSpan"))
                if grid_span is not None and (grid_span.get(qn("w:val")) or "").isdigit():
                    span = max(1, int(grid_span.get(qn("w:val"))))
                v_merge = tc_pr.find(qn("w:vMerge"))
                continued = v_merge is not None and v_merge.get(qn("w:val"), "continue") == "continue"
            if continued:
                c = len(row)
                above = rows[-1] if rows else []
                text = above[c] if c < len(above) else None
            else:
                paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))]
                text = "\n".join(p for p in paragraphs if p.strip())
            row.extend([text] * span)
        rows.append(row)
    return rows


def _tr_grid_before(tr, qn) -> int:
    tr_pr = tr.find(qn("w:trPr"))
    before = tr_pr.find(qn("w:gridBefore")) if tr_pr is not None else None
    value = before.get(qn("w:val")) if before is not None else None
    return int(value) if value and value.isdigit() else 0


def _docx(raw: bytes) -> dict:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        d = docx.Document(io.BytesIO(raw))
    except Exception as e:
        return _result(error=f"docx: {type(e).__name__}: {e}")
    lines: list[str] = []
    tables: list[Grid] = []
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, d).text)
        elif tag == "tbl":
            try:
                tables.append(_docx_grid(child))
            except Exception:  # an odd table keeps its text below, only its grid is lost
                pass
            for row in Table(child, d).rows:
                cells = []
                for c in row.cells:
                    t = c.text.strip()
                    if not cells or cells[-1] != t:  # merged cells repeat their text
                        cells.append(t)
                lines.append("\t".join(cells))
    return _result("\n".join(ln for ln in lines if ln.strip()), tables=[t for t in tables if t])


def _run(cmd: list[str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)


def _doc(raw: bytes, kind: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"in.{kind}")
        with open(path, "wb") as f:
            f.write(raw)
        if shutil.which("antiword"):
            proc = _run(["antiword", "-m", "UTF-8.txt", "-w", "0", path])
            if proc.returncode == 0 and proc.stdout.strip():
                return _result(proc.stdout.decode("utf-8", "replace"))
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if office:
            proc = _run([office, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, path], 180)
            out = os.path.join(tmp, "in.txt")
            if os.path.exists(out):
                with open(out, encoding="utf-8", errors="replace") as f:
                    return _result(f.read())
        if not shutil.which("antiword") and not office:
            return _result(error=f"{kind}: neither antiword nor LibreOffice is installed")
        return _result(error=f"{kind}: could not convert (antiword/LibreOffice failed)")


def _sheet(raw: bytes) -> dict:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        lines: list[str] = []
        tables: list[Grid] = []
        for name in wb.sheet_names:
            sheet = wb.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=True)
            lines.append(f"# {name}")
            for row in rows:
                cells = [_sheet_value(v) for v in row]
                if any(c.strip() for c in cells):
                    lines.append("\t".join(cells).rstrip("\t"))
            grid = _sheet_grid(sheet)
            if grid:
                tables.append(grid)
        return _result("\n".join(lines), pages=len(wb.sheet_names), tables=tables)
    except Exception as e:
        return _result(error=f"spreadsheet: {type(e).__name__}: {e}")


def _sheet_value(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _sheet_grid(sheet) -> Grid:
    """A sheet as one grid: a merged range's text repeated over the range, empty rows and columns dropped."""
    rows = sheet.to_python(skip_empty_area=False)
    grid: Grid = [[_sheet_value(v) for v in row] for row in rows]
    try:
        ranges = sheet.merged_cell_ranges or []
    except Exception:  # older calamine builds and XLS variants without merge records
        ranges = []
    for (r0, c0), (r1, c1) in ranges:
        if r0 >= len(grid) or c0 >= len(grid[r0]):
            continue
        text = grid[r0][c0]
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            for c in range(c0, min(c1, len(grid[r]) - 1) + 1):
                grid[r][c] = text
    keep_cols = [c for c in range(max((len(r) for r in grid), default=0))
                 if any(c < len(r) and r[c] and r[c].strip() for r in grid)]
    out: Grid = []
    for row in grid:
        if not any(c and c.strip() for c in row):
            continue
        out.append([row[c] if c < len(row) else "" for c in keep_cols])
    return out


def _ofd(raw: bytes) -> dict:
    """OFD (GB/T 33190) is a zip of XML pages; text sits in ofd:TextCode elements."""
    try:
        z = zipfile.ZipFile(io.BytesIO(raw))
        pages = sorted(n for n in z.namelist() if re.search(r"Pages/Page_?\d+/Content\.xml$", n))
        out = []
        for n in pages:
            xml = z.read(n).decode("utf-8", "replace")
            out.append("".join(re.findall(r"<ofd:TextCode[^>]*>([^<]*)</ofd:TextCode>", xml)))
        return _result("\n".join(out), pages=len(pages))
    except Exception as e:
        return _result(error=f"ofd: {type(e).__name__}: {e}")


MAX_OCR_SIDE = 3000  # pixels: more adds memory (tesseract grows with the image), not legibility


def fit_for_ocr(raw: bytes) -> bytes:
    """The image, scaled down to MAX_OCR_SIDE on its long side when larger (PNG)."""
    from PIL import Image

    with Image.open(io.BytesIO(raw)) as img:
        if max(img.size) <= MAX_OCR_SIDE:
            return raw
        img.thumbnail((MAX_OCR_SIDE, MAX_OCR_SIDE))
        out = io.BytesIO()
        img.convert("L").save(out, format="PNG")
        return out.getvalue()


def _image(raw: bytes) -> dict:
    if not tesseract_available():
        return _result(error="image: tesseract not installed, no OCR")
    try:
        return _result(ocr_image_bytes(fit_for_ocr(raw)), ocr=True, pages=1)
    except Exception as e:
        return _result(error=f"ocr: {type(e).__name__}: {e}")


def document_text(raw: bytes, filename: str, content_type: str | None = None) -> dict:
    """{'text', 'ocr', 'pages', 'error'} for one attachment; never raises."""
    try:
        if not raw:
            return _result(error="empty file")
        kind = sniff_kind(raw, filename, content_type)
        if kind == "pdf":
            return _pdf(raw)
        if kind == "docx":
            return _docx(raw)
        if kind in ("doc", "wps", "rtf"):
            return _doc(raw, kind)
        if kind in ("xls", "xlsx", "et", "ods"):
            return _sheet(raw)
        if kind == "ofd":
            return _ofd(raw)
        if kind == "image":
            return _image(raw)
        if kind in ("html", "htm", "txt"):
            from .decode import decode_html
            text, _enc, errs = decode_html(raw, content_type)
            if kind != "txt":
                from . import dom
                text = dom.render_text(dom.parse(text).getroot())
            return _result(text, error="; ".join(errs) or None)
        return _result(error=f"unsupported attachment type: {kind}")
    except Exception as e:  # last resort: the contract is 'never raises'
        return _result(error=f"{type(e).__name__}: {e}")
