"""The bundled replicas: navigation, each platform's pagination, seed pages, GBK, PDF / DOCX / XLSX
attachments, 404."""
from __future__ import annotations

import io
import re
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from pathlib import Path

import lxml.html
import pytest

from govcrawl import sample_portals as sp

SEEDS = Path(__file__).resolve().parents[1] / "govcrawl" / "sample_portals" / "seeds"


@pytest.fixture(scope="module")
def servers():
    with sp.serve() as running:
        yield running


def fetch(url: str, data: bytes | None = None) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, data=data, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def decode(headers: dict, body: bytes) -> str:
    charset = re.search(r"charset=([\w-]+)", headers.get("Content-Type", ""))
    name = charset.group(1).lower() if charset else "utf-8"
    return body.decode("gbk" if name in ("gb2312", "gbk") else name)


def links(base: str, html: str) -> list[tuple[str, str]]:
    """(absolute url, anchor text) of every <a href>, including those inside Hanweb CDATA records."""
    html = re.sub(r"^<\?xml[^>]*\?>", "", html.lstrip())
    html = re.sub(r"<!\[CDATA\[(.*?)\]\]>", r"\1", html, flags=re.S)
    html = re.sub(r'<script type="text/xml">', "<div>", html)
    doc = lxml.html.fromstring(html)
    out = []
    for a in doc.iter("a"):
        href = a.get("href") or ""
        if href and not href.startswith("javascript"):
            out.append((urllib.parse.urljoin(base, href), a.text_content().strip()))
    return out


