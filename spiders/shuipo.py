"""水泊街道 (梁山县, 济宁市, 山东): reports on the 梁山县 portal, a 大汉 Hanweb jcms site."""
from govcrawl.platforms.hanweb import HanwebSpider


class ShuipoSpider(HanwebSpider):
    name = "shuipo"
    site_name = "水泊街道"
    homepage = "http://www.liangshan.gov.cn/"
    admin_code = "370832002"  # 水泊街道 (民政部 行政区划代码, 2025-12-31)
    province, city, county, township = "山东省", "济宁市", "梁山县", "水泊街道"
    level = "township"
