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


LONG = ("本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据的统计期限自2023年1月1日起至"
        "2023年12月31日止。全年主动公开政府信息326条，办理依申请公开3件。")


def test_paragraph_owner_without_any_known_container():
    raw = f"""<html><head><meta charset="utf-8"><title>某镇2023年政府信息公开工作年度报告_某县人民政府</title></head>
    <body><div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/bsfw/">办事服务</a></div>
    <div class="main"><h2>某镇2023年政府信息公开工作年度报告</h2>
    <div class="g-meta"><span>发布时间：2024-01-24</span><span>来源：某镇</span></div>
    <div class="con-text"><p>{LONG}</p><p>一、总体情况</p><p>{PARA}</p><p>某镇人民政府</p></div>
    <div class="tools"><a href="javascript:print()">打印本页</a></div></div>
    <div class="footer">版权所有：某县人民政府</div></body></html>""".encode()
    rec = extract(raw, "http://x/")
    assert rec["body_method"] == "paragraphs"
    lines = rec["body_text"].split("\n")
    assert lines[0] == LONG and lines[-1] == "某镇人民政府"
    assert "发布时间" not in rec["body_text"] and "首页" not in rec["body_text"]


def test_broad_container_narrowed_only_when_the_rest_is_furniture():
    raw = f"""<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="某县召开政务公开工作会议"></head>
    <body><div id="detailContent"><h1 class="title">某县召开政务公开工作会议</h1>
    <div class="detail"><span>时间发布：2023-06-12 09:51</span><span>信息来源：某县日报</span></div>
    <div class="content"><p>{PARA}</p><p>{LONG}</p></div><p id="xgwz">相关文章:</p></div></body></html>""".encode()
    rec = extract(raw, "http://x/")
    assert rec["body_text"].split("\n") == [PARA, LONG]
    # a real paragraph outside the inner block keeps the whole container
    raw2 = raw.replace('<p id="xgwz">相关文章:</p>'.encode(), f"<p>{LONG}再补充一句。</p>".encode())
    rec2 = extract(raw2, "http://x/")
    assert rec2["body_text"].endswith("再补充一句。")


def test_templated_title_heading_dropped_but_document_heading_kept():
    title = "某局2023年度政府信息公开工作年度报告"
    raw = f"""<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}"></head><body>
    <div class="TRS_Editor"><h1 class="article-title">{title}</h1><p>{LONG}</p></div></body></html>""".encode()
    assert extract(raw, "http://x/")["body_text"].split("\n")[0] == LONG
    raw = f"""<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}"></head><body>
    <div class="TRS_Editor"><p style="text-align:center"><strong>{title}</strong></p><p>{LONG}</p></div></body></html>""".encode()
    assert extract(raw, "http://x/")["body_text"].split("\n")[0] == title


def test_byline_and_empty_attachment_label_are_not_body():
    raw = f"""<html><head><meta charset="utf-8"></head><body><div id="zoom"><p>来源：人民网 记者：某某</p>
    <p>{PARA}</p><div class="ewb-file"><div>附件：</div><ul id="fujian"></ul></div></div></body></html>""".encode()
    assert extract(raw, "http://x/")["body_text"] == PARA


def test_signature_outside_the_inner_block_keeps_the_container():
    raw = f"""<html><head><meta charset="utf-8"></head><body><div class="TRS_Editor">
    <div class="WordSection1"><p>{PARA}</p><p>{LONG}</p></div><p>某镇</p><p>2024年1月25日</p></div></body></html>""".encode()
    assert extract(raw, "http://x/")["body_text"].split("\n")[-2:] == ["某镇", "2024年1月25日"]


def test_br_separated_text_block_is_the_article_not_a_line_of_its_parent():
    text = "为确保网络与信息安全，检查小组深入各公司进行大检查，对机房、基站、通信管道进行了严格的现场检查。" * 3
    raw = (f"<html><head><meta charset='utf-8'><title>检查</title></head><body><div class='cmain'>"
           f"<div class='ctitle'><h1>北京通管局组织专项大检查</h1></div>"
           f"<div class='cinfo'><span>发布时间：2009-09-30 10:53</span> <span>来源：北京通信管理局</span></div>"
           f"<div id='con_con'>{text}<br><br>{text}<br><br>{text}<br></div></div></body></html>")
    rec = extract(raw.encode("utf-8"), "http://x/")
    assert rec["body_text"].startswith("为确保网络与信息安全")
    assert "发布时间" not in rec["body_text"]


