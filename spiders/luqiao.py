"""路桥区 (台州市, 浙江): Zhejiang's Hanweb jcms 信息公开 platform (索引号 table on every page)."""
from govcrawl.platforms.hanweb import HanwebSpider


class LuqiaoSpider(HanwebSpider):
    name = "luqiao"
    site_name = "路桥区"
    homepage = "http://www.luqiao.gov.cn/"
    admin_code = "331004"
    province, city, county = "浙江省", "台州市", "路桥区"
    level = "county"
