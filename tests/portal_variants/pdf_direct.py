"""A 年报 column whose entries link straight to the PDF (no detail page): the anchor shows only
an icon and 下载, the title is in the anchor's ``title`` attribute, the date in a sibling <span>.
Files sit under ``/uploadfiles/YYYYMM/…pdf`` as many county CMSs upload them."""
from __future__ import annotations

from tests.portal_variants.kit import Variant, esc

SITE = "通渭县"
HOME = "http://www.tongwei.gov.cn/"
COLUMN = "/zwgk/zfxxgknb/"
ITEMS = [
    (f"{SITE}人民政府2023年政府信息公开工作年度报告", "2024-01-30", 2023),
    (f"{SITE}人民政府2022年政府信息公开工作年度报告", "2023-01-31", 2022),
    (f"{SITE}人民政府2021年政府信息公开工作年度报告", "2022-01-28", 2021),
    (f"{SITE}2021年度政府信息公开工作考核结果通报", "2022-03-10", None),
    (f"{SITE}人民政府2020年政府信息公开工作年度报告", "2021-01-29", 2020),
    (f"{SITE}人民政府2019年政府信息公开工作年度报告", "2020-01-22", 2019),
    (f"{SITE}人民政府2018年政府信息公开工作年度报告", "2019-03-29", 2018),
    (f"{SITE}政府信息公开目录（2018年版）", "2018-06-01", None),
]


def tiny_pdf(label: str) -> bytes:
    """A valid one-page PDF whose text is an ASCII label (the title comes from the list)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({label}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body><div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/bsfw/">办事服务</a></div>
{main}<div class="foot">{SITE}人民政府</div></body></html>"""


def build() -> Variant:
    v = Variant("pdf_direct", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "621121", "province": "甘肃省",
        "city": "定西市", "county": SITE, "level": "county"},
        style="list entries link straight to .pdf files; titles only in the anchor's title attribute")
    v.add("/", shell(SITE + "人民政府", "<p>欢迎访问</p>"))
    v.add("/zwgk/", shell("政务公开", f'<div class="lm"><a href="/zwgk/zcwj/">政策文件</a><a href="{COLUMN}">政府信息公开年报</a></div>'))
    rows = []
    for n, (title, date, year) in enumerate(ITEMS):
        path = f"/uploadfiles/{date[:4]}{date[5:7]}/{date.replace('-', '')}1{n:02d}532.pdf"
        rows.append(f'<li><a href="{path}" title="{esc(title)}" target="_blank"><img src="/images/pdf.png" alt="">下载</a>'
                    f'<span class="date">{date}</span></li>')
        v.pages[path] = (tiny_pdf(f"report {n}"), "application/pdf")
        v.report(path, title, year)
    v.add(COLUMN, shell("政府信息公开年报", f'<ul class="file-list">{"".join(rows)}</ul>'))
    return v
