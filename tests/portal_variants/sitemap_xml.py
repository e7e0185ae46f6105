"""A portal whose 信息公开 entry is a banner image with neither words nor alt text, and no 网站地图
page; ``robots.txt`` names ``Sitemap: …/sitemap_index.xml``, a sitemap index of two sitemaps
(columns, articles). The 年报 column page is listed there; its own ``<title>`` says what it is."""
from __future__ import annotations

from tests.portal_variants.kit import esc
from tests.portal_variants.plain import add_details, items, portal, shell

SITE = "镇巴县"
HOME = "http://www.zhenba.gov.cn/"
COLUMN = "/zbxxgk/c102/"
NAV = '<a href="/">首页</a><a href="/zbxw/">镇巴新闻</a><a href="/zwfw/">办事服务</a>' \
      '<a href="/zbxxgk/"><img src="/images/banner_gk.jpg" width="240"></a>'
XML = "application/xml"


def urlset(locs: list[tuple[str, str]]) -> str:
    rows = "".join(f"<url><loc>{HOME.rstrip('/')}{path}</loc><lastmod>{date}</lastmod></url>" for path, date in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'


def build():
    v = portal("sitemap_xml", SITE, HOME, "610728", "陕西省", "汉中市",
               "信息公开 entry an image without alt; robots.txt Sitemap: index -> sitemaps listing the 年报 column")
    v.by_address = False  # sitemaps hold absolute URLs of the real host, served only through the replica mapping
    v.add("/", shell(SITE, SITE + "人民政府", "<p>欢迎访问</p>", NAV))
    v.add("/zbxxgk/index.html", shell(SITE, "信息公开", '<div class="gk"><a href="/zbxxgk/c101/"><img src="/images/gk_zn.png"></a>'
                                                     f'<a href="{COLUMN}"><img src="/images/gk_nb.png"></a></div>', NAV))
    v.add("/robots.txt", f"User-agent: *\nDisallow: /admin/\nSitemap: {HOME}sitemap_index.xml\n", "text/plain")
    v.add("/sitemap_index.xml", '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
          f'<sitemap><loc>{HOME}sitemap_column.xml</loc></sitemap><sitemap><loc>{HOME}sitemap_article.xml</loc></sitemap>'
          '</sitemapindex>', XML)
    rows = items(SITE, reports=8)
    done = add_details(v, SITE, rows, lambda n, t, d: f"/zbxxgk/c102/{d[:4]}{d[5:7]}/{9910 + n}.html", NAV)
    lis = "".join(f'<li><a href="{path}">{esc(t)}</a><span>{d}</span></li>' for path, t, d in done)
    v.add(COLUMN, shell(SITE, "政府信息公开年报_镇巴县人民政府", f'<ul class="list">{lis}</ul>', NAV))
    columns = [("/", "2024-06-01"), ("/zbxw/", "2024-06-01"), ("/zwfw/", "2024-05-20"), ("/zbxxgk/", "2024-05-01"),
               ("/zbxxgk/c101/", "2023-02-01"), (COLUMN, "2024-01-21")]
    v.add("/sitemap_column.xml", urlset(columns), XML)
    v.add("/sitemap_article.xml", urlset([(f"/zbxw/2024/{n:04d}.html", "2024-05-01") for n in range(30)]), XML)
    return v
