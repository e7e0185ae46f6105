"""Platform bases: list detection, pagination and link rules on real saved pages."""
import json
from urllib.parse import urljoin

import pytest

from govcrawl.platforms import links
from govcrawl.platforms.listing import find_date, list_block_entries
from govcrawl.platforms.hanweb import dataproxy_params, datastore_entries
from govcrawl.platforms.trs import trs_page_urls
from tests.helpers import REALPAGES, file_response

LISTS = [
    ("ordos_egb_xxgknb_list_trs.html", "http://www.egb.gov.cn/xxgk/xxgknb/"),
    ("pingtan_zfxxgknb_list_trs.html", "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/"),
]


@pytest.mark.parametrize("name,url", LISTS)
def test_list_block_finds_every_labelled_item_and_nothing_else(name, url):
    response = file_response(REALPAGES / name, url, encoding="utf-8")
    labels = json.loads((REALPAGES / f"{name}.labels.json").read_text("utf-8"))
    entries = list_block_entries(response, lambda u: u.startswith(url.split("/xxgk")[0].split("/zwgk")[0]))
    want = {urljoin(url, item["url"]): item for item in labels["items"]}
    got = {e.url: e for e in entries}
    assert set(got) == set(want)
    for u, item in want.items():
        assert got[u].title == item["title"]
        assert got[u].date == item["date"]


def test_trs_pager_script_gives_static_pages():
    script = 'var countPage = 3;var currentPage = 0;createPageHTML(countPage, currentPage, "index", "html");'
    assert trs_page_urls("http://x.gov.cn/xxgk/nb/index.html", script) == [
        "http://x.gov.cn/xxgk/nb/index_1.html", "http://x.gov.cn/xxgk/nb/index_2.html"]
    assert trs_page_urls("http://x.gov.cn/a/", 'createPageHTML(2, 0, "index", "shtml")') == [
        "http://x.gov.cn/a/index_1.shtml"]
    assert trs_page_urls("http://x.gov.cn/a/", "no pager here") == []


def test_ordos_pager_from_saved_page():
    response = file_response(REALPAGES / "ordos_egb_xxgknb_list_trs.html", "http://www.egb.gov.cn/xxgk/xxgknb/")
    scripts = "\n".join(response.xpath("//script/text()").getall()).replace('\\"', '"')
    assert trs_page_urls(response.url, scripts) == ["http://www.egb.gov.cn/xxgk/xxgknb/index_1.html"]


HANWEB_COLUMN = """<div id="4405"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=2&path=/&columnid=1229&unitid=4405&webname=%E8%B7%AF%E6%A1%A5&permissiontype=0"></a>]]></nextgroup>
<recordset>
<record><![CDATA[<li><a href="/art/2024/1/12/art_1229_3456.html" title="路桥区2023年政务公开工作总结和2024年工作思路">路桥区2023年政务公开工作...</a><span>2024-01-12</span></li>]]></record>
<record><![CDATA[<li><a href="/art/2023/1/10/art_1229_3001.html">路桥区2022年政府信息公开工作年度报告</a><span>2023-01-10</span></li>]]></record>
</recordset></datastore></script>
<script>$('#4405').jpage({totalRecord: 31, perPage: 15, proxyUrl: '/module/web/jpage/dataproxy.jsp'});</script></div>"""


def test_hanweb_datastore_records_and_dataproxy_params():
    entries = datastore_entries(HANWEB_COLUMN, "http://www.luqiao.gov.cn/col/col1229/index.html")
    assert [e.url for e in entries] == ["http://www.luqiao.gov.cn/art/2024/1/12/art_1229_3456.html",
                                        "http://www.luqiao.gov.cn/art/2023/1/10/art_1229_3001.html"]
    assert entries[0].title == "路桥区2023年政务公开工作总结和2024年工作思路"  # full title attribute
    assert entries[1].date == "2023-01-10"
    params = dataproxy_params(HANWEB_COLUMN)
    assert params["columnid"] == "1229" and params["unitid"] == "4405" and params["webid"] == "2"
    assert "page" not in params


@pytest.mark.parametrize("text,expected", [
    ("政府信息公开年报", True), ("政府信息公开工作年度报告", True), ("年报", True),
    ("西峰区2017年政府信息公开工作的年度报告", False), ("政府信息公开指南", False)])
def test_report_column_rule(text, expected):
    assert links.is_report_column(text) is expected


def test_link_rules():
    assert links.looks_like_report_title("路桥区2023年政务公开工作总结和2024年工作思路")
    assert not links.looks_like_report_title("关于做好政务公开工作的通知")
    assert links.is_detail_url("http://x.gov.cn/art/2024/1/12/art_1229_3456.html")
    assert links.is_detail_url("http://x.gov.cn/xxgk/202401/t20240112_123.html")
    assert not links.is_detail_url("http://x.gov.cn/col/col1229/index.html")
    assert links.is_document_url("http://x.gov.cn/files/report.PDF")
    assert links.is_year_subcolumn("2023年度")
    assert find_date("发布时间：2024年1月12日") == "2024-01-12"


def test_links_sharing_one_block_get_their_own_dates():
    html = """<html><body><div class="list">
      <a href="/art/2024/1/12/art_1_1.html">某某区2023年政府信息公开工作年度报告</a> <span>2024-01-12</span><br>
      <a href="/art/2023/1/10/art_1_2.html">某某区2022年政府信息公开工作年度报告</a> <span>2023-01-10</span><br>
    </div></body></html>"""
    from scrapy.http import HtmlResponse

    response = HtmlResponse("http://x.gov.cn/col/col1/index.html", body=html.encode(), encoding="utf-8")
    entries = list_block_entries(response, lambda u: "x.gov.cn" in u)
    assert [(e.url.rsplit("/", 1)[1], e.date) for e in entries] == [
        ("art_1_1.html", "2024-01-12"), ("art_1_2.html", "2023-01-10")]


def test_documents_shown_without_a_link_are_attachments():
    from scrapy.http import HtmlResponse

    from govcrawl.platforms.details import embedded_documents

    html = """<html><body><h1>某县2023年政府信息公开工作年度报告</h1>
    <iframe src="/pdfjs/web/viewer.html?file=/uploadfiles/2024/report.pdf" width="100%"></iframe>
    <embed src="../files/table.pdf" type="application/pdf">
    <object data="/x/report.docx"></object>
    <span onclick="window.open('/down/P0202401.pdf')">下载</span>
    <iframe src="/counter.jsp?id=3"></iframe>
    <a href="javascript:void(0)" onclick="return false">无</a></body></html>"""
    response = HtmlResponse("http://www.example.gov.cn/art/2024/1/2/art_1_2.html", body=html.encode(), encoding="utf-8")
    assert [u for u, _ in embedded_documents(response)] == [
        "http://www.example.gov.cn/uploadfiles/2024/report.pdf",
        "http://www.example.gov.cn/art/2024/1/files/table.pdf",
        "http://www.example.gov.cn/x/report.docx",
        "http://www.example.gov.cn/down/P0202401.pdf",
    ]