def path_of(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def test_sites_registry_shape():
    assert set(sp.SITES) == {"shuipo", "xifeng", "wuyuan_mzj", "luqiao", "jintang"}
    for key, site in sp.SITES.items():
        assert site["platform"] in ("hanweb", "trs", "generic")
        assert re.fullmatch(r"\d{6}|\d{9}", site["admin_code"])
        assert site["real_homepage"].startswith("http://www.")
        assert site["level"] in ("township", "county", "department")
    assert sp.SITES["xifeng"]["encoding"] == "gbk"


def test_truth_is_deterministic_and_complete():
    for key in sp.SITES:
        rows = sp.truth(key)
        assert len({r["path"] for r in rows}) == len(rows)
        seeds = [r for r in rows if r["seed"]]
        assert len(seeds) == 1 and seeds[0]["is_annual_report"]
        years = {r["report_year"] for r in rows if r["is_annual_report"]}
        assert len(years) >= 5, key
        assert any(not r["is_annual_report"] for r in rows)
    assert sum(r["pdf_only"] for key in sp.SITES for r in sp.truth(key)) >= 2
    assert {r["report_year"] for r in sp.truth("shuipo") if r["seed"]} == {2019}
    assert {r["report_year"] for r in sp.truth("xifeng") if r["seed"]} == {2017}
    assert {r["report_year"] for r in sp.truth("wuyuan_mzj") if r["seed"]} == {2020}
    assert {r["report_year"] for r in sp.truth("luqiao") if r["seed"]} == {2023}
    assert {r["report_year"] for r in sp.truth("jintang") if r["seed"]} == {2018}


@pytest.mark.parametrize("key", list(sp.SITES))
def test_homepage_leads_to_annual_report_column(servers, key):
    """Following links from the homepage reaches the 年报 column within four clicks."""
    base = servers.urls[key]
    target = sp.portal(key).column_path
    seen, queue = {base}, deque([(base, 0)])
    found = None
    while queue and not found:
        url, depth = queue.popleft()
        status, headers, body = fetch(url)
        assert status == 200, url
        for href, _ in links(url, decode(headers, body)):
            if not href.startswith(base) or href in seen or "/art/" in href or "show.asp" in href:
                continue
            if path_of(href) == target or path_of(href).rstrip("/") + "/index.html" == target:
                found = depth + 1
                break
            if depth < 3:
                seen.add(href)
                queue.append((href, depth + 1))
    assert found and found <= 4


def _hanweb_records(servers, key: str) -> set[str]:
    """Static datastore records + every dataproxy.jsp group, fetched the way jpage does (POST)."""
    base = servers.urls[key]
    column = sp.portal(key).column_path
    status, headers, body = fetch(base.rstrip("/") + column)
    html = decode(headers, body)
    assert "<datastore>" in html and '<script type="text/xml">' in html
    total = int(re.search(r"totalRecord:\s*(\d+)", html).group(1))
    per_page = int(re.search(r"perPage:\s*(\d+)", html).group(1))
    params = dict(re.findall(r'"(\w+)":\s*"?([^",}]*)"?', re.search(r"ajaxParam:\s*\{(.*?)\}", html, re.S).group(1)))
    assert set(params) >= {"col", "appid", "webid", "path", "columnid", "sourceContentType", "unitid", "webname",
                           "permissiontype"}
    hrefs = [h for h, _ in links(base, html) if "/art/" in h]
    static = len(hrefs)
    start = static + 1
    while start <= total:
        query = f"startrecord={start}&endrecord={start + per_page - 1}&perpage={per_page}"
        status, headers, body = fetch(f"{base}module/web/jpage/dataproxy.jsp?{query}",
                                      urllib.parse.urlencode(params).encode())
        assert status == 200 and headers["Content-Type"].startswith("text/xml")
        xml = body.decode("utf-8")
        assert f"<totalrecord>{total}</totalrecord>" in xml
        got = [h for h, _ in links(base, xml) if "/art/" in h]
        assert got, query
        hrefs += got
        start += len(got)
    assert len(hrefs) == total
    return {path_of(h) for h in hrefs}


@pytest.mark.parametrize("key", ["shuipo", "luqiao"])
def test_hanweb_dataproxy_pagination(servers, key):
    paths = _hanweb_records(servers, key)
    column_id = re.search(r"col(\d+)", sp.portal(key).column_path).group(1)
    expected = {r["path"] for r in sp.truth(key) if f"art_{column_id}_" in r["path"]}
    assert expected <= paths
    assert set(sp.broken_links(key)) <= paths
    # the static page holds only the first group: pagination is needed
    base = servers.urls[key]
    _, headers, body = fetch(base.rstrip("/") + sp.portal(key).column_path)
    assert len(re.findall(r"<record>", body.decode())) < len(paths)


def test_hanweb_nextgroup_link_works(servers):
    base = servers.urls["luqiao"]
    _, _, body = fetch(base.rstrip("/") + sp.portal("luqiao").column_path)
    nextgroup = re.search(r'<nextgroup><!\[CDATA\[<a href="([^"]+)"', body.decode()).group(1)
    status, headers, xml = fetch(urllib.parse.urljoin(base, nextgroup))
    assert status == 200 and "<record>" in xml.decode()


def test_trs_index_pagination(servers):
    key = "wuyuan_mzj"
    base = servers.urls[key]
    column = sp.portal(key).column_path
    _, headers, body = fetch(base.rstrip("/") + column)
    html = decode(headers, body)
    count, current = map(int, re.search(r'createPageHTML\((\d+),\s*(\d+),\s*"index",\s*"html"\)', html).groups())
    assert count >= 2 and current == 0
    hrefs = {h for h, _ in links(base.rstrip("/") + column, html) if "/t20" in h or "/t19" in h}
    for n in range(1, count):
        page_url = urllib.parse.urljoin(base.rstrip("/") + column, f"index_{n}.html")
        status, headers, body = fetch(page_url)
        assert status == 200
        assert f'createPageHTML({count}, {n}, "index", "html")' in body.decode()
        hrefs |= {h for h, _ in links(page_url, body.decode()) if "/t20" in h}
    paths = {path_of(h) for h in hrefs}
    expected = {r["path"] for r in sp.truth(key) if r["path"].startswith("/zwgk/bmxxgk/mzj/xxgknb/")}
    assert expected <= paths
    assert all(re.search(r"/\d{6}/t\d{8}_\d+\.html$", p) for p in paths)


def test_generic_next_page_links(servers):
    key = "xifeng"
    base = servers.urls[key]
    url = base.rstrip("/") + sp.portal(key).column_path
    paths, pages = set(), 0
    while url:
        status, headers, body = fetch(url)
        assert status == 200
        html = decode(headers, body)
        found = links(url, html)
        paths |= {path_of(h) for h, _ in found if "show.asp" in h}
        pages += 1
        url = next((h for h, text in found if text == "下一页"), None)
    assert pages >= 2
    assert {r["path"] for r in sp.truth(key) if r["is_annual_report"]} <= paths


def test_gbk_site_bytes(servers):
    base = servers.urls["xifeng"]
    seed = next(r for r in sp.truth("xifeng") if r["seed"])
    status, headers, body = fetch(base.rstrip("/") + seed["path"])
    assert status == 200
    assert "charset=gb2312" in headers["Content-Type"]
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    html = body.decode("gbk")
    assert 'content="text/html; charset=gb2312"' in html
    text = norm(lxml.html.fromstring(html).text_content())
    assert norm("首页 >> 政府信息公开 >> 信息公开年度报告 >> 正文") in text
    assert norm("2018-02-07 09:33:10 来源: 作者: 编辑:赵暖星 点击:") in text


def _seed_sentences(seed: str) -> list[str]:
    name = next(p for p in SEEDS.iterdir() if p.name.startswith(seed))
    lines = [ln for ln in name.read_text("utf-8").splitlines() if "|" not in ln and len(ln.strip()) > 25]
    picks = sorted(lines, key=len, reverse=True)[:4] + lines[:1] + lines[-1:]
    return [norm(p) for p in picks]


@pytest.mark.parametrize("key", list(sp.SITES))
def test_seed_page_contains_seed_text(servers, key):
    seed_row = next(r for r in sp.truth(key) if r["seed"])
    status, headers, body = fetch(servers.urls[key].rstrip("/") + seed_row["path"])
    assert status == 200
    html = decode(headers, body)
    text = norm(lxml.html.fromstring(html).text_content())
    for sentence in _seed_sentences(seed_row["seed"]):
        assert sentence in text, sentence[:30]


def test_seed_tables_are_real_tables(servers):
    row = next(r for r in sp.truth("shuipo") if r["seed"])
    _, headers, body = fetch(servers.urls["shuipo"].rstrip("/") + row["path"])
    doc = lxml.html.fromstring(decode(headers, body))
    tables = doc.xpath('//div[@id="zoom"]//table')
    assert len(tables) == 3
    assert tables[1].xpath(".//td[@rowspan and @colspan]")  # the 勾稽关系 corner cell
    assert len(tables[2].xpath(".//tr")[-1].xpath("td")) == 15
    assert "MsoNormal" in lxml.html.tostring(tables[0], encoding="unicode")

    row = next(r for r in sp.truth("jintang") if r["seed"])
    _, headers, body = fetch(servers.urls["jintang"].rstrip("/") + row["path"])
    doc = lxml.html.fromstring(decode(headers, body))
    table = doc.xpath('//div[@id="zoom"]//table')[0]
    cells = [[norm(td.text_content()) for td in tr.xpath("td")] for tr in table.xpath(".//tr")]
    assert cells[0] == ["统计指标", "单位", "统计数"]
    assert ["2.政府网站公开政府信息数", "", "259"] in cells
    assert ["(三)接受培训人员数", "人次", ""] in cells


def test_luqiao_metadata_and_double_title(servers):
    row = next(r for r in sp.truth("luqiao") if r["seed"])
    _, headers, body = fetch(servers.urls["luqiao"].rstrip("/") + row["path"])
    html = decode(headers, body)
    text = norm(lxml.html.fromstring(html).text_content())
    for piece in ("索引号:001008010003/2024-158571", "公开方式:主动公开", "发布机构:路桥区府办", "公开日期:2024-01-12",
                  "打印本页关闭窗口"):
        assert norm(piece) in text
    assert text.count("路桥区2023年政务公开工作总结和2024年工作思路") >= 3  # <title>, header, split body heading
    assert '<!--ZJEG_RSS.content.begin--><meta name="ContentStart">' in html
    assert '<meta name="SiteIDCode"' in html and '<meta name="ArticleTitle"' in html


def test_wuyuan_seed_page_is_traditional_with_glosses(servers):
    row = next(r for r in sp.truth("wuyuan_mzj") if r["seed"])
    _, headers, body = fetch(servers.urls["wuyuan_mzj"].rstrip("/") + row["path"])
    html = decode(headers, body)
    assert 'class="TRS_Editor"' in html
    assert "根據(jù)" in html and "報(bào)告" in html
    assert re.search(r'<meta name="PubDate" content="2021-01-28', html)


def test_pdf_only_reports(servers):
    from pdfminer.high_level import extract_text

    checked = 0
    for key in sp.SITES:
        for row in (r for r in sp.truth(key) if r["pdf_only"]):
            page_url = servers.urls[key].rstrip("/") + row["path"]
            _, headers, body = fetch(page_url)
            html = decode(headers, body)
            assert "详见附件" in html
            pdf_url = next(h for h, text in links(page_url, html) if text.endswith(".pdf"))
            status, headers, data = fetch(pdf_url)
            assert status == 200 and headers["Content-Type"] == "application/pdf"
            assert data.startswith(b"%PDF")
            text = norm(extract_text(io.BytesIO(data)))
            assert norm(row["title"]) in text
            assert "收到和处理政府信息公开申请情况" in text or "依申请公开" in text
            checked += 1
    assert checked >= 2


def test_table_attachments_are_served(servers):
    """Reports whose tables live only in a DOCX (shell page) or an XLSX 统计表 (full page pointing to it)."""
    import docx
    from python_calamine import CalamineWorkbook

    kinds = {}
    for key in sp.SITES:
        for path, t in sp.truth_stats(key).items():
            if t["layout"] not in ("docx", "xlsx"):
                continue
            page_url = servers.urls[key].rstrip("/") + path
            _, headers, body = fetch(page_url)
            html = decode(headers, body)
            text = norm(lxml.html.fromstring(html).text_content())
            href = next(h for h, label in links(page_url, html) if label.endswith("." + t["layout"]))
            assert path_of(href) == t["file"]
            status, headers, data = fetch(href)
            assert status == 200 and data.startswith(b"PK\x03\x04")
            if t["layout"] == "docx":
                assert "详见附件" in text and len(text) < 3000
                assert headers["Content-Type"].endswith("wordprocessingml.document")
                assert len(docx.Document(io.BytesIO(data)).tables) == 3
            else:
                assert "统计表详见附件" in text and "三、收到和处理政府信息公开申请情况" not in text
                assert headers["Content-Type"].endswith("spreadsheetml.sheet")
                assert len(CalamineWorkbook.from_filelike(io.BytesIO(data)).sheet_names) == 3
            kinds[t["layout"]] = kinds.get(t["layout"], 0) + 1
    assert kinds.get("docx", 0) >= 1 and kinds.get("xlsx", 0) >= 1


def test_generated_tables_follow_their_layout(servers):
    """Pages print the truth's numbers in their layout: text layouts as lines, HTML layouts as tables."""
    for key in sp.SITES:
        for path, t in sp.truth_stats(key).items():
            if not t["cells"] or t["file"]:
                continue
            _, headers, body = fetch(servers.urls[key].rstrip("/") + path)
            html = decode(headers, body)
            zoom = lxml.html.fromstring(html).xpath('//*[@id="zoom" or @id="Zoom" or @id="fontzoom"]')[0]
            has_table = bool(zoom.xpath(".//table"))
            assert has_table == (t["layout"] in ("html2019", "html2021", "html2021_word", "html_trs", "legacy_html")), path
            if t["layout"] == "pipe2019":
                assert " | " in zoom.text_content()
            if t["layout"] == "tab2021":
                assert "\t" in zoom.text_content()


@pytest.mark.parametrize("key", list(sp.SITES))
def test_unknown_path_and_broken_link_are_404(servers, key):
    base = servers.urls[key].rstrip("/")
    status, headers, body = fetch(base + "/no/such/page.html")
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    assert sp.broken_links(key)
    for path in sp.broken_links(key):
        assert fetch(base + path)[0] == 404


@pytest.mark.parametrize("key", list(sp.SITES))
def test_every_truth_page_is_served(servers, key):
    base = servers.urls[key].rstrip("/")
    for row in sp.truth(key):
        status, headers, body = fetch(base + row["path"])
        assert status == 200, row["path"]
        html = decode(headers, body)
        if key != "wuyuan_mzj" or not row["seed"]:
            assert norm(row["title"]) in norm(html)
        assert row["published_date"] in html


def test_generated_tables_balance():
    """Generated application tables obey new + carried_in = handled_total + carried_out."""
    from govcrawl.sample_portals.stats import series

    stats = series("check", list(range(2019, 2024)), "county")
    for year, st in stats.items():
        a = st.applications
        for col in range(7):
            assert a["new"][col] + a["carried_in"][col] == a["handled_total"][col] + a["carried_out"][col]
        if year > 2019:
            assert a["carried_in"] == stats[year - 1].applications["carried_out"]
        for row in range(3):
            assert st.appeals[row * 5 + 4] == sum(st.appeals[row * 5:row * 5 + 4])


def test_ports_from_base(servers):
    with sp.serve(base_port=0) as other:
        assert set(other.urls) == set(sp.SITES)
        assert all(url.startswith("http://127.0.0.1:") for url in other.urls.values())
