from govcrawl.extract import extract
from govcrawl.extract.dates import parse_date


def page(inner: str, head: str = "") -> bytes:
    return (f"<html><head><meta charset='utf-8'>{head}<title>标题</title></head><body>{inner}"
            "<div class='TRS_Editor'><p>正文第一段，内容足够长以便识别为正文。</p></div></body></html>").encode("utf-8")


def test_dates():
    assert parse_date("2024年1月12日") == "2024-01-12"
    assert parse_date("2024/1/12") == "2024-01-12"
    assert parse_date("2024-01-12 09:33:10") == "2024-01-12"
    assert parse_date("20240112") == "2024-01-12"
    assert parse_date("2024.01.12") == "2024-01-12"
    assert parse_date("二〇二四年一月十二日") == "2024-01-12"
    assert parse_date("无") is None


def test_hanweb_xxgk_table_label_in_cell():
    rec = extract(page("""<table class="xxgk"><tr><td>索引号: 002482082/2024-00332</td><td>文件编号: </td>
        <td>发布机构: 省教育厅</td></tr><tr><td>生成日期: 2024-10-21</td><td>主题分类: 教育</td>
        <td>公开方式: 主动公开</td></tr></table><span>发布日期：2024-10-22</span><span>来源：新闻办</span>"""), "http://x/")
    assert rec["index_no"] == "002482082/2024-00332"
    assert rec["doc_no"] is None
    assert rec["publisher"] == "省教育厅"
    assert rec["written_date"] == "2024-10-21"
    assert rec["published_date"] == "2024-10-22"
    assert rec["topic"] == "教育"


def test_label_value_cell_pairs_with_odd_spacing():
    rec = extract(page("""<table><tr><th>索 引 号</th><td>11330100002489628J/2024-00123</td><th>文　　号</th><td>杭政办〔2024〕3号</td></tr>
        <tr><th>发文机关</th><td>杭州市人民政府办公厅</td><th>成文日期</th><td>2024年1月5日</td></tr>
        <tr><th>有效性</th><td></td><th>主题分类</th><td></td></tr></table>"""), "http://x/")
    assert rec["index_no"] == "11330100002489628J/2024-00123"
    assert rec["doc_no"] == "杭政办〔2024〕3号"
    assert rec["publisher"] == "杭州市人民政府办公厅"
    assert rec["written_date"] == "2024-01-05"
    assert rec["topic"] is None


def test_fujian_index_box_with_ensp_labels_and_wu():
    rec = extract(page("""<div class="index_box"><ul><li>索&ensp;引&ensp;号：<font>PZ00101-1700-2023-00059</font></li>
        <li>主题分类：<font>无</font></li><li>发文机关：<font>平潭综合实验区管委会办公室</font></li>
        <li>发文字号：<font>岚综管综〔2016〕266号</font></li><li>发布日期：<font>2016-10-26</font></li>
        <li>有&ensp;效&ensp;性：<em>有效</em></li></ul></div>"""), "http://x/")
    assert rec["index_no"] == "PZ00101-1700-2023-00059"
    assert rec["topic"] is None
    assert rec["doc_no"] == "岚综管综〔2016〕266号"
    assert rec["published_date"] == "2016-10-26"


def test_plain_source_line_of_old_cms():
    rec = extract(page("<div>2018-02-07 09:33:10 来源: 作者: 编辑:赵暖星 点击:</div>"), "http://x/")
    assert rec["published_date"] == "2018-02-07"
    assert rec["publisher"] is None


def test_meta_only_page():
    head = ('<meta name="ArticleTitle" content="某县2023年政府信息公开工作年度报告"><meta name="PubDate" content="2024-01-20 10:00">'
            '<meta name="ContentSource" content="某县人民政府办公室"><meta name="SiteIDCode" content="3310040001">')
    rec = extract(page("", head), "http://x/")
    assert rec["title"] == "某县2023年政府信息公开工作年度报告"
    assert rec["published_date"] == "2024-01-20"
    assert rec["publisher"] == "某县人民政府办公室"
    assert rec["meta"]["SiteIDCode"] == "3310040001"


def test_label_quoted_in_prose_is_not_metadata():
    long = "凡本站注明“文章类型：原创”的作品，转载时必须注明：“文章来源：某某网站”。" * 3
    rec = extract(page(f"<span>来源：浙江监管局</span><p>{long}</p>"), "http://x/")
    assert rec["publisher"] == "浙江监管局"


def test_publisher_stops_at_a_date_and_at_furniture_labels():
    rec = extract(page("<div class='wzfrom'>来源：宣教中心&nbsp;&nbsp;&nbsp;&nbsp; 2022-11-14 14:59:48 【字体：大 中 小】</div>"),
                  "http://x/")
    assert rec["publisher"] == "宣教中心"
    assert rec["published_date"] == "2022-11-14"
    rec = extract(page("<p><span>发布时间：2024年01月24日</span><span>信息来源：东湖街道</span>"
                       "<span>字体：<a>大</a> <a>中</a> <a>小</a></span></p>"), "http://x/")
    assert rec["publisher"] == "东湖街道"
    assert rec["published_date"] == "2024-01-24"


