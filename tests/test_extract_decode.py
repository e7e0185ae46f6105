from govcrawl.extract import extract
from govcrawl.extract.decode import decode_html, looks_mojibake

TEXT = "<html><head>{meta}<title>关于2023年度政府信息公开工作年度报告</title></head><body><div id='zoom'><p>" + \
       "本报告根据《中华人民共和国政府信息公开条例》编制，统计期限自2023年1月1日起至2023年12月31日止。" * 3 + "</p></div></body></html>"


def test_gbk_declared_gb2312_decodes_as_gb18030():
    raw = TEXT.format(meta='<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gbk")
    text, enc, errors = decode_html(raw)
    assert enc == "gb18030" and "政府信息公开" in text and not errors


def test_missing_charset_is_detected_from_bytes():
    raw = TEXT.format(meta="").encode("gbk")
    rec = extract(raw, "http://www.example.gov.cn/a.html")
    assert rec["encoding"] == "gb18030"
    assert "统计期限" in rec["body_text"]


def test_wrong_meta_charset_is_overridden():
    raw = TEXT.format(meta='<meta charset="gbk">').encode("utf-8")
    text, enc, errors = decode_html(raw)
    assert enc == "utf-8" and "政府信息公开" in text
    assert errors and "did not fit" in errors[0]


def test_http_header_charset_wins_over_meta():
    raw = TEXT.format(meta='<meta charset="utf-8">').encode("gb18030")
    text, enc, _ = decode_html(raw, "text/html; charset=GBK")
    assert enc == "gb18030" and "年度报告" in text


def test_mojibake_detected():
    good = "本报告根据《中华人民共和国政府信息公开条例》编制，统计期限自2023年1月1日起至2023年12月31日止。" * 2
    bad = good.encode("utf-8").decode("gb18030", errors="replace")
    assert looks_mojibake(bad)
    assert not looks_mojibake(good)


def test_double_encoded_utf8_is_repaired_or_flagged():
    from govcrawl.extract.decode import decode_html

    original = "<html><body><p>路桥区2023年政务公开工作总结和2024年工作思路，全区共收到政府信息公开申请。</p></body></html>"
    lossless = original.encode("utf-8").decode("latin-1").encode("utf-8")
    text, _enc, errors = decode_html(lossless)
    assert "政务公开工作总结" in text and any("double-encoded" in e for e in errors)
    # cp1252 drops five byte values: the text cannot come back, and that is said, not stored silently
    lossy = original.encode("utf-8").decode("cp1252", errors="ignore").encode("utf-8")
    text, _enc, errors = decode_html(lossy)
    assert any("mojibake" in e for e in errors)
