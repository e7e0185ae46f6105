"""五原县民政局 (五原县, 巴彦淖尔市, 内蒙古): a TRS WCM portal with a traditional-Chinese variant."""
from govcrawl.platforms.trs import TRSSpider


class WuyuanMzjSpider(TRSSpider):
    name = "wuyuan_mzj"
    site_name = "五原县民政局"
    homepage = "http://www.wuyuan.gov.cn/"
    admin_code = "150821"
    province, city, county = "内蒙古自治区", "巴彦淖尔市", "五原县"
    level = "department"