def test_guangdong_classify_table_fen_lei_is_the_topic():
    rec = extract(page("<table><tr><td class='td-title'>索引号：</td><td>007021456/2024-00031</td>"
                       "<td class='td-title'>分类：</td><td>政务公开</td></tr>"
                       "<tr><td class='td-title'>发布机构：</td><td>某镇人民政府</td>"
                       "<td class='td-title'>成文日期：</td><td>2024-01-25</td></tr></table>"), "http://x/")
    assert rec["topic"] == "政务公开"
    assert rec["index_no"] == "007021456/2024-00031"
    assert rec["written_date"] == "2024-01-25"


def test_fa_wen_ri_qi_is_not_the_written_date():
    rec = extract(page("<table><tr><th>发文日期：</th><td>2024-01-26</td><th>发布日期：</th><td>2024-01-29</td></tr></table>"),
                  "http://x/")
    assert rec["written_date"] is None
    assert rec["published_date"] == "2024-01-29"


def test_publisher_cut_before_font_size_widget():
    rec = extract(page("<div class='content_attr'><span>发布时间：<b>2024-10-08</b></span><span>来源：<b>白云时事</b></span>"
                       "<span><b>字体大小：</b><a>大</a><a>中</a><a>小</a></span></div>"), "http://x/")
    assert rec["publisher"] == "白云时事"


def test_title_from_heading_when_page_title_is_only_the_site_name():
    raw = ("<html><head><meta charset='utf-8'><title>永嘉县人民政府</title></head><body>"
           "<div class='nav'><h2>永嘉县人民政府</h2></div><h1>岩头镇2023年度<br>政府信息公开工作年度报告</h1>"
           "<div class='art-txt'><p>正文第一段，内容足够长以便识别为正文，统计期限自2023年1月1日起。</p></div></body></html>").encode()
    rec = extract(raw, "http://x/")
    assert rec["title"] == "岩头镇2023年度政府信息公开工作年度报告"
    raw2 = raw.replace("<title>永嘉县人民政府</title>".encode(), "<title>详细信息</title>".encode())
    assert extract(raw2, "http://x/")["title"] == "岩头镇2023年度政府信息公开工作年度报告"


def test_moe_policy_table_labels_and_buttons_after_source():
    rec = extract(page("""<table><tr><td>信息索引：</td><td>360A12-07-2024-0008-1</td><td>生成日期：</td>
        <td>2024-06-04</td><td>发文机构：</td><td>教育部办公厅</td></tr><tr><td>发文字号：</td>
        <td>教思政厅函〔2024〕10号</td><td>信息类别：</td><td>高等教育</td></tr></table>"""), "http://x/")
    assert rec["index_no"] == "360A12-07-2024-0008-1"
    assert rec["publisher"] == "教育部办公厅"
    assert rec["topic"] == "高等教育"
    rec = extract(page("<div>发布日期：2024-06-13　来源：教育部　<a>下载</a>　<span>收藏</span></div>"), "http://x/")
    assert rec["publisher"] == "教育部"


def test_url_date_forms():
    from govcrawl.extract.metadata import url_date
    assert url_date("http://a.gov.cn/zwgk/202401/12/x.html") == "2024-01-12"
    assert url_date("http://www.sc.gov.cn/10462/10595/2020/9/15/e651.shtml") == "2020-09-15"
    assert url_date("http://a.gov.cn/2024/13/40/x.html") is None


def test_shown_url_date_beats_regenerated_meta_pubdate():
    head = "<meta name='PubDate' content='2022-10-14 10:16:14'>"
    url = "http://www.sc.gov.cn/10462/10595/2020/9/15/e651.shtml"
    rec = extract(page("<ul><li>2020年09月15日 09时32分</li><li>来源: 绵阳市政务网</li></ul>", head), url)
    assert rec["published_date"] == "2020-09-15"
    # the URL date alone (not shown on the page) does not override meta PubDate
    rec = extract(page("<ul><li>来源: 绵阳市政务网</li></ul>", head), url)
    assert rec["published_date"] == "2022-10-14"


def test_meta_pubdate_that_is_only_the_generation_time_yields_to_the_shown_date():
    head = ("<meta name='PubDate' content='2024-12-10 08:23:48'>"
            "<meta name='others' content='页面生成时间 2024-12-10 08:23:48'>")
    body = "<ul><li>2024年12月07日 08时01分</li><li>来源: 四川日报</li></ul>"
    rec = extract(page(body, head), "http://www.example.gov.cn/article.shtml")
    assert rec["published_date"] == "2024-12-07"


