"""The site list an operator hands to `govcrawl crawl --sites`: the forms it comes in."""
import pytest

from govcrawl.registry import RegistryError, load_registry, parse_registry


def names_and_homepages(text):
    sites, problems = parse_registry(text)
    return [(s.name, s.homepage) for s in sites], problems


def test_english_and_chinese_headers_and_bare_hosts():
    want = [("梁山县", "http://www.liangshan.gov.cn/"), ("西峰区", "http://127.0.0.1:8001/")]
    text = "梁山县,www.liangshan.gov.cn\n西峰区,http://127.0.0.1:8001/\n"
    assert names_and_homepages("name,homepage\n" + text) == (want, [])
    assert names_and_homepages("名称,网址\n" + text) == (want, [])
    assert names_and_homepages(" Name , URL \n" + text) == (want, [])
    assert names_and_homepages(text) == (want, [])  # no header line at all
    assert names_and_homepages("name\thomepage\n" + text.replace(",", "\t")) == (want, [])


def test_bad_rows_are_named_and_the_rest_load():
    sites, problems = parse_registry("name,homepage\n某县,ftp://x.gov.cn/\n,http://y.gov.cn/\n\n某镇,http://z.gov.cn/\n"
                                     "某镇,http://z.gov.cn/\n")
    assert [s.name for s in sites] == ["某镇"]
    assert problems[0].startswith("line 2:") and "not an http(s) URL" in problems[0]
    assert problems[1].startswith("line 3:") and "no name" in problems[1]
    assert problems[2].startswith("line 6:") and "repeats line 5" in problems[2]


def test_files_that_are_not_site_lists(tmp_path):
    with pytest.raises(RegistryError, match="header line"):
        parse_registry("just some words\nand more\n")
    with pytest.raises(RegistryError, match="no registry file"):
        load_registry(tmp_path / "missing.csv")
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("名称,网址\n梁山县,http://www.liangshan.gov.cn/\n".encode("gb18030"))
    assert [s.name for s in load_registry(gbk)[0]] == ["梁山县"]
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\x00\x01" * 100)
    with pytest.raises(RegistryError, match="not a CSV"):
        load_registry(binary)
