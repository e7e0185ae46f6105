"""Heavy pages: cleaned before parsing, cut at a bound, and the cut recorded."""
import base64

from govcrawl.extract import extract
from govcrawl.extract.lighten import MAX_PAGE_BYTES, lighten

HEAD = ("<html><head><meta charset='utf-8'><title>某县2017年度政府信息公开工作年度报告</title>"
        "<script>var apps1=[{name:'年报.pdf',url:'/att/nb2017.pdf'}];</script></head><body>")
ARTICLE = ("<div class='TRS_Editor'><p style='font-family:仿宋;mso-font-kerning:1pt'>本报告中所列数据的统计期限自2017年1月1日起"
           "至2017年12月31日止。</p><p style='display:none'>隐藏的旧稿</p><!--ZJEG_RSS.content.end--></div>")


def test_a_bloated_page_keeps_its_article_and_attachments():
    blob = base64.b64encode(bytes(range(256)) * 4000).decode()
    page = (HEAD + f"<script>var big='{blob}';</script><style>.a{{color:red}}{'.b{}' * 100000}</style>"
            f"<img src='data:image/png;base64,{blob}'><!--{'x' * 50000}-->" + ARTICLE + "</body></html>").encode()
    assert len(page) > 2_000_000
    light, notes = lighten(page)
    assert len(light) < 20_000 and notes == []  # nothing of the text was cut
    assert b"apps1" in light and b"display:none" in light
    rec = extract(page, "http://www.example.gov.cn/xxgk/ndbg/t20180120_1.html")
    assert rec["body_text"].startswith("本报告中所列数据的统计期限") and "隐藏的旧稿" not in rec["body_text"]
    assert [a["url"] for a in rec["attachments"]] == ["http://www.example.gov.cn/att/nb2017.pdf"]


def test_a_page_too_big_even_when_clean_is_cut_and_the_cut_recorded():
    paras = "".join(f"<p>第{i}段，我县主动公开政府信息{i}条。</p>" for i in range(60000))
    page = (HEAD + "<div class='TRS_Editor'>" + paras + "</div></body></html>").encode()
    assert len(page) > MAX_PAGE_BYTES
    rec = extract(page, "http://www.example.gov.cn/a.html")
    assert any("page cut for extraction" in e for e in rec["errors"])
    assert rec["body_text"].startswith("第0段") and "第59999段" not in rec["body_text"]


def test_word_style_runs_go_first_so_a_long_pasted_report_is_not_cut():
    word = "font-family: 仿宋; font-size: 16pt; mso-spacerun: yes; mso-font-kerning: 1.0000pt;" * 3
    paras = "".join(f"<p style='{word}'><span style='{word}'>第{i}段。</span></p>" for i in range(6000))
    page = (HEAD + "<div class='TRS_Editor'>" + paras + "</div></body></html>").encode()
    assert len(page) > MAX_PAGE_BYTES
    light, notes = lighten(page)
    assert notes == [] and b"mso-font-kerning" not in light
    assert extract(page, "http://www.example.gov.cn/a.html")["body_text"].endswith("第5999段。")


def test_small_pages_are_left_as_they_are():
    page = (HEAD + ARTICLE + "</body></html>").encode()
    assert lighten(page) == (page, [])