def test_meta_pubdate_kept_when_generation_time_differs_or_no_date_is_shown():
    head = ("<meta name='PubDate' content='2024-07-05 14:01:14'>"
            "<meta name='others' content='页面生成时间 2024-07-09 10:00:00'>")
    rec = extract(page("<ul><li>2024年07月01日</li></ul>", head), "http://x/a.shtml")
    assert rec["published_date"] == "2024-07-05"
    head = ("<meta name='PubDate' content='2024-07-05 14:01:14'>"
            "<meta name='others' content='页面生成时间 2024-07-05 14:01:14'>")
    rec = extract(page("<p>没有日期</p>", head), "http://x/a.shtml")
    assert rec["published_date"] == "2024-07-05"


def test_regenerated_meta_pubdate_yields_to_a_shijian_labelled_date():
    head = ("<meta name='PubDate' content='2024-02-29 16:00:26'>"
            "<meta name='others' content='页面生成时间 2024-02-29 16:00:26'>")
    body = "<p><span>来源：北京机关党建</span><span>时间：2023年11月14日</span></p>"
    rec = extract(page(body, head), "http://x/a.shtml")
    assert rec["published_date"] == "2023-11-14"


def test_column_header_metadata_table():
    table = ("<div id='ivs_content'><table><tr><td>索取号</td><td>发布时间</td><td>发布机构</td><td>文件编号</td>"
             "<td>备注</td></tr><tr><td>076478684Q/2024-00112</td><td></td><td>上海市卫生健康委员会</td>"
             "<td>沪卫基层〔2024〕5号</td><td></td></tr></table>"
             "<p>各区卫生健康委：今年5月19日是第14个“世界家庭医生日”，现就有关事项通知如下。</p></div>")
    raw = f"<html><head><meta charset='utf-8'><title>通知</title></head><body>{table}</body></html>"
    rec = extract(raw.encode("utf-8"), "http://x/a.html")
    assert rec["index_no"] == "076478684Q/2024-00112"
    assert rec["doc_no"] == "沪卫基层〔2024〕5号"
    assert rec["publisher"] == "上海市卫生健康委员会"
    assert "索取号" not in rec["body_text"] and "各区卫生健康委" in rec["body_text"]


def test_data_table_with_label_like_header_is_not_metadata():
    """A statistics table whose header has only one or two label words stays in the body."""
    table = ("<div class='TRS_Editor'><p>本报告统计期限自2023年1月1日起至2023年12月31日止，现予公布。</p>"
             "<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
             "<tr><td>规章</td><td>0</td><td>0</td><td>3</td></tr></table></div>")
    raw = f"<html><head><meta charset='utf-8'><title>报告</title></head><body>{table}</body></html>"
    rec = extract(raw.encode("utf-8"), "http://x/a.html")
    assert "本年制发件数" in rec["body_text"]


def test_source_stops_at_an_update_time_stamp():
    r = extract(page('<h2>某活动</h2><p>来源：<font>顺义区退役军人事务局</font>　　更新时间：2024-08-14 10:46</p>'
                     '<div><p>正文内容正文内容正文内容正文内容正文内容正文内容。</p></div>'), "https://x.gov.cn/a.html")
    assert r["publisher"] == "顺义区退役军人事务局"


def test_source_keeps_its_own_closing_bracket():
    r = extract(page('<p>信息来源：济南市文化和旅游局（原市文广新局）</p><p>正文正文正文正文正文正文正文正文。</p>'),
                "https://x.gov.cn/a.html")
    assert r["publisher"] == "济南市文化和旅游局（原市文广新局）"
    r = extract(page('<p>来源：（区发改局）</p><p>正文正文正文正文正文正文正文正文。</p>'), "https://x.gov.cn/a.html")
    assert r["publisher"] == "区发改局"


def test_source_cut_with_an_ellipsis_takes_the_whole_meta_value():
    head = '<meta name="ContentSource" content="综合自学习强国、川观新闻、成都体育学院附属体育医院等">'
    r = extract(page('<p>【来源： 综合自学习强国、川观新闻、成都体育学院附属体...】 发布日期：2023-07-19</p>'
                     '<p>正文正文正文正文正文正文正文正文。</p>', head), "https://x.gov.cn/a.html")
    assert r["publisher"] == "综合自学习强国、川观新闻、成都体育学院附属体育医院等"
    # a meta value that does not continue the shown one is not taken
    head = '<meta name="ContentSource" content="四川省人民政府网站">'
    r = extract(page('<p>来源：某某县融媒体...</p><p>正文正文正文正文正文正文正文正文。</p>', head), "https://x.gov.cn/a.html")
    assert r["publisher"] == "某某县融媒体..."


def test_doc_no_standing_alone_at_the_top_of_the_body():
    from govcrawl.extract.metadata import doc_no_heading
    assert doc_no_heading("川卫函〔2025〕46号\n唐家文代表：\n首先非常感谢…") == "川卫函〔2025〕46号"
    assert doc_no_heading("\n  岚综管综〔2015〕233号 \n关于…") == "岚综管综〔2015〕233号"
    # a 文号 cited inside a sentence, or one far down the body, is not the page's own
    assert doc_no_heading("根据《通知》（国办发〔2019〕1号）要求，现将…") is None
    assert doc_no_heading("第一行\n第二行\n第三行\n国办发〔2019〕1号") is None
