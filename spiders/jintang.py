"""金塘镇 (定海区, 舟山市, 浙江): the township's 信息公开 column on the 定海区 portal."""
from govcrawl.platforms.hanweb import HanwebSpider


class JintangSpider(HanwebSpider):
    name = "jintang"
    site_name = "金塘镇"
    homepage = "http://www.dinghai.gov.cn/"
    admin_code = "330902100"  # 金塘镇 (民政部 行政区划代码, 2025-12-31)
    province, city, county, township = "浙江省", "舟山市", "定海区", "金塘镇"
    level = "township"
