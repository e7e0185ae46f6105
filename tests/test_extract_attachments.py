from govcrawl.extract import extract
from govcrawl.extract.attachments import file_type


def test_file_types():
    assert file_type("/a/b.PDF") == "pdf"
    assert file_type("/down.jsp?filename=2001.docx") == "docx"
    assert file_type("/x/y.jpg") == "image"
    assert file_type("/col/col1/index.html") is None


def test_attachment_list_js_array_and_photo_skipped():
    raw = """<html><head><meta charset="utf-8"></head><body><div class="header"><a href="/guide.pdf">指南</a></div>
    <div class="article_content"><p>现将有关事项通知如下，请认真贯彻执行。详见附件。</p>
    <p><a href="/picture/0/1.jpg"><img src="/picture/s1.jpg"></a></p></div>
    <ul id="file_ul_fj"><li><a href="/attachFiles/a.pdf">办法.pdf</a></li></ul>
    <script>var apps1 = [{name:"办法.pdf",url:"http://www.example.gov.cn/attachFiles/a.pdf"},
    {name:"表格.xls",url:"/attachFiles/b.xls"}];</script></body></html>""".encode()
    rec = extract(raw, "http://www.example.gov.cn/art/2024/1/12/art_1_2.html")
    urls = [a["url"] for a in rec["attachments"]]
    assert urls == ["http://www.example.gov.cn/attachFiles/a.pdf", "http://www.example.gov.cn/attachFiles/b.xls"]
    assert rec["attachments"][0]["name"] == "办法.pdf" and rec["attachments"][1]["type"] == "xls"
