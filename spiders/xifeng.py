"""西峰区 (庆阳市, 甘肃): an older CMS, served in GB2312, with 下一页 pagination."""
from govcrawl.platforms.base import DisclosureSpider


class XifengSpider(DisclosureSpider):
    name = "xifeng"
    site_name = "西峰区"
    homepage = "http://www.xifeng.gov.cn/"
    admin_code = "621002"
    province, city, county = "甘肃省", "庆阳市", "西峰区"
    level = "county"
