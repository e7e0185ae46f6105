from govcrawl.region import resolve_region


def test_site_registry_wins_and_township_gets_its_code():
    r = resolve_region({"publisher": "水泊街道"}, {"admin_code": "370832"})
    assert (r["province"], r["city"], r["county"], r["township"], r["admin_code"]) == (
        "山东省", "济宁市", "梁山县", "水泊街道", "370832002")


def test_township_short_name_in_title():
    r = resolve_region({"title": "金塘2018年度政府信息公开工作年度总结报告"}, {"admin_code": "330902"})
    assert (r["county"], r["township"], r["admin_code"]) == ("定海区", "金塘镇", "330902100")


def test_county_report_is_not_taken_for_its_namesake_township():
    r = resolve_region({"title": "路桥区2023年政务公开工作总结和2024年工作思路", "publisher": "路桥区府办"},
                       {"admin_code": "331004", "county": "路桥区"})
    assert r["township"] is None and r["admin_code"] == "331004"


def test_siteidcode_and_township_publisher():
    r = resolve_region({"meta": {"SiteIDCode": "1101150005"}, "publisher": "采育镇"})
    assert r["county"] == "大兴区" and r["township"] == "采育镇" and r["admin_code"] == "110115104"


def test_siteidcode_refined_by_publisher_name():
    r = resolve_region({"meta": {"SiteIDCode": "3590000001"}, "publisher": "平潭综合实验区管委会办公室"})
    assert r["province"] == "福建省" and r["county"] == "平潭县"


def test_credit_code_in_index_no():
    r = resolve_region({"index_no": "11330102002489628J/2024-00123"})
    assert r["admin_code"] == "330102" and r["city"] == "杭州市"


def test_publisher_name_only():
    r = resolve_region({"publisher": "路桥区府办"})
    assert r["admin_code"] == "331004" and r["province"] == "浙江省"


def test_nothing_known():
    r = resolve_region({"publisher": "省教育厅"})
    assert r["admin_code"] is None and r["province"] is None