def test_title_wrapper_with_date_and_source_is_not_the_title():
    raw = ("<html><head><meta charset='utf-8'><title>从信息社会迈向智能社会_中央网络安全和信息化委员会办公室</title></head>"
           "<body><div class='main-title'><h1 class='title'>从信息社会迈向智能社会</h1><div class='info'>"
           "<span>2020年02月18日 09:15</span><span>来源：人民日报</span><a>【打印】</a></div></div>"
           "<div id='BodyLabel'><p>人工智能是指在机器上实现类似乃至超越人类的感知、认知、行为等智能的系统。</p></div>"
           "</body></html>")
    rec = extract(raw.encode("utf-8"), "http://x/")
    assert rec["title"] == "从信息社会迈向智能社会"


def test_h3_heading_repeating_the_title_is_not_body():
    from govcrawl.extract import extract
    raw = ("<html><head><meta charset='utf-8'><title>太原市人民政府门户网站-晋祠博物馆-董寿平美术馆</title></head><body>"
           "<div class='jianjie'><h3>董寿平美术馆</h3><p>董寿平美术馆位于晋祠博物馆内晋溪书院东侧，是一座由两进院落组成的仿古建筑。</p>"
           "<p>美术馆占地2200平方米，建筑面积870平方米，展线200米，设备先进，展柜精良。</p></div></body></html>")
    rec = extract(raw.encode("utf-8"), "https://example.gov.cn/a.html")
    assert rec["title"] == "董寿平美术馆"
    assert rec["body_text"].startswith("董寿平美术馆位于")


def test_a_page_with_only_a_pointer_to_its_attachment_keeps_that_line_as_the_body():
    from govcrawl.process import process_page

    page = ("<html><head><meta charset='utf-8'><title>某某镇2020年政府信息公开工作年度报告_某某县人民政府</title></head><body>"
            "<div class='top'><ul><li><a href='/'>首页</a></li><li><a href='/zwgk/'>政务公开</a></li></ul></div>"
            "<div class='main'><div class='ttl'>某某镇2020年政府信息公开工作年度报告</div>"
            "<div class='wz'><p>详见附件。</p><p><a href='/u/cms/2021/0115.pdf'>某某镇2020年年报.pdf</a></p></div></div>"
            "<div class='links'>相关链接：<a href='/a'>某某县教育局关于开展2021年春季学期学生资助工作的通知</a>"
            "<a href='/b'>某某县2021年第一季度重点项目建设进展情况通报</a></div>"
            "<div class='bottom'>版权所有：某某县人民政府</div></body></html>")
    rec = process_page(page.encode(), "http://www.x.gov.cn/art/2021/1/15/art_1_2.html")
    assert rec["body_text"].split("\n")[0] == "详见附件。" and "相关链接" not in rec["body_text"]
    assert rec["is_shell"] and rec["attachments"][0]["url"] == "http://www.x.gov.cn/u/cms/2021/0115.pdf"
    assert rec["title"] == "某某镇2020年政府信息公开工作年度报告" and rec["publisher"] == "某某镇"


def test_wechat_section_paste_keeps_its_short_opening_section():
    """Paragraphs pasted from a WeChat-style editor sit in nested sibling <section>s; the opening
    paragraph alone in the first section is part of the article, and single-child wrappers between
    the sections do not stop the search for it."""
    from govcrawl.extract import extract
    first = "近日，专家团队抵达玉树州，正式启动对口支援行动提升计划，助力当地提升教育教学水平。"
    rest = "".join(f"<section><p>第{i}段：专家团队在当地开展调研座谈、课程点评和主题讲座，全面了解学校的教情学情和面临的困难挑战。</p></section>"
                   for i in range(2, 8))
    html = ("<html><head><meta charset='utf-8'><title>标题</title></head><body>"
            "<div class='nav'><a href='/'>首页</a></div><div class='xl_title'>标题</div>"
            "<p><span>日期：2024-07-22</span><span>来源：某公众号</span></p>"
            f"<div class='xl_content'><div><section><section><section><p>{first}</p></section></section></section>"
            f"<section><section>{rest}</section></section></div></div>"
            "<div class='foot'>版权所有：某某委员会 主办单位：某某委员会办公室</div></body></html>")
    body = extract(html.encode("utf-8"), "https://x.gov.cn/a.html")["body_text"]
    assert body.startswith(first) and body.rstrip().endswith("面临的困难挑战。") and "版权所有" not in body
