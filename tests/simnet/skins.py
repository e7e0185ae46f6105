"""Page chrome of the generated portals: head, header, navigation, breadcrumbs and footer in the
style of each CMS, and the homepages whose way into 政府信息公开 differs from portal to portal.

Entry styles (how the homepage leads to the 信息公开 page), as county portals do it:
``nav`` a menu item; ``frameset`` the homepage is a frameset whose main frame holds the menu;
``iframe`` the menu sits in an iframe; ``select`` a 站群导航 ``<select>`` whose option values are the
URLs; ``image`` a banner image link whose only text is its alt; ``footer`` a 专题专栏 link far down
the page; ``none`` the portal has no 信息公开 entry at all.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from govcrawl.sample_portals.textutil import esc

STYLE_CLASSES = {
    # style: (body class, wrapper class, list class)
    "trs": ("trs", "main_box", "list_ul"),
    "hanweb": ("hanweb", "main-contain", "list-ul"),
    "fujian": ("trt", "content_bg_02", "rules_tabs_01"),
    "gkmlpt": ("gkml", "gkml-main", "gkml-list"),
    "epoint": ("ewb", "ewb-container", "ewb-list"),
    "easysite": ("easysite", "easysite-wrap", "easysite-list"),
    "aspnet": ("aspx", "mainbox", "gvList"),
    "old": ("old", "main", "news_list"),
}
SERVERS = {"trs": "nginx", "hanweb": "HanWeb-Server", "fujian": "nginx", "gkmlpt": "nginx/1.18.0",
           "epoint": "Apache-Coyote/1.1", "easysite": "Apache", "aspnet": "Microsoft-IIS/8.5", "old": "Microsoft-IIS/6.0"}


@dataclass
class Chrome:
    """What every page of one portal repeats."""

    name: str                      # 临朐县人民政府
    style: str                     # key of STYLE_CLASSES
    encoding: str = "utf-8"
    nav: list[tuple[str, str]] = field(default_factory=list)   # (text, href) of the top menu
    site_code: str = "3707240001"
    big5: bool = False             # every page has a 繁體 switch to /big5/<path>
    meta_charset: bool = True

    def charset(self) -> str:
        return {"gbk": "gbk", "gb2312": "gb2312"}.get(self.encoding, "utf-8")


def head(chrome: Chrome, title: str, extra: str = "") -> str:
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={chrome.charset()}">'
            if chrome.meta_charset else "")
    return (f"<!DOCTYPE html><html><head>{meta}<title>{esc(title)}_{esc(chrome.name)}</title>"
            f'<meta name="SiteName" content="{esc(chrome.name)}"><meta name="SiteIDCode" content="{chrome.site_code}">'
            f'<link rel="stylesheet" href="/css/style.css"><script src="/js/jquery.min.js"></script>{extra}</head>')


def header(chrome: Chrome) -> str:
    items = "".join(f'<li><a href="{esc(href)}">{esc(text)}</a></li>' for text, href in chrome.nav)
    return (f'<div class="header"><div class="logo"><img src="/images/logo.png" alt="{esc(chrome.name)}"></div>'
            f'<div class="top-links"><a href="/">网站首页</a> <a href="javascript:void(0)" onclick="addFavorite()">加入收藏</a>'
            f' <a href="/wza/">无障碍</a></div></div><div class="nav"><ul>{items}</ul></div>')


def footer(chrome: Chrome) -> str:
    return (f'<div class="footer"><p>主办单位：{esc(chrome.name)}办公室　承办：{esc(chrome.name)}大数据中心</p>'
            f'<p>网站标识码：{chrome.site_code}　<a href="/jiucuo/">我为政府网站找错</a>　ICP备案号：略</p></div>')


def crumbs_html(crumbs: list[tuple[str, str]]) -> str:
    if not crumbs:
        return ""
    links = " &gt; ".join(f'<a href="{esc(h)}">{esc(t)}</a>' if h else esc(t) for t, h in crumbs)
    return f'<div class="position">当前位置：<a href="/">首页</a> &gt; {links}</div>'


def page(chrome: Chrome, title: str, main: str, crumbs: list[tuple[str, str]] | None = None,
         extra_head: str = "", side: str = "") -> str:
    body_cls, wrap_cls, _ = STYLE_CLASSES[chrome.style]
    side_html = f'<div class="side">{side}</div>' if side else ""
    return (head(chrome, title, extra_head) + f'<body class="{body_cls}">' + header(chrome)
            + f'<div class="{wrap_cls}">{crumbs_html(crumbs or [])}{side_html}<div class="main">{main}</div></div>'
            + footer(chrome) + "</body></html>")


def column_tree(columns: list[tuple[str, str]], current: str = "") -> str:
    items = "".join(f'<li{" class=on" if t == current else ""}><a href="{esc(h)}">{esc(t)}</a></li>'
                    for t, h in columns)
    return f'<div class="lm_tree"><h3>信息公开目录</h3><ul>{items}</ul></div>'


# ---- homepages ---------------------------------------------------------------------------------

def _news_block(news: list[tuple[str, str, str]]) -> str:
    rows = "".join(f'<li><a href="{esc(h)}" title="{esc(t)}">{esc(t)}</a><span>{d}</span></li>' for t, h, d in news)
    return f'<div class="news"><h3>政务要闻</h3><ul>{rows}</ul></div>'


def homepage(chrome: Chrome, entry: str, word: str, xxgk_href: str, news: list[tuple[str, str, str]],
             extra_links: list[tuple[str, str]]) -> dict[str, str]:
    """Pages of the homepage for an entry style: {path: html}; "/" is always among them."""
    more = "".join(f'<li><a href="{esc(h)}">{esc(t)}</a></li>' for t, h in extra_links)
    blocks = _news_block(news) + f'<div class="links"><h3>专题专栏</h3><ul>{more}</ul></div>'
    plain_nav = [n for n in chrome.nav]
    if entry == "nav":
        chrome_nav = Chrome(**{**chrome.__dict__, "nav": plain_nav + [(word, xxgk_href)]})
        return {"/": page(chrome_nav, "首页", blocks)}
    if entry == "frameset":
        main_chrome = Chrome(**{**chrome.__dict__, "nav": plain_nav + [(word, xxgk_href)]})
        frames = (f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; '
                  f'charset={chrome.charset()}"><title>{esc(chrome.name)}</title></head>'
                  '<frameset rows="0,*" frameborder="0"><frame src="/top.html" name="top" scrolling="no">'
                  '<frame src="/main.html" name="main"></frameset><noframes><body>您的浏览器不支持框架</body>'
                  "</noframes></html>")
        return {"/": frames, "/top.html": "<html><body></body></html>",
                "/main.html": page(main_chrome, "首页", blocks)}
    if entry == "iframe":
        menu = (f'<html><head><meta charset="{chrome.charset()}"></head><body><ul class="menu">'
                + "".join(f'<li><a href="{esc(h)}" target="_top">{esc(t)}</a></li>' for t, h in plain_nav)
                + f'<li><a href="{esc(xxgk_href)}" target="_top">{esc(word)}</a></li></ul></body></html>')
        chrome_nav = Chrome(**{**chrome.__dict__, "nav": []})
        body = '<iframe src="/include/menu.html" width="100%" height="40" frameborder="0" scrolling="no"></iframe>' + blocks
        return {"/": page(chrome_nav, "首页", body), "/include/menu.html": menu}
    if entry == "select":
        options = "".join(f'<option value="{esc(h)}">{esc(t)}</option>' for t, h in
                          [("县政府办公室", "/bgs/"), (word, xxgk_href), ("县政务服务网", "/zwfw/")])
        pick = (f'<div class="zqdh"><select onchange="if(this.value)window.open(this.value)">'
                f'<option value="">站群导航</option>{options}</select></div>')
        return {"/": page(chrome, "首页", pick + blocks)}
    if entry == "image":
        banner = (f'<div class="banner"><a href="{esc(xxgk_href)}" target="_blank">'
                  f'<img src="/images/zfxxgk_banner.jpg" alt="{esc(word)}" width="1200" height="90"></a></div>')
        return {"/": page(chrome, "首页", banner + blocks)}
    if entry == "footer":
        links = [(f"{word}专栏" if not word.endswith("专栏") else word, xxgk_href)] + extra_links
        more = "".join(f'<li><a href="{esc(h)}">{esc(t)}</a></li>' for t, h in links)
        body = _news_block(news) + f'<div class="links"><h3>专题专栏</h3><ul>{more}</ul></div>'
        return {"/": page(chrome, "首页", body)}
    return {"/": page(chrome, "首页", blocks)}  # "none": no way into 信息公开
