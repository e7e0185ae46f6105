from govcrawl.extract import extract

PARA = "为深入贯彻落实政务公开工作要求，本机关持续推进政府信息公开标准化规范化建设。"


def test_trs_editor_with_table_rows_and_no_chrome():
    raw = f"""<html><head><meta charset="utf-8"></head><body><div class="nav"><a href="/">首页</a> &gt; <a>信息公开</a></div>
    <div class="TRS_Editor"><p>{PARA}</p><table><tr><td>信息内容</td><td>本年制发件数</td></tr>
    <tr><td>规章</td><td>0</td></tr></table><p>（责任编辑：张三）</p></div>
    <div class="share">分享到：微信</div><div>【打印本页】【关闭窗口】</div></body></html>""".encode()
    rec = extract(raw, "http://x/")
    lines = rec["body_text"].split("\n")
    assert lines[0] == PARA
    assert "信息内容\t本年制发件数" in lines and "规章\t0" in lines
    assert "责任编辑" not in rec["body_text"] and "首页" not in rec["body_text"]
    assert "<table>" in rec["body_html"]


def test_nested_html_root_is_searched():
    raw = f"""<html><head><meta charset="utf-8"></head><body><div class="head">页头</div></body></html>
    <div class="pages_content" id="UCAP-CONTENT"><p>{PARA}</p></div>""".encode()
    rec = extract(raw, "http://x/")
    assert PARA in rec["body_text"]


def test_hidden_copies_dropped():
    raw = f"""<html><head><meta charset="utf-8"></head><body><div id="zoom"><p>{PARA}</p>
    <div style="display:none">隐藏的重复段落</div><div class="ng-hide">另一份隐藏副本</div></div></body></html>""".encode()
    rec = extract(raw, "http://x/")
    assert "隐藏" not in rec["body_text"]


def test_nfcms_and_hanweb_markers():
    raw = f"""<html><head><meta charset="utf-8"></head><body><div>导航 新闻 政务</div><!--正文开始--><p>{PARA}</p>
    <!--正文结束--><div>网站地图 联系我们</div></body></html>""".encode()
    assert extract(raw, "http://x/")["body_text"] == PARA


def test_fallback_without_hints_finds_article():
    paras = "".join(f"<p>{PARA}第{i}条。</p>" for i in range(8))
    raw = f"""<html><head><meta charset="utf-8"></head><body><ul class="menu"><li><a href="/a">首页</a></li>
    <li><a href="/b">政务公开</a></li></ul><table><tr><td class="nr">{paras}</td></tr></table>
    <div class="foot">版权所有 某县人民政府</div></body></html>""".encode()
    rec = extract(raw, "http://x/")
    assert PARA in rec["body_text"] and "版权所有" not in rec["body_text"]
