from govcrawl.normalize import fold_text, normalize, remove_pinyin_glosses


def test_pinyin_glosses_removed_only_where_pattern_occurs():
    assert remove_pinyin_glosses("根據(jù)《中華人民共和國(guó)政府信息公開(kāi)條例》") == "根據《中華人民共和國政府信息公開條例》"
    assert remove_pinyin_glosses("国内生产总值(GDP)增长，《办法(试行)》") == "国内生产总值(GDP)增长，《办法(试行)》"
    assert remove_pinyin_glosses("我們(men)的(de)報(bào)告") == "我們的報告"
    assert remove_pinyin_glosses("代码(de)示例") == "代码(de)示例"


def test_traditional_record_simplified():
    rec = normalize({"title": "五原縣民政局2020年政府信息公開(kāi)工作年度報(bào)告", "publisher": "五原縣民政局",
                     "body_text": "根據(jù)《條例》，本報(bào)告由我局編製。"})
    assert rec["title"] == "五原县民政局2020年政府信息公开工作年度报告"
    assert rec["publisher"] == "五原县民政局"
    assert rec["body_text"].startswith("根据《条例》")


def test_boilerplate_lines_and_duplicate_title():
    title = "路桥区2023年政务公开工作总结和2024年工作思路"
    body = "\n".join([
        "首页 >> 政府信息公开 >> 信息公开年度报告 >> 正文",
        "路桥区2023年政务公开工作总结和2024年工作思路",
        "路桥区2023年政务公开工作总结和", "2024年工作思路",
        "2023年，路桥区牢固树立以人民为中心的发展思想。",
        "2018-02-07 09:33:10 来源: 作者: 编辑:赵暖星 点击:",
        "【字体：大 中 小】", "打印本页 关闭窗口", "（责任编辑：周雁）",
    ])
    out = normalize({"title": title, "body_text": body})["body_text"].split("\n")
    assert out == ["路桥区2023年政务公开工作总结和", "2024年工作思路", "2023年，路桥区牢固树立以人民为中心的发展思想。"]


def test_single_title_heading_is_kept():
    out = normalize({"title": "某县2018年度政府信息公开工作年度报告",
                     "body_text": "某县2018年度\n政府信息公开工作年度报告\n一、概述"})["body_text"]
    assert out.startswith("某县2018年度")


def test_whitespace_and_width_folding():
    out = normalize({"title": "关于 2007\u3000年末 国债的决议", "body_text": "  \u3000\u3000第一条　内容 ２０２４年"})
    assert out["title"] == "关于2007年末国债的决议"
    assert out["body_text"] == "第一条内容 2024年"


def test_fold_text():
    assert fold_text("根據(jù)《條例》,\n 第一 | 二") == fold_text("根据《条例》，第一二")
